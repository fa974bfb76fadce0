namespace DigestGen.Site;

/// <summary>One page of the site: where it goes, which template renders it, and its data.</summary>
public sealed record SitePage(string Route, string Template, PageHead Head, object Model, string Section)
{
    /// <summary>Prefix from this page to the site root; the 404 page, served at any path, uses the absolute base path.</summary>
    public string Root { get; init; } = Routes.RootFrom(Route);

    public string File => Routes.FileFor(Route);
}
