using DigestGen.Ingest;
using DigestGen.Pipeline;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Seams;

/// <summary>A new seed format is one class and one entry in the list of formats: shown with a format of the tests' own.</summary>
public class SeedFormatSeamTests
{
    private static string Tsv(params string[] titles) =>
        TabSeparatedFormat.Header + "\n" + string.Concat(titles.Select(t => $"{t}\t{Seeds.LongAbstract(t.ToLowerInvariant())}\n"));

    [Fact]
    public void Without_the_format_the_file_is_skipped_as_unknown()
    {
        using var site = new ContentFolder().With("seeds/a.tsv", Tsv("Tab Separated Paper"));

        var digest = DigestLoader.Load(new BuildOptions(site.Content, site.Output, new DateOnly(2026, 1, 1)), new StageTimings());

        Assert.Empty(digest.Papers);
        Assert.Equal(SeedFormat.Unknown, Assert.Single(digest.Seeds).Format);
    }

    [Fact]
    public void With_the_format_registered_its_papers_are_built_into_the_site()
    {
        using var site = new ContentFolder().WithThemes()
            .With("seeds/a.tsv", Tsv("Tab Separated Paper", "Another Tabbed Study"))
            .With("seeds/b.txt", Seeds.Listing($"A Listed Paper\n\n{Seeds.LongAbstract("listing")}\n"));
        var options = new BuildOptions(site.Content, site.Output, new DateOnly(2026, 1, 1))
        {
            SeedFormats = [.. SeedFormats.Default, new TabSeparatedFormat()],
        };

        var result = SiteBuilder.Build(options);

        Assert.Equal(3, result.Summary.Papers);
        Assert.Contains(result.Summary.Seeds, s => s.File == "seeds/a.tsv" && s.Format == "papers-tsv" && s.Records == 2);
        Assert.True(File.Exists(Path.Combine(site.Output, "papers", "tab-separated-paper", "index.html")));
        Assert.Contains("Another Tabbed Study", File.ReadAllText(Path.Combine(site.Output, "index.html")));
    }
}
