using DigestGen.Tests.Support;

namespace DigestGen.Tests.Site;

/// <summary>The home page leads with the newest day (titled papers by upvotes, then derived headlines, its posts beside), then the week's and month's top papers.</summary>
public class HomePageTests
{
    private const string Digest = """
        title: T
        base_url: https://example.org/d/
        seeds:
          - file: seeds/a.txt
            captured: 2025-10-30
          - file: seeds/b.txt
            captured: 2025-11-03
          - file: seeds/c.txt
            captured: 2025-11-05
          - file: seeds/d.txt
            captured: 2025-11-05
          - file: seeds/e.txt
            captured: 2025-11-05
        """;

    private static string Paper(string title, string topic, int votes, string date) =>
        $"{title}\n\n{Seeds.LongAbstract(topic)}\n\n  • 3 authors\n·\n{date} {votes}\n\n";

    private static ContentFolder Site() =>
        new ContentFolder(Digest)
            .WithThemes()
            .With("seeds/a.txt", Seeds.Listing(Paper("October Favourite", "speech recognition", 40, "Oct 30"), "Oct 30"))
            .With("seeds/b.txt", Seeds.Listing(Paper("Monday Paper With Votes", "kv cache eviction", 9, "Nov 3"), "Nov 3"))
            .With("seeds/c.txt", Seeds.Listing(Paper("Alpha Few Votes", "speculative decoding", 1, "Nov 5") + Paper("Zeta Many Votes", "reward models", 7, "Nov 5"), "Nov 5"))
            .With("seeds/d.txt", "Department of Examples, Example University\nAbstract:We introduce Gamma, a method for mixture of experts routing that balances load across devices without auxiliary losses.\n")
            .With("seeds/e.txt", "Our new paper on routing is out!\nhttps://t.co/abc123\n🧵\n");

    [Fact]
    public void The_newest_day_leads_titled_papers_by_upvotes_then_derived_headlines_with_its_posts_beside()
    {
        using var content = Site();
        Assert.Equal(0, CliRun.Of("build", "--content", content.Content, "--output", content.Output, "--build-date", "2025-11-06").ExitCode);
        var home = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(content.Output, "index.html")));

        Assert.Equal("November 5, 2025", home.QuerySelector("#latest-heading a")!.TextContent);
        var latest = home.QuerySelectorAll(".home-day ol.cards > li .card-title a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Zeta Many Votes", "Alpha Few Votes"], latest.Take(2));
        Assert.Equal(3, latest.Count);
        Assert.StartsWith("Gamma", latest[2]);
        Assert.NotNull(home.QuerySelectorAll(".home-day ol.cards > li").Last().QuerySelector(".badge"));
        Assert.Contains("Our new paper on routing is out!", home.QuerySelector(".home-posts")!.TextContent);

        // Week 45 runs from Monday November 3; October's paper is in neither the week nor the month.
        var tops = home.QuerySelectorAll(".home-browse section").Take(2).ToList();
        Assert.StartsWith("This week", tops[0].QuerySelector("h2")!.TextContent);
        Assert.Equal(["Monday Paper With Votes", "Zeta Many Votes", "Alpha Few Votes"], tops[0].QuerySelectorAll("ol.upvoted a").Select(a => a.TextContent));
        Assert.Equal("./weeks/2025-W45/", tops[0].QuerySelector("p a")!.GetAttribute("href"));
        Assert.StartsWith("This month", tops[1].QuerySelector("h2")!.TextContent);
        Assert.Equal("./months/2025-11/", tops[1].QuerySelector("p a")!.GetAttribute("href"));
        Assert.Equal("October Favourite", home.QuerySelector("#upvoted-heading + ol a")!.TextContent);
    }

    [Fact]
    public void Week_and_month_pages_list_their_papers_and_link_their_neighbours_and_feeds()
    {
        using var content = Site();
        Assert.Equal(0, CliRun.Of("build", "--content", content.Content, "--output", content.Output, "--build-date", "2025-11-06").ExitCode);
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var week = parser.ParseDocument(File.ReadAllText(Path.Combine(content.Output, "weeks", "2025-W45", "index.html")));
        var month = parser.ParseDocument(File.ReadAllText(Path.Combine(content.Output, "months", "2025-10", "index.html")));

        Assert.Equal("Week 45, 2025", week.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Monday Paper With Votes", "Zeta Many Votes", "Alpha Few Votes"], week.QuerySelectorAll("ol.rows > li > a").Select(a => a.TextContent).Take(3));
        Assert.Equal("../../weeks/2025-W44/", week.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(["../../dates/2025-11-03/", "../../dates/2025-11-05/"], week.QuerySelectorAll("ul.counts a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(week.QuerySelector("link[rel=alternate][href='../../weeks/2025-W45/feed.xml']"));
        Assert.Contains("Zeta Many Votes", File.ReadAllText(Path.Combine(content.Output, "weeks", "2025-W45", "feed.xml")));
        Assert.DoesNotContain("October Favourite", File.ReadAllText(Path.Combine(content.Output, "weeks", "2025-W45", "atom.xml")));

        Assert.Equal("October 2025", month.QuerySelector("h1")!.TextContent);
        Assert.Equal("../../months/2025-11/", month.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        var date = parser.ParseDocument(File.ReadAllText(Path.Combine(content.Output, "dates", "2025-11-05", "index.html")));
        Assert.Equal(["../../weeks/2025-W45/", "../../months/2025-11/"], date.QuerySelectorAll("p.periods a").Select(a => a.GetAttribute("href")));
    }
}
