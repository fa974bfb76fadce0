namespace DigestGen.Site;

/// <summary>
/// A page to be drawn by whoever takes it: its route, known before drawing, and <see cref="Source"/>,
/// one hash of everything the page is drawn from. When that hash equals the one recorded with the
/// published file, drawing again would give the same bytes, so a rebuild keeps the file undrawn.
/// Zero means "always draw" (pages that show site-wide counts, which change with every seed).
/// </summary>
public sealed record PagePlan(string Route, UInt128 Source, Func<SitePage> Draw)
{
    public string File => Routes.FileFor(Route);

    public static PagePlan Always(string route, Func<SitePage> draw) => new(route, UInt128.Zero, draw);
}
