using DigestGen.Catalog;
using DigestGen.Curate;
using DigestGen.Diagnostics;
using DigestGen.Ingest;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Catalog;

public class CatalogTests
{
    private static IReadOnlyList<Paper> Curate(DiagnosticBag bag, IReadOnlyDictionary<string, PaperOverride>? overrides, params SeedIngestResult[] seeds)
    {
        var catalog = new PaperCatalog();
        catalog.Add(seeds);
        return Curator.CuratePapers(catalog.Entries, overrides ?? new Dictionary<string, PaperOverride>(), "overrides.yml", bag);
    }

    private static IReadOnlyList<Paper> Curate(params SeedIngestResult[] seeds) => Curate(new DiagnosticBag(), null, seeds);

    [Fact]
    public void Same_title_in_two_seeds_is_one_paper_with_both_sources()
    {
        var early = Seeds.Ingest(Seeds.Listing($"Shared Paper\n\n{Seeds.LongAbstract("a")}\n\n  • 4 authors\n·\nAug 1 3\n"), captured: new DateOnly(2025, 8, 19));
        var late = Seeds.Ingest(Seeds.Listing($"shared   PAPER\n\n{Seeds.LongAbstract("a")}\n\n  • 4 authors\n·\nAug 1 9\n"), captured: new DateOnly(2025, 11, 4));

        var paper = Assert.Single(Curate(late, early));
        Assert.Equal(2, paper.Sources.Count);
        Assert.Equal(new DateOnly(2025, 8, 19), paper.DigestDate);
        Assert.Equal(9, paper.Upvotes);
        Assert.Equal(4, paper.AuthorCount);
    }

    [Fact]
    public void Author_count_beats_none()
    {
        var bare = Seeds.Ingest(Seeds.Listing($"P\n\n{Seeds.LongAbstract("a")}\n"), captured: new DateOnly(2025, 8, 19));
        var rich = Seeds.Ingest(Seeds.Listing($"P\n\n{Seeds.LongAbstract("a")}\n\n  • 7 authors\n·\nAug 1\n"), captured: new DateOnly(2025, 11, 4));
        Assert.Equal(7, Assert.Single(Curate(bare, rich)).AuthorCount);
    }

    [Fact]
    public void Abstracts_match_ignoring_case_and_white_space()
    {
        var a = Seeds.Ingest("Dept\nAbstract:We present Foo, a model.  It works.\n");
        var b = Seeds.Ingest("Dept\nAbstract:we present foo, a model. it works.\n");
        var paper = Assert.Single(Curate(a, b));
        Assert.True(paper.TitleDerived);
        Assert.StartsWith("Foo:", paper.Title);
    }

    [Fact]
    public void Ids_do_not_depend_on_file_names_or_other_seeds()
    {
        var seed = Seeds.Ingest(Seeds.Listing($"Stable Paper\n\n{Seeds.LongAbstract("a")}\n"));
        var other = Seeds.Ingest(Seeds.Listing($"Another Paper\n\n{Seeds.LongAbstract("b")}\n"));
        var alone = Assert.Single(Curate(seed)).Id;
        var together = Curate(seed, other).Single(p => p.Title == "Stable Paper").Id;
        Assert.Equal(alone, together);
        Assert.Equal(StableId.For('p', "title:stable paper"), alone);
    }

    [Fact]
    public void Slugs_are_ascii_short_and_unique()
    {
        Assert.Equal("uber-cafe-naive-resume", Slug.From("Über Café: naïve résumé!"));
        Assert.True(Slug.From(string.Join(' ', Enumerable.Repeat("language", 30))).Length <= 80);

        var slugs = SlugAllocator.Allocate([("p2", "Same Title"), ("p1", "Same Title")]);
        Assert.Equal("same-title", slugs["p1"]);
        Assert.Equal("same-title-2", slugs["p2"]);
    }

    [Fact]
    public void Derived_titles_are_unique()
    {
        var seed = Seeds.Ingest("Dept\nAbstract:We present Foo, a model. One.\nAbstract:We present Foo, a model. Two.\n");
        var titles = Curate(seed).Select(p => p.Title).ToList();
        Assert.Equal(2, titles.Distinct().Count());
    }

    [Fact]
    public void Override_title_wins_and_unknown_ids_warn()
    {
        var seed = Seeds.Ingest("Dept\nAbstract:Something about models.\n");
        var id = Curate(seed).Single().Id;
        var bag = new DiagnosticBag();
        var overrides = OverridesLoader.Parse($"{id}:\n  title: A Better Title\np000000000000:\n  title: Nobody\n", "overrides.yml", bag);

        var paper = Curate(bag, overrides, seed).Single();
        Assert.Equal("A Better Title", paper.Title);
        Assert.False(paper.TitleDerived);
        Assert.Equal("overrides.yml:3: warning: override for unknown paper id 'p000000000000' was ignored", Assert.Single(bag.Items).ToString());
    }
}
