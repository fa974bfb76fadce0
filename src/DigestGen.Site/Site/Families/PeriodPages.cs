using DigestGen.Curate;

namespace DigestGen.Site;

/// <summary>
/// A page per ISO week at <c>/weeks/YYYY-Www/</c> or per month at <c>/months/YYYY-MM/</c>: the period's top
/// papers (the first <see cref="Routes.PageSize"/> in list order), its digest dates with their counts, links to
/// the periods beside it, and the period's feeds. A new seed changes only the periods its papers fall in.
/// </summary>
public sealed class PeriodPages(PeriodKind kind) : IPageFamily
{
    public IEnumerable<PagePlan> Plan(PlanContext site)
    {
        var periods = Periods(site.Index, kind);
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var previous = i > 0 ? periods[i - 1].Period : null;
            var next = i + 1 < periods.Count ? periods[i + 1].Period : null;
            var shown = new Lazy<List<Paper>>(() => Top(site.Index, period.Dates));
            yield return new PagePlan(period.Period.Route, site.Hash(s => Inputs(s, site.Index, period, shown.Value, previous, next)), () => Page(site, period, shown.Value, previous, next));
        }
    }

    /// <summary>Every period with a digest date in it, oldest first, with those dates.</summary>
    private static List<PeriodDates> Periods(SiteIndex index, PeriodKind kind) =>
        index.Dates
            .GroupBy(d => DigestPeriod.Of(kind, d))
            .Select(g => new PeriodDates(g.Key, g.ToList()))
            .ToList();

    /// <summary>The period's first <see cref="Routes.PageSize"/> papers in list order (titled, most upvoted first).</summary>
    private static List<Paper> Top(SiteIndex index, IReadOnlyList<DateOnly> dates) =>
        dates.SelectMany(d => index.PapersByDate.GetValueOrDefault(d) ?? []).Order(SiteIndex.PaperOrder).Take(Routes.PageSize).ToList();

    private static UInt128 Inputs(PageInputs inputs, SiteIndex index, PeriodDates period, List<Paper> shown, DigestPeriod? previous, DigestPeriod? next)
    {
        var hash = inputs.Page(period.Period.Kind.ToString()).Add(period.Period.Key).Add(previous?.Key ?? "").Add(next?.Key ?? "").Papers(shown);
        foreach (var day in period.Dates)
        {
            hash.Add(day).Add(index.PapersByDate.GetValueOrDefault(day)?.Count ?? 0).Add(index.PostsByDate.GetValueOrDefault(day)?.Count ?? 0);
        }

        return hash.Value;
    }

    private static SitePage Page(PlanContext site, PeriodDates period, List<Paper> shown, DigestPeriod? previous, DigestPeriod? next)
    {
        var (index, views) = (site.Index, site.Views);
        var words = views.Words;
        var route = period.Period.Route;
        var papers = period.Dates.Sum(d => index.PapersByDate.GetValueOrDefault(d)?.Count ?? 0);
        var posts = period.Dates.Sum(d => index.PostsByDate.GetValueOrDefault(d)?.Count ?? 0);
        var title = views.PeriodName(period.Period);
        var span = views.DateSpan(period.Period.First, period.Period.Last);
        var model = new PeriodPage(
            title,
            span,
            words.Format("period.stats", ("papers", words.Count("papers", papers)), ("posts", words.Count("posts", posts))),
            shown.Select(views.Card).ToList(),
            papers,
            period.Dates.Select(d => new CountLink(Routes.Date(d), views.LongDate(d), index.PapersByDate.GetValueOrDefault(d)?.Count ?? 0)).ToList(),
            previous is null ? null : new LinkView(previous.Route, views.PeriodName(previous)),
            next is null ? null : new LinkView(next.Route, views.PeriodName(next)),
            period.Period.Kind == PeriodKind.Week ? words.Text("period.week_nav") : words.Text("period.month_nav"));
        var description = words.Format("period.description", ("papers", words.Count("papers", papers)), ("span", span));
        var feeds = views.HasFeeds ? views.FeedLinks(route, words.Format("feeds.topic_title", ("site", views.Site.Title), ("topic", title))) : [];
        return new SitePage(route, "period", views.Head(title, description, route, [], feeds), model, "dates");
    }

    /// <summary>A week or month and its digest dates, oldest first.</summary>
    private sealed record PeriodDates(DigestPeriod Period, IReadOnlyList<DateOnly> Dates);
}
