using System.Text.Encodings.Web;
using System.Text.Json;
using DigestGen.Curate;
using DigestGen.Pipeline;

namespace DigestGen.Cli.Commands;

/// <summary>The build summary as JSON (<c>build --json FILE</c>), for CI to read.</summary>
internal static class BuildSummaryJson
{
    public static void Write(string path, BuildResult result, int exitCode)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("exitCode", exitCode);
        w.WriteNumber("pages", result.Pages);
        w.WriteNumber("feeds", result.Feeds);
        w.WriteStartObject("files");
        w.WriteNumber("total", result.Publish.Total);
        w.WriteNumber("written", result.Publish.Written);
        w.WriteNumber("unchanged", result.Publish.Unchanged);
        w.WriteNumber("removed", result.Publish.Removed);
        w.WriteNumber("notRendered", result.Publish.NotRendered);
        w.WriteEndObject();
        result.Summary.WriteTo(w);
        w.WriteStartArray("stages");
        foreach (var (stage, elapsed, _) in result.Timings.Stages)
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
