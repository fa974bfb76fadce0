namespace DigestGen.Site;

/// <summary>
/// A kind of page the site has many of, one per paper, topic or date (next: per organisation, per week).
/// A new family is a class of its own and one entry in <see cref="PageFamilies.Default"/>; it plans
/// its pages from the site's lists and views, and says what each page's inputs hash covers.
/// </summary>
public interface IPageFamily
{
    IEnumerable<PagePlan> Plan(PlanContext site);
}

/// <summary>What every page family plans from.</summary>
/// <param name="Inputs">Inputs hashes for the pages a rebuild may keep; null when every page is rendered.</param>
public sealed record PlanContext(SiteIndex Index, PageViews Views, PageInputs? Inputs)
{
    /// <summary>A page's inputs hash, to be computed by whoever takes its plan (hashing 100,000 pages in the one enumerator rendering threads share would run on one core); none without <see cref="Inputs"/>.</summary>
    public Func<UInt128>? Hash(Func<PageInputs, UInt128> hash) => Inputs is { } inputs ? () => hash(inputs) : null;
}
