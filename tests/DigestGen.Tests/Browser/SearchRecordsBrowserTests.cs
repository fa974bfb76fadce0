using DigestGen.Serve;
using DigestGen.Tests.Support;
using Microsoft.Playwright;

namespace DigestGen.Tests.Browser;

/// <summary>Result display data comes as one small Range request per result, and from whole shards where a host ignores Range.</summary>
public class SearchRecordsBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private static async Task<(List<string> Titles, List<(string Path, int Status)> Index)> SearchAsync(IPage page, string url)
    {
        var index = new List<(string, int)>();
        page.Response += (_, r) =>
        {
            var path = new Uri(r.Url).AbsolutePath;
            if (path.Contains("/search/", StringComparison.Ordinal) && !path.EndsWith('/'))
            {
                lock (index)
                {
                    index.Add((path[(path.IndexOf("/search/", StringComparison.Ordinal) + "/search/".Length)..], r.Status));
                }
            }
        };
        await page.GotoAsync(url + "search/");
        await page.Locator("#search-q").FillAsync("kv cache quantization");
        await page.WaitForFunctionAsync("() => document.getElementById('search-status').textContent.match(/result/)");
        var titles = (await page.Locator("#search-results .card-title a").AllTextContentsAsync()).ToList();
        lock (index)
        {
            return (titles, [.. index]);
        }
    }

    [Fact]
    public async Task Each_result_is_one_record_fetched_by_range()
    {
        var page = await browser.NewPageAsync();
        var (titles, index) = await SearchAsync(page, browser.Url);

        Assert.Contains(titles.Take(3), t => t.StartsWith("KIVI:", StringComparison.Ordinal));
        var records = index.Where(i => i.Path.StartsWith("docs/", StringComparison.Ordinal)).ToList();
        Assert.Equal(titles.Count, records.Count);
        Assert.All(records, r => Assert.Equal(206, r.Status));
        Assert.All(records, r => Assert.EndsWith(".txt", r.Path));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_host_without_ranges_gets_the_same_results_from_shards()
    {
        using var plain = new StaticSiteServer(browser.Site.Output, basePath: "/digest/") { ServesRanges = false };
        var page = await browser.NewPageAsync();
        var (titles, index) = await SearchAsync(page, plain.Url);

        var ranged = await browser.NewPageAsync();
        var (expected, _) = await SearchAsync(ranged, browser.Url);
        Assert.Equal(expected, titles);
        var shards = index.Where(i => i.Path.StartsWith("docs/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(shards);
        Assert.All(shards, r => Assert.Equal(200, r.Status));
        await page.Context.CloseAsync();
        await ranged.Context.CloseAsync();
    }
}
