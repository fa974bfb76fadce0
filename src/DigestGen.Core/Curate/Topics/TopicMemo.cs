using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace DigestGen.Curate.Topics;

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

    private readonly UInt128 _context;
    private readonly Dictionary<UInt128, string[]> _topics;
    private readonly ConcurrentDictionary<UInt128, string[]> _nextTopics = new();
    private int _hits;

    private TopicMemo(UInt128 context, Dictionary<UInt128, string[]> topics)
    {
        _context = context;
        _topics = topics;
    }

    /// <summary>How many values came from the last build instead of being worked out again.</summary>
    public int Hits => _hits;

    /// <summary>The topics <paramref name="assigner"/> gives a title and body.</summary>
    public IReadOnlyList<string> Topics(TopicAssigner assigner, string title, string body)
    {
        var key = Key(title, body);
        if (_topics.TryGetValue(key, out var topics))
        {
            Interlocked.Increment(ref _hits);
        }
        else
        {
            topics = [.. assigner.Assign(title, body)];
        }

        _nextTopics.TryAdd(key, topics);
        return topics;
    }

    /// <summary>Beside the build record: <c>.digestgen-cache/&lt;output&gt;.topics.bin</c>.</summary>
    public static string PathFor(string outputDir) => Path.ChangeExtension(Publish.BuildRecord.PathFor(outputDir), ".topics.bin");

    /// <summary>The memo the last build left for this output folder; empty when there is none, it cannot be read, or the taxonomy or generator changed.</summary>
    public static TopicMemo Load(string outputDir, Taxonomy taxonomy)
    {
        var context = Context(taxonomy);
        var path = PathFor(outputDir);
        if (!File.Exists(path))
        {
            return new TopicMemo(context, []);
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != FormatVersion || ReadKey(reader) != context)
            {
                return new TopicMemo(context, []);
            }

            var topicCount = reader.ReadInt32();
            var topics = new Dictionary<UInt128, string[]>(topicCount);
            while (topics.Count < topicCount)
            {
                var key = ReadKey(reader);
                var slugs = new string[reader.ReadByte()];
                for (var i = 0; i < slugs.Length; i++)
                {
                    slugs[i] = reader.ReadString();
                }

                topics[key] = slugs;
            }

            return new TopicMemo(context, topics);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            return new TopicMemo(context, []);
        }
    }

    /// <summary>Writes what this build looked up (and nothing older, so the file does not grow with removed papers), atomically.</summary>
    public void Save(string outputDir)
    {
        var path = PathFor(outputDir);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temp)))
        {
            writer.Write(FormatVersion);
            WriteKey(writer, _context);

            // Sorted by key, so the same build writes the same bytes.
            writer.Write(_nextTopics.Count);
            foreach (var (key, slugs) in _nextTopics.OrderBy(e => e.Key))
            {
                WriteKey(writer, key);
                writer.Write((byte)slugs.Length);
                foreach (var slug in slugs)
                {
                    writer.Write(slug);
                }
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The generator's build and every topic rule: what topics depend on besides a paper's text.</summary>
    private static UInt128 Context(Taxonomy taxonomy)
    {
        var hash = new XxHash128();
        Append(hash, typeof(TopicMemo).Assembly.ManifestModule.ModuleVersionId.ToString());
        foreach (var topic in taxonomy.Topics)
        {
            Append(hash, topic.Slug);
            foreach (var phrase in topic.Phrases)
            {
                Append(hash, phrase.Text);
                Append(hash, string.Join(' ', phrase.Terms));
                Append(hash, $"{phrase.PrefixLast} {phrase.Weight}");
            }
        }

        return hash.GetCurrentHashAsUInt128();
    }

    private static UInt128 Key(string title, string body)
    {
        var hash = new XxHash128();
        Append(hash, title);
        Append(hash, body);
        return hash.GetCurrentHashAsUInt128();
    }

    private static void Append(XxHash128 hash, string text)
    {
        Span<byte> length = stackalloc byte[4];
        MemoryMarshal.Write(length, text.Length);
        hash.Append(length);
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private static UInt128 ReadKey(BinaryReader reader)
    {
        var low = reader.ReadUInt64();
        return new UInt128(reader.ReadUInt64(), low);
    }

    private static void WriteKey(BinaryWriter writer, UInt128 key)
    {
        writer.Write((ulong)key);
        writer.Write((ulong)(key >> 64));
    }
}
