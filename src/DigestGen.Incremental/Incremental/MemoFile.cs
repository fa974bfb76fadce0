using System.IO.Hashing;
using System.Runtime.InteropServices;
using DigestGen.Publish;
using DigestGen.Text;

namespace DigestGen.Incremental;

/// <summary>Reads a memo's entries after its header; see <see cref="MemoFile.Read"/>.</summary>
internal delegate T MemoReader<T>(ref MemoBytes reader);

/// <summary>
/// What the memos (<see cref="TopicMemo"/>, <see cref="TermMemo"/>)
/// share: a file beside the build record in <c>.digestgen-cache/</c> that is only read when its format
/// and its context (the generator's build and whatever else the work depends on) are this build's, and
/// is written atomically. The per-paper memos key their entries by a 128-bit hash of the paper's text (<see cref="Key"/>).
/// </summary>
internal static class MemoFile
{
    /// <summary>What <paramref name="read"/> makes of the file, or null when there is none, it is of another format or context, or it cannot be read.</summary>
    /// <remarks>Read from the file's bytes in memory (<see cref="MemoBytes"/>): through a <see cref="BinaryReader"/>, long strings and 100,000 entries took twice as long or more.</remarks>
    public static T? Read<T>(string path, int version, UInt128 context, MemoReader<T> read)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return MemoBytes.ReadFile(path, bytes =>
            {
                var reader = new MemoBytes(bytes);
                return reader.ReadInt32() == version && reader.ReadHash() == context ? read(ref reader) : null;
            });
        }
        catch (Exception e) when (e is IOException or FormatException or ArgumentException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public static void Write(string path, int version, UInt128 context, Action<BinaryWriter> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        using (var writer = new BinaryWriter(new BufferedStream(File.Create(temp), 1 << 16)))
        {
            writer.Write(version);
            WriteKey(writer, context);
            write(writer);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>A hash of the generator's build and of <paramref name="parts"/>.</summary>
    public static UInt128 Context(IEnumerable<string> parts)
    {
        var hash = new XxHash128();
        Append(hash, GeneratorBuild.Id);
        foreach (var part in parts)
        {
            Append(hash, part);
        }

        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>The key of a paper's title and body.</summary>
    public static UInt128 Key(string title, string body)
    {
        var hash = new XxHash128();
        Append(hash, title);
        Append(hash, body);
        return hash.GetCurrentHashAsUInt128();
    }

    public static void WriteKey(BinaryWriter writer, UInt128 key) => writer.WriteHash(key);

    private static void Append(XxHash128 hash, string text)
    {
        Span<byte> length = stackalloc byte[4];
        MemoryMarshal.Write(length, text.Length);
        hash.Append(length);
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }
}
