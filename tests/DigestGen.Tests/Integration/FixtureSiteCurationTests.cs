using DigestGen.Curate.Topics;
using DigestGen.Curate;
using DigestGen.Pipeline;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Integration;

/// <summary>Topics and related papers of the fixture site of the five first seeds.</summary>
public class FixtureSiteCurationTests
{
    private static Digest Digest => FixtureDigest.Value;

    [Fact]
    public void Taxonomy_has_the_sixteen_topics()
    {
        Assert.Equal(16, Digest.Taxonomy.Topics.Count);
        Assert.All(Digest.Taxonomy.Topics, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
    }

    [Fact]
    public void Other_is_used_when_nothing_fits_but_for_at_most_a_tenth_of_the_papers()
    {
        // The hand-labelled set puts 5 of these 208 papers in "other"; CurationQualityTests checks which.
        var other = Digest.Papers.Count(p => p.Topics.Contains(Topic.OtherSlug));
        Assert.InRange(other, 1, Digest.Papers.Count / 10);
    }

    [Fact]
    public void Every_paper_and_post_has_one_to_three_topics()
    {
        Assert.All(Digest.Papers, p => Assert.InRange(p.Topics.Count, 1, 3));
        Assert.All(Digest.Posts, p => Assert.InRange(p.Topics.Count, 1, 3));
    }

    [Fact]
    public void Kivi_is_about_kv_cache_and_finds_kv_cache_neighbours()
    {
        var kivi = Digest.Papers.Single(p => p.Title.StartsWith("KIVI:", StringComparison.Ordinal));
        Assert.Equal(["efficient-inference", "compression"], kivi.Topics);
        var neighbours = kivi.Related.Select(id => Digest.Papers.Single(p => p.Id == id).Title).ToList();
        Assert.Contains(neighbours, t => t.Contains("KV Cach", StringComparison.Ordinal));
    }

    [Fact]
    public void Related_lists_are_at_most_five_and_never_self()
    {
        Assert.All(Digest.Papers, p =>
        {
            Assert.InRange(p.Related.Count, 0, 5);
            Assert.DoesNotContain(p.Id, p.Related);
        });
        Assert.True(Digest.Papers.Count(p => p.Related.Count > 0) > Digest.Papers.Count / 2);
    }
}
