namespace DigestGen.Ingest;

/// <summary>A date as a seed writes it (<c>Aug 7</c>, <c>Jul 30, 2024</c>): the year may be missing and the day may not exist.</summary>
public readonly record struct RawDate(int Month, int Day, int? Year, int Line, string Text);
