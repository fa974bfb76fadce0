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
            strong: [kv cache, speculative decoding, long context, long-context]
            phrases: [latency, throughput]
          - slug: compression
            name: Quantization & compression
            description: Smaller models.
            strong: [quantiz*, pruning]
            phrases: [bit]
          - slug: speech
            name: Speech
            description: Listening.
            strong: [speech, audio, voice]
          - slug: alignment
            name: Alignment
            description: Preferences.
            strong: [reward model]
            phrases: [reward]
          - slug: reasoning
            name: Reasoning
            description: Thinking.
            strong: [process reward, reasoning]
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
    public void One_strong_mention_in_the_abstract_is_not_enough() =>
        Assert.Equal([Topic.OtherSlug], Assigner().Assign("A Study", "We quantize weights to four bits."));

    [Fact]
    public void An_abstract_that_keeps_returning_to_a_topic_selects_it() =>
        Assert.Equal(["compression"], Assigner().Assign("A Study", "We quantize weights to four bits. Quantized models keep their quality after pruning."));

    [Fact]
    public void One_weak_phrase_in_the_abstract_is_not_enough() =>
        Assert.Equal([Topic.OtherSlug], Assigner().Assign("A Study", "We measure latency."));

    [Fact]
    public void Title_outweighs_abstract_and_ranks_first()
    {
        // Title: 6 + 3 for efficient inference. Abstract: pruning twice and quantiz* twice, 2 × (1 + ln 2) each ≈ 6.8 for compression.
        var topics = Assigner().Assign("Speculative Decoding at Low Latency", "Pruning helps, more pruning helps more, and quantization and quantized caches help most.");
        Assert.Equal(["efficient-inference", "compression"], topics);
    }

    [Fact]
    public void A_weak_runner_up_is_dropped()
    {
        var topics = Assigner().Assign("Speculative Decoding with KV Cache Reuse for Low Latency", "The speech is fast.");
        Assert.Equal(["efficient-inference"], topics);
    }

    [Fact]
    public void A_side_topic_with_ample_evidence_of_its_own_is_kept()
    {
        // Efficient inference: 6 + 6 + 3 + 3 from the title, 2 for "long context" = 20, so 60% is 12. Compression:
        // quantiz* and pruning four times each, 2 × (1 + ln 4) ≈ 4.8 each, and "bit" once = 10.5: under 12, over 10.
        var topics = Assigner().Assign("Speculative Decoding with KV Cache Reuse for Low Latency and High Throughput",
            "Long context makes caches large. Quantization helps. Quantized caches help. We quantize keys to four bits. " +
            "Quantizing values is harder. Pruning, more pruning, pruning again and pruning last.");
        Assert.Equal(["efficient-inference", "compression"], topics);
    }

    [Fact]
    public void Where_phrases_overlap_the_longest_counts_and_the_shorter_not()
    {
        var explained = Assigner().Explain("", "A process reward model scores each step.");
        Assert.Equal([("reasoning", "process reward")], explained.Select(e => (e.Topic, e.Phrase)));
    }

    [Fact]
    public void Spellings_that_give_the_same_words_are_one_phrase()
    {
        var taxonomy = TaxonomyLoader.Parse(Rules, "topics.yml", new DiagnosticBag());
        Assert.Single(taxonomy.BySlug["efficient-inference"].Phrases, p => p.Text.StartsWith("long", StringComparison.Ordinal));
        Assert.Equal(6, new TopicAssigner(taxonomy).Score("Long-Context Models", "")[0]);
    }

    [Fact]
    public void A_derived_headline_is_no_title_evidence()
    {
        var paper = new DigestGen.Curate.Paper
        {
            Id = "p1", Slug = "s", Title = "KV Cache Compression", TitleDerived = true, Abstract = DigestGen.Text.RichText.Empty,
            DigestDate = new DateOnly(2026, 1, 1), Sources = [],
        };
        Assert.Equal("", TopicCuration.TitleEvidence(paper));
        Assert.Equal("KV Cache Compression", TopicCuration.TitleEvidence(paper with { TitleDerived = false }));
    }

    [Fact]
    public void A_site_without_topics_yml_gets_the_built_in_taxonomy()
    {
        using var content = new ContentFolder().With("seeds/a.txt", "Dept\nAbstract:We quantize weights.\n");
        var bag = new DiagnosticBag();
        var taxonomy = TaxonomyLoader.Load(content.Content, bag);
        Assert.Empty(bag.Items);
        Assert.Equal(TaxonomyLoader.BuiltIn().Topics.Select(t => t.Slug), taxonomy.Topics.Select(t => t.Slug));
        Assert.Contains("reasoning", taxonomy.BySlug.Keys);
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
            .With("seeds/a.txt", "Dept\nAbstract:We quantize weights to four bits: quantized models keep their quality after pruning.\nAbstract:Speech and audio models listen to a voice all day long.\n");
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
