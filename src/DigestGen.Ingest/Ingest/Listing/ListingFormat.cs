using DigestGen.Diagnostics;

namespace DigestGen.Ingest;

/// <summary>The text of a Hugging Face "Daily Papers" style listing page (see <see cref="HfListingParser"/>).</summary>
public sealed class ListingFormat : ISeedFormat
{
    public string Name => SeedFormat.Listing;

    public string RecordNoun => "papers";

    public bool Detects(IReadOnlyList<SeedLine> head)
    {
        var lines = SeedFormatDetector.NonBlank(head);

        // The page's own header is evidence enough; failing that, a page date followed by prose.
        if (lines.Take(15).Any(l => l.Text.Trim() == "Daily Papers"))
        {
            return true;
        }

        var pageDate = lines.FindIndex(l => HfListingParser.IsPageDate(l.Text));
        return pageDate is >= 0 and <= 15 && lines.Skip(pageDate + 1).Any(l => l.Text.Length >= 80);
    }

    public SeedRecords Parse(IEnumerable<SeedLine> lines, string file, DateOnly captureDate, DiagnosticBag diagnostics) =>
        new(new HfListingParser(file, captureDate, diagnostics).Parse(lines).ToList(), [], []);
}
