using System.Security;
using System.Text;

namespace DigestGen.Site;

/// <summary>
/// <c>sitemap.xml</c> and <c>robots.txt</c>, with absolute URLs from the base URL. The sitemap protocol allows
/// 50,000 URLs in a file: a larger site gets <c>sitemap.xml</c> as a sitemap index of <c>sitemap-1.xml</c>, <c>sitemap-2.xml</c> ….
/// </summary>
public static class SitemapXml
{
    public const int UrlsPerFile = 50_000;

    private const string Head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>Every sitemap file by route: one urlset, or an index and its parts.</summary>
    public static IReadOnlyList<(string Route, string Xml)> Build(string baseUrl, IEnumerable<string> routes, int urlsPerFile = UrlsPerFile)
    {
        var sorted = routes.Order(StringComparer.Ordinal).ToList();
        if (sorted.Count <= urlsPerFile)
        {
            return [(Routes.Sitemap, UrlSet(baseUrl, sorted))];
        }

        var parts = sorted.Chunk(urlsPerFile).Select((chunk, i) => (Routes.SitemapPart(i + 1), UrlSet(baseUrl, chunk))).ToList();
        var index = new StringBuilder(Head).Append("<sitemapindex xmlns=\"").Append(Namespace).Append("\">\n");
        foreach (var (route, _) in parts)
        {
            index.Append("  <sitemap><loc>").Append(SecurityElement.Escape(baseUrl + route)).Append("</loc></sitemap>\n");
        }

        return [(Routes.Sitemap, index.Append("</sitemapindex>\n").ToString()), .. parts];
    }

    private static string UrlSet(string baseUrl, IEnumerable<string> routes)
    {
        var sb = new StringBuilder(Head).Append("<urlset xmlns=\"").Append(Namespace).Append("\">\n");
        foreach (var route in routes)
        {
            sb.Append("  <url><loc>").Append(SecurityElement.Escape(baseUrl + route)).Append("</loc></url>\n");
        }

        return sb.Append("</urlset>\n").ToString();
    }

    public static string Robots(string baseUrl) =>
        baseUrl.Length == 0
            ? "User-agent: *\nAllow: /\n"
            : $"User-agent: *\nAllow: /\n\nSitemap: {baseUrl}{Routes.Sitemap}\n";
}
