using System.Text.RegularExpressions;
using DigestGen.Curate;
using DigestGen.Ingest;
using DigestGen.Pipeline;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Integration;

/// <summary>The whole ingest of the fixture site of the five first seeds, asserting the counts the seeds' README gives.</summary>
public class FixtureSiteIngestTests
{
    private static Digest Digest => FixtureDigest.Value;

    [Fact]
    public void Yields_208_papers_and_no_problems()
    {
        Assert.Equal(208, Digest.Papers.Count);
        Assert.Empty(Digest.Diagnostics.Items);
    }

    [Fact]
    public void Each_seed_is_read_in_its_format()
    {
        var formats = Digest.Seeds.ToDictionary(s => s.File[6..9], s => s.Format);
        Assert.Equal(SeedFormat.AbstractList, formats["000"]);
        Assert.Equal(SeedFormat.AbstractList, formats["001"]);
        Assert.Equal(SeedFormat.Listing, formats["002"]);
        Assert.Equal(SeedFormat.Listing, formats["003"]);
        Assert.Equal(SeedFormat.SocialPosts, formats["004"]);
        Assert.Equal(81, Digest.Seeds.Single(s => s.File.Contains("002")).Records);
        Assert.Equal(116, Digest.Seeds.Single(s => s.File.Contains("003")).Records);
    }

    [Fact]
    public void Abstract_lists_give_16_papers_and_listings_192()
    {
        Assert.Equal(16, Digest.Papers.Count(p => p.TitleDerived));
        Assert.Equal(192, Digest.Papers.Count(p => !p.TitleDerived));
        Assert.Equal(5, Digest.Papers.Count(p => p.Sources.Select(s => s.File).Distinct().Count() == 2 && p.Sources.All(s => s.File.Contains("002") || s.File.Contains("003"))));
    }

    [Fact]
    public void Every_post_line_lands_in_exactly_one_post()
    {
        var seed = Digest.Seeds.Single(s => s.Format == SeedFormat.SocialPosts);
        using var site = ContentFolder.FromFixture();
        var posts = SeedIngestor.Ingest(Path.Combine(site.Content, seed.File), seed.File, seed.Captured, new DigestGen.Diagnostics.DiagnosticBag()).Posts;
        var lines = posts.SelectMany(p => p.Lines.Select(l => l.Number)).ToList();
        Assert.Equal(Enumerable.Range(1, 62), lines);
        Assert.Equal(posts.Count, Digest.Posts.Count);
    }

    [Fact]
    public void Titles_and_abstracts_are_clean()
    {
        var tex = new Regex(@"\\\$|\\%|\\textbf|\\emph|\\textit");
        Assert.All(Digest.Papers, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Title));
            Assert.DoesNotMatch(tex, p.Title);
            Assert.DoesNotMatch(tex, p.Abstract.ToPlainText());
            Assert.InRange(p.Slug.Length, 1, 80);
        });
        Assert.Equal(Digest.Papers.Count, Digest.Papers.Select(p => p.Slug).Distinct().Count());
        Assert.Equal(Digest.Papers.Count, Digest.Papers.Select(p => p.Title).Distinct().Count());
    }

    [Fact]
    public void Digest_dates_follow_the_manifest()
    {
        Assert.All(Digest.Papers.Where(p => p.Sources.Any(s => s.File.Contains("002"))), p => Assert.Equal(new DateOnly(2025, 8, 19), p.DigestDate));
        Assert.All(Digest.Papers.Where(p => p.Sources.All(s => s.File.Contains("003"))), p => Assert.Equal(new DateOnly(2025, 11, 4), p.DigestDate));
    }

    [Fact]
    public void Publication_dates_and_upvotes_from_metadata()
    {
        Paper ByTitle(string start) => Digest.Papers.Single(p => p.Title.StartsWith(start, StringComparison.Ordinal));

        var prvl = ByTitle("PRvL:");
        Assert.Equal(new DateOnly(2025, 8, 7), prvl.Published);
        Assert.Equal(2, prvl.Upvotes);

        var jacolbert = ByTitle("JaColBERTv2.5");
        Assert.Equal(new DateOnly(2024, 7, 30), jacolbert.Published);
        Assert.Equal(2, jacolbert.Upvotes);

        Assert.Equal("Qwen", ByTitle("Qwen3Guard").Organisation);
    }

    [Fact]
    public void Named_systems_lead_derived_titles()
    {
        var derived = Digest.Papers.Where(p => p.TitleDerived).Select(p => p.Title).ToList();
        foreach (var name in new[] { "Tina", "Zebra-CoT", "Resa", "AI University (AI-U)", "METAGENE-1", "LLM360 K2-65B" })
        {
            Assert.Contains(derived, t => t.StartsWith(name + ":", StringComparison.Ordinal));
        }
    }
}
