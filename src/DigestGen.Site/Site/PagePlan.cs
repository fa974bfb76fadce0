namespace DigestGen.Site;

/// <summary>
/// A page to be rendered by whoever takes it: its route, known before rendering, and <see cref="Inputs"/>,
/// one hash of everything the page is rendered from. When that hash equals the one recorded with the
/// published file, rendering again would give the same bytes, so a rebuild keeps the file as it is.
/// Zero means "always render" (pages that show site-wide counts, which change with every seed).
/// </summary>
/// <param name="inputs">Computes the inputs hash; called by whoever takes the plan, as hashing 100,000
/// pages inside the one enumerator every rendering thread shares would run on one core.</param>
/// <param name="page">Makes the page's data (<see cref="SitePage"/>), which a theme then renders.</param>
public sealed class PagePlan(string route, Func<UInt128>? inputs, Func<SitePage> page)
{
    private UInt128? _inputs;

    public string Route => route;

    public Func<SitePage> Page => page;

    public UInt128 Inputs => _inputs ??= inputs?.Invoke() ?? UInt128.Zero;

    public string File => Routes.FileFor(Route);

    public static PagePlan Always(string route, Func<SitePage> page) => new(route, null, page);
}
