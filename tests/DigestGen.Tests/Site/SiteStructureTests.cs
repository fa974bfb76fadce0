using System.Text.Json;
using System.Xml.Linq;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Site;

/// <summary>The built real site, read back with AngleSharp.</summary>
public class SiteStructureTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private const string BaseUrl = "https://example.org/digest/";

    [Fact]
    public void Every_sitemap_url_is_a_page()
    {
        var sitemap = XDocument.Load(Path.Combine(site.Output, "sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = sitemap.Descendants(ns + "loc").Select(l => l.Value).ToList();

        Assert.True(locs.Count > 200);
        Assert.All(locs, loc =>
        {
            Assert.StartsWith(BaseUrl, loc);
            var route = loc[BaseUrl.Length..];
            Assert.True(File.Exists(Path.Combine(site.Output, route, "index.html")), $"sitemap lists {loc} but there is no page");
        });
        Assert.Equal(site.HtmlFiles.Count(f => f != "404.html"), locs.Count);
    }

    [Fact]
    public void Every_internal_link_and_asset_resolves()
    {
        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var file in site.HtmlFiles)
        {
            var doc = site.Page(file);
            var refs = doc.QuerySelectorAll("a[href]").Select(e => e.GetAttribute("href")!)
                .Concat(doc.QuerySelectorAll("link[href]").Select(e => e.GetAttribute("href")!))
                .Concat(doc.QuerySelectorAll("script[src], img[src]").Select(e => e.GetAttribute("src")!));
            foreach (var href in refs)
            {
                if (href.StartsWith("http:", StringComparison.Ordinal) || href.StartsWith("https:", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                checkedLinks++;
                if (!Resolves(file, href))
                {
                    broken.Add($"{file}: {href}");
                }
            }
        }

        Assert.True(checkedLinks > 5000, $"only {checkedLinks} links checked");
        Assert.True(broken.Count == 0, string.Join("\n", broken.Take(20)));
    }

    [Fact]
    public void Every_paper_has_exactly_one_page()
    {
        var slugs = Papers().Select(p => p.GetProperty("slug").GetString()!).ToList();
        var pages = Directory.GetDirectories(Path.Combine(site.Output, "papers")).Select(Path.GetFileName).ToList();

        Assert.Equal(208, slugs.Count);
        Assert.Equal(slugs.Order(), pages.Order());
        Assert.All(pages, p => Assert.True(File.Exists(Path.Combine(site.Output, "papers", p!, "index.html"))));
    }

    [Fact]
    public void Topic_pages_list_exactly_their_papers()
    {
        var byTopic = Papers()
            .SelectMany(p => p.GetProperty("topics").EnumerateArray().Select(t => (Topic: t.GetString()!, Slug: p.GetProperty("slug").GetString()!)))
            .GroupBy(x => x.Topic, x => x.Slug);
        foreach (var topic in byTopic)
        {
            var listed = Directory.EnumerateFiles(Path.Combine(site.Output, "topics", topic.Key), "index.html", SearchOption.AllDirectories)
                .SelectMany(f => site.Page(Path.GetRelativePath(site.Output, f)).QuerySelectorAll("ol.cards > li .card-title a"))
                .Select(a => SlugOf(a.GetAttribute("href")!))
                .ToList();
            Assert.Equal(topic.Order(), listed.Order());
            Assert.Equal(listed.Count, listed.Distinct().Count());
        }
    }

    [Fact]
    public void A_topic_of_fewer_than_a_hundred_papers_is_one_page()
    {
        // Archive pages begin at 100 papers (TopicPagination; TopicPaginationTests builds a topic that large).
        var reasoning = Papers().Count(p => p.GetProperty("topics").EnumerateArray().Any(t => t.GetString() == "reasoning"));
        Assert.InRange(reasoning, 40, 99);
        Assert.Equal(reasoning, site.Page("topics/reasoning/index.html").QuerySelectorAll("ol.cards > li").Length);
        Assert.False(Directory.Exists(Path.Combine(site.Output, "topics", "reasoning", "page")));
        Assert.Null(site.Page("topics/reasoning/index.html").QuerySelector("nav.pager"));
    }

    [Fact]
    public void Date_pages_list_exactly_the_papers_of_that_day()
    {
        foreach (var day in Papers().GroupBy(p => p.GetProperty("digestDate").GetString()!))
        {
            var slugs = day.Select(p => p.GetProperty("slug").GetString()!).Order().ToList();
            var page = site.Page($"dates/{day.Key}/index.html");
            var listed = page.QuerySelectorAll("ol.cards > li .card-title a, ol.rows > li > a").Select(a => SlugOf(a.GetAttribute("href")!)).ToList();
            Assert.Equal(slugs, listed.Order());

            // A day of more than 30 papers is a list by topic, whose script reads the abstracts' openings from the
            // search records of that date; no second page of its cards is written.
            var rows = page.QuerySelectorAll("ol.rows > li").Length;
            Assert.Equal(day.Count() > 30 ? day.Count() : 0, rows);
            if (rows > 0)
            {
                var list = page.QuerySelector("section[data-snippets]")!;
                Assert.Equal(day.Key, list.GetAttribute("data-date"));
                Assert.Equal("../../search/", list.GetAttribute("data-snippets"));
            }

            Assert.False(Directory.Exists(Path.Combine(site.Output, "dates", day.Key, "cards")));
        }

        var posts = site.Page("dates/2026-11-22/index.html").QuerySelectorAll("article.post");
        Assert.Equal(20, posts.Length);
    }

    [Fact]
    public void Every_page_has_one_h1_landmarks_and_a_skip_link()
    {
        Assert.All(site.HtmlFiles, file =>
        {
            var doc = site.Page(file);
            Assert.Equal(1, doc.QuerySelectorAll("h1").Length);
            Assert.NotNull(doc.QuerySelector("main#main"));
            Assert.NotNull(doc.QuerySelector("header nav[aria-label]"));
            Assert.Equal("#main", doc.QuerySelector("a.skip-link")?.GetAttribute("href"));
            Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        });
    }

    [Fact]
    public void Paper_pages_carry_citation_and_open_graph_tags()
    {
        var kivi = Papers().Single(p => p.GetProperty("title").GetString()!.StartsWith("PRvL:", StringComparison.Ordinal));
        var slug = kivi.GetProperty("slug").GetString();
        var doc = site.Page($"papers/{slug}/index.html");

        string? Meta(string attr, string key) => doc.QuerySelector($"meta[{attr}='{key}']")?.GetAttribute("content");
        Assert.Equal(kivi.GetProperty("title").GetString(), Meta("name", "citation_title"));
        Assert.Equal("2025/08/07", Meta("name", "citation_publication_date"));
        Assert.Equal(BaseUrl + $"papers/{slug}/", doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Null(Meta("property", "og:url")); // the canonical link says it once
        Assert.Equal("article", Meta("property", "og:type"));
        Assert.Null(Meta("name", "citation_abstract"));

        // One copy of the abstract (issue 24): a short description, no og:description, and the related papers as title links.
        Assert.Null(Meta("property", "og:description"));
        Assert.InRange(Meta("name", "description")!.Length, 100, 161);
        Assert.Empty(doc.QuerySelectorAll("link[rel=alternate]"));
        var related = doc.QuerySelectorAll("section[aria-labelledby=related-heading] ol.rows > li");
        Assert.Equal(5, related.Length);
        Assert.All(related, li => Assert.Equal(li.TextContent, li.QuerySelector("a")!.TextContent));
    }

    [Fact]
    public void Inline_math_and_emphasis_render_without_raw_tex()
    {
        var zebra = Papers().Single(p => p.GetProperty("title").GetString()!.StartsWith("Zebra-CoT:", StringComparison.Ordinal));
        var doc = site.Page($"papers/{zebra.GetProperty("slug").GetString()}/index.html");
        var abstractElement = doc.QuerySelector("p.abstract")!;
        Assert.Equal("Zebra-CoT", abstractElement.QuerySelector("strong")?.TextContent);
        Assert.DoesNotContain("\\textbf", abstractElement.TextContent);
        Assert.DoesNotContain("$", abstractElement.TextContent);
    }

    [Fact]
    public void Pages_load_at_most_30_kb_of_css_and_js()
    {
        var home = site.Page("index.html");
        var assets = home.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(home.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!))
            .Select(h => Path.Combine(site.Output, h.Split('?')[0]));
        var bytes = assets.Sum(a => new FileInfo(a).Length) + home.QuerySelectorAll("script:not([src])").Sum(s => s.TextContent.Length);
        Assert.InRange(bytes, 1, 30 * 1024);
    }

    [Fact]
    public void Robots_points_at_the_sitemap()
    {
        Assert.Contains($"Sitemap: {BaseUrl}sitemap.xml", File.ReadAllText(Path.Combine(site.Output, "robots.txt")));
    }

    private IEnumerable<JsonElement> Papers() => site.Papers.RootElement.GetProperty("papers").EnumerateArray();

    private static string SlugOf(string href) => href.TrimEnd('/').Split('/')[^1];

    /// <summary>Resolves a link as a browser would from the page's URL, and checks the target (and #fragment) exists.</summary>
    private bool Resolves(string pageFile, string href)
    {
        var pageUrl = new Uri(new Uri(BaseUrl), pageFile.EndsWith("index.html", StringComparison.Ordinal) ? pageFile[..^"index.html".Length] : pageFile);
        var target = new Uri(pageUrl, href);
        var path = target.AbsolutePath;
        if (!path.StartsWith("/digest/", StringComparison.Ordinal))
        {
            return false;
        }

        var relative = Uri.UnescapeDataString(path["/digest/".Length..]);
        var file = Path.Combine(site.Output, relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative);
        if (!File.Exists(file))
        {
            return false;
        }

        if (target.Fragment.Length > 1 && file.EndsWith(".html", StringComparison.Ordinal))
        {
            return site.Page(Path.GetRelativePath(site.Output, file)).GetElementById(target.Fragment[1..]) is not null;
        }

        return true;
    }

    [Fact]
    public void The_paper_shards_hold_what_papers_json_holds_gzipped_and_split_by_the_first_hex_digit_of_the_id()
    {
        var folder = Path.Combine(site.Output, "data", "papers");
        using var index = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "index.json")));
        var root = index.RootElement;
        Assert.Equal(208, root.GetProperty("papers").GetInt32());
        Assert.Equal(1, root.GetProperty("digits").GetInt32());
        Assert.Equal(2, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("gzip", root.GetProperty("compression").GetString());

        var sharded = new List<string>();
        foreach (var shard in root.GetProperty("shards").EnumerateArray())
        {
            var file = shard.GetProperty("file").GetString()!;
            Assert.EndsWith(".json.gz", file);
            using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(folder, file)), System.IO.Compression.CompressionMode.Decompress);
            using var doc = System.Text.Json.JsonDocument.Parse(gzip);
            var papers = doc.RootElement.GetProperty("papers").EnumerateArray().Select(p => p.GetRawText()).ToList();
            Assert.Equal(shard.GetProperty("papers").GetInt32(), papers.Count);
            Assert.All(papers, p => Assert.StartsWith("{\"id\":\"p" + file[0], p));
            Assert.True(new FileInfo(Path.Combine(folder, file)).Length < 25 * 1024 * 1024);
            sharded.AddRange(papers);
        }

        var whole = site.Papers.RootElement.GetProperty("papers").EnumerateArray()
            .Select(p => System.Text.Json.JsonSerializer.Serialize(p)).ToList();
        Assert.Equal(whole, sharded.Select(p => System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(p).RootElement)).ToList());
        using var posts = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, root.GetProperty("postsFile").GetString()!)));
        Assert.Equal(20, posts.RootElement.GetProperty("posts").GetArrayLength());
    }
}
