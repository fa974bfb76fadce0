namespace DigestGen.Ingest;

/// <summary>One <c>Abstract:</c> line of an institution's publication list; such papers have no title.</summary>
public sealed record AbstractRecord(string Abstract, string? Institution, SourceRef Source);
