namespace DigestGen.Site;

/// <summary>
/// One entry of a feed: a paper or a post. <see cref="Id"/> is the paper's or post's own id, so an item
/// keeps it across rebuilds and seed additions; <see cref="Date"/> is the day it entered the digest.
/// </summary>
public sealed record FeedItem(
    string Id,
    string Title,
    string Url,
    DateOnly Date,
    IReadOnlyList<(string Slug, string Name)> Categories,
    string ContentHtml,
    string Summary);
