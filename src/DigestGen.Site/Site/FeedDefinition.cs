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

    public IReadOnlyList<FeedLink> Links => LinksFor(Folder, Title);

    /// <summary>The autodiscovery links of the feeds in a folder.</summary>
    public static IReadOnlyList<FeedLink> LinksFor(string folder, string title) =>
    [
        new("application/rss+xml", title + " (RSS)", folder + RssFile),
        new("application/atom+xml", title + " (Atom)", folder + AtomFile),
        new("application/feed+json", title + " (JSON Feed)", folder + JsonFile),
    ];
}
