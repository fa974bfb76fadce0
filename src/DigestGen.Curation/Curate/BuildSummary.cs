using System.Globalization;
using System.Text.Json;
using DigestGen.Diagnostics;
using DigestGen.Ingest;

namespace DigestGen.Curate;

/// <summary>
/// What a build reports about its content: counts, seeds and problems. Kept apart from the
/// <see cref="Digest"/> so that a build with nothing to do can report it from the build record.
/// </summary>
public sealed record BuildSummary(int Papers, int Posts, IReadOnlyList<SeedSummary> Seeds, IReadOnlyList<Diagnostic> Problems)
{
    public int ErrorCount => Problems.Count(p => p.Severity == Severity.Error);

    public int WarningCount => Problems.Count(p => p.Severity == Severity.Warning);

    public int SkippedSeeds => Seeds.Count(s => s.Format == SeedFormat.Unknown);

    public static BuildSummary Of(Digest digest) => new(digest.Papers.Count, digest.Posts.Count, digest.Seeds, digest.Diagnostics.Items);

    /// <summary>The summary's properties, inside an object the caller has opened: the build record and <c>build --json</c> share this form.</summary>
    public void WriteTo(Utf8JsonWriter w)
    {
        w.WriteNumber("papers", Papers);
        w.WriteNumber("posts", Posts);
        w.WriteNumber("errors", ErrorCount);
        w.WriteNumber("warnings", WarningCount);
        w.WriteStartArray("seeds");
        foreach (var seed in Seeds)
        {
            w.WriteStartObject();
            w.WriteString("file", seed.File);
            w.WriteString("format", seed.Format);
            w.WriteString("captured", seed.Captured.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("lines", seed.Lines);
            w.WriteNumber("records", seed.Records);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("problems");
        foreach (var d in Problems)
        {
            w.WriteStartObject();
            w.WriteString("file", d.File);
            w.WriteNumber("line", d.Line);
            w.WriteString("severity", d.Severity == Severity.Error ? "error" : "warning");
            w.WriteString("message", d.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static BuildSummary ReadFrom(JsonElement e) => new(
        e.GetProperty("papers").GetInt32(),
        e.GetProperty("posts").GetInt32(),
        e.GetProperty("seeds").EnumerateArray().Select(s => new SeedSummary(
            s.GetProperty("file").GetString()!,
            s.GetProperty("format").GetString()!,
            DateOnly.ParseExact(s.GetProperty("captured").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            s.GetProperty("lines").GetInt32(),
            s.GetProperty("records").GetInt32())).ToList(),
        e.GetProperty("problems").EnumerateArray().Select(p => new Diagnostic(
            p.GetProperty("severity").GetString() == "error" ? Severity.Error : Severity.Warning,
            p.GetProperty("file").GetString()!,
            p.GetProperty("line").GetInt32(),
            p.GetProperty("message").GetString()!)).ToList());
}

/// <summary>One seed as the summary shows it.</summary>
public sealed record SeedSummary(string File, string Format, DateOnly Captured, int Lines, int Records);
