namespace DigestGen.Ingest;

/// <summary>What one seed file yielded.</summary>
public sealed record SeedIngestResult(
    string File,
    string Format,
    DateOnly CaptureDate,
    int LineCount,
    IReadOnlyList<ListingRecord> Listings,
    IReadOnlyList<AbstractRecord> Abstracts,
    IReadOnlyList<PostRecord> Posts)
{
    public int RecordCount => Listings.Count + Abstracts.Count + Posts.Count;

    public static SeedIngestResult Skipped(string file, DateOnly captureDate, int lineCount = 0) =>
        new(file, SeedFormat.Unknown, captureDate, lineCount, [], [], []);
}
