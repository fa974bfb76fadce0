using System.Text.Json;
using DigestGen.Tests.Support;
using Microsoft.Playwright;

namespace DigestGen.Tests.Browser;

/// <summary>The built real site in real Chromium, served under a sub-path.</summary>
public class SiteBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private string KiviSlug => browser.Site.Papers.RootElement.GetProperty("papers").EnumerateArray()
        .Single(p => p.GetProperty("title").GetString()!.StartsWith("KIVI:", StringComparison.Ordinal)).GetProperty("slug").GetString()!;

    private IEnumerable<string> PageTypes =>
    [
        "",
        $"papers/{KiviSlug}/",
        "topics/efficient-inference/",
        "topics/",
        "dates/2025-08-19/",
        "dates/2026-11-22/",
        "dates/",
        "weeks/2025-W45/",
        "months/2025-11/",
        "about/",
        "feeds/",
        "status/",
        "search/?q=cache",
        "saved/",
    ];

    [Fact]
    public async Task Every_page_type_renders_under_a_sub_path()
    {
        foreach (var route in PageTypes)
        {
            var page = await browser.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text + " " + m.Location); };
            page.PageError += (_, e) => errors.Add(e);
            var response = await page.GotoAsync(browser.Url + route);

            Assert.Equal(200, response!.Status);
            Assert.True(await page.Locator("h1").CountAsync() == 1, route);
            Assert.True(await page.Locator("link[rel=stylesheet]").EvaluateAsync<bool>("l => l.sheet !== null && l.sheet.cssRules.length > 10"), $"{route}: stylesheet not applied");
            Assert.True(errors.Count == 0, route + ": " + string.Join("\n", errors));
            await page.Context.CloseAsync();
        }

        Assert.Empty(browser.ExternalRequests);
    }

    [Fact]
    public async Task Links_navigate_between_page_types()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url);
        await BrowserSite.NavigateAsync(page, () => page.Locator("ol.cards .card-title a").First.ClickAsync(), new System.Text.RegularExpressions.Regex("/digest/papers/[^/]+/$"));

        await BrowserSite.NavigateAsync(page, () => page.Locator("ul.chips a").First.ClickAsync(), new System.Text.RegularExpressions.Regex("/digest/topics/[^/]+/$"));

        await BrowserSite.NavigateAsync(page, () => page.Locator("nav.site-nav a", new() { HasText = "Archive" }).ClickAsync(), browser.Url + "dates/");
        Assert.True(await page.Locator(".heatmap svg rect").CountAsync() >= 30);

        await BrowserSite.NavigateAsync(page, () => page.Locator("ul.counts a").First.ClickAsync(), new System.Text.RegularExpressions.Regex("/digest/dates/\\d{4}-\\d{2}-\\d{2}/$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dark_mode_toggle_works_and_persists()
    {
        var page = await browser.NewPageAsync(scheme: ColorScheme.Light);
        await BrowserSite.GotoReadyAsync(page, browser.Url);
        var toggle = page.Locator("#theme-toggle");
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-pressed"));
        var lightBackground = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

        await toggle.ClickAsync();
        Assert.Equal("dark", await page.EvaluateAsync<string>("document.documentElement.dataset.theme"));
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));
        var darkBackground = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.NotEqual(lightBackground, darkBackground);

        await page.GotoAsync(browser.Url + "topics/");
        Assert.Equal("dark", await page.EvaluateAsync<string>("document.documentElement.dataset.theme"));
        Assert.Equal(darkBackground, await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_paper_page_sets_its_facts_beside_the_abstract_on_a_wide_screen_and_above_it_on_a_phone()
    {
        foreach (var (width, beside) in new[] { (1280, true), (390, false) })
        {
            var page = await browser.NewPageAsync(width: width);
            await page.GotoAsync(browser.Url + $"papers/{KiviSlug}/");
            var facts = (await page.Locator("aside.paper-facts").BoundingBoxAsync())!;
            var text = (await page.Locator("p.abstract").BoundingBoxAsync())!;

            if (beside)
            {
                Assert.True(facts.X >= text.X + text.Width, $"facts at x={facts.X}, abstract ends at {text.X + text.Width}");
                Assert.True(facts.Y < text.Y + text.Height / 2, "facts start below the abstract's first half");
            }
            else
            {
                Assert.True(facts.Y + facts.Height <= text.Y, "on a phone the facts come before the abstract");
            }

            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Links_out_open_in_the_same_tab_without_an_opener()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url + $"papers/{KiviSlug}/");
        var links = await page.Locator("ul.links-out a").EvaluateAllAsync<JsonElement>("as => as.map(a => [a.textContent, a.href, a.rel, a.target])");

        var rows = links.EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "arXiv" && r[1].StartsWith("https://arxiv.org/search/?query=KIVI", StringComparison.Ordinal));

        // The page writes the arXiv search and its script adds the other three: the same links as papers.json's.
        var papers = JsonDocument.Parse(File.ReadAllText(Path.Combine(browser.Site.Output, "data", "papers.json"))).RootElement.GetProperty("papers");
        var kivi = papers.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == KiviSlug).GetProperty("links");
        await page.WaitForSelectorAsync("ul.links-out[data-searches] li:nth-child(4)");
        var searches = (await page.Locator("ul.links-out[data-searches] a").EvaluateAllAsync<string[][]>("as => as.map(a => [a.textContent, a.href])")).ToList();
        Assert.Equal(["arXiv", "Hugging Face", "Semantic Scholar", "Google Scholar"], searches.Select(r => r[0]));
        Assert.Equal(new[] { "arxiv", "huggingface", "semanticScholar", "googleScholar" }.Select(k => kivi.GetProperty(k).GetString()), searches.Select(r => r[1]));
        Assert.All(rows, r =>
        {
            Assert.StartsWith("https://", r[1]);
            Assert.Equal("noopener", r[2]);
            Assert.Equal("", r[3]);
        });
        Assert.Empty(browser.ExternalRequests);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_heat_map_days_with_papers_are_in_view_and_are_links_a_keyboard_reaches()
    {
        var page = await browser.NewPageAsync(width: 390, height: 800);
        await page.GotoAsync(browser.Url + "dates/");
        var days = page.Locator(".heatmap a");
        Assert.Equal(3, await days.CountAsync());
        foreach (var day in await days.AllAsync())
        {
            var box = (await day.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"a day is drawn at x={box.X}, outside the 390px screen");
            Assert.True(box.Width >= 12, $"a day is {box.Width}px wide");
        }

        var labelSize = await page.Locator(".heatmap text").First.EvaluateAsync<double>("t => t.getBoundingClientRect().height");
        Assert.True(labelSize >= 9, $"labels are {labelSize}px tall");
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('.heatmap-figure').length && [...document.querySelectorAll('.heatmap-figure')].filter(f => f.scrollWidth > f.clientWidth).length"));

        await page.Locator(".heatmap a").First.FocusAsync();
        Assert.Equal("November 22, 2026: 16 papers", await page.EvaluateAsync<string>("document.activeElement.getAttribute('aria-label')"));
        await BrowserSite.NavigateAsync(page, () => page.Keyboard.PressAsync("Enter"), browser.Url + "dates/2026-11-22/");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task System_dark_preference_is_followed()
    {
        var page = await browser.NewPageAsync(scheme: ColorScheme.Dark);
        await page.GotoAsync(browser.Url);
        Assert.Equal("true", await page.Locator("#theme-toggle").GetAttributeAsync("aria-pressed"));
        Assert.Equal("rgb(18, 20, 23)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task No_horizontal_scroll_at_320px()
    {
        foreach (var route in PageTypes.Append("404.html"))
        {
            var page = await browser.NewPageAsync(width: 320, height: 800);
            await page.GotoAsync(browser.Url + route);
            if (route.StartsWith("search/", StringComparison.Ordinal))
            {
                // Measured once the index has filled the topic list and the results are on screen.
                await page.WaitForFunctionAsync("() => document.querySelectorAll('select[name=topic] option').length > 1 && document.querySelectorAll('#search-results li').length > 0");
            }

            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{route} scrolls sideways by {overflow}px at 320px");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_long_day_shows_the_opening_of_each_abstract_under_its_row_on_request()
    {
        var page = await browser.NewPageAsync();
        await BrowserSite.GotoReadyAsync(page, browser.Url + "dates/2025-08-19/");
        var rows = await page.Locator("ol.rows > li.row").CountAsync();
        Assert.True(rows > 30, $"{rows} rows");
        Assert.Equal(0, await page.Locator(".rows .snippet:visible").CountAsync());

        var toggle = page.Locator("button.snippets-toggle");
        await toggle.ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('.with-snippets') !== null");
        Assert.Equal(rows, await page.Locator(".rows .snippet:visible").CountAsync());
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));
        var first = page.Locator("ol.rows > li.row").First;
        var title = await first.Locator("a").First.TextContentAsync();
        var papers = JsonDocument.Parse(File.ReadAllText(Path.Combine(browser.Site.Output, "data", "papers.json"))).RootElement.GetProperty("papers");
        var paper = papers.EnumerateArray().Single(p => p.GetProperty("title").GetString() == title);
        var snippet = (await first.Locator(".snippet").TextContentAsync())!.TrimEnd('…');
        Assert.StartsWith(snippet, paper.GetProperty("abstract").GetString(), StringComparison.Ordinal);

        await toggle.ClickAsync();
        Assert.Equal(0, await page.Locator(".rows .snippet:visible").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_j_k_and_enter_walk_a_list()
    {
        var page = await browser.NewPageAsync();
        await BrowserSite.GotoReadyAsync(page, browser.Url + "topics/efficient-inference/");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("k");
        var focused = await page.EvaluateAsync<string>("document.activeElement.closest('li').querySelector('a').getAttribute('href')");
        var first = await page.Locator("ol.cards > li").First.Locator("a").First.GetAttributeAsync("href");
        Assert.Equal(first, focused);
        Assert.Equal(1, await page.Locator("li.is-current").CountAsync());

        await BrowserSite.NavigateAsync(page, () => page.Keyboard.PressAsync("Enter"), new System.Text.RegularExpressions.Regex("/digest/papers/[^/]+/$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Axe_finds_no_accessibility_violations()
    {
        var axe = await File.ReadAllTextAsync(TestTools.AxeScript);
        foreach (var (scheme, width) in new[] { (ColorScheme.Light, 1280), (ColorScheme.Dark, 1280), (ColorScheme.Light, 390), (ColorScheme.Dark, 390) })
        {
            foreach (var route in PageTypes.Append("404.html"))
            {
                var page = await browser.NewPageAsync(width: width, scheme: scheme);
                await page.GotoAsync(browser.Url + route);
                await page.AddScriptTagAsync(new() { Content = axe });
                var result = await page.EvaluateAsync<JsonElement>("async () => { const r = await axe.run(document); if (r.passes.length < 10) return ['axe ran too few checks']; return r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')); }");
                var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
                Assert.True(violations.Count == 0, $"{route} ({scheme}, {width}px): {string.Join("; ", violations)}");
                await page.Context.CloseAsync();
            }
        }
    }
}
