using DigestGen.Ingest;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Ingest;

public class SocialPostParserTests
{
    private const string Posts = """
        When models are unsure, they hallucinate.
        Our #ICML2024 work fixes this.
        https://t.co/abc123
        🧵
        You're wasting FLOPs when scaling inference compute.
        Introducing QuasiMoTTo: correlated samples!
        Work with co-authors @alice, @bob_2, and Emily Fox!
        Can a model learn what to forget?
        New paper with @carol@dave!
        (1/n) Check out our new paper on optimizers!
        """;

    [Fact]
    public void Splits_on_thread_markers_links_credits_and_hooks()
    {
        var result = Seeds.Ingest(Posts);

        Assert.Equal(SeedFormat.SocialPosts, result.Format);
        Assert.Equal([[1, 2, 3, 4], [5, 6, 7], [8, 9], [10]], result.Posts.Select(p => p.Lines.Select(l => l.Number).ToArray()).ToArray());
    }

    /// <summary>
    /// Every post of the first posts seed (the frozen fixture copy), read one by one: a marker alone on its line
    /// opens the thread after it (lines 32 and 37) unless it follows a first post's link (line 5) or a line
    /// already marked (line 48).
    /// </summary>
    [Fact]
    public void Every_post_boundary_of_the_first_posts_seed()
    {
        var seed = Path.Combine(RepoPaths.FixtureContent, "seeds", "004_c17282cdfedaeb5c.txt");
        var result = Seeds.Ingest(File.ReadAllBytes(seed));

        int[] starts = [1, 6, 10, 14, 16, 20, 21, 24, 29, 32, 37, 40, 41, 43, 46, 49, 50, 53, 59, 61];
        Assert.Equal(starts, result.Posts.Select(p => p.Lines[0].Number).ToArray());
        Assert.Equal(62, result.Posts[^1].Lines[^1].Number);
        Assert.StartsWith("🧵(1/5)\nData centers dominate AI", result.Posts[9].Text, StringComparison.Ordinal);
        Assert.StartsWith("(1/N)\nSince compute grows faster than the web", result.Posts[10].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_line_lands_in_exactly_one_post()
    {
        var result = Seeds.Ingest(Posts);
        var lines = result.Posts.SelectMany(p => p.Lines.Select(l => l.Number)).ToList();
        Assert.Equal(Enumerable.Range(1, 10), lines);
    }

    [Fact]
    public void Recognises_links_handles_and_hashtags()
    {
        var result = Seeds.Ingest(Posts);

        Assert.Equal(["https://t.co/abc123"], result.Posts[0].Links);
        Assert.Equal(["#ICML2024"], result.Posts[0].Hashtags);
        Assert.Equal(["@alice", "@bob_2"], result.Posts[1].Handles);
        Assert.Equal(["@carol", "@dave"], result.Posts[2].Handles);
    }

    [Fact]
    public void An_email_address_is_not_a_handle()
    {
        Assert.Empty(PostEntities.Handles("write to me@example.org"));
    }
}
