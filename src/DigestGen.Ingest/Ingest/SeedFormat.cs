namespace DigestGen.Ingest;

/// <summary>The names of the seed formats DigestGen reads (see <see cref="SeedFormats"/>), as reports and caches write them.</summary>
public static class SeedFormat
{
    /// <summary>A file no format fits (or that is empty, binary, …): reported and skipped.</summary>
    public const string Unknown = "unknown";

    public const string Listing = "listing";

    public const string AbstractList = "abstract-list";

    public const string SocialPosts = "social-posts";
}
