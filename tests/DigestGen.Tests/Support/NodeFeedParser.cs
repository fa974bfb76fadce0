using System.Diagnostics;
using System.Text.Json;

namespace DigestGen.Tests.Support;

/// <summary>Runs tests/js/parse-feeds.mjs (@extractus/feed-extractor) on feed files and returns what it read.</summary>
internal static class NodeFeedParser
{
    public sealed record Entry(string Id, string Title, string Link, string Published);

    public sealed record Feed(string File, string Title, string Link, List<Entry> Entries);

    public static async Task<List<Feed>> ParseAsync(IEnumerable<string> files)
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "js", "parse-feeds.mjs");
        if (!Directory.Exists(Path.Combine(TestTools.NodeModules, "@extractus")))
        {
            throw new InvalidOperationException("@extractus/feed-extractor is missing: run 'bash scripts/test.sh', which installs the test tools");
        }

        var start = new ProcessStartInfo("node", [script, .. files]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("parse-feeds.mjs failed: " + await stderr);
        }

        return JsonSerializer.Deserialize<List<Feed>>(stdout, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
