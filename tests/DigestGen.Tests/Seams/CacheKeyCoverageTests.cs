using System.Reflection;
using DigestGen.Config;
using DigestGen.Curate;
using DigestGen.Curate.Terms;
using DigestGen.Curate.Topics;
using DigestGen.Diagnostics;
using DigestGen.Incremental;
using DigestGen.Ingest;
using DigestGen.Site;
using DigestGen.Tests.Support;
using DigestGen.Text;

namespace DigestGen.Tests.Seams;

/// <summary>
/// The caches' keys and records come from the models' generated JSON (<see cref="ModelJson"/>), so a field
/// added to a model is in them without a change to the caches. These tests hold that to account: they
/// change every property of the models by reflection and check that each change reaches the key (or
/// survives the round trip), unless the cache names the property, with a reason, as no input.
/// </summary>
public class CacheKeyCoverageTests
{
    private static readonly DateOnly Day = new(2025, 11, 4);

    private static Paper APaper(string id, string title) => new()
    {
        Id = id,
        Slug = title.ToLowerInvariant().Replace(' ', '-'),
        Title = title,
        TitleDerived = false,
        Abstract = TexText.Parse("An abstract with $x^2$ math."),
        AuthorCount = 3,
        Organisation = "Qwen",
        Published = Day,
        Upvotes = 5,
        DigestDate = Day,
        Sources = [new SourceRef("seeds/a.txt", 13, Day)],
        Topics = ["agents"],
        Related = [],
        DiscussedIn = [],
    };

    private static Post APost(string id) => new()
    {
        Id = id,
        Text = "Thrilled to share our paper!",
        Links = ["https://t.co/abc"],
        Handles = ["@alice"],
        Hashtags = ["#ICML"],
        DigestDate = Day,
        Source = new SourceRef("seeds/p.txt", 1, Day),
        LastLine = 2,
    };

    /// <summary>The paper page's inputs hash, and a date page's, in a digest of the paper, another one and a post.</summary>
    private static (UInt128 PaperPage, UInt128 DatePage) Hashes(Paper paper, Paper other, Post post)
    {
        var taxonomy = new Taxonomy([new Topic("agents", "Agents", "", [])]);
        var papers = new[] { paper, other };
        var digest = new Digest(new DigestConfig(), Day, [], papers, [post], taxonomy, new DiagnosticBag(), CorpusTerms.Count(papers, [post]));
        var inputs = new PageInputs(digest, "theme");
        return (PaperPages.Inputs(inputs, paper, null, null), DatePages.Inputs(inputs, new DatePages.Day(Day, [.. papers], [post], null, null)));
    }

    /// <summary>A different value of the same type, for every type the models use.</summary>
    private static object? Changed(object? value, Type type, string otherId) => value switch
    {
        string s => s + "-changed",
        bool b => !b,
        int i => i + 1,
        DateOnly d => d.AddDays(1),
        RichText r => TexText.Parse(r.ToPlainText() + " changed"),
        IReadOnlyList<SourceRef> list => list.Append(new SourceRef("seeds/b.txt", 1, Day)).ToList(),
        IReadOnlyList<PaperOrigin> list => list.Append(new PaperOrigin(OriginKind.AbstractList, Day, "A department")).ToList(),
        IReadOnlyList<string> list when type == typeof(IReadOnlyList<string>) => list.Append(otherId).ToList(),
        null when Nullable.GetUnderlyingType(type) == typeof(int) => 1,
        null when Nullable.GetUnderlyingType(type) == typeof(DateOnly) => Day,
        null when type == typeof(string) => "set",
        _ => throw new InvalidOperationException($"no change known for {type} (add one here)"),
    };

    /// <summary>A copy of a record with one property set, through the record's own copy (as <c>with</c> does).</summary>
    private static T With<T>(T record, PropertyInfo property, object? value)
        where T : class
    {
        var copy = (T)typeof(T).GetMethod("<Clone>$")!.Invoke(record, null)!;
        property.SetValue(copy, value);
        return copy;
    }

    [Fact]
    public void Every_property_of_a_paper_changes_its_page_hash()
    {
        // A paper's page shows its related papers and posts through their own hashes: the ids a changed
        // list adds must exist, so the lists name the other paper or the post.
        var other = APaper("p2", "Other Paper");
        var post = APost("s1");
        var paper = APaper("p1", "First Paper");
        var before = Hashes(paper, other, post).PaperPage;

        foreach (var property in typeof(Paper).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var otherId = property.Name == nameof(Paper.DiscussedIn) ? post.Id : other.Id;
            var changed = With(paper, property, Changed(property.GetValue(paper), property.PropertyType, otherId));
            Assert.True(Hashes(changed, other, post).PaperPage != before, $"Paper.{property.Name} does not reach the page's inputs hash");
        }
    }

    [Fact]
    public void Every_property_of_a_post_changes_the_hash_of_the_date_page_showing_it()
    {
        var paper = APaper("p1", "First Paper");
        var other = APaper("p2", "Other Paper");
        var post = APost("s1");
        var before = Hashes(paper, other, post).DatePage;

        foreach (var property in typeof(Post).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(post);
            var changed = With(post, property, value is SourceRef source ? source with { Line = source.Line + 1 } : Changed(value, property.PropertyType, other.Id));
            Assert.True(Hashes(paper, other, changed).DatePage != before, $"Post.{property.Name} does not reach the date page's inputs hash");
        }
    }

    public static TheoryData<string> TopicRuleProperties()
    {
        var data = new TheoryData<string>();
        foreach (var property in typeof(Topic).GetProperties(BindingFlags.Public | BindingFlags.Instance).Concat(typeof(TopicPhrase).GetProperties(BindingFlags.Public | BindingFlags.Instance)))
        {
            data.Add($"{property.DeclaringType!.Name}.{property.Name}");
        }

        return data;
    }

    /// <summary>What topic assignment does not read: changing these must not throw away remembered topics.</summary>
    private static readonly Dictionary<string, string> NotTopicInputs = new()
    {
        ["Topic.Name"] = "shown on pages; assignment goes by slug and phrases",
        ["Topic.Description"] = "shown on pages only",
        ["TopicPhrase.Line"] = "where the phrase stands in topics.yml, for messages",
    };

    [Theory]
    [MemberData(nameof(TopicRuleProperties))]
    public void Every_topic_rule_property_is_in_the_topic_memos_key_or_named_as_no_input(string name)
    {
        using var dir = new TempDir();
        var output = dir.Combine("output");
        var phrase = new TopicPhrase("kv cache", ["kv", "cache"], false, 2, 4);
        var topic = new Topic("caches", "Caches", "About caches.", [phrase]);
        var memo = TopicMemo.Load(output, new Taxonomy([topic]));
        var assign = memo.Around(new TopicAssigner(new Taxonomy([topic])).Assign);
        assign("KV cache eviction", "We evict entries of the kv cache.");
        memo.Save(output);

        var (type, property) = (name.Split('.')[0], name.Split('.')[1]);
        var changedTopic = type == nameof(Topic)
            ? With(topic, typeof(Topic).GetProperty(property)!, property == nameof(Topic.Phrases)
                ? new[] { phrase, phrase with { Text = "eviction", Terms = ["eviction"] } }
                : Changed(typeof(Topic).GetProperty(property)!.GetValue(topic), typeof(Topic).GetProperty(property)!.PropertyType, "x"))
            : topic with
            {
                Phrases = [With(phrase, typeof(TopicPhrase).GetProperty(property)!, Changed(typeof(TopicPhrase).GetProperty(property)!.GetValue(phrase), typeof(TopicPhrase).GetProperty(property)!.PropertyType, "x"))],
            };
        var reloaded = TopicMemo.Load(output, new Taxonomy([changedTopic]));
        reloaded.Around(new TopicAssigner(new Taxonomy([changedTopic])).Assign)("KV cache eviction", "We evict entries of the kv cache.");

        if (NotTopicInputs.ContainsKey(name))
        {
            Assert.Equal(1, reloaded.Hits);
        }
        else
        {
            Assert.True(reloaded.Hits == 0, $"{name} changes topic assignment but not the topic memo's key");
        }
    }

    /// <summary>What pages do not show of the settings: the seed list is on /status/ only, which is always rendered.</summary>
    private static readonly string[] NotPageInputs = [nameof(DigestConfig.Seeds)];

    [Fact]
    public void Every_setting_and_every_field_of_a_topic_changes_every_page_hash()
    {
        var paper = APaper("p1", "First Paper");
        var topic = new Topic("agents", "Agents", "About agents.", []);
        UInt128 Hash(DigestConfig config, Topic t)
        {
            var digest = new Digest(config, Day, [], [paper], [], new Taxonomy([t]), new DiagnosticBag(), CorpusTerms.Count([paper], []));
            return PaperPages.Inputs(new PageInputs(digest, "theme"), paper, null, null);
        }

        var config = new DigestConfig();
        var before = Hash(config, topic);
        foreach (var property in typeof(DigestConfig).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => !NotPageInputs.Contains(p.Name)))
        {
            var changed = With(config, property, Changed(property.GetValue(config), property.PropertyType, "x"));
            Assert.True(Hash(changed, topic) != before, $"DigestConfig.{property.Name} does not reach the pages' inputs hash");
        }

        foreach (var property in typeof(Topic).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != nameof(Topic.Phrases)))
        {
            var changed = With(topic, property, Changed(property.GetValue(topic), property.PropertyType, "x"));
            Assert.True(Hash(config, changed) != before, $"Topic.{property.Name} does not reach the pages' inputs hash");
        }
    }

    [Fact]
    public void Leaving_out_a_property_that_does_not_exist_fails_at_once()
    {
        // A renamed property must not drop out of an exclusion list and quietly back into the keys.
        var options = ModelJson.Options(PageInputsJson.Default, ModelJson.Without<Paper>("ArxivId"));

        var error = Assert.Throws<InvalidOperationException>(() => options.GetTypeInfo(typeof(Paper)));
        Assert.Contains("ArxivId", error.Message);
    }
}
