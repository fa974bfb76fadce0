using DigestGen.Tests.Support;

namespace DigestGen.Tests.Site;

/// <summary>What a paper page tells a reader about where the paper came from, and what it keeps for curators.</summary>
public class PaperPageTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    [Fact]
    public void An_abstract_list_paper_says_where_it_was_found_in_words_and_never_labels_the_institution_By()
    {
        var page = site.Page("papers/probabilistic-graphical-modeling-is-a-branch-of-machine-learning/index.html");
        var facts = page.QuerySelector("aside.paper-facts dl.facts")!;
        var terms = facts.QuerySelectorAll("dt").Select(dt => dt.TextContent).ToList();

        Assert.DoesNotContain("By", terms);
        Assert.Contains("Organisation", terms);
        Assert.Equal(["From an abstract list of the Department of Computer Science, Stanford University, November 22, 2026"],
            facts.QuerySelectorAll("ul.origins li").Select(li => li.TextContent));
    }

    [Fact]
    public void A_listed_paper_says_which_day_its_listing_page_was_captured()
    {
        var page = site.Page("papers/adar1-from-long-cot-to-hybrid-cot-via-bi-level-adaptive-reasoning-optimization/index.html");

        Assert.Equal(["Listed on a daily papers page, November 4, 2025"], page.QuerySelectorAll("ul.origins li").Select(li => li.TextContent));
        Assert.Equal("9 authors", Fact(page, "Authors"));
    }

    [Fact]
    public void Seed_files_lines_and_the_id_sit_only_in_the_curators_details()
    {
        var page = site.Page("papers/probabilistic-graphical-modeling-is-a-branch-of-machine-learning/index.html");
        var details = page.QuerySelector("details.curator-details")!;

        Assert.Contains("p14c94c1cf360", details.QuerySelector(".paper-id code")!.TextContent);
        Assert.Contains("seeds/000_2e4c0f50d6a6d383.txt, line 2", details.QuerySelector("ul.sources")!.TextContent);
        var outside = page.QuerySelector("article.paper")!.Clone(deep: true) as AngleSharp.Dom.IElement;
        outside!.QuerySelector("details.curator-details")!.Remove();
        Assert.DoesNotContain("seeds/", outside.TextContent);
        Assert.DoesNotContain("overrides.yml", outside.TextContent);
    }

    private static string? Fact(AngleSharp.Dom.IDocument page, string term) =>
        page.QuerySelectorAll("dl.facts > div").FirstOrDefault(d => d.QuerySelector("dt")!.TextContent == term)?.QuerySelector("dd")!.TextContent;
}
