using System.ServiceModel.Syndication;
using System.Xml;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Feeds;

/// <summary>Feeds of small inline sites: escaping, and what adding a seed does.</summary>
public class FeedBuildTests
{
    private const string Topics = """
        topics:
          - slug: efficient-inference
            name: Efficient inference
            description: Faster models.
            strong: [kv cache]
          - slug: speech
            name: Speech & audio
            description: Listening.
            strong: [speech]
        """;

    private static ContentFolder Site(string digestYml = "title: T & Co\nbase_url: https://example.org/d/\nfeed_items: 50\nseeds:\n  - file: seeds/a.txt\n    captured: 2025-08-19\n") =>
        new ContentFolder(digestYml).WithThemes().With("topics.yml", Topics)
            .With("seeds/a.txt", Seeds.Listing(
                $"Faster KV Cache Eviction\n\n{Seeds.LongAbstract("kv cache eviction")}\n\nSpeech Models That Listen\n\n{Seeds.LongAbstract("speech recognition")}\n\n" +
                $"Tags <b> & \"Quotes\" in a KV Cache Title\n\n{Seeds.LongAbstract("kv cache <i>markup</i> & ampersands")}\n", "Aug 19"));

    private static SyndicationFeed Load(string path)
    {
        using var reader = XmlReader.Create(path);
        return SyndicationFeed.Load(reader);
    }

    private static void Build(ContentFolder content) =>
        Assert.Equal(0, CliRun.Of("build", "--content", content.Content, "--output", content.Output, "--build-date", "2026-01-01").ExitCode);

    [Fact]
    public void Titles_with_markup_characters_arrive_intact_as_text()
    {
        using var content = Site();
        Build(content);
        const string title = "Tags <b> & \"Quotes\" in a KV Cache Title";

        foreach (var file in new[] { "feed.xml", "atom.xml" })
        {
            var item = Load(Path.Combine(content.Output, file)).Items.Single(i => i.Title.Text.StartsWith("Tags", StringComparison.Ordinal));
            Assert.Equal(title, item.Title.Text);
        }

        var rssItem = Load(Path.Combine(content.Output, "feed.xml")).Items.Single(i => i.Title.Text == title);
        var html = ((TextSyndicationContent)rssItem.Summary).Text;
        Assert.Contains("kv cache &lt;i&gt;markup&lt;/i&gt; &amp; ampersands", html);
        Assert.DoesNotContain("&amp;lt;", html);

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(content.Output, "feed.json")));
        Assert.Contains(json.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == title);
        Assert.Equal("T & Co", Load(Path.Combine(content.Output, "atom.xml")).Title.Text);
    }

    [Fact]
    public void A_new_seed_puts_its_papers_on_top_and_keeps_existing_ids()
    {
        using var content = Site();
        Build(content);
        var before = Load(Path.Combine(content.Output, "feed.xml")).Items.Select(i => (i.Id, i.Links[0].Uri)).ToList();
        var topicBefore = Load(Path.Combine(content.Output, "topics", "efficient-inference", "feed.xml")).Items.Select(i => i.Id).ToList();
        var speechBefore = File.ReadAllBytes(Path.Combine(content.Output, "topics", "speech", "feed.xml"));

        File.AppendAllText(Path.Combine(content.Content, "digest.yml"), "  - file: seeds/b.txt\n    captured: 2025-11-04\n");
        content.With("seeds/b.txt", Seeds.Listing($"Brand New KV Cache Compression\n\n{Seeds.LongAbstract("kv cache compression")}\n"));
        Build(content);

        var after = Load(Path.Combine(content.Output, "feed.xml")).Items.ToList();
        Assert.Equal("Brand New KV Cache Compression", after[0].Title.Text);
        Assert.Equal(new DateTimeOffset(2025, 11, 4, 0, 0, 0, TimeSpan.Zero), after[0].PublishDate);
        Assert.Equal(before, after.Skip(1).Select(i => (i.Id, i.Links[0].Uri)).ToList());

        var topicAfter = Load(Path.Combine(content.Output, "topics", "efficient-inference", "feed.xml"));
        Assert.Equal("Brand New KV Cache Compression", topicAfter.Items.First().Title.Text);
        Assert.Equal(topicBefore, topicAfter.Items.Skip(1).Select(i => i.Id).ToList());
        Assert.Equal(new DateTimeOffset(2025, 11, 4, 0, 0, 0, TimeSpan.Zero), topicAfter.LastUpdatedTime);

        Assert.Equal(speechBefore, File.ReadAllBytes(Path.Combine(content.Output, "topics", "speech", "feed.xml")));
    }

    [Fact]
    public void Feed_length_is_configurable()
    {
        using var content = Site("title: T\nbase_url: https://example.org/d/\nfeed_items: 2\n");
        Build(content);
        Assert.Equal(2, Load(Path.Combine(content.Output, "feed.xml")).Items.Count());
    }

    [Fact]
    public void Without_a_base_url_there_are_no_feeds_and_check_says_why()
    {
        using var content = Site("title: T\n");
        var build = CliRun.Of("build", "--content", content.Content, "--output", content.Output, "--build-date", "2026-01-01");

        Assert.False(File.Exists(Path.Combine(content.Output, "feed.xml")));
        Assert.Contains("no base_url is configured", build.Out);
        var check = CliRun.Of("check", "--content", content.Content, "--build-date", "2026-01-01");
        Assert.Contains("no base_url is configured", check.Out);
    }
}
