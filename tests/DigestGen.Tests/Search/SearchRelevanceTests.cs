using System.Diagnostics;
using System.Text.Json;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Search;

/// <summary>
/// Issue 23, item 7: the search engine the page runs (search-core.js, in node) on the fixture site, with the
/// hand-written queries of tests/fixtures/search/relevance.tsv: 52 known-item queries (the paper among the
/// first 3) and 12 topical ones (precision of the first 5 against the papers judged about the subject).
/// </summary>
public class SearchRelevanceTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private sealed record Totals(int Known, int KnownAt3, int Topical, int TopicalHits);

    [Fact]
    public async Task Known_items_are_in_the_top_three_and_topical_results_are_on_topic()
    {
        var (totals, report) = await RunAsync();

        Assert.True(totals.Known >= 50, $"at least 50 known-item queries, found {totals.Known}");
        Assert.True(totals.Topical >= 12, $"at least 12 topical queries, found {totals.Topical}");
        // success@3 ≥ 90% and precision@5 ≥ 80%, in whole counts.
        Assert.True(totals.KnownAt3 * 10 >= totals.Known * 9, report);
        Assert.True(totals.TopicalHits * 10 >= totals.Topical * 5 * 8, report);
    }

    private async Task<(Totals Totals, string Report)> RunAsync()
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "js", "relevance.mjs");
        var start = new ProcessStartInfo("node", [script, site.Output]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "relevance.mjs failed: " + await stderr);
        var last = stdout.TrimEnd().Split('\n')[^1];
        return (JsonSerializer.Deserialize<Totals>(last, new JsonSerializerOptions(JsonSerializerDefaults.Web))!, stdout);
    }
}
