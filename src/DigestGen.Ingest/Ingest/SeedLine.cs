namespace DigestGen.Ingest;

/// <summary>A line of a seed with its 1-based number.</summary>
public readonly record struct SeedLine(int Number, string Text)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}
