using DigestGen.Curate;
using DigestGen.Curate.Related;
using DigestGen.Ingest;
using DigestGen.Text;

namespace DigestGen.Tests.Curate;

public class RelatedPapersTests
{
    private static readonly (string Id, string Title, string Abstract)[] Corpus =
    [
        ("p1", "KIVI: 2-bit KV Cache Quantization", "We quantize the key value cache of transformer inference to two bits, cutting KV cache memory and raising serving throughput for long contexts."),
        ("p2", "Squeezed Attention for Long Context", "Long context inference is dominated by the KV cache; we cluster cached keys so attention reads fewer of them, reducing KV cache memory and latency."),
        ("p3", "ALISA: Sparsity-Aware KV Caching", "ALISA keeps only the important tokens in the KV cache, a sparse attention scheme that lowers memory and speeds up long context serving."),
        ("p4", "Speech Synthesis with Flow Matching", "We train an acoustic model for text-to-speech that generates natural prosody and speaker similarity from short voice prompts."),
        ("p5", "Robust Speech Recognition in Noise", "Our automatic speech recognition model transcribes noisy audio from many speakers, improving word error rate on acoustic benchmarks."),
    ];

    private static IReadOnlyList<Paper> Papers() => Corpus.Select(c => new Paper
    {
        Id = c.Id,
        Slug = c.Id,
        Title = c.Title,
        TitleDerived = false,
        Abstract = TexText.Parse(c.Abstract),
        DigestDate = new DateOnly(2025, 1, 1),
        Sources = [new SourceRef("seeds/x.txt", 1, new DateOnly(2025, 1, 1))],
    }).ToList();

    [Fact]
    public void Kv_cache_papers_find_each_other_before_speech()
    {
        var (papers, _) = RelatedCuration.Apply(Papers(), []);

        foreach (var id in new[] { "p1", "p2", "p3" })
        {
            var related = papers.Single(p => p.Id == id).Related;
            var others = new[] { "p1", "p2", "p3" }.Where(o => o != id).ToArray();
            Assert.Equal(others.Order(), related.Take(2).Order());
            Assert.DoesNotContain("p4", related.Take(2));
        }
    }

    [Fact]
    public void Every_paper_gets_a_full_list_with_the_papers_found_by_their_words_first()
    {
        // Five papers: four others each. The speech papers share words only with each other.
        var (papers, _) = RelatedCuration.Apply(Papers(), []);
        Assert.All(papers, p => Assert.Equal(4, p.Related.Count));
        Assert.Equal("p5", papers.Single(p => p.Id == "p4").Related[0]);
        Assert.Equal("p4", papers.Single(p => p.Id == "p5").Related[0]);
    }

    [Fact]
    public void A_paper_sharing_no_words_is_completed_with_older_papers_of_its_topic()
    {
        var corpus = Papers().Select((p, i) => p with
        {
            DigestDate = new DateOnly(2025, 1, 1 + i),
            Topics = p.Id is "p4" or "p5" ? ["speech-audio"] : ["efficient-inference"],
        }).Append(new Paper
        {
            Id = "p6", Slug = "p6", Title = "Zyxw", TitleDerived = false, Abstract = TexText.Parse("Qwerty uiop asdf."),
            DigestDate = new DateOnly(2025, 1, 9), Sources = [new SourceRef("seeds/x.txt", 1, new DateOnly(2025, 1, 9))],
            Topics = ["speech-audio"],
        }).ToList();

        var related = RelatedCuration.Apply(corpus, []).Papers.Single(p => p.Id == "p6").Related;

        // Nothing in common by words: its topic's papers first (newest of the older first), then the rest by age.
        Assert.Equal(["p5", "p4", "p3", "p2", "p1"], related);
    }

    [Fact]
    public void Posts_link_to_the_papers_they_name_and_back()
    {
        var post = new Post
        {
            Id = "s1",
            Text = "Excited to share KIVI at the conference! Also see Squeezed Attention for Long Context.",
            Links = [],
            Handles = [],
            Hashtags = [],
            DigestDate = new DateOnly(2025, 1, 2),
            Source = new SourceRef("seeds/posts.txt", 1, new DateOnly(2025, 1, 2)),
            LastLine = 1,
        };

        var (papers, posts) = RelatedCuration.Apply(Papers(), [post]);

        Assert.Equal(["p1", "p2"], posts[0].Mentions);
        Assert.Equal(["s1"], papers.Single(p => p.Id == "p1").DiscussedIn);
        Assert.Contains("p1", posts[0].Related);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(17, 16)]
    [InlineData(100_000, 98_304)]
    [InlineData(106_495, 98_304)]
    [InlineData(106_496, 106_496)]
    public void Term_statistics_settle_in_steps_of_an_eighth_octave(int count, int settled) =>
        Assert.Equal(settled, SimilarityIndex.SettledCount(count));

    [Fact]
    public void A_newer_paper_does_not_reshuffle_older_lists_through_the_statistics()
    {
        // 512 papers settle the statistics. "cache" is in 51 of them: exactly at the frequency cap (10%), and
        // the only term they share. One newer paper with "cache" puts it over the cap of the whole corpus; the
        // older papers must keep their neighbours, and the newcomer (equal score, later id) must not displace any.
        static Paper Make(string id, string title, string text, int day) => new()
        {
            Id = id,
            Slug = id,
            Title = title,
            TitleDerived = false,
            Abstract = TexText.Parse(text),
            DigestDate = new DateOnly(2025, 1, day),
            Sources = [new SourceRef("seeds/x.txt", 1, new DateOnly(2025, 1, day))],
        };
        static string Word(int i) => "zq" + new string([(char)('a' + (i / 676 % 26)), (char)('a' + (i / 26 % 26)), (char)('a' + (i % 26))]);

        var older = Enumerable.Range(0, 512)
            .Select(i => i < 51
                ? Make($"a{i:D3}", Word(i), $"cache cache cache {Word(i)}", 1)
                : Make($"f{i:D3}", Word(i), $"{Word(i)} {Word(i + 1000)}", 1))
            .ToList();
        var newer = older.Append(Make("z000", Word(2000), $"cache cache cache {Word(2000)}", 2)).ToList();

        var before = RelatedCuration.Apply(older, []).Papers;
        var after = RelatedCuration.Apply(newer, []).Papers;

        Assert.Equal(5, before.Single(p => p.Id == "a000").Related.Count);
        Assert.All(before, p => Assert.Equal(p.Related, after.Single(a => a.Id == p.Id).Related));
    }

    [Fact]
    public void Results_are_deterministic()
    {
        var first = RelatedCuration.Apply(Papers(), []).Papers.Select(p => string.Join(',', p.Related));
        var second = RelatedCuration.Apply(Papers(), []).Papers.Select(p => string.Join(',', p.Related));
        Assert.Equal(first, second);
    }
}
