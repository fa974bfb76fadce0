using DigestGen.Diagnostics;

namespace DigestGen.Ingest;

/// <summary>Reads one seed file: decodes it, detects its format from the content, and runs the matching parser.</summary>
public static class SeedIngestor
{
    public static SeedIngestResult Ingest(string path, string displayName, DateOnly captureDate, DiagnosticBag diagnostics, IReadOnlyList<ISeedFormat>? formats = null)
    {
        using var stream = File.OpenRead(path);
        return Ingest(stream, displayName, captureDate, diagnostics, formats);
    }

    /// <param name="formats">The formats to try, in order (<see cref="SeedFormats.Default"/> when not given).</param>
    public static SeedIngestResult Ingest(Stream stream, string displayName, DateOnly captureDate, DiagnosticBag diagnostics, IReadOnlyList<ISeedFormat>? formats = null)
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

        formats ??= SeedFormats.Default;
        var format = SeedFormatDetector.Detect(head, formats);
        if (format is null)
        {
            while (enumerator.MoveNext())
            {
            }

            var known = string.Join(", ", formats.Select(f => f.Name));
            diagnostics.Error(displayName, head.First(l => !l.IsBlank).Number, $"the file fits no known seed format ({known}); it was skipped");
            return SeedIngestResult.Skipped(displayName, captureDate, lineCount);
        }

        var records = format.Parse(head.Concat(Rest(enumerator)), displayName, captureDate, diagnostics);
        return new SeedIngestResult(displayName, format.Name, captureDate, lineCount, records.Listings, records.Abstracts, records.Posts);
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
