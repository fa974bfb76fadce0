namespace DigestGen.Ingest;

/// <summary>Provenance of a record: the seed file (relative to content/), the line it starts on, and when that seed was captured.</summary>
public sealed record SourceRef(string File, int Line, DateOnly CaptureDate);
