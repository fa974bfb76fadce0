using DigestGen.Curate.Topics;
using DigestGen.Diagnostics;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Curate;

public class TopicAssignerTests
{
    private const string Rules = """
        topics:
          - slug: efficient-inference
            name: Efficient inference
            description: Faster models.
            strong: [kv cache, speculative decoding]
            phrases: [latency, throughput]
          - slug: compression
            name: Quantization & compression
            description: Smaller models.
            strong: [quantiz*, pruning]
            phrases: [bit]
          - slug: speech
            name: Speech
            description: Listening.
            strong: [speech]
        """;

    private static TopicAssigner Assigner()
    {
        var bag = new DiagnosticBag();
        var taxonomy = TaxonomyLoader.Parse(Rules, "topics.yml", bag);
        Assert.Empty(bag.Items);
        return new TopicAssigner(taxonomy);
    }

    [Fact]
    public void A_strong_phrase_in_the_title_alone_selects_a_topic() =>
        Assert.Equal(["efficient-inference"], Assigner().Assign("Smarter KV Caches", "Nothing relevant here."));

    [Fact]
    public void Abstract_only_needs_two_points() =>
        Assert.Equal(["compression"], Assigner().Assign("A Study", "We quantize weights to four bits."));

    [Fact]
    public void One_weak_phrase_in_the_abstract_is_not_enough() =>
        Assert.Equal([Topic.OtherSlug], Assigner().Assign("A Study", "We measure latency."));

    [Fact]
    public void Title_outweighs_abstract_and_ranks_first()
    {
        var topics = Assigner().Assign("Speculative Decoding Made Simple", "Pruning the draft model and quantization of weights help.");
        Assert.Equal("efficient-inference", topics[0]);
        Assert.Contains("compression", topics);
    }

    [Fact]
    public void A_weak_runner_up_is_dropped()
    {
        var topics = Assigner().Assign("Speculative Decoding with KV Cache Reuse for Low Latency", "The speech is fast.");
        Assert.Equal(["efficient-inference"], topics);
    }

    [Fact]
    public void Plurals_and_case_do_not_matter() =>
        Assert.Equal(["efficient-inference"], Assigner().Assign("kv CACHES everywhere", ""));

    [Fact]
    public void Unknown_fields_of_a_bad_taxonomy_are_reported()
    {
        var bag = new DiagnosticBag();
        TaxonomyLoader.Parse("topics:\n  - slug: a\n    name: A\n  - slug: a\n    name: Again\n    strong: [x]\n", "topics.yml", bag);
        Assert.Contains(bag.Items, d => d.ToString() == "topics.yml:4: error: topic slug 'a' is used twice (or is the reserved 'other'); the second was skipped");
        Assert.Contains(bag.Items, d => d.ToString() == "topics.yml:2: warning: topic 'a' has no rule phrases, so no paper will be assigned to it");
    }

    [Fact]
    public void Overrides_set_and_add_topics()
    {
        using var content = new ContentFolder()
            .With("topics.yml", Rules)
            .With("seeds/a.txt", "Dept\nAbstract:We quantize weights to four bits for smaller models.\nAbstract:Speech models listen to speech all day long.\n");
        var first = Pipeline.DigestLoader.Load(new Pipeline.BuildOptions(content.Content, content.Output, new DateOnly(2026, 1, 1)), new Pipeline.StageTimings());
        var quantPaper = first.Papers.Single(p => p.Topics.Contains("compression"));
        var speechPaper = first.Papers.Single(p => p.Topics.Contains("speech"));

        content.With("overrides.yml", $"{quantPaper.Id}:\n  add_topics: [efficient-inference]\n{speechPaper.Id}:\n  topics: [compression, nope]\n");
        var second = Pipeline.DigestLoader.Load(new Pipeline.BuildOptions(content.Content, content.Output, new DateOnly(2026, 1, 1)), new Pipeline.StageTimings());

        Assert.Equal(["compression", "efficient-inference"], second.Papers.Single(p => p.Id == quantPaper.Id).Topics);
        Assert.Equal(["compression"], second.Papers.Single(p => p.Id == speechPaper.Id).Topics);
        Assert.Contains(second.Diagnostics.Items, d => d.File == "overrides.yml" && d.Line == 3 && d.Message.Contains("unknown topic 'nope'"));
    }
}
