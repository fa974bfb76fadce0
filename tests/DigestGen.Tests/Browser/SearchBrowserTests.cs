using System.Text.RegularExpressions;
using DigestGen.Tests.Support;
using Microsoft.Playwright;

namespace DigestGen.Tests.Browser;

/// <summary>The search page on the real built site, in Chromium, under a sub-path.</summary>
public class SearchBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private async Task<IPage> SearchAsync(string query, string extra = "")
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url + "search/" + extra);
        await page.Locator("#search-q").FillAsync(query);
        await WaitForResults(page);
        return page;
    }

    /// <summary>The search page opened at a query string, once its status line says <paramref name="status"/>.</summary>
    private async Task<IPage> OpenAsync(string queryString, string status = "result")
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url + "search/" + queryString);
        await page.WaitForFunctionAsync("(s) => document.getElementById('search-status').textContent.includes(s)", status);
        return page;
    }

    private static async Task WaitForResults(IPage page) =>
        await page.WaitForFunctionAsync("() => document.getElementById('search-status').textContent.match(/result|No results/)");

    private static async Task<List<string>> Titles(IPage page) =>
        [.. await page.Locator("#search-results .card-title a").AllTextContentsAsync()];

    [Fact]
    public async Task Tina_lora_ranks_the_tina_paper_first()
    {
        var page = await SearchAsync("tina lora");
        Assert.StartsWith("Tina:", (await Titles(page))[0]);
        Assert.True(await page.Locator("#search-results mark").CountAsync() > 0, "matched words are highlighted");
        Assert.Matches(@"^(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}$",
            await page.Locator("#search-results .meta").First.TextContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Kv_cache_quantization_has_kivi_in_the_top_three()
    {
        var page = await SearchAsync("kv cache quantization");
        Assert.Contains((await Titles(page)).Take(3), t => t.StartsWith("KIVI:", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Llava_finds_the_llava_papers()
    {
        var page = await SearchAsync("llava");
        var titles = await Titles(page);
        var llavaTitles = browser.Site.Papers.RootElement.GetProperty("papers").EnumerateArray()
            .Select(p => p.GetProperty("title").GetString()!)
            .Where(t => t.Contains("llava", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(llavaTitles.Count >= 6);
        Assert.Equal(llavaTitles.Order(), titles.Take(llavaTitles.Count).Order());
        Assert.Contains("result", await page.Locator("#search-status").TextContentAsync());
        Assert.Equal("polite", await page.Locator("#search-status").GetAttributeAsync("aria-live"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_typo_still_finds_quantization_papers()
    {
        var page = await SearchAsync("quantizaton ");
        var titles = await Titles(page);
        Assert.True(titles.Count(t => t.Contains("Quantiz", StringComparison.OrdinalIgnoreCase)) >= 3, string.Join(" | ", titles));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_topic_filter_narrows_results_and_the_url_round_trips()
    {
        var page = await SearchAsync("kv cache");
        var all = await Titles(page);
        var ready = await page.EvaluateAsync<string>("document.getElementById('search-app').dataset.ready ?? ''");
        await BrowserSite.NavigateAsync(page, () => page.Locator("select[name=topic]").SelectOptionAsync("multimodal"), new Regex("topic=multimodal"));

        // The status still says "results" from the last query: wait for this query's own answer.
        await page.WaitForFunctionAsync($"() => (document.getElementById('search-app').dataset.ready ?? '') !== '{ready}'");
        var narrowed = await Titles(page);
        Assert.InRange(narrowed.Count, 1, all.Count - 1);
        Assert.Contains("q=kv+cache", page.Url);

        var reopened = await browser.NewPageAsync();
        await reopened.GotoAsync(page.Url);
        await WaitForResults(reopened);
        Assert.Equal("kv cache", await reopened.Locator("#search-q").InputValueAsync());
        Assert.Equal("multimodal", await reopened.Locator("select[name=topic]").InputValueAsync());
        Assert.Equal(narrowed, await Titles(reopened));
        await page.Context.CloseAsync();
        await reopened.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_slash_arrows_enter_and_escape()
    {
        var page = await browser.NewPageAsync();
        await BrowserSite.GotoReadyAsync(page, browser.Url + "topics/");
        await page.Keyboard.PressAsync("/");
        Assert.Equal("site-search-q", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("llava");
        await BrowserSite.NavigateAsync(page, () => page.Keyboard.PressAsync("Enter"), new Regex("/digest/search/\\?q=llava$"));
        await page.WaitForSelectorAsync("#theme-toggle:not([hidden])");
        await WaitForResults(page);

        await page.Keyboard.PressAsync("Control+k");
        Assert.Equal("search-q", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        var second = (await Titles(page))[1];
        Assert.Equal(second, await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Escape");
        Assert.Equal("search-q", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("ArrowDown");
        await page.WaitForFunctionAsync("() => document.activeElement?.matches('#search-results .card-title a')");
        var first = await page.EvaluateAsync<string>("document.activeElement.href");
        Assert.Equal((await Titles(page))[0], await page.EvaluateAsync<string>("document.activeElement.textContent"));

        // What is asserted is that Enter follows the focused result; the next page's own loading is other tests' business.
        await BrowserSite.NavigateAsync(page, () => page.Keyboard.PressAsync("Enter"), first, WaitUntilState.Commit);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_hostile_query_stays_text()
    {
        var page = await browser.NewPageAsync();
        var fired = false;
        page.Dialog += (_, dialog) => { fired = true; _ = dialog.DismissAsync(); };
        await page.GotoAsync(browser.Url + "search/?q=" + Uri.EscapeDataString("<img src=x onerror=alert(1)> llava"));
        await WaitForResults(page);
        Assert.Equal("<img src=x onerror=alert(1)> llava", await page.Locator("#search-q").InputValueAsync());
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.False(fired);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_the_page_points_to_topics_and_dates()
    {
        var context = await browser.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.Url + "search/?q=llava");
        var noscript = await page.Locator("noscript").InnerHTMLAsync();
        Assert.Contains("needs JavaScript", noscript);
        Assert.Contains("topics/", noscript);
        Assert.Contains("dates/", noscript);
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_index_rebuilt_in_another_format_asks_for_a_reload()
    {
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/search/meta.json", async route =>
        {
            var response = await route.FetchAsync();
            var meta = System.Text.Json.Nodes.JsonNode.Parse(await response.TextAsync())!;
            meta["version"] = 2;
            await route.FulfillAsync(new() { Response = response, Body = meta.ToJsonString() });
        });
        await page.GotoAsync(browser.Url + "search/?q=cache");
        await page.WaitForFunctionAsync("() => document.getElementById('search-status').textContent.includes('Reload')");
        Assert.Equal(0, await page.Locator("#search-results > li").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task When_no_paper_has_every_word_the_page_says_it_shows_some()
    {
        var page = await OpenAsync("?q=kivi+llava");
        Assert.StartsWith("No paper has all of kivi, llava; showing papers with some of them.", await page.Locator("#search-status").TextContentAsync());
        Assert.True(await page.Locator("#search-results > li").CountAsync() > 1);
        await page.Context.CloseAsync();
    }

    /// <summary>Issue 23: results drawn after the page are below everything in view, so the page does not jump (CLS ≤ 0.02).</summary>
    [Theory]
    [InlineData(390, "cache")]
    [InlineData(1280, "cache")]
    [InlineData(1280, "kivi")]
    public async Task Results_arriving_move_nothing_in_view(int width, string query)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, 800);
        await page.AddInitScriptAsync("window.shifted = 0; new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifted += e.value; }).observe({ type: 'layout-shift', buffered: true });");
        await page.GotoAsync(browser.Url + "search/?q=" + query);
        await page.WaitForFunctionAsync("() => document.getElementById('search-status').textContent.includes('result')");
        // Snippets about the query replace first ones after the results are drawn: wait for their pages too.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var shifted = await page.EvaluateAsync<double>("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(window.shifted))))");
        Assert.InRange(shifted, 0, 0.02);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_query_typed_while_the_engine_still_loads_is_searched()
    {
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/search-core.js*", async route =>
        {
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        await page.GotoAsync(browser.Url + "search/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Locator("#search-q").FillAsync("kv cache quantization");
        await page.WaitForFunctionAsync("() => document.getElementById('search-status').textContent.includes('result')");
        Assert.Equal("kv cache quantization", await page.Locator("#search-q").InputValueAsync());
        Assert.True(await page.Locator("#search-results > li").CountAsync() > 0);
        await page.Context.CloseAsync();
    }

    /// <summary>Issue 23: "long context" in quotes means the phrase. Among the 13 papers with both words, only those that have it word for word.</summary>
    [Fact]
    public async Task A_quoted_phrase_shows_only_papers_that_have_it()
    {
        var phrase = new Regex(@"\blong[\s-]+contexts?\b", RegexOptions.IgnoreCase);
        var expected = browser.Site.Papers.RootElement.GetProperty("papers").EnumerateArray()
            .Where(p => phrase.IsMatch(p.GetProperty("title").GetString()!) || phrase.IsMatch(p.GetProperty("abstract").GetString()!))
            .Select(p => p.GetProperty("title").GetString()!)
            .ToList();
        var page = await OpenAsync("?q=%22long+context%22&kind=paper");
        var titles = await Titles(page);
        Assert.InRange(expected.Count, 2, 10);
        Assert.Equal(expected.Order(), titles.Order());
        Assert.Equal($"{expected.Count} results.", await page.Locator("#search-status").TextContentAsync());

        // Without quotes, the words anywhere: more papers.
        await page.Locator("#search-q").FillAsync("long context ");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('#search-results > li').length > {expected.Count}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_phrase_no_paper_has_says_so()
    {
        var page = await OpenAsync("?q=%22context+long%22", "phrase");
        Assert.Equal(0, await page.Locator("#search-results > li").CountAsync());
        Assert.StartsWith("No paper has that exact phrase (papers with all of its words: ", await page.Locator("#search-status").TextContentAsync());
        await page.Context.CloseAsync();
    }

    /// <summary>Issue 23: where the abstract's opening does not have the query's words, the snippet is the part that does, highlighted.</summary>
    [Fact]
    public async Task A_snippet_shows_where_the_abstract_matches()
    {
        var page = await SearchAsync("speculative decoding ");
        var matformer = page.Locator("#search-results > li", new() { HasText = "MatFormer" }).Locator(".snippet");
        await matformer.Locator("mark").First.WaitForAsync();
        var snippet = await matformer.TextContentAsync();
        Assert.StartsWith("…", snippet);
        Assert.Contains("speculative decoding", snippet, StringComparison.OrdinalIgnoreCase);
        await page.Context.CloseAsync();
    }
}
