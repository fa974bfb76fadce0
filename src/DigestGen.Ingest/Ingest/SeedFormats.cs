namespace DigestGen.Ingest;

/// <summary>The seed formats DigestGen reads, in the order they are tried: the first whose detection fits a file reads it.</summary>
public static class SeedFormats
{
    public static IReadOnlyList<ISeedFormat> Default { get; } =
    [
        new AbstractListFormat(),
        new ListingFormat(),
        new SocialPostsFormat(),
    ];

    /// <summary>The default format of that name, or null.</summary>
    public static ISeedFormat? Named(string name) => Default.FirstOrDefault(f => f.Name == name);
}
