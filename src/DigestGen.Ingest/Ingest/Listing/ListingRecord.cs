namespace DigestGen.Ingest;

/// <summary>One paper as a listing page shows it.</summary>
public sealed record ListingRecord(
    string Title,
    string Abstract,
    int? AuthorCount,
    string? Organisation,
    RawDate? Published,
    int? Upvotes,
    RawDate? PageDate,
    SourceRef Source);
