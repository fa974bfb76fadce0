using System.Text.RegularExpressions;

namespace DigestGen.Ingest;

/// <summary>
/// Decides a seed's format from its opening lines alone (never from its name), so a renamed or
/// newly added file is read the same way. A file that fits no format is reported, not guessed at.
/// </summary>
public static partial class SeedFormatDetector
{
    /// <summary>How many non-blank lines the decision may look at.</summary>
    public const int HeadLines = 60;

    public static SeedFormat Detect(IReadOnlyList<SeedLine> head)
    {
        var lines = head.Where(l => !l.IsBlank).Take(HeadLines).ToList();
        if (lines.Count == 0)
        {
            return SeedFormat.Unknown;
        }

        var abstracts = lines.Count(l => AbstractListParser.IsAbstractLine(l.Text));
        if (abstracts > 0 && abstracts * 2 >= lines.Count - 1)
        {
            return SeedFormat.AbstractList;
        }

        if (LooksLikeListing(lines))
        {
            return SeedFormat.Listing;
        }

        if (LooksLikePosts(head, lines))
        {
            return SeedFormat.SocialPosts;
        }

        return SeedFormat.Unknown;
    }

    private static bool LooksLikeListing(List<SeedLine> lines)
    {
        // The page's own header is evidence enough; failing that, a page date followed by prose.
        if (lines.Take(15).Any(l => l.Text.Trim() == "Daily Papers"))
        {
            return true;
        }

        var pageDate = lines.FindIndex(l => HfListingParser.IsPageDate(l.Text));
        return pageDate is >= 0 and <= 15 && lines.Skip(pageDate + 1).Any(l => l.Text.Length >= 80);
    }

    private static bool LooksLikePosts(IReadOnlyList<SeedLine> head, List<SeedLine> lines)
    {
        var blank = head.Count(l => l.IsBlank);
        // The typical line, not the average: one enormous pasted line must not disown a whole file of posts.
        var lengths = lines.Select(l => l.Text.Length).Order().ToList();
        if (blank > head.Count / 4 || lengths[lengths.Count / 2] > 600)
        {
            return false;
        }

        var evidence = lines.Count(l => PostMarkers().IsMatch(l.Text));
        return evidence >= Math.Max(1, lines.Count / 20);
    }

    [GeneratedRegex(@"https?://|(?<![\w.])@\w|(?<![\w&])#[A-Za-z]|🧵|\(\s*\d+\s*/\s*(?:\d+|[nN])\s*\)")]
    private static partial Regex PostMarkers();
}
