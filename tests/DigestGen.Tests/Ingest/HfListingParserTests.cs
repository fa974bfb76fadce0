using DigestGen.Diagnostics;
using DigestGen.Ingest;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Ingest;

public class HfListingParserTests
{
    [Fact]
    public void Reads_title_abstract_and_metadata_block()
    {
        var text = Seeds.Listing($"First Paper Title\n\n{Seeds.LongAbstract("alpha")}\n\n  • 6 authors\n·\nAug 7 2\n\nSecond Paper\n\n{Seeds.LongAbstract("beta")}\n\nQwen Qwen\n·\nJul 30, 2024 12\n\nThird Paper\n\n{Seeds.LongAbstract("gamma")}\n");
        var result = Seeds.Ingest(text);

        Assert.Equal(SeedFormat.Listing, result.Format);
        Assert.Equal(3, result.Listings.Count);
        var first = result.Listings[0];
        Assert.Equal("First Paper Title", first.Title);
        Assert.Equal(6, first.AuthorCount);
        Assert.Equal(2, first.Upvotes);
        Assert.Equal((8, 7, (int?)null), (first.Published!.Value.Month, first.Published.Value.Day, first.Published.Value.Year));
        Assert.Equal(13, first.Source.Line);

        var second = result.Listings[1];
        Assert.Equal("Qwen", second.Organisation);
        Assert.Equal(2024, second.Published!.Value.Year);
        Assert.Equal(12, second.Upvotes);

        var third = result.Listings[2];
        Assert.Null(third.Published);
        Assert.Null(third.AuthorCount);
        Assert.Equal(11, third.PageDate!.Value.Month);
    }

    [Fact]
    public void A_listing_with_short_abstracts_is_still_a_listing()
    {
        var result = Seeds.Ingest(Seeds.Listing("Short One\n\nA brief abstract.\n\nShort Two\n\nAnother brief one.\n"));
        Assert.Equal(SeedFormat.Listing, result.Format);
        Assert.Equal(2, result.Listings.Count);
    }

    [Fact]
    public void Year_without_upvotes_is_a_year()
    {
        var result = Seeds.Ingest(Seeds.Listing($"T\n\n{Seeds.LongAbstract("x")}\n\n  • 5 authors\n·\nAug 19, 2024\n"));
        var paper = Assert.Single(result.Listings);
        Assert.Equal(2024, paper.Published!.Value.Year);
        Assert.Null(paper.Upvotes);
    }

    [Fact]
    public void Listing_cut_off_after_a_title_keeps_the_rest_and_warns()
    {
        var diagnostics = new DiagnosticBag();
        var result = Seeds.Ingest(Seeds.Listing($"Kept Paper\n\n{Seeds.LongAbstract("x")}\n\nCut Off Paper\n"), diagnostics);

        Assert.Equal("Kept Paper", Assert.Single(result.Listings).Title);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("Cut Off Paper", warning.Message);
        Assert.Equal(17, warning.Line);
    }
}
