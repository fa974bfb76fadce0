using System.Text.RegularExpressions;
using DigestGen.Diagnostics;

namespace DigestGen.Ingest;

/// <summary>
/// Reads the text of a Hugging Face "Daily Papers" style listing: a header ending in the page date
/// (<c>Aug 19</c>), then per paper a title line, an abstract line and an optional metadata block
/// (<c>  • N authors</c> or an organisation line, a <c>·</c> line, <c>Mon D[, YYYY][ upvotes]</c>).
/// Streams: it holds only the lines of the paper being read.
/// </summary>
public sealed partial class HfListingParser
{
    /// <summary>A title longer than this is almost certainly an abstract whose title was lost.</summary>
    private const int MaxTitleLength = 400;

    /// <summary>Real abstracts run to several sentences; a line this long after a short one is an abstract.</summary>
    private const int MinAbstractLength = 120;

    /// <summary>The longest date line there is ("September 30, 2025 12345") with room to spare.</summary>
    private const int MaxDateLength = 40;

    private readonly string _file;
    private readonly DateOnly _captureDate;
    private readonly DiagnosticBag _diagnostics;

    public HfListingParser(string file, DateOnly captureDate, DiagnosticBag diagnostics)
    {
        _file = file;
        _captureDate = captureDate;
        _diagnostics = diagnostics;
    }

    public static bool IsPageDate(string line) => PageDate().IsMatch(line.Trim()) && MonthNames.Parse(line.Trim()) > 0;

    public IEnumerable<ListingRecord> Parse(IEnumerable<SeedLine> lines)
    {
        using var cursor = new LineCursor(lines.Where(l => !l.IsBlank));
        RawDate? pageDate = null;

        // Header: everything up to and including the page date.
        var headerLines = new List<SeedLine>();
        while (cursor.Peek(0) is { } line && headerLines.Count < 20)
        {
            if (IsPageDate(line.Text))
            {
                pageDate = ParseDate(line);
                cursor.Next();
                break;
            }

            if (line.Text.Length > 200)
            {
                break;
            }

            headerLines.Add(line);
            cursor.Next();
        }

        if (pageDate is null)
        {
            _diagnostics.Warn(_file, headerLines.FirstOrDefault().Number, "listing has no page date line (such as 'Aug 19') in its header");
            if (headerLines.Count >= 20)
            {
                // Not a header after all: read those lines as papers.
                cursor.Rewind(headerLines);
            }
        }

        while (cursor.Next() is { } titleLine)
        {
            if (IsMetadataLine(titleLine.Text) || IsSeparator(titleLine.Text))
            {
                _diagnostics.Warn(_file, titleLine.Number, $"metadata line '{Short(titleLine.Text)}' without a paper before it; ignored");
                continue;
            }

            var title = titleLine.Text.Trim();
            if (title.Length > MaxTitleLength)
            {
                _diagnostics.Warn(_file, titleLine.Number, "expected a title line but found a long paragraph; it was skipped (was the title lost?)");
                continue;
            }

            var abstractLine = cursor.Peek(0);
            if (abstractLine is null)
            {
                _diagnostics.Warn(_file, titleLine.Number, $"listing ends after the title '{Short(title)}' with no abstract; the paper was skipped");
                yield break;
            }

            if (LooksLikeAbstract(abstractLine.Value.Text) is false && cursor.Peek(1) is { } after && LooksLikeAbstract(after.Text, than: abstractLine.Value.Text))
            {
                // Out of step: the next line is a title whose abstract follows it, so this line is no title but stray text.
                _diagnostics.Warn(_file, titleLine.Number, $"'{Short(title)}' is neither a title followed by its abstract nor metadata; it was skipped");
                continue;
            }

            if (IsMetadataLine(abstractLine.Value.Text) || IsSeparator(abstractLine.Value.Text) || IsMetadataBlockStart(cursor, 0))
            {
                _diagnostics.Warn(_file, titleLine.Number, $"the title '{Short(title)}' has no abstract; the paper was skipped");
                SkipMetadata(cursor);
                continue;
            }

            cursor.Next();
            var record = new ListingRecord(title, abstractLine.Value.Text.Trim(), null, null, null, null, pageDate, new SourceRef(_file, titleLine.Number, _captureDate));
            yield return ReadMetadata(cursor, record);
        }
    }

    private ListingRecord ReadMetadata(LineCursor cursor, ListingRecord record)
    {
        var sawSeparator = false;
        while (cursor.Peek(0) is { } line)
        {
            var text = line.Text.Trim();
            if (AuthorsLine().Match(text) is { Success: true } authors)
            {
                record = record with { AuthorCount = int.Parse(authors.Groups[1].ValueSpan) };
            }
            else if (IsSeparator(text))
            {
                sawSeparator = true;
            }
            else if (IsMetadataBlockStart(cursor, 0))
            {
                record = record with { Organisation = OrganisationName(text) };
            }
            else if ((sawSeparator || record.AuthorCount is not null) && MetaDate().Match(text) is { Success: true } date)
            {
                var raw = ParseDate(line, date);
                record = record with
                {
                    Published = raw,
                    Upvotes = date.Groups["votes"].Success ? int.Parse(date.Groups["votes"].ValueSpan) : record.Upvotes,
                };
                cursor.Next();
                break;
            }
            else if (sawSeparator && text.Length <= MaxDateLength && !(cursor.Peek(1) is { } next && LooksLikeAbstract(next.Text, than: text)))
            {
                // Where the date belongs, a short line that is no date and starts no paper (its next line is no
                // abstract): a garbled date. Taking it for the next title would swallow the paper after it.
                _diagnostics.Warn(_file, line.Number, $"'{Short(text)}' stands where the paper's date belongs but is not a date (such as 'Aug 7' or 'Sep 27, 2023 12'); it was ignored");
                cursor.Next();
                break;
            }
            else
            {
                break;
            }

            cursor.Next();
        }

        return record;
    }

    /// <summary>
    /// Whether a line reads as an abstract: a paragraph (at least <see cref="MinAbstractLength"/> characters), and,
    /// when compared with the line before it, clearly longer than that line, as abstracts are than titles.
    /// </summary>
    private static bool LooksLikeAbstract(string text, string? than = null) =>
        text.Trim().Length >= MinAbstractLength && (than is null || text.Trim().Length > 2 * than.Trim().Length);

    private static void SkipMetadata(LineCursor cursor)
    {
        while (cursor.Peek(0) is { } line && (IsMetadataLine(line.Text) || IsSeparator(line.Text) || IsMetadataBlockStart(cursor, 0) || MetaDate().IsMatch(line.Text.Trim())))
        {
            cursor.Next();
        }
    }

    /// <summary>An organisation line is recognised by the <c>·</c> line that follows it.</summary>
    private static bool IsMetadataBlockStart(LineCursor cursor, int offset) =>
        cursor.Peek(offset) is { } line && line.Text.Trim().Length <= 80 && cursor.Peek(offset + 1) is { } next && IsSeparator(next.Text);

    private static bool IsMetadataLine(string text) => AuthorsLine().IsMatch(text.Trim());

    private static bool IsSeparator(string text) => text.Trim() == "·";

    /// <summary>Listings print an organisation's name twice (avatar text, then name): <c>Qwen Qwen</c>.</summary>
    private static string OrganisationName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length % 2 == 0)
        {
            var half = words.Length / 2;
            if (words.Take(half).SequenceEqual(words.Skip(half)))
            {
                return string.Join(' ', words.Take(half));
            }
        }

        return string.Join(' ', words);
    }

    private RawDate ParseDate(SeedLine line) => ParseDate(line, MetaDate().Match(line.Text.Trim()));

    private static RawDate ParseDate(SeedLine line, Match match)
    {
        var month = MonthNames.Parse(match.Groups["month"].ValueSpan);
        var day = int.Parse(match.Groups["day"].ValueSpan);
        int? year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].ValueSpan) : null;
        return new RawDate(month, day, year, line.Number, line.Text.Trim());
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";

    [GeneratedRegex(@"^[A-Z][a-z]{2,8} \d{1,2}$")]
    private static partial Regex PageDate();

    [GeneratedRegex(@"^•\s*(\d{1,5})\s+authors?$")]
    private static partial Regex AuthorsLine();

    [GeneratedRegex(@"^(?<month>[A-Z][a-z]{2,8}) (?<day>\d{1,2})(?:, (?<year>\d{4}))?(?: (?<votes>\d{1,7}))?$")]
    private static partial Regex MetaDate();
}
