using System.IO.Hashing;
using System.Runtime.InteropServices;
using DigestGen.Ingest;
using DigestGen.Diagnostics;
using DigestGen.Publish;

namespace DigestGen.Incremental;

/// <summary>
/// Parsed seeds from earlier builds, one file per seed in <c>.digestgen-cache/&lt;output&gt;.seeds/</c>, named
/// by a hash of the seed's bytes, its name, its capture date and the generator's build: everything parsing
/// depends on. A rebuild after a new seed reads the other 200 back instead of parsing them again, with the
/// problems parsing found in them. A file that cannot be read is ignored and the seed parsed.
/// </summary>
public sealed class SeedMemo
{
    private const int FormatVersion = 2;
    private static readonly UInt128 Context = MemoFile.Context(["seeds"]);

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
        if (MemoFile.Read(file, FormatVersion, Context, (ref MemoBytes r) => Read(ref r, displayName, captureDate)) is { } hit)
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

        MemoFile.Write(file, FormatVersion, Context, writer => Write(writer, result, problems));
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

    private static void Write(BinaryWriter w, SeedIngestResult result, IReadOnlyList<Diagnostic> problems)
    {
        w.Write(result.Format);
        w.Write(result.LineCount);
        w.Write(result.Listings.Count);
        foreach (var l in result.Listings)
        {
            w.Write(l.Source.Line);
            w.Write(l.Title);
            w.Write(l.Abstract);
            WriteOptional(w, l.AuthorCount);
            WriteOptional(w, l.Organisation);
            WriteOptional(w, l.Published);
            WriteOptional(w, l.Upvotes);
            WriteOptional(w, l.PageDate);
        }

        w.Write(result.Abstracts.Count);
        foreach (var a in result.Abstracts)
        {
            w.Write(a.Source.Line);
            w.Write(a.Abstract);
            WriteOptional(w, a.Institution);
        }

        w.Write(result.Posts.Count);
        foreach (var p in result.Posts)
        {
            w.Write(p.Source.Line);
            w.Write(p.Lines.Count);
            foreach (var line in p.Lines)
            {
                w.Write(line.Number);
                w.Write(line.Text);
            }

            WriteStrings(w, p.Links);
            WriteStrings(w, p.Handles);
            WriteStrings(w, p.Hashtags);
        }

        w.Write(problems.Count);
        foreach (var d in problems)
        {
            w.Write((int)d.Severity);
            w.Write(d.File);
            w.Write(d.Line);
            w.Write(d.Message);
        }
    }

    private static Remembered Read(ref MemoBytes r, string displayName, DateOnly captureDate)
    {
        var format = r.ReadString();
        var lineCount = r.ReadInt32();

        var listings = new ListingRecord[r.ReadInt32()];
        for (var i = 0; i < listings.Length; i++)
        {
            var source = new SourceRef(displayName, r.ReadInt32(), captureDate);
            listings[i] = new ListingRecord(r.ReadString(), r.ReadString(), ReadInt(ref r), ReadString(ref r), ReadDate(ref r), ReadInt(ref r), ReadDate(ref r), source);
        }

        var abstracts = new AbstractRecord[r.ReadInt32()];
        for (var i = 0; i < abstracts.Length; i++)
        {
            var source = new SourceRef(displayName, r.ReadInt32(), captureDate);
            abstracts[i] = new AbstractRecord(r.ReadString(), ReadString(ref r), source);
        }

        var posts = new PostRecord[r.ReadInt32()];
        for (var i = 0; i < posts.Length; i++)
        {
            var source = new SourceRef(displayName, r.ReadInt32(), captureDate);
            var lines = new SeedLine[r.ReadInt32()];
            for (var k = 0; k < lines.Length; k++)
            {
                lines[k] = new SeedLine(r.ReadInt32(), r.ReadString());
            }

            posts[i] = new PostRecord(lines, ReadStrings(ref r), ReadStrings(ref r), ReadStrings(ref r), source);
        }

        var diagnostics = new List<Diagnostic>(r.ReadInt32());
        for (var i = diagnostics.Capacity; i > 0; i--)
        {
            diagnostics.Add(new Diagnostic((Severity)r.ReadInt32(), r.ReadString(), r.ReadInt32(), r.ReadString()));
        }

        return new Remembered(new SeedIngestResult(displayName, format, captureDate, lineCount, listings, abstracts, posts), diagnostics);
    }

    private static void WriteOptional(BinaryWriter w, int? value)
    {
        w.Write(value.HasValue);
        w.Write(value ?? 0);
    }

    private static int? ReadInt(ref MemoBytes r)
    {
        var has = r.ReadBoolean();
        var value = r.ReadInt32();
        return has ? value : null;
    }

    private static void WriteOptional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    private static string? ReadString(ref MemoBytes r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteOptional(BinaryWriter w, RawDate? value)
    {
        w.Write(value.HasValue);
        if (value is { } d)
        {
            w.Write(d.Month);
            w.Write(d.Day);
            WriteOptional(w, d.Year);
            w.Write(d.Line);
            w.Write(d.Text);
        }
    }

    private static RawDate? ReadDate(ref MemoBytes r) =>
        r.ReadBoolean() ? new RawDate(r.ReadInt32(), r.ReadInt32(), ReadInt(ref r), r.ReadInt32(), r.ReadString()) : null;

    private sealed record Remembered(SeedIngestResult Result, List<Diagnostic> Diagnostics);

    private static void WriteStrings(BinaryWriter w, IReadOnlyList<string> values)
    {
        w.Write(values.Count);
        foreach (var value in values)
        {
            w.Write(value);
        }
    }

    private static string[] ReadStrings(ref MemoBytes r)
    {
        var values = new string[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadString();
        }

        return values;
    }
}
