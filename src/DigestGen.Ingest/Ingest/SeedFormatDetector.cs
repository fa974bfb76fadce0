namespace DigestGen.Ingest;

/// <summary>
/// Decides a seed's format from its opening lines alone (never from its name), so a renamed or
/// newly added file is read the same way. A file that fits no format is reported, not guessed at.
/// </summary>
public static class SeedFormatDetector
{
    /// <summary>How many non-blank lines the decision may look at.</summary>
    public const int HeadLines = 60;

    /// <summary>The first of <paramref name="formats"/> whose detection fits, or null.</summary>
    public static ISeedFormat? Detect(IReadOnlyList<SeedLine> head, IReadOnlyList<ISeedFormat> formats) =>
        NonBlank(head).Count == 0 ? null : formats.FirstOrDefault(f => f.Detects(head));

    /// <summary>The non-blank lines of the head that a format may judge by.</summary>
    public static List<SeedLine> NonBlank(IReadOnlyList<SeedLine> head) => head.Where(l => !l.IsBlank).Take(HeadLines).ToList();
}
