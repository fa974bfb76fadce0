using DigestGen.Tests.Support;

namespace DigestGen.Tests.Site;

/// <summary>Links out of the fixture site's paper pages: title searches, and code found in abstracts.</summary>
public class OutboundLinksTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    /// <summary>The page writes the arXiv search; its script adds the other three from the same query (see SiteBrowserTests).</summary>
    [Fact]
    public void Every_paper_page_searches_its_title_on_arxiv_in_the_same_tab()
    {
        var page = site.Page("papers/adar1-from-long-cot-to-hybrid-cot-via-bi-level-adaptive-reasoning-optimization/index.html");
        var links = page.QuerySelectorAll("ul.links-out[data-searches] a").ToList();

        Assert.Equal(["arXiv"], links.Select(a => a.TextContent));
        Assert.All(links, a =>
        {
            Assert.StartsWith("https://", a.GetAttribute("href"));
            Assert.Equal("noopener", a.GetAttribute("rel"));
            Assert.Null(a.GetAttribute("target"));
        });
        Assert.Equal("https://arxiv.org/search/?query=AdaR1:+From+Long-CoT+to+Hybrid-CoT+via+Bi-Level+Adaptive+Reasoning+Optimization&searchtype=title",
            links[0].GetAttribute("href"));
    }

    [Fact]
    public void A_code_address_in_the_abstract_shows_beside_the_title_and_links_in_the_abstract()
    {
        var page = site.Page("papers/adar1-from-long-cot-to-hybrid-cot-via-bi-level-adaptive-reasoning-optimization/index.html");
        var code = page.QuerySelector("ul.links-out.resources a");

        Assert.NotNull(code);
        Assert.Equal("Code", code.TextContent);
        Assert.Equal("https://github.com/StarDewXXX/AdaR1", code.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("p.abstract a[href='https://github.com/StarDewXXX/AdaR1'][rel='noopener']"));
    }

    [Fact]
    public void A_derived_headline_is_searched_in_abstracts_and_pages_without_addresses_show_no_resources()
    {
        var paper = site.Papers.RootElement.GetProperty("papers").EnumerateArray().First(p => p.GetProperty("titleDerived").GetBoolean() && !p.GetProperty("abstract").GetString()!.Contains("://", StringComparison.Ordinal));
        var page = site.Page($"papers/{paper.GetProperty("slug").GetString()}/index.html");

        Assert.EndsWith("&searchtype=abstract", page.QuerySelector("ul.links-out a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("ul.links-out.resources"));
    }

    [Fact]
    public void Papers_json_carries_the_same_links()
    {
        var adar1 = site.Papers.RootElement.GetProperty("papers").EnumerateArray()
            .Single(p => p.GetProperty("slug").GetString() == "adar1-from-long-cot-to-hybrid-cot-via-bi-level-adaptive-reasoning-optimization");
        var links = adar1.GetProperty("links");
        var page = site.Page("papers/adar1-from-long-cot-to-hybrid-cot-via-bi-level-adaptive-reasoning-optimization/index.html");

        Assert.Equal(["arxiv", "huggingface", "semanticScholar", "googleScholar", "code"], links.EnumerateObject().Select(l => l.Name));
        // The page writes the arXiv search and the code link; its script adds the other searches (SiteBrowserTests checks them).
        Assert.Equal(new[] { links.GetProperty("arxiv").GetString(), links.GetProperty("code").GetString() }.Order(),
            page.QuerySelectorAll("ul.links-out a").Select(a => a.GetAttribute("href")).Order());
    }

    [Fact]
    public void Feed_items_carry_the_same_links()
    {
        const string Slug = "adar1-from-long-cot-to-hybrid-cot-via-bi-level-adaptive-reasoning-optimization";
        var item = Directory.EnumerateFiles(site.Output, "feed.json", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("items").EnumerateArray())
            .First(i => i.GetProperty("url").GetString()!.EndsWith($"/papers/{Slug}/", StringComparison.Ordinal));
        var content = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(item.GetProperty("content_html").GetString()!);

        var links = site.Papers.RootElement.GetProperty("papers").EnumerateArray().Single(p => p.GetProperty("slug").GetString() == Slug)
            .GetProperty("links").EnumerateObject().Select(l => l.Value.GetString()).ToHashSet();
        Assert.Equal(5, links.Count);
        Assert.Subset(content.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToHashSet(), links);
    }
}
