using System.Text.Encodings.Web;
using System.Text.Json;
using DigestGen.Diagnostics;
using DigestGen.Pipeline;

namespace DigestGen.Cli.Commands;

/// <summary>The build summary as JSON (<c>build --json FILE</c>), for CI to read.</summary>
internal static class BuildSummaryJson
{
    public static void Write(string path, BuildResult result, int exitCode)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var summary = result.Summary;
        w.WriteStartObject();
        w.WriteNumber("exitCode", exitCode);
        w.WriteNumber("papers", summary.Papers);
        w.WriteNumber("posts", summary.Posts);
        w.WriteNumber("pages", result.Pages);
        w.WriteNumber("feeds", result.Feeds);
        w.WriteStartObject("files");
        w.WriteNumber("total", result.Publish.Total);
        w.WriteNumber("written", result.Publish.Written);
        w.WriteNumber("unchanged", result.Publish.Unchanged);
        w.WriteNumber("removed", result.Publish.Removed);
        w.WriteEndObject();
        w.WriteNumber("errors", summary.ErrorCount);
        w.WriteNumber("warnings", summary.WarningCount);
        w.WriteStartArray("seeds");
        foreach (var seed in summary.Seeds)
        {
            w.WriteStartObject();
            w.WriteString("file", seed.File);
            w.WriteString("format", Ingest.SeedFormatNames.Name(seed.Format));
            w.WriteString("captured", seed.Captured.ToString("yyyy-MM-dd"));
            w.WriteNumber("lines", seed.Lines);
            w.WriteNumber("records", seed.Records);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("problems");
        foreach (var d in summary.Problems)
        {
            w.WriteStartObject();
            w.WriteString("file", d.File);
            w.WriteNumber("line", d.Line);
            w.WriteString("severity", d.Severity == Severity.Error ? "error" : "warning");
            w.WriteString("message", d.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("stages");
        foreach (var (stage, elapsed) in result.Timings.Stages)
        {
            w.WriteStartObject();
            w.WriteString("stage", stage);
            w.WriteNumber("ms", Math.Round(elapsed.TotalMilliseconds, 1));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
