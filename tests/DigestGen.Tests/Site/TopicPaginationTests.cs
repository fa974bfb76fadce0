using AngleSharp.Html.Parser;
using DigestGen.Curate;
using DigestGen.Pipeline;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Site;

/// <summary>A topic's archive pages keep their papers as the topic grows, so a new seed rewrites only its first page.</summary>
public class TopicPaginationTests
{
    private const string Topics = """
        topics:
          - slug: caches
            name: Caches
            description: KV caches.
            strong: [kv cache]
        """;

    private static string Listing(int from, int count, string date) =>
        Seeds.Listing(string.Concat(Enumerable.Range(from, count).Select(i =>
            $"KV Cache Eviction Variant {i}\n\nKey value cache eviction variant {i} decides which cached attention entries a transformer drops when memory runs out during long generations.\n\n")), date);

    private static ContentFolder Site() =>
        new ContentFolder("title: T\nseeds:\n  - file: seeds/a.txt\n    captured: 2025-08-19\n  - file: seeds/b.txt\n    captured: 2025-08-20\n")
            .WithThemes()
            .With("topics.yml", Topics)
            .With("seeds/a.txt", Listing(0, 60, "Aug 19"))
            .With("seeds/b.txt", Listing(60, 60, "Aug 20"));

    private static BuildResult Build(ContentFolder content) =>
        SiteBuilder.Build(new BuildOptions(content.Content, content.Output, new DateOnly(2026, 1, 1)));

    private static BuildResult AddSeed(ContentFolder content, string name, string captured, string text)
    {
        File.AppendAllText(Path.Combine(content.Content, "digest.yml"), $"  - file: seeds/{name}\n    captured: {captured}\n");
        content.With($"seeds/{name}", text);
        return Build(content);
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Page(ContentFolder content, string route) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(content.Output, route, "index.html")));

    private static List<string> Cards(ContentFolder content, string route) =>
        Page(content, route).QuerySelectorAll("ol.cards > li .card-title a, ol.rows > li.row > a").Select(a => a.TextContent.Trim()).ToList();

    private static string? Link(ContentFolder content, string route, string rel) =>
        Page(content, route).QuerySelector($"nav.pager a[rel={rel}]")?.GetAttribute("href");

    [Fact]
    public void Archive_pages_hold_fifty_papers_counted_from_the_oldest_and_the_first_page_the_rest()
    {
        using var content = Site();
        Build(content);

        var first = Cards(content, "topics/caches");
        var archive = Cards(content, "topics/caches/page/1");
        Assert.Equal(70, first.Count);
        Assert.Equal(50, archive.Count);
        Assert.False(Directory.Exists(Path.Combine(content.Output, "topics/caches/page/2")));
        Assert.Equal(120, first.Concat(archive).Distinct().Count());

        // The first page shows cards; an archive page lists its papers as rows.
        Assert.Equal(70, Page(content, "topics/caches").QuerySelectorAll("ol.cards > li.card").Length);
        Assert.Equal(50, Page(content, "topics/caches/page/1").QuerySelectorAll("ol.rows > li.row").Length);
        Assert.Empty(Page(content, "topics/caches/page/1").QuerySelectorAll("li.card"));
        Assert.All(archive, title => Assert.True(int.Parse(title.Split(' ')[^1]) < 60, $"{title} is not among the oldest"));
        Assert.Equal("../../../../topics/caches/", Link(content, "topics/caches/page/1", "prev"));
        Assert.Null(Link(content, "topics/caches/page/1", "next"));
        Assert.Equal("../../topics/caches/page/1/", Link(content, "topics/caches", "next"));
        Assert.Contains("120 papers", Page(content, "topics/caches").QuerySelector(".stats")!.TextContent);
        Assert.DoesNotContain("120", Page(content, "topics/caches/page/1").QuerySelector(".stats")!.TextContent);
    }

    [Fact]
    public void A_new_seed_rewrites_the_first_page_only_until_a_new_archive_page_fills()
    {
        using var content = Site();
        Build(content);
        var archived = File.ReadAllBytes(Path.Combine(content.Output, "topics/caches/page/1/index.html"));
        var oldestFifty = Cards(content, "topics/caches/page/1");

        var second = AddSeed(content, "c.txt", "2025-08-21", Listing(120, 20, "Aug 21"));

        Assert.Contains("topics/caches/index.html", second.Publish.WrittenFiles);
        Assert.DoesNotContain("topics/caches/page/1/index.html", second.Publish.WrittenFiles);
        Assert.Equal(archived, File.ReadAllBytes(Path.Combine(content.Output, "topics/caches/page/1/index.html")));
        Assert.Equal(90, Cards(content, "topics/caches").Count);

        var firstBefore = Cards(content, "topics/caches");
        AddSeed(content, "d.txt", "2025-08-22", Listing(140, 20, "Aug 22"));

        // 160 papers: a second archive page takes the oldest fifty of the first page; the first archive page keeps its papers.
        Assert.Equal(oldestFifty, Cards(content, "topics/caches/page/1"));
        Assert.Equal(firstBefore.TakeLast(50), Cards(content, "topics/caches/page/2"));
        Assert.Equal(60, Cards(content, "topics/caches").Count);
        Assert.Equal("../../../../topics/caches/page/2/", Link(content, "topics/caches/page/1", "prev"));
        Assert.Equal("../../../../topics/caches/", Link(content, "topics/caches/page/2", "prev"));
        Assert.Equal("../../../../topics/caches/page/1/", Link(content, "topics/caches/page/2", "next"));
        Assert.Equal("../../topics/caches/page/2/", Link(content, "topics/caches", "next"));
    }
}
