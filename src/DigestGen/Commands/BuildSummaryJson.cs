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
        var digest = result.Digest;
        w.WriteStartObject();
        w.WriteNumber("exitCode", exitCode);
        w.WriteNumber("papers", digest.Papers.Count);
        w.WriteNumber("posts", digest.Posts.Count);
        w.WriteNumber("pages", result.Pages);
        w.WriteNumber("feeds", result.Feeds);
        w.WriteStartObject("files");
        w.WriteNumber("total", result.Publish.Total);
        w.WriteNumber("written", result.Publish.Written);
        w.WriteNumber("unchanged", result.Publish.Unchanged);
        w.WriteNumber("removed", result.Publish.Removed);
        w.WriteEndObject();
        w.WriteNumber("errors", digest.Diagnostics.ErrorCount);
        w.WriteNumber("warnings", digest.Diagnostics.WarningCount);
        w.WriteStartArray("seeds");
        foreach (var seed in digest.Seeds)
        {
            w.WriteStartObject();
            w.WriteString("file", seed.File);
            w.WriteString("format", Ingest.SeedFormatNames.Name(seed.Format));
            w.WriteString("captured", seed.CaptureDate.ToString("yyyy-MM-dd"));
            w.WriteNumber("lines", seed.LineCount);
            w.WriteNumber("records", seed.RecordCount);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("problems");
        foreach (var d in digest.Diagnostics.Items)
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
