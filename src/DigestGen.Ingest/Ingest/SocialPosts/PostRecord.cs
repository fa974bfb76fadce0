namespace DigestGen.Ingest;

/// <summary>One social post, re-assembled from the lines it spans.</summary>
public sealed record PostRecord(
    IReadOnlyList<SeedLine> Lines,
    IReadOnlyList<string> Links,
    IReadOnlyList<string> Handles,
    IReadOnlyList<string> Hashtags,
    SourceRef Source)
{
    public string Text => string.Join("\n", Lines.Select(l => l.Text.Trim()));

    public int FirstLine => Lines[0].Number;

    public int LastLine => Lines[^1].Number;
}
