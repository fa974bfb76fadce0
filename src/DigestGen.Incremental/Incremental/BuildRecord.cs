using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DigestGen.Curate;
using DigestGen.Publish;
using DigestGen.Text;

namespace DigestGen.Incremental;

/// <summary>
/// What the last successful build read and wrote, kept beside <c>output/</c> (in
/// <c>.digestgen-cache/</c>, never deployed): the inputs' fingerprint, the summary it reported, and
/// every file it published with its size, time, content hash and, for pages, inputs hash. The next
/// build uses it to do nothing when nothing changed, to tell unchanged files by hash without reading
/// them back, and to keep pages whose inputs did not change without rendering them. Its folders' times let
/// the next <see cref="OutputListing"/> find files added by hand without listing every folder.
/// </summary>
public sealed record BuildRecord(
    string Fingerprint,
    BuildSummary Summary,
    int Pages,
    int Feeds,
    IReadOnlyDictionary<string, PublishedFile> Files,
    IReadOnlyDictionary<string, long> Folders)
{
    private const int FormatVersion = 5;

    public static string PathFor(string outputDir) => CacheFolder.PathFor(outputDir, ".record");

    /// <summary>What this build published, as publishing the next one needs it.</summary>
    public PublishedSite Published => new(Files, Folders);

    /// <summary>The record for this output folder, or null when there is none or it cannot be read (then the build simply does all its work).</summary>
    /// <remarks>Binary, not JSON: at 100,000 pages a JSON record took 150 ms to read and as long to write, on every rebuild.</remarks>
    public static BuildRecord? Load(string outputDir)
    {
        var path = PathFor(outputDir);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(new BufferedStream(File.OpenRead(path), 1 << 16));
            if (reader.ReadInt32() != FormatVersion)
            {
                return null;
            }

            var fingerprint = reader.ReadString();
            var pages = reader.ReadInt32();
            var feeds = reader.ReadInt32();
            using var summary = JsonDocument.Parse(reader.ReadString());
            var count = reader.ReadInt32();
            var files = new Dictionary<string, PublishedFile>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                files[reader.ReadString()] = new PublishedFile(reader.ReadInt64(), reader.ReadInt64(), reader.ReadHash(), reader.ReadHash());
            }

            var folderCount = reader.ReadInt32();
            var folders = new Dictionary<string, long>(folderCount, StringComparer.Ordinal);
            for (var i = 0; i < folderCount; i++)
            {
                folders[reader.ReadString()] = reader.ReadInt64();
            }

            return new BuildRecord(fingerprint, BuildSummary.ReadFrom(summary.RootElement), pages, feeds, files, folders);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or JsonException or KeyNotFoundException or InvalidOperationException
                                      or FormatException or ArgumentException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Written to a temporary file and renamed, so a crash never leaves a record that lies about the output.</summary>
    public void Save(string outputDir)
    {
        var path = PathFor(outputDir);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        using (var writer = new BinaryWriter(new BufferedStream(File.Create(temp), 1 << 16)))
        {
            writer.Write(FormatVersion);
            writer.Write(Fingerprint);
            writer.Write(Pages);
            writer.Write(Feeds);
            var summary = new ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(summary, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                Summary.WriteTo(w);
                w.WriteEndObject();
            }

            writer.Write(Encoding.UTF8.GetString(summary.WrittenSpan));
            writer.Write(Files.Count);
            foreach (var (file, state) in Files)
            {
                writer.Write(file);
                writer.Write(state.Length);
                writer.Write(state.Modified);
                writer.WriteHash(state.Hash);
                writer.WriteHash(state.Inputs);
            }

            writer.Write(Folders.Count);
            foreach (var (folder, modified) in Folders)
            {
                writer.Write(folder);
                writer.Write(modified);
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>True when <c>output/</c> holds exactly the recorded files, none resized or touched since.</summary>
    public bool DescribesOutput(OutputListing output) =>
        output.Files.Count == Files.Count
        && Files.All(f => output.Files.TryGetValue(f.Key, out var actual) && f.Value.Describes(actual));
}
