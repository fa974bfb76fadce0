using DigestGen.Curate;
using DigestGen.Curate.Topics;
using DigestGen.Diagnostics;
using DigestGen.Tests.Support;
using DigestGen.Text;

namespace DigestGen.Tests.Curate;

/// <summary>What the memo gives back is exactly what the functions it remembers would return.</summary>
public class CurationMemoTests
{
    private const string Rules = """
        topics:
          - slug: caches
            name: Caches
            description: KV caches.
            strong: [kv cache]
        """;

    private const string Tex = "We cut   memory by $\\sim$40\\% with \\emph{KIVI}, where $O(n^2)$ attention fits.";
    private const string Plain = "Key value cache eviction decides\twhich entries a transformer drops.";

    private static Taxonomy Taxonomy(string rules = Rules) => TaxonomyLoader.Parse(rules, "topics.yml", new DiagnosticBag());

    private static void Remember(string output, Taxonomy taxonomy)
    {
        var memo = CurationMemo.Load(output, taxonomy);
        memo.Abstract(Tex);
        memo.Abstract(Plain);
        memo.Topics(new TopicAssigner(taxonomy), "Evicting The KV Cache", Plain);
        memo.Save(output);
    }

    [Fact]
    public void A_second_build_gets_the_same_values_from_the_memo()
    {
        using var dir = new TempDir();
        var output = dir.Combine("output");
        var taxonomy = Taxonomy();
        Remember(output, taxonomy);

        var memo = CurationMemo.Load(output, taxonomy);
        Assert.Equal(TexText.Parse(Tex).Inlines, memo.Abstract(Tex).Inlines);
        Assert.Equal(TexText.Parse(Plain).Inlines, memo.Abstract(Plain).Inlines);
        Assert.Equal(["caches"], memo.Topics(new TopicAssigner(taxonomy), "Evicting The KV Cache", Plain));
        Assert.Equal(3, memo.Hits);
        Assert.Contains(memo.Abstract(Tex).Inlines, i => i.Kind == InlineKind.Math);
    }

    [Fact]
    public void Changed_topic_rules_or_an_unreadable_file_mean_no_hits_and_the_right_values()
    {
        using var dir = new TempDir();
        var output = dir.Combine("output");
        Remember(output, Taxonomy());

        var renamed = Taxonomy(Rules.Replace("[kv cache]", "[eviction]"));
        var memo = CurationMemo.Load(output, renamed);
        Assert.Equal(new TopicAssigner(renamed).Assign("Evicting The KV Cache", Plain), memo.Topics(new TopicAssigner(renamed), "Evicting The KV Cache", Plain));
        Assert.Equal(0, memo.Hits);

        var file = CurationMemo.PathFor(output);
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..40]);
        var truncated = CurationMemo.Load(output, Taxonomy());
        Assert.Equal(TexText.Parse(Tex).Inlines, truncated.Abstract(Tex).Inlines);
        Assert.Equal(0, truncated.Hits);
    }
}
