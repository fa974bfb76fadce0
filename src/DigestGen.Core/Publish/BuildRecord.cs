using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DigestGen.Pipeline;

namespace DigestGen.Publish;

/// <summary>
/// What the last successful build read and wrote, kept beside <c>output/</c> (in
/// <c>.digestgen-cache/</c>, never deployed): the inputs' fingerprint, the summary it reported, and
/// every file it published with its size, time, content hash and, for pages, source hash. The next
/// build uses it to do nothing when nothing changed, to tell unchanged files by hash without reading
/// them back, and to keep pages whose sources did not change without drawing them.
/// </summary>
public sealed record BuildRecord(string Fingerprint, BuildSummary Summary, int Pages, int Feeds, IReadOnlyDictionary<string, PublishedFile> Files)
{
    public const string Folder = ".digestgen-cache";
    private const int FormatVersion = 3;

    public static string PathFor(string outputDir)
    {
        var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(full)!, Folder, Path.GetFileName(full) + ".json");
    }

    /// <summary>The record for this output folder, or null when there is none or it cannot be read (then the build simply does all its work).</summary>
    public static BuildRecord? Load(string outputDir)
    {
        var path = PathFor(outputDir);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("version").GetInt32() != FormatVersion)
            {
                return null;
            }

            var files = new Dictionary<string, PublishedFile>(StringComparer.Ordinal);
            foreach (var f in root.GetProperty("files").EnumerateArray())
            {
                var source = f.GetArrayLength() > 4 ? Hex(f[4]) : UInt128.Zero;
                files[f[0].GetString()!] = new PublishedFile(f[1].GetInt64(), f[2].GetInt64(), Hex(f[3]), source);
            }

            return new BuildRecord(
                root.GetProperty("fingerprint").GetString()!,
                BuildSummary.ReadFrom(root.GetProperty("summary")),
                root.GetProperty("pages").GetInt32(),
                root.GetProperty("feeds").GetInt32(),
                files);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or IndexOutOfRangeException)
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
        using (var stream = File.Create(temp))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteString("fingerprint", Fingerprint);
            w.WriteNumber("pages", Pages);
            w.WriteNumber("feeds", Feeds);
            w.WriteStartObject("summary");
            Summary.WriteTo(w);
            w.WriteEndObject();
            w.WriteStartArray("files");
            foreach (var (file, state) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                w.WriteStartArray();
                w.WriteStringValue(file);
                w.WriteNumberValue(state.Length);
                w.WriteNumberValue(state.Modified);
                w.WriteStringValue(state.Hash.ToString("x32", CultureInfo.InvariantCulture));
                if (state.Source != UInt128.Zero)
                {
                    w.WriteStringValue(state.Source.ToString("x32", CultureInfo.InvariantCulture));
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        File.Move(temp, path, overwrite: true);
    }

    private static UInt128 Hex(JsonElement e) => UInt128.Parse(e.GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>True when <c>output/</c> holds exactly the recorded files, none resized or touched since.</summary>
    public bool DescribesOutput(IReadOnlyDictionary<string, (long Length, long Modified)> output) =>
        output.Count == Files.Count
        && Files.All(f => output.TryGetValue(f.Key, out var actual) && f.Value.Describes(actual));
}
