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
    public void Dissimilar_papers_get_fewer_neighbours_rather_than_noise()
    {
        var (papers, _) = RelatedCuration.Apply(Papers(), []);
        Assert.DoesNotContain(papers.Single(p => p.Id == "p4").Related, r => r is "p1" or "p2" or "p3");
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

    [Fact]
    public void Results_are_deterministic()
    {
        var first = RelatedCuration.Apply(Papers(), []).Papers.Select(p => string.Join(',', p.Related));
        var second = RelatedCuration.Apply(Papers(), []).Papers.Select(p => string.Join(',', p.Related));
        Assert.Equal(first, second);
    }
}
