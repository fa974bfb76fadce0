using System.Text.RegularExpressions;
using DigestGen.Diagnostics;

namespace DigestGen.Ingest;

/// <summary>A collection of researchers' posts, one paragraph a line, run together (see <see cref="SocialPostParser"/>).</summary>
public sealed partial class SocialPostsFormat : ISeedFormat
{
    public string Name => SeedFormat.SocialPosts;

    public string RecordNoun => "posts";

    /// <summary>Few blank lines, lines of post length, and links, handles, hashtags or thread markers on enough of them.</summary>
    public bool Detects(IReadOnlyList<SeedLine> head)
    {
        var lines = SeedFormatDetector.NonBlank(head);
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

    public SeedRecords Parse(IEnumerable<SeedLine> lines, string file, DateOnly captureDate, DiagnosticBag diagnostics) =>
        new([], [], new SocialPostParser(file, captureDate, diagnostics).Parse(lines).ToList());

    [GeneratedRegex(@"https?://|(?<![\w.])@\w|(?<![\w&])#[A-Za-z]|🧵|\(\s*\d+\s*/\s*(?:\d+|[nN])\s*\)")]
    private static partial Regex PostMarkers();
}
