using System.Text.RegularExpressions;
using DigestGen.Diagnostics;

namespace DigestGen.Ingest;

/// <summary>
/// Splits a collection of social posts, captured one paragraph per line and run together, back
/// into posts. The evidence, in order: thread markers (<c>🧵</c>, <c>(1/N)</c>) close the post they
/// end or open the one they start (a marker alone on its line opens a thread, unless it follows the
/// first post's link or a line already marked); a line of links (or <c>Paper: link</c>) closes a post; a credits
/// line (<c>New paper with @a and @b!</c>) closes one; a hook question or an announcement opens one.
/// Every line lands in exactly one post.
/// </summary>
public sealed partial class SocialPostParser
{
    /// <summary>
    /// Longer than any post a network allows (LinkedIn's 3,000 characters are the most): such a line is a
    /// paste gone wrong, kept as a post of its own and cut, so it cannot swallow its neighbours.
    /// </summary>
    public const int MaxLineLength = 3000;

    private readonly string _file;
    private readonly DateOnly _captureDate;
    private readonly DiagnosticBag _diagnostics;

    public SocialPostParser(string file, DateOnly captureDate, DiagnosticBag diagnostics)
    {
        _file = file;
        _captureDate = captureDate;
        _diagnostics = diagnostics;
    }

    public IEnumerable<PostRecord> Parse(IEnumerable<SeedLine> lines)
    {
        var current = new List<SeedLine>();
        SeedLine? previous = null;
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                // A blank line in a post file is the strongest separator there is.
                if (current.Count > 0)
                {
                    yield return Build(current);
                    current = new List<SeedLine>();
                }

                previous = null;
                continue;
            }

            if (line.Text.Length > MaxLineLength)
            {
                if (current.Count > 0)
                {
                    yield return Build(current);
                    current = new List<SeedLine>();
                }

                _diagnostics.Warn(_file, line.Number,
                    $"the line is {line.Text.Length:N0} characters long, longer than any post; it was kept as a post of its own, cut to {MaxLineLength:N0} characters");
                yield return Build([line with { Text = Cut(line.Text) }]);
                previous = null;
                continue;
            }

            // A post that so far is only the marker opening it (🧵(1/5)) goes on with the line after.
            var opened = current.Count == 1 && IsMarkerOnly(current[0].Text.Trim());
            if (current.Count > 0 && !opened && previous is { } prev && StartsNewPost(prev.Text.Trim(), line.Text.Trim()))
            {
                yield return Build(current);
                current = new List<SeedLine>();
            }

            current.Add(line);
            previous = line;
        }

        if (current.Count > 0)
        {
            yield return Build(current);
        }
    }

    internal static bool StartsNewPost(string previous, string line)
    {
        // A marker on a line of its own ends a post that reads as a thread's first (after its link, or one
        // already marked: "🧵 Introducing Weaver…" then "(1/N)"); after anything else it opens the next thread.
        if (IsMarkerOnly(line))
        {
            return !IsLinkLine(previous) && !HasMarker().IsMatch(previous);
        }

        if (IsMarkerOnly(previous) || EndsWithMarker().IsMatch(previous) || StartsWithCount().IsMatch(line))
        {
            return true;
        }

        if (IsLinkLine(previous) && !IsLinkLine(line))
        {
            return true;
        }

        if (CreditsLine().IsMatch(previous))
        {
            return true;
        }

        var previousIsLead = previous.Length <= 40 && (previous.EndsWith('!') || previous.EndsWith(':'));
        if (HookQuestion().IsMatch(line) && !previousIsLead)
        {
            return true;
        }

        return Announcement().IsMatch(line);
    }

    internal static bool IsMarkerOnly(string line) => line.Length > 0 && MarkerOnly().IsMatch(line);

    internal static bool IsLinkLine(string line) => LinkLine().IsMatch(line);

    /// <summary>The first <see cref="MaxLineLength"/> characters, back to the last space, marked as cut.</summary>
    private static string Cut(string text)
    {
        var end = text.LastIndexOf(' ', MaxLineLength - 1);
        return text[..(end > MaxLineLength / 2 ? end : MaxLineLength)] + " …";
    }

    private PostRecord Build(List<SeedLine> lines)
    {
        var text = string.Join("\n", lines.Select(l => l.Text));
        return new PostRecord(
            lines,
            PostEntities.Links(text),
            PostEntities.Handles(text),
            PostEntities.Hashtags(text),
            new SourceRef(_file, lines[0].Number, _captureDate));
    }

    [GeneratedRegex(@"^(?:🧵\s*)?(?:\(\s*\d+\s*/\s*(?:\d+|[nN])\s*\))?\s*$")]
    private static partial Regex MarkerOnly();

    [GeneratedRegex(@"(?:\(\s*1\s*/\s*(?:\d+|[nN])\s*\)|🧵)\s*$")]
    private static partial Regex EndsWithMarker();

    [GeneratedRegex(@"🧵|\(\s*\d+\s*/\s*(?:\d+|[nN])\s*\)")]
    private static partial Regex HasMarker();

    [GeneratedRegex(@"^(?:🧵\s*)?\(\s*1\s*/\s*(?:\d+|[nN])\s*\)\s*\S")]
    private static partial Regex StartsWithCount();

    [GeneratedRegex(@"^(?:[\w ]{1,20}:\s*)?(?:https?://\S+\s*)+$")]
    private static partial Regex LinkLine();

    [GeneratedRegex(@"(?:^(?:New paper|Joint work|Work) with |[Ww]ork with co-authors ).*@\w+.*!$")]
    private static partial Regex CreditsLine();

    [GeneratedRegex(@"^(?:What if|Can|How|Are|Is|Why|Do|Does|Should|Could|Will|Ever wondered)\b[^?]*\?")]
    private static partial Regex HookQuestion();

    [GeneratedRegex(@"^(?:New paper!|Announcing\b|Our new paper\b|Check out our new paper\b|Excited to\b|Thrilled to\b|Happy to\b|I'm (?:so )?(?:happy|excited|thrilled)\b|I think\b|Today,? we\b|Big news\b|\S.{0,80}\bhas been accepted\b)")]
    private static partial Regex Announcement();
}
