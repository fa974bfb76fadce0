using System.Text.RegularExpressions;
using DigestGen.Serve;
using Microsoft.Playwright;

namespace DigestGen.Tests.Support;

/// <summary>The real site, built, served over HTTP on 127.0.0.1 under /digest/, and a headless Debian Chromium.</summary>
public sealed class BrowserSite : IAsyncLifetime
{
    private BuiltSite? _site;
    private StaticSiteServer? _server;
    private IPlaywright? _playwright;

    public BuiltSite Site => _site!;

    public string Url => _server!.Url;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _site = new BuiltSite();
        _server = new StaticSiteServer(_site.Output, basePath: "/digest/");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestTools.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh page (own storage) of the given width, failing the test on any request that leaves the machine.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
        });
        var page = await context.NewPageAsync();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                ExternalRequests.Add(request.Url);
            }
        };
        return page;
    }

    public List<string> ExternalRequests { get; } = new();

    /// <summary>Navigates and waits until the site's script has run (it un-hides the theme toggle), so key handlers are attached.</summary>
    public static async Task GotoReadyAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("#theme-toggle:not([hidden])");
    }

    /// <summary>
    /// Runs an action that navigates, and waits for the page to reach <paramref name="url"/>. The wait is set up
    /// before the action: a WaitForURL begun after it misses a navigation that commits while it starts
    /// (the browser loaded the page, and the test timed out at 30 s; seen when the machine was busy).
    /// </summary>
    public static async Task NavigateAsync(IPage page, Func<Task> action, Regex url, WaitUntilState until = WaitUntilState.Load)
    {
        var arrived = page.WaitForURLAsync(url, new() { WaitUntil = until });
        await action();
        await arrived;
    }

    /// <inheritdoc cref="NavigateAsync(IPage, Func{Task}, Regex, WaitUntilState)"/>
    public static async Task NavigateAsync(IPage page, Func<Task> action, string url, WaitUntilState until = WaitUntilState.Load)
    {
        var arrived = page.WaitForURLAsync(url, new() { WaitUntil = until });
        await action();
        await arrived;
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        _server?.Dispose();
        _site?.Dispose();
    }
}
