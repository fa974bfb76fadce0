using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Feeds;

/// <summary>Every generated feed of the real site, read back by real feed-parsing libraries.</summary>
public class FeedTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private const string BaseUrl = "https://example.org/digest/";

    private IEnumerable<string> FeedFolders =>
        Directory.EnumerateDirectories(Path.Combine(site.Output, "topics")).Select(d => Path.GetRelativePath(site.Output, d) + "/").Prepend("");

    [Fact]
    public void Rss_feeds_parse_with_System_ServiceModel_Syndication()
    {
        foreach (var folder in FeedFolders)
        {
            using var reader = XmlReader.Create(Path.Combine(site.Output, folder, "feed.xml"));
            var feed = SyndicationFeed.Load(reader);
            Assert.NotEmpty(feed.Items);
            Assert.InRange(feed.Items.Count(), 1, 50);
            Assert.All(feed.Items, item => AssertItem(item.Id, item.Links[0].Uri.ToString(), item.PublishDate));
            Assert.Equal(feed.Items.Max(i => i.PublishDate), feed.LastUpdatedTime);
            var self = XDocument.Load(Path.Combine(site.Output, folder, "feed.xml")).Descendants(XName.Get("link", "http://www.w3.org/2005/Atom")).Single();
            Assert.Equal("self", self.Attribute("rel")?.Value);
            Assert.Equal(BaseUrl + folder + "feed.xml", self.Attribute("href")?.Value);
        }
    }

    [Fact]
    public void Atom_feeds_parse_with_System_ServiceModel_Syndication()
    {
        foreach (var folder in FeedFolders)
        {
            using var reader = XmlReader.Create(Path.Combine(site.Output, folder, "atom.xml"));
            var feed = SyndicationFeed.Load(reader);
            Assert.Equal(BaseUrl + folder, feed.Id);
            Assert.NotEmpty(feed.Authors);
            Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.ToString() == BaseUrl + folder + "atom.xml");
            Assert.All(feed.Items, item =>
            {
                Assert.StartsWith("urn:digestgen:", item.Id);
                AssertItem(item.Id["urn:digestgen:".Length..], item.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString(), item.LastUpdatedTime);
                Assert.IsType<TextSyndicationContent>(item.Content);
                Assert.Equal("html", ((TextSyndicationContent)item.Content).Type);
            });
            Assert.Equal(feed.Items.Max(i => i.LastUpdatedTime), feed.LastUpdatedTime);
        }
    }

    [Fact]
    public void Rss_and_atom_parse_with_CodeHollow_FeedReader()
    {
        foreach (var file in new[] { "feed.xml", "atom.xml", "topics/efficient-inference/feed.xml", "topics/efficient-inference/atom.xml" })
        {
            var feed = CodeHollow.FeedReader.FeedReader.ReadFromString(File.ReadAllText(Path.Combine(site.Output, file)));
            Assert.NotEmpty(feed.Items);
            Assert.All(feed.Items, i =>
            {
                Assert.False(string.IsNullOrWhiteSpace(i.Title));
                Assert.StartsWith(BaseUrl, i.Link);
                Assert.NotNull(i.PublishingDate);
            });
        }
    }

    [Fact]
    public async Task All_three_formats_parse_with_feed_extractor_and_agree()
    {
        var files = FeedFolders.SelectMany(f => new[] { "feed.xml", "atom.xml", "feed.json" }.Select(n => Path.Combine(site.Output, f, n))).ToList();
        var feeds = await NodeFeedParser.ParseAsync(files);

        Assert.Equal(files.Count, feeds.Count);
        foreach (var triple in feeds.Chunk(3))
        {
            var ids = triple.Select(f => f.Entries.Select(e => e.Id.Replace("urn:digestgen:", "")).ToList()).ToList();
            Assert.NotEmpty(ids[0]);
            Assert.Equal(ids[0], ids[1]);
            Assert.Equal(ids[0], ids[2]);
            Assert.All(triple, f => Assert.All(f.Entries, e => Assert.StartsWith(BaseUrl, e.Link)));
            Assert.Equal(triple[0].Entries.Select(e => e.Published), triple[2].Entries.Select(e => e.Published));
        }
    }

    [Fact]
    public void Json_feeds_have_the_required_fields()
    {
        foreach (var folder in FeedFolders)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.Output, folder, "feed.json")));
            var root = doc.RootElement;
            Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
            Assert.Equal(BaseUrl + folder, root.GetProperty("home_page_url").GetString());
            Assert.Equal(BaseUrl + folder + "feed.json", root.GetProperty("feed_url").GetString());
            Assert.All(root.GetProperty("items").EnumerateArray(), item =>
            {
                Assert.False(string.IsNullOrEmpty(item.GetProperty("id").GetString()));
                Assert.Matches(@"^\d{4}-\d{2}-\d{2}T00:00:00Z$", item.GetProperty("date_published").GetString());
            });
        }
    }

    [Fact]
    public void Opml_lists_every_topic_feed()
    {
        var opml = XDocument.Load(Path.Combine(site.Output, "feeds.opml"));
        var urls = opml.Descendants("outline").Select(o => o.Attribute("xmlUrl")?.Value).OfType<string>().ToList();
        Assert.Contains(BaseUrl + "feed.xml", urls);
        foreach (var folder in FeedFolders.Skip(1))
        {
            Assert.Contains(BaseUrl + folder + "feed.xml", urls);
        }
    }

    [Fact]
    public void Pages_link_their_own_feeds()
    {
        var topic = site.Page("topics/efficient-inference/index.html");
        Assert.Equal(
            ["topics/efficient-inference/feed.xml", "topics/efficient-inference/atom.xml", "topics/efficient-inference/feed.json"],
            topic.QuerySelectorAll("link[rel=alternate]").Select(l => l.GetAttribute("href")!.Replace("../../", "")).ToArray());
        var home = site.Page("index.html");
        Assert.Equal(["./feed.xml", "./atom.xml", "./feed.json"], home.QuerySelectorAll("link[rel=alternate]").Select(l => l.GetAttribute("href")!).ToArray());
        Assert.Equal("application/feed+json", home.QuerySelectorAll("link[rel=alternate]")[2].GetAttribute("type"));
    }

    private void AssertItem(string id, string link, DateTimeOffset date)
    {
        var papers = site.Papers.RootElement;
        var paper = papers.GetProperty("papers").EnumerateArray().FirstOrDefault(p => p.GetProperty("id").GetString() == id);
        var post = papers.GetProperty("posts").EnumerateArray().FirstOrDefault(p => p.GetProperty("id").GetString() == id);
        var entry = paper.ValueKind != JsonValueKind.Undefined ? paper : post;
        Assert.True(entry.ValueKind != JsonValueKind.Undefined, $"feed item {id} is no paper or post");
        Assert.Equal(entry.GetProperty("digestDate").GetString(), date.UtcDateTime.ToString("yyyy-MM-dd"));
        Assert.StartsWith(BaseUrl, link);
        var page = link[BaseUrl.Length..].Split('#')[0];
        Assert.True(File.Exists(Path.Combine(site.Output, page, "index.html")), link);
    }
}
