using System.Text.Json;
using DigestGen.Curate.Topics;
using DigestGen.Publish;
using DigestGen.Text;

namespace DigestGen.Incremental;

/// <summary>
/// Every paper's topics from the last build, by a hash of its title and abstract: a rebuild after a new
/// seed looks up the 100,000 papers it has seen before instead of matching every topic rule against
/// them again. Topic assignment is a pure function of its input, the rules and the generator's build,
/// and the file is only used when the last two are unchanged, so a hit is the value assignment would
/// return; a file that cannot be read is ignored. Kept beside the build record in
/// <c>.digestgen-cache/</c>, never deployed.
/// </summary>
public sealed class TopicMemo
{
    private const int FormatVersion = 2;

    /// <summary>Topic rules as JSON, less what assignment does not read: a topic's name and description (shown on pages) and a phrase's line in topics.yml (for messages).</summary>
    private static readonly JsonSerializerOptions RuleJson = ModelJson.Options(MemoJson.Default,
        ModelJson.Without<Topic>(nameof(Topic.Name), nameof(Topic.Description)),
        ModelJson.Without<TopicPhrase>(nameof(TopicPhrase.Line)));

    private readonly UInt128 _context;
    private readonly MemoEntries<string[]> _topics;

    private TopicMemo(UInt128 context, Dictionary<UInt128, string[]> topics)
    {
        _context = context;
        _topics = new MemoEntries<string[]>(topics);
    }

    /// <summary>How many values came from the last build instead of being worked out again.</summary>
    public int Hits => _topics.Hits;

    /// <summary>The topic rules, remembered: what <paramref name="rules"/> gives a title and body, from the last build when it saw them.</summary>
    public PaperTopics Around(PaperTopics rules) =>
        (title, body) => _topics.Get(title, body, (rules, title, body), static s => [.. s.rules(s.title, s.body)]);

    /// <summary>Beside the build record: <c>.digestgen-cache/&lt;output&gt;.topics.bin</c>.</summary>
    public static string PathFor(string outputDir) => CacheFolder.PathFor(outputDir, ".topics.bin");

    /// <summary>The memo the last build left for this output folder; empty when there is none, it cannot be read, or the taxonomy or generator changed.</summary>
    public static TopicMemo Load(string outputDir, Taxonomy taxonomy)
    {
        var context = Context(taxonomy);
        var topics = MemoFile.Read(PathFor(outputDir), FormatVersion, context, static (ref MemoBytes reader) =>
        {
            var count = reader.ReadInt32();
            var topics = new Dictionary<UInt128, string[]>(count);
            while (topics.Count < count)
            {
                var key = reader.ReadHash();
                var slugs = new string[reader.ReadByte()];
                for (var i = 0; i < slugs.Length; i++)
                {
                    slugs[i] = reader.ReadString();
                }

                topics[key] = slugs;
            }

            return topics;
        });
        return new TopicMemo(context, topics ?? []);
    }

    /// <summary>Writes what this build looked up, atomically.</summary>
    public void Save(string outputDir) => MemoFile.Write(PathFor(outputDir), FormatVersion, _context, writer =>
    {
        writer.Write(_topics.Count);
        foreach (var (key, slugs) in _topics.ToSave())
        {
            MemoFile.WriteKey(writer, key);
            writer.Write((byte)slugs.Length);
            foreach (var slug in slugs)
            {
                writer.Write(slug);
            }
        }
    });

    /// <summary>The generator's build and every topic rule: what topics depend on besides a paper's text.</summary>
    private static UInt128 Context(Taxonomy taxonomy) =>
        MemoFile.Context([JsonHash.Of(taxonomy.Topics, JsonHash.TypeIn<IReadOnlyList<Topic>>(RuleJson)).ToString("x32")]);
}
