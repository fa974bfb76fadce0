namespace DigestGen.Site;

/// <summary>
/// A feed in all three formats: <c>{Folder}feed.xml</c> (RSS 2.0), <c>{Folder}atom.xml</c> (Atom 1.0)
/// and <c>{Folder}feed.json</c> (JSON Feed 1.1), next to the page <see cref="HomeRoute"/> they follow.
/// </summary>
public sealed record FeedDefinition(string Folder, string Title, string Description, string HomeRoute, IReadOnlyList<FeedItem> Items)
{
    public const string RssFile = "feed.xml";
    public const string AtomFile = "atom.xml";
    public const string JsonFile = "feed.json";

    public string RssRoute => Folder + RssFile;

    public string AtomRoute => Folder + AtomFile;

    public string JsonRoute => Folder + JsonFile;

    /// <summary>The newest item's date: an unchanged digest gives a byte-identical feed.</summary>
    public DateOnly? Updated => Items.Count == 0 ? null : Items.Max(i => i.Date);

    /// <summary>The autodiscovery links of the feeds in a folder, titled with <c>feeds.link</c> ("Title (RSS)").</summary>
    public static IReadOnlyList<FeedLink> LinksFor(string folder, string title, Words words) =>
    [
        new("application/rss+xml", words.Format("feeds.link", ("feed", title), ("format", words.Text("feeds.rss"))), folder + RssFile),
        new("application/atom+xml", words.Format("feeds.link", ("feed", title), ("format", words.Text("feeds.atom"))), folder + AtomFile),
        new("application/feed+json", words.Format("feeds.link", ("feed", title), ("format", words.Text("feeds.json"))), folder + JsonFile),
    ];
}
