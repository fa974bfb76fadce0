namespace DigestGen.Pipeline;

/// <summary>What a build reads, where it writes, and the date it treats as today.</summary>
public sealed record BuildOptions(string ContentDir, string OutputDir, DateOnly BuildDate)
{
    public string? ThemesDir { get; init; }

    /// <summary>The themes folder: <see cref="ThemesDir"/>, or <c>themes/</c> beside the content folder.</summary>
    public string ThemesFolder => ThemesDir ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ContentDir))!, "themes");

    /// <summary>Replaces the configured base URL (CI knows the real one).</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The seed formats read, in the order they are tried.</summary>
    public IReadOnlyList<Ingest.ISeedFormat> SeedFormats { get; init; } = Ingest.SeedFormats.Default;

    /// <summary>The page families the site has (a page per paper, topic, date), in the order they are planned.</summary>
    public IReadOnlyList<Site.IPageFamily> PageFamilies { get; init; } = Site.PageFamilies.Default;

    /// <summary>Whether theme templates are compiled where they can be (false: all rendered by Scriban's interpreter, the same pages more slowly; for comparing the two).</summary>
    public bool CompileTemplates { get; init; } = true;

    /// <summary>Whether a build waits for another build of the same output folder to finish (false: it fails at once).</summary>
    public bool WaitForLock { get; init; } = true;

    /// <summary>Told, with a line for the user, when the build waits for another one.</summary>
    public Action<string>? Waiting { get; init; }

    /// <summary>
    /// Today's date unless pinned: <c>SOURCE_DATE_EPOCH</c> (the reproducible-builds convention) wins,
    /// so tests and CI get the same output on any day.
    /// </summary>
    public static DateOnly ResolveBuildDate(string? pinned)
    {
        if (!string.IsNullOrEmpty(pinned))
        {
            return DateOnly.ParseExact(pinned, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (long.TryParse(epoch, out var seconds))
        {
            return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
        }

        return DateOnly.FromDateTime(DateTime.UtcNow);
    }
}
