using DigestGen.Incremental;
using DigestGen.Curate.Topics;
using DigestGen.Diagnostics;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Curate;

/// <summary>What the memo gives back is exactly what topic assignment would return.</summary>
public class TopicMemoTests
{
    private const string Rules = """
        topics:
          - slug: caches
            name: Caches
            description: KV caches.
            strong: [kv cache]
          - slug: eviction
            name: Eviction
            description: Dropping entries.
            strong: [eviction]
        """;

    private const string Title = "Evicting The KV Cache";
    private const string Body = "Key value cache eviction decides which entries a transformer drops.";

    private static Taxonomy Taxonomy(string rules = Rules) => TaxonomyLoader.Parse(rules, "topics.yml", new DiagnosticBag());

    private static void Remember(string output, Taxonomy taxonomy)
    {
        var memo = TopicMemo.Load(output, taxonomy);
        memo.Around(new TopicAssigner(taxonomy).Assign)(Title, Body);
        memo.Around(new TopicAssigner(taxonomy).Assign)("Speech", "Nothing about caches.");
        memo.Save(output);
    }

    [Fact]
    public void A_second_build_gets_the_same_topics_from_the_memo()
    {
        using var dir = new TempDir();
        var output = dir.Combine("output");
        var taxonomy = Taxonomy();
        Remember(output, taxonomy);

        var memo = TopicMemo.Load(output, taxonomy);
        var assigner = new TopicAssigner(taxonomy);
        Assert.Equal(assigner.Assign(Title, Body), memo.Around(assigner.Assign)(Title, Body));
        Assert.Equal(assigner.Assign("Speech", "Nothing about caches."), memo.Around(assigner.Assign)("Speech", "Nothing about caches."));
        Assert.Equal(2, memo.Hits);
        Assert.Contains("caches", memo.Around(assigner.Assign)(Title, Body));
    }

    [Fact]
    public void Changed_topic_rules_or_an_unreadable_file_mean_no_hits_and_the_right_topics()
    {
        using var dir = new TempDir();
        var output = dir.Combine("output");
        Remember(output, Taxonomy());

        var changed = Taxonomy(Rules.Replace("strong: [eviction]", "strong: [speech]"));
        var memo = TopicMemo.Load(output, changed);
        Assert.Equal(["caches"], memo.Around(new TopicAssigner(changed).Assign)(Title, Body));
        Assert.Equal(0, memo.Hits);

        var file = TopicMemo.PathFor(output);
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..40]);
        var truncated = TopicMemo.Load(output, Taxonomy());
        Assert.Equal(new TopicAssigner(Taxonomy()).Assign(Title, Body), truncated.Around(new TopicAssigner(Taxonomy()).Assign)(Title, Body));
        Assert.Equal(0, truncated.Hits);
    }
}
