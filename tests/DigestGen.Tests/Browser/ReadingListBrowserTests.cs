using DigestGen.Tests.Support;
using Microsoft.Playwright;

namespace DigestGen.Tests.Browser;

/// <summary>The reading list in real Chromium: save from cards and pages, reload, list, export, recommend, remove, offline.</summary>
public class ReadingListBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private string SlugStarting(string title) => browser.Site.Papers.RootElement.GetProperty("papers").EnumerateArray()
        .Single(p => p.GetProperty("title").GetString()!.StartsWith(title, StringComparison.Ordinal)).GetProperty("slug").GetString()!;

    [Fact]
    public async Task Save_reload_list_export_recommend_remove_and_read_offline()
    {
        var page = await browser.NewPageAsync();
        await BrowserSite.GotoReadyAsync(page, browser.Url + $"papers/{SlugStarting("KIVI:")}/");
        var save = page.Locator("header.paper-header button.save");
        Assert.Equal("false", await save.GetAttributeAsync("aria-pressed"));

        // Keyboard: the button is reachable and Space presses it; the live region says what happened.
        await save.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        Assert.Equal("true", await save.GetAttributeAsync("aria-pressed"));
        Assert.Equal("Saved to your reading list.", await page.Locator("#save-status").TextContentAsync());

        // A card's button on a topic page saves that card's paper.
        await BrowserSite.GotoReadyAsync(page, browser.Url + "topics/efficient-inference/");
        var card = page.Locator("ol.cards > li.card").Filter(new() { HasNotText = "KIVI:" }).First;
        var cardTitle = (await card.Locator(".card-title a").TextContentAsync())!;
        await card.Locator("button.save").ClickAsync();

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("button.save:not([hidden])");
        Assert.Equal("true", await page.Locator("ol.cards > li.card").Filter(new() { HasText = cardTitle }).First.Locator("button.save").GetAttributeAsync("aria-pressed"));

        await page.GotoAsync(browser.Url + "saved/");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#saved-list > li').length === 2");
        var titles = await page.Locator("#saved-list .card-title a").AllTextContentsAsync();
        Assert.Equal(cardTitle, titles[0]);
        Assert.StartsWith("KIVI:", titles[1]);

        var markdown = await page.Locator("#saved-text").InputValueAsync();
        Assert.Contains($"]({browser.Url}papers/{SlugStarting("KIVI:")}/)", markdown);
        await page.Locator("#saved-format").SelectOptionAsync("bibtex");
        var bibtex = await page.Locator("#saved-text").InputValueAsync();
        Assert.Matches(@"@misc\{p[0-9a-f]{12},\n  title = \{KIVI", bibtex);
        Assert.Matches(@"note = \{In the digest on [A-Z][a-z]+ \d{1,2}, \d{4}\}", bibtex);

        await page.WaitForFunctionAsync("() => document.querySelectorAll('#saved-more-list > li').length > 0");
        var liked = await page.Locator("#saved-more-list .card-title a").AllTextContentsAsync();
        Assert.DoesNotContain(cardTitle, liked);
        Assert.All(liked, t => Assert.False(t.StartsWith("KIVI:", StringComparison.Ordinal)));
        Assert.Contains("Related to", await page.Locator("#saved-more-list .meta").First.TextContentAsync());

        await page.Locator("#saved-list > li").First.Locator("button.save").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#saved-list > li').length === 1");
        Assert.Equal("Removed from your reading list.", await page.Locator("#save-status").TextContentAsync());

        // Offline after the first visit: the service worker serves the page, its scripts and the briefs.
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#saved-list > li').length === 1");
        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#saved-list .card-title a').length === 1");
        Assert.StartsWith("KIVI:", await page.Locator("#saved-list .card-title a").TextContentAsync());
        Assert.Empty(browser.ExternalRequests);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_empty_list_says_how_to_save_and_a_hostile_id_stays_text()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url + "saved/");
        await page.WaitForSelectorAsync("#saved-empty:not([hidden])");

        await page.EvaluateAsync("() => localStorage.setItem('digestgen-saved', JSON.stringify(['p<img src=x onerror=window.pwned=1>']))");
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#saved-list > li').length === 1");
        Assert.Contains("no longer in the digest (p<img", await page.Locator("#saved-list > li").TextContentAsync());
        Assert.Equal(0, await page.Locator("#saved-list img").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.pwned === 1"));
        await page.Context.CloseAsync();
    }
}
