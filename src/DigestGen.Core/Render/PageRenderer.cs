using DigestGen.Site;

namespace DigestGen.Render;

/// <summary>Draws a <see cref="SitePage"/>: its page template inside the theme's layout.</summary>
public sealed class PageRenderer(Theme theme, SiteInfo site, string assetVersion)
{
    public string Render(SitePage page)
    {
        var body = theme.RenderPage(page.Template, new PageContext(site, page.Root, page.Model, assetVersion));
        return theme.RenderLayout(new LayoutContext(site, page.Root, page.Head, body, page.Section, assetVersion));
    }

    /// <summary>What a page template sees: <c>{{Page.X}}</c>, and <c>{{@root.Root}}</c> to prefix every link.</summary>
    public sealed record PageContext(SiteInfo Site, string Root, object Page, string AssetVersion);

    /// <summary>What the layout sees; <c>Body</c> is the rendered page.</summary>
    public sealed record LayoutContext(SiteInfo Site, string Root, PageHead Head, string Body, string Section, string AssetVersion);
}
