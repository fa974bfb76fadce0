using DigestGen.Diagnostics;

namespace DigestGen.Ingest;

/// <summary>A department's publication list: an institution line, then one <c>Abstract:</c> line per paper (see <see cref="AbstractListParser"/>).</summary>
public sealed class AbstractListFormat : ISeedFormat
{
    public string Name => SeedFormat.AbstractList;

    public string RecordNoun => "abstracts";

    /// <summary>At least half the lines (the institution line aside) are abstracts.</summary>
    public bool Detects(IReadOnlyList<SeedLine> head)
    {
        var lines = SeedFormatDetector.NonBlank(head);
        var abstracts = lines.Count(l => AbstractListParser.IsAbstractLine(l.Text));
        return abstracts > 0 && abstracts * 2 >= lines.Count - 1;
    }

    public SeedRecords Parse(IEnumerable<SeedLine> lines, string file, DateOnly captureDate, DiagnosticBag diagnostics) =>
        new([], new AbstractListParser(file, captureDate, diagnostics).Parse(lines).ToList(), []);
}
