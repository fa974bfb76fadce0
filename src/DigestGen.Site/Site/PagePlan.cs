namespace DigestGen.Site;

/// <summary>
/// A page to be drawn by whoever takes it: its route, known before drawing, and <see cref="Source"/>,
/// one hash of everything the page is drawn from. When that hash equals the one recorded with the
/// published file, drawing again would give the same bytes, so a rebuild keeps the file undrawn.
/// Zero means "always draw" (pages that show site-wide counts, which change with every seed).
/// </summary>
/// <param name="source">Computes the source hash; called by whoever takes the plan, as hashing 100,000
/// pages inside the one enumerator every drawing thread shares would run on one core.</param>
public sealed class PagePlan(string route, Func<UInt128>? source, Func<SitePage> draw)
{
    private UInt128? _source;

    public string Route => route;

    public Func<SitePage> Draw => draw;

    public UInt128 Source => _source ??= source?.Invoke() ?? UInt128.Zero;

    public string File => Routes.FileFor(Route);

    public static PagePlan Always(string route, Func<SitePage> draw) => new(route, null, draw);
}
