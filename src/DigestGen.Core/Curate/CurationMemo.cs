using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using DigestGen.Curate.Topics;
using DigestGen.Text;

namespace DigestGen.Curate;

/// <summary>
/// The results of curation's two costliest pure steps in the last build, by a hash of their input:
/// the TeX clean-up of every abstract (<see cref="TexText.Parse"/>) and topic assignment. A rebuild
/// after a new seed looks up the 100,000 papers it has seen before instead of working them out again.
/// Only pure functions are remembered, keyed by their whole input (and, for topics, the taxonomy and
/// the generator's build), so a hit is the same value the function would return; a file that cannot
/// be read is ignored. Kept beside the build record in <c>.digestgen-cache/</c>, never deployed.
/// </summary>
public sealed class CurationMemo
{
    private const int FormatVersion = 1;
    private const byte Plain = 0;
    private const byte Inlines = 1;

    private readonly UInt128 _context;
    private readonly Dictionary<UInt128, Inline[]?> _abstracts;
    private readonly Dictionary<UInt128, string[]> _topics;
    private readonly ConcurrentDictionary<UInt128, Inline[]?> _nextAbstracts = new();
    private readonly ConcurrentDictionary<UInt128, string[]> _nextTopics = new();

    private CurationMemo(UInt128 context, Dictionary<UInt128, Inline[]?> abstracts, Dictionary<UInt128, string[]> topics)
    {
        _context = context;
        _abstracts = abstracts;
        _topics = topics;
    }

    /// <summary>A memo that remembers nothing from before (tests, or a first build).</summary>
    public static CurationMemo Empty(Taxonomy taxonomy) => new(Context(taxonomy), [], []);

    private int _hits;

    /// <summary>How many values came from the last build instead of being worked out again.</summary>
    public int Hits => _hits;

    /// <summary>The abstract as <see cref="TexText.Parse"/> gives it.</summary>
    public RichText Abstract(string raw)
    {
        var key = Key(raw, null);
        RichText text;
        if (_abstracts.TryGetValue(key, out var inlines))
        {
            Interlocked.Increment(ref _hits);
            text = new RichText(inlines ?? [new Inline(InlineKind.Text, TexText.Normalise(raw))]);
        }
        else
        {
            text = TexText.Parse(raw, out var normalised);
            var plain = text.Inlines.Count == 1 && text.Inlines[0].Kind == InlineKind.Text && text.Inlines[0].Value == normalised;
            inlines = plain ? null : [.. text.Inlines];
        }

        // Most abstracts have no TeX left once normalised: remembering that they are plain keeps the file small.
        _nextAbstracts.TryAdd(key, inlines);
        return text;
    }

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

    public static string PathFor(string outputDir)
    {
        var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(full)!, Publish.BuildRecord.Folder, Path.GetFileName(full) + ".curation.bin");
    }

    /// <summary>The memo the last build left for this output folder; empty when there is none, it cannot be read, or the taxonomy or generator changed.</summary>
    public static CurationMemo Load(string outputDir, Taxonomy taxonomy)
    {
        var context = Context(taxonomy);
        var path = PathFor(outputDir);
        if (!File.Exists(path))
        {
            return new CurationMemo(context, [], []);
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != FormatVersion || ReadKey(reader) != context)
            {
                return new CurationMemo(context, [], []);
            }

            var abstractCount = reader.ReadInt32();
            var abstracts = new Dictionary<UInt128, Inline[]?>(abstractCount);
            while (abstracts.Count < abstractCount)
            {
                var key = ReadKey(reader);
                if (reader.ReadByte() == Plain)
                {
                    abstracts[key] = null;
                    continue;
                }

                var inlines = new Inline[reader.ReadInt32()];
                for (var i = 0; i < inlines.Length; i++)
                {
                    inlines[i] = new Inline((InlineKind)reader.ReadByte(), reader.ReadString());
                }

                abstracts[key] = inlines;
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

            return new CurationMemo(context, abstracts, topics);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            return new CurationMemo(context, [], []);
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
            writer.Write(_nextAbstracts.Count);
            foreach (var (key, inlines) in _nextAbstracts.OrderBy(e => e.Key))
            {
                WriteKey(writer, key);
                if (inlines is null)
                {
                    writer.Write(Plain);
                    continue;
                }

                writer.Write(Inlines);
                writer.Write(inlines.Length);
                foreach (var inline in inlines)
                {
                    writer.Write((byte)inline.Kind);
                    writer.Write(inline.Value);
                }
            }

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

    /// <summary>The generator's build and every topic rule: what the remembered values depend on besides their input.</summary>
    private static UInt128 Context(Taxonomy taxonomy)
    {
        var hash = new XxHash128();
        Append(hash, typeof(CurationMemo).Assembly.ManifestModule.ModuleVersionId.ToString());
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

    private static UInt128 Key(string first, string? second)
    {
        var hash = new XxHash128();
        Append(hash, first);
        if (second is not null)
        {
            Append(hash, second);
        }

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
