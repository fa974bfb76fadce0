using DigestGen.Diagnostics;

namespace DigestGen.Ingest;

/// <summary>Reads one seed file: decodes it, detects its format from the content, and runs the matching parser.</summary>
public static class SeedIngestor
{
    public static SeedIngestResult Ingest(string path, string displayName, DateOnly captureDate, DiagnosticBag diagnostics)
    {
        using var stream = File.OpenRead(path);
        return Ingest(stream, displayName, captureDate, diagnostics);
    }

    public static SeedIngestResult Ingest(Stream stream, string displayName, DateOnly captureDate, DiagnosticBag diagnostics)
    {
        using var reader = SeedReader.Open(stream, displayName, diagnostics);
        if (reader is null)
        {
            return SeedIngestResult.Skipped(displayName, captureDate);
        }

        var lineCount = 0;
        var lines = Count(SeedReader.Lines(reader, displayName, diagnostics), () => lineCount++);
        using var enumerator = lines.GetEnumerator();

        // Buffer just enough of the head to decide the format, then stream the rest.
        var head = new List<SeedLine>();
        var nonBlank = 0;
        while (nonBlank < SeedFormatDetector.HeadLines && enumerator.MoveNext())
        {
            head.Add(enumerator.Current);
            if (!enumerator.Current.IsBlank)
            {
                nonBlank++;
            }
        }

        if (nonBlank == 0)
        {
            diagnostics.Error(displayName, 0, "the file has no text (only blank lines)");
            return SeedIngestResult.Skipped(displayName, captureDate, lineCount);
        }

        var format = SeedFormatDetector.Detect(head);
        var all = head.Concat(Rest(enumerator));
        switch (format)
        {
            case SeedFormat.Listing:
                var listings = new HfListingParser(displayName, captureDate, diagnostics).Parse(all).ToList();
                return new SeedIngestResult(displayName, format, captureDate, lineCount, listings, [], []);
            case SeedFormat.AbstractList:
                var abstracts = new AbstractListParser(displayName, captureDate, diagnostics).Parse(all).ToList();
                return new SeedIngestResult(displayName, format, captureDate, lineCount, [], abstracts, []);
            case SeedFormat.SocialPosts:
                var posts = new SocialPostParser(displayName, captureDate, diagnostics).Parse(all).ToList();
                return new SeedIngestResult(displayName, format, captureDate, lineCount, [], [], posts);
            default:
                while (enumerator.MoveNext())
                {
                }

                diagnostics.Error(displayName, head.First(l => !l.IsBlank).Number,
                    "the file fits no known seed format (listing page, abstract list or social posts); it was skipped");
                return SeedIngestResult.Skipped(displayName, captureDate, lineCount);
        }
    }

    private static IEnumerable<SeedLine> Rest(IEnumerator<SeedLine> enumerator)
    {
        while (enumerator.MoveNext())
        {
            yield return enumerator.Current;
        }
    }

    private static IEnumerable<SeedLine> Count(IEnumerable<SeedLine> lines, Action onLine)
    {
        foreach (var line in lines)
        {
            onLine();
            yield return line;
        }
    }
}
