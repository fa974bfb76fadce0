using DigestGen.Diagnostics;
using DigestGen.Ingest;

namespace DigestGen.Tests.Seams;

/// <summary>
/// A fourth seed format, written as an extension would be: a file beginning <c>papers (tab-separated)</c>, then one
/// <c>title&lt;TAB&gt;abstract</c> line per paper. Nothing in DigestGen knows it; a build reads it once it is
/// in the list of formats.
/// </summary>
internal sealed class TabSeparatedFormat : ISeedFormat
{
    public const string Header = "papers (tab-separated)";

    public string Name => "papers-tsv";

    public string RecordNoun => "papers";

    public bool Detects(IReadOnlyList<SeedLine> head) =>
        head.FirstOrDefault(l => !l.IsBlank).Text?.Trim() == Header;

    public SeedRecords Parse(IEnumerable<SeedLine> lines, string file, DateOnly captureDate, DiagnosticBag diagnostics)
    {
        var papers = new List<ListingRecord>();
        foreach (var line in lines.Where(l => !l.IsBlank && l.Text.Trim() != Header))
        {
            if (line.Text.Split('\t') is [var title, var abstractText])
            {
                papers.Add(new ListingRecord(title.Trim(), abstractText.Trim(), null, null, null, null, null, new SourceRef(file, line.Number, captureDate)));
            }
            else
            {
                diagnostics.Warn(file, line.Number, "expected a title and an abstract separated by one tab; the line was skipped");
            }
        }

        return new SeedRecords(papers, [], []);
    }
}
