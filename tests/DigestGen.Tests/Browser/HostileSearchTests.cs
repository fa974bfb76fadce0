using DigestGen.Serve;
using DigestGen.Tests.Support;
using Microsoft.Playwright;

namespace DigestGen.Tests.Browser;

/// <summary>A site whose seed title is hostile markup, searched in Chromium: the title shows as text and runs nothing.</summary>
public class HostileSearchTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_hostile_title_in_results_stays_text()
    {
        const string title = "<img src=x onerror=alert(1)> Hostile Zebra Title";
        using var content = new ContentFolder().WithThemes()
            .With("seeds/a.txt", Seeds.Listing($"{title}\n\n{Seeds.LongAbstract("zebra <script>alert(2)</script> stripes")}\n"));
        Assert.Equal(0, CliRun.Of("build", "--content", content.Content, "--output", content.Output, "--build-date", "2026-01-01").ExitCode);
        using var server = new StaticSiteServer(content.Output, basePath: "/sub/");

        var page = await browser.NewPageAsync();
        var fired = false;
        page.Dialog += (_, dialog) => { fired = true; _ = dialog.DismissAsync(); };
        await page.GotoAsync(server.Url + "search/?q=zebra");
        await page.WaitForFunctionAsync("() => document.getElementById('search-status').textContent.includes('result')");

        Assert.Equal(title, await page.Locator("#search-results .card-title a").First.TextContentAsync());
        Assert.Contains("<script>alert(2)</script>", await page.Locator("#search-results .snippet").First.TextContentAsync());
        Assert.Equal(0, await page.Locator("main img, #search-results script").CountAsync());
        Assert.False(fired);
        await page.Context.CloseAsync();
    }

    /// <summary>A snippet about the query is read from the paper's page, where the abstract's markup is text: it stays text.</summary>
    [Fact]
    public async Task A_hostile_abstract_in_a_snippet_about_the_query_stays_text()
    {
        const string hostile = "<img src=x onerror=alert(3)> okapi <script>alert(4)</script>";
        using var content = new ContentFolder().WithThemes()
            .With("seeds/a.txt", Seeds.Listing($"A Plain Title\n\n{Seeds.LongAbstract("caching")} Then {hostile} appear late in the text.\n"));
        Assert.Equal(0, CliRun.Of("build", "--content", content.Content, "--output", content.Output, "--build-date", "2026-01-01").ExitCode);
        using var server = new StaticSiteServer(content.Output, basePath: "/sub/");

        var page = await browser.NewPageAsync();
        var fired = false;
        page.Dialog += (_, dialog) => { fired = true; _ = dialog.DismissAsync(); };
        await page.GotoAsync(server.Url + "search/?q=okapi");
        var snippet = page.Locator("#search-results .snippet").First;
        await snippet.Locator("mark").First.WaitForAsync();

        Assert.Contains("<img src=x onerror=alert(3)> okapi <script>alert(4)</script>", await snippet.TextContentAsync());
        Assert.Equal(0, await page.Locator("main img, #search-results script").CountAsync());
        Assert.False(fired);
        await page.Context.CloseAsync();
    }
}
