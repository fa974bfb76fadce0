namespace DigestGen.Site;

/// <summary>
/// Every URL of the site, decided in one place. Routes are relative to the site root and end in '/'
/// for pages (served as <c>index.html</c>); pages link with <c>Root + route</c>, so the same output
/// works at a domain root, under a sub-path and from any static server.
/// </summary>
public static class Routes
{
    public const int PageSize = 50;

    public const string Home = "";
    public const string Topics = "topics/";
    public const string Dates = "dates/";
    public const string About = "about/";
    public const string Search = "search/";
    public const string Feeds = "feeds/";
    public const string Status = "status/";
    public const string Saved = "saved/";

    /// <summary>The reading list's service worker: inside <see cref="Saved"/>, so it serves that page alone (offline) and nothing else.</summary>
    public const string SavedWorker = "saved/sw.js";

    /// <summary>
    /// Where a theme asset is published: <c>assets/&lt;file&gt;</c>, but for the reading list's service worker
    /// (<c>saved-sw.js</c>), which serves only pages at or below its own folder and so goes to <see cref="SavedWorker"/>.
    /// </summary>
    public static string Asset(string file) => file == "saved-sw.js" ? SavedWorker : "assets/" + file;
    public const string FeedsOpml = "feeds.opml";
    public const string NotFound = "404.html";
    public const string Sitemap = "sitemap.xml";
    public const string Robots = "robots.txt";

    /// <summary>A part of a sitemap too large for one file (<see cref="SitemapXml.UrlsPerFile"/>); <see cref="Sitemap"/> is then their index.</summary>
    public static string SitemapPart(int number) => $"sitemap-{number}.xml";

    public static string Paper(string slug) => $"papers/{slug}/";

    public static string Topic(string slug) => $"topics/{slug}/";

    /// <summary>A topic's archive page; 1 holds its oldest papers (see <see cref="TopicPagination"/>).</summary>
    public static string TopicArchive(string slug, int page) => $"topics/{slug}/page/{page}/";

    public static string Date(DateOnly date) => $"dates/{date:yyyy-MM-dd}/";

    /// <summary>An ISO week's page: <c>weeks/2026-W47/</c>.</summary>
    public static string Week(string key) => $"weeks/{key}/";

    /// <summary>A calendar month's page: <c>months/2026-11/</c>.</summary>
    public static string Month(string key) => $"months/{key}/";

    public static string Post(DateOnly date, string postId) => $"{Date(date)}#{postId}";

    /// <summary>The file a route is written to.</summary>
    public static string FileFor(string route) => route.Length == 0 || route.EndsWith('/') ? route + "index.html" : route;

    /// <summary>The prefix that leads from a page back to the site root: "./", "../", "../../" …</summary>
    public static string RootFrom(string route)
    {
        var file = FileFor(route);
        var depth = file.AsSpan().Count('/');
        return depth == 0 ? "./" : string.Concat(Enumerable.Repeat("../", depth));
    }

    /// <summary>Absolute URL of a route under the configured base URL ("" when none is configured).</summary>
    public static string Absolute(string baseUrl, string route) => baseUrl.Length == 0 ? "" : baseUrl + route;
}
