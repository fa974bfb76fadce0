namespace DigestGen.Site;

// The data templates see. URLs are root-relative routes; templates prefix them with {{ root }}.
// Every string is plain text, which templates escape as they write it; markup we made is of type Html.

public sealed record LinkView(string Url, string Text);

/// <summary>A link out of the site: <paramref name="Href"/> is an absolute http(s) URL, written as it is (no <c>{{ root }}</c>).</summary>
public sealed record ExternalLink(string Href, string Text);

public sealed record TopicChip(string Url, string Name);

public sealed record PaperCard(
    string Id,
    string Url,
    string Title,
    bool TitleDerived,
    string DigestDate,
    string DigestDateUrl,
    string? Published,
    int? Upvotes,
    string? Byline,
    string Snippet,
    IReadOnlyList<TopicChip> Topics);

public sealed record PostView(string Id, string DigestDate, string DateUrl, Html Text, string Source, IReadOnlyList<LinkView> Papers);

public sealed record CountLink(string Url, string Text, int Count);

/// <summary>A <c>&lt;meta name content&gt;</c> tag a page family adds to its pages' heads (Highwire's <c>citation_title</c>, …).</summary>
public sealed record MetaTag(string Name, string Content);

public sealed record FeedLink(string Type, string Title, string Url);

/// <summary>
/// What goes in a page's head: title, description, canonical URL (empty without a base URL), Open Graph type
/// (<c>website</c>, <c>article</c>), the page family's own meta tags, and feeds. The layout writes the Open Graph
/// tags from the title, description, site title and canonical URL.
/// </summary>
public sealed record PageHead(string Title, string Description, string Canonical, string Type, IReadOnlyList<MetaTag> Meta, IReadOnlyList<FeedLink> Feeds);

/// <summary>Links to the newer (rel=prev) and older (rel=next) page of a list, what this page holds, and the links' words.</summary>
public sealed record Pager(string? PreviousUrl, string? NextUrl, string Label, string PreviousText, string NextText)
{
    public bool HasLinks => PreviousUrl is not null || NextUrl is not null;
}

public sealed record SiteInfo(string Title, string Description, string Language, string BaseUrl);
