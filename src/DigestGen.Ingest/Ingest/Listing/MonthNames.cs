namespace DigestGen.Ingest;

internal static class MonthNames
{
    private static readonly string[] Abbreviations =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>1–12 for an English month name or its three-letter abbreviation, else 0.</summary>
    public static int Parse(ReadOnlySpan<char> name)
    {
        if (name.Length < 3)
        {
            return 0;
        }

        Span<char> lower = stackalloc char[3];
        name[..3].ToLowerInvariant(lower);
        for (var i = 0; i < Abbreviations.Length; i++)
        {
            if (lower.SequenceEqual(Abbreviations[i]))
            {
                return i + 1;
            }
        }

        return 0;
    }
}
