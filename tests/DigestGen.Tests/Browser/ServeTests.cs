using System.Net.Http;
using DigestGen.Curate;
using DigestGen.Pipeline;
using DigestGen.Serve;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Browser;

/// <summary><c>digestgen serve</c>: rebuild on change, tabs reload by themselves, failures show and the last good site stays.</summary>
public class ServeTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private static ContentFolder Site() =>
        new ContentFolder("title: Live\nbase_url: https://example.org/d/\nseeds:\n  - file: seeds/a.txt\n    captured: 2025-08-19\n").WithThemes()
            .With("seeds/a.txt", Seeds.Listing($"First Paper On Caches\n\n{Seeds.LongAbstract("kv cache")}\n", "Aug 19"));

    private static async Task WaitFor(Func<bool> condition, string what)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), $"timed out waiting for {what}");
    }

    [Fact]
    public async Task A_changed_seed_is_served_within_seconds_and_open_tabs_reload()
    {
        using var content = Site();
        using var server = new DevServer(new BuildOptions(content.Content, content.Output, new DateOnly(2026, 1, 1)), "127.0.0.1", 0, _ => { });
        Assert.StartsWith("http://127.0.0.1:", server.Url);
        using var http = new HttpClient();
        Assert.Contains("First Paper On Caches", await http.GetStringAsync(server.Url + "dates/2025-08-19/"));

        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.Url + "dates/2025-08-19/");
        await page.EvaluateAsync("window.__marker = 'before reload'");
        Assert.Contains("First Paper On Caches", await page.Locator("main").TextContentAsync());

        var generation = server.Generation;
        content.With("seeds/a.txt", Seeds.Listing($"First Paper On Caches\n\n{Seeds.LongAbstract("kv cache")}\n\nSecond Paper Arrives Live\n\n{Seeds.LongAbstract("live")}\n", "Aug 19"));
        await WaitFor(() => server.Generation > generation, "the rebuild");

        Assert.Contains("Second Paper Arrives Live", await http.GetStringAsync(server.Url + "dates/2025-08-19/"));
        // Polled while the reload is under way too, when the new document may have no <main> yet.
        await page.WaitForFunctionAsync("() => window.__marker === undefined && (document.querySelector('main')?.textContent.includes('Second Paper Arrives Live') ?? false)");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_broken_build_shows_an_overlay_and_keeps_the_last_good_site()
    {
        using var content = Site();
        using var server = new DevServer(new BuildOptions(content.Content, content.Output, new DateOnly(2026, 1, 1)), "127.0.0.1", 0, _ => { });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.Url);

        var generation = server.Generation;
        content.With("digest.yml", "title: Live\nfeed_itemz: 3\n");
        await WaitFor(() => server.Generation > generation, "the failed rebuild");

        await page.WaitForSelectorAsync("#digestgen-overlay");
        Assert.Contains("digest.yml:2: error: unknown setting 'feed_itemz'", await page.Locator("#digestgen-overlay").TextContentAsync());
        using var http = new HttpClient();
        Assert.Contains("First Paper On Caches", await http.GetStringAsync(server.Url + "dates/2025-08-19/"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_template_error_shows_in_the_overlay_with_its_file_line_and_column()
    {
        using var content = Site();
        using var server = new DevServer(new BuildOptions(content.Content, content.Output, new DateOnly(2026, 1, 1)), "127.0.0.1", 0, _ => { });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.Url);

        var generation = server.Generation;
        var date = Path.Combine(content.Themes, "default", "pages", "date.html");
        File.WriteAllText(date, File.ReadAllText(date).Replace("{{ page.heading }}", "{{ page.headng }}", StringComparison.Ordinal));
        await WaitFor(() => server.Generation > generation, "the failed rebuild");

        await page.WaitForSelectorAsync("#digestgen-overlay");
        Assert.Matches(@"pages/date\.html:2:\d+: error: .*headng", await page.Locator("#digestgen-overlay").TextContentAsync());
        using var http = new HttpClient();
        Assert.Contains("First Paper On Caches", await http.GetStringAsync(server.Url + "dates/2025-08-19/"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public void Serve_binds_to_loopback_by_default()
    {
        var help = CliRun.Of("serve", "--help");
        Assert.Contains("127.0.0.1", help.Out);
    }
}
