using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DigestGen.Ingest;
using DigestGen.Diagnostics;
using DigestGen.Publish;
using DigestGen.Text;

namespace DigestGen.Incremental;

/// <summary>
/// Parsed seeds from earlier builds, one file per seed in <c>.digestgen-cache/&lt;output&gt;.seeds/</c>, named
/// by a hash of the seed's bytes, its name, its capture date and the generator's build: everything parsing
/// depends on. A rebuild after a new seed reads the other 200 back instead of parsing them again, with the
/// problems parsing found in them. A file that cannot be read is ignored and the seed parsed.
/// </summary>
public sealed class SeedMemo
{
    private const int FormatVersion = 3;
    private static readonly UInt128 Context = MemoFile.Context(["seeds"]);

    /// <summary>Records as JSON from generated code: every field a parser fills is stored, with no list kept here.</summary>
    private static readonly JsonTypeInfo<Remembered> Json = JsonHash.TypeIn<Remembered>(ModelJson.Options(MemoJson.Default));

    private readonly string _folder;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _hits;

    public SeedMemo(string outputDir) => _folder = CacheFolder.PathFor(outputDir, ".seeds");

    /// <summary>How many seeds were read back instead of parsed.</summary>
    public int Hits => _hits;

    /// <summary>Seed reading, remembered: what <paramref name="ingest"/> gives for a seed, from the last build when the seed is unchanged. Safe to call from several threads at once.</summary>
    public SeedIngest Around(SeedIngest ingest) => (path, displayName, captureDate, diagnostics) => Ingest(ingest, path, displayName, captureDate, diagnostics);

    private SeedIngestResult Ingest(SeedIngest ingest, string path, string displayName, DateOnly captureDate, DiagnosticBag diagnostics)
    {
        var name = Key(path, displayName, captureDate).ToString("x32") + ".bin";
        lock (_gate)
        {
            _used.Add(name);
        }

        var file = Path.Combine(_folder, name);
        if (MemoFile.Read(file, FormatVersion, Context, static (ref MemoBytes r) => JsonSerializer.Deserialize(r.Rest, Json) ?? throw new FormatException("no records")) is { } hit)
        {
            Interlocked.Increment(ref _hits);
            foreach (var diagnostic in hit.Diagnostics)
            {
                diagnostics.Add(diagnostic);
            }

            return hit.Result;
        }

        var found = new DiagnosticBag();
        var result = ingest(path, displayName, captureDate, found);
        var problems = found.Items;
        foreach (var diagnostic in problems)
        {
            diagnostics.Add(diagnostic);
        }

        MemoFile.Write(file, FormatVersion, Context, writer =>
        {
            writer.Flush();
            JsonSerializer.Serialize(writer.BaseStream, new Remembered(result, problems), Json);
        });
        return result;
    }

    /// <summary>Removes the files of seeds this build did not read (edited or removed since), so the folder does not grow.</summary>
    public void Prune()
    {
        if (!Directory.Exists(_folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(_folder))
        {
            if (!_used.Contains(Path.GetFileName(file)))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The seed's bytes (streamed: a seed read whole is a large-object allocation), name and capture date.</summary>
    private static UInt128 Key(string path, string displayName, DateOnly captureDate)
    {
        var hash = new XxHash128();
        hash.Append(MemoryMarshal.AsBytes(displayName.AsSpan()));
        hash.Append(BitConverter.GetBytes(captureDate.DayNumber));
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
        {
            hash.Append(stream);
        }

        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>A seed's records and problems, as the memo stores them.</summary>
    internal sealed record Remembered(SeedIngestResult Result, IReadOnlyList<Diagnostic> Diagnostics);
}
