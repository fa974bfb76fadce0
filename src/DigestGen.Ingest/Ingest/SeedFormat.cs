namespace DigestGen.Ingest;

public enum SeedFormat
{
    Unknown,
    Listing,
    AbstractList,
    SocialPosts,
}

public static class SeedFormatNames
{
    public static string Name(this SeedFormat format) => format switch
    {
        SeedFormat.Listing => "listing",
        SeedFormat.AbstractList => "abstract-list",
        SeedFormat.SocialPosts => "social-posts",
        _ => "unknown",
    };

    public static SeedFormat Parse(string name) =>
        Enum.GetValues<SeedFormat>().FirstOrDefault(f => f.Name() == name, SeedFormat.Unknown);
}
