namespace DigestGen.Config;

/// <summary>The site's configuration, from <c>content/digest.yml</c>.</summary>
public sealed record DigestConfig
{
    public string Title { get; init; } = "Paper Digest";

    public string Description { get; init; } = "";

    /// <summary>Absolute URL the site is served from, ending in '/'; empty when not configured.</summary>
    public string BaseUrl { get; init; } = "";

    public string Language { get; init; } = "en";

    public string Theme { get; init; } = "default";

    public string Author { get; init; } = "";

    public int FeedItems { get; init; } = 50;

    public IReadOnlyList<SeedManifestEntry> Seeds { get; init; } = [];
}
