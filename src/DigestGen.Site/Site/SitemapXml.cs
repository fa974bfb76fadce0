using System.Security;
using System.Text;

namespace DigestGen.Site;

/// <summary><c>sitemap.xml</c> and <c>robots.txt</c>, with absolute URLs from the base URL.</summary>
public static class SitemapXml
{
    public static string Build(string baseUrl, IEnumerable<string> routes)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var route in routes.Order(StringComparer.Ordinal))
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
