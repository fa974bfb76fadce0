using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using DigestGen.Text;

namespace DigestGen.Publish;

/// <summary>
/// The site is written to a staging folder beside <c>output/</c> and moved into place only when the
/// whole build succeeded, so a failed build never leaves a half-written site. Moving is incremental:
/// a file whose bytes did not change is left alone (timestamp too), so deploys and rsync move only
/// what changed, and files of pages that no longer exist are removed. Whether bytes changed is told
/// by their hash against what the last build published, so unchanged files are never read back.
/// The moves are committed through a <see cref="PublishJournal"/>, so a build killed while publishing
/// leaves either the old site or (once the next build replays the journal) the new one, never a mix.
/// </summary>
public sealed class StagedOutput : IDisposable
{
    private readonly string _outputDir;
    private readonly string _stagingDir;
    private readonly IReadOnlyDictionary<string, PublishedFile> _recorded;
    private readonly Task<OutputListing> _listing;
    private readonly ConcurrentDictionary<string, UInt128> _files;
    private readonly ConcurrentDictionary<string, UInt128> _inputs;
    private readonly ConcurrentDictionary<string, byte> _unchanged;
    private int _notRendered;
    private readonly ConcurrentDictionary<string, byte> _streamed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _stagedFolders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _staged = new(StringComparer.Ordinal);
    private int _stagedCount;

    private StagedOutput(string outputDir, PublishedSite? previous, Task<OutputListing>? listing)
    {
        _outputDir = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        _stagingDir = PublishJournal.StagingFor(_outputDir);
        _recorded = previous?.Files ?? new Dictionary<string, PublishedFile>();
        _listing = listing ?? Task.FromResult(OutputListing.Read(_outputDir, previous));

        var lastBuild = _recorded.Count;
        _files = ConcurrentTable.Sized<string, UInt128>(lastBuild, StringComparer.Ordinal);
        _inputs = ConcurrentTable.Sized<string, UInt128>(lastBuild, StringComparer.Ordinal);
        _unchanged = ConcurrentTable.Sized<string, byte>(lastBuild, StringComparer.Ordinal);
        PublishJournal.Recover(_outputDir);
        PublishJournal.CreateStaging(_outputDir);
    }

    /// <param name="previous">What the last build published into this output folder, if known: its hashes spare reading files back.</param>
    /// <param name="listing">
    /// The output folder's <see cref="OutputListing"/>, when the caller reads it already: it is first awaited when a
    /// file is written or kept, so output can be opened while the listing is still being read.
    /// </param>
    public static StagedOutput Begin(string outputDir, PublishedSite? previous = null, Task<OutputListing>? listing = null) =>
        new(outputDir, previous, listing);

    public int Count => _files.Count;

    /// <summary>The files now in <c>output/</c> (see <see cref="OutputListing"/>).</summary>
    private Dictionary<string, (long Length, long Modified)> Present => _listing.GetAwaiter().GetResult().Files;

    /// <summary>No site there yet (at most the repository's placeholder): the staging folder holds the whole site, moved in a folder at a time.</summary>
    private bool IsFresh => Present.Count == 0;

    /// <summary>
    /// Safe to call from several threads at once, once per path. Bytes equal to the published file's
    /// are not staged at all, so a rebuild that changes nothing writes nothing.
    /// </summary>
    /// <param name="inputs">The inputs hash of the page rendered (see <see cref="TryKeep"/>), or zero.</param>
    public void Write(string relativePath, ReadOnlySpan<byte> content, UInt128 inputs = default)
    {
        var relative = Reserve(relativePath);
        var hash = XxHash128.HashToUInt128(content);
        _files[relative] = hash;
        if (inputs != UInt128.Zero)
        {
            _inputs[relative] = inputs;
        }

        if (IsPublished(relative, hash, content.Length) ?? SameBytes(content, Path.Combine(_outputDir, relative)))
        {
            _unchanged.TryAdd(relative, 0);
            return;
        }

        using var handle = File.OpenHandle(Stage(relative), FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None);
        RandomAccess.Write(handle, content, 0);
    }

    /// <summary>
    /// Keeps the published file without rendering it again, when the last build rendered it from the same
    /// inputs and nobody touched it since; false when the page must be rendered and written.
    /// </summary>
    public bool TryKeep(string relativePath, UInt128 inputs)
    {
        if (inputs == UInt128.Zero)
        {
            return false;
        }

        var normalised = Normalise(relativePath);
        if (!_recorded.TryGetValue(normalised, out var recorded) || recorded.Inputs != inputs
            || !Present.TryGetValue(normalised, out var present) || !recorded.Describes(present))
        {
            return false;
        }

        var relative = Reserve(relativePath);
        _files[relative] = recorded.Hash;
        _inputs[relative] = inputs;
        _unchanged.TryAdd(relative, 0);
        Interlocked.Increment(ref _notRendered);
        return true;
    }

    public void Write(string relativePath, string content) => Write(relativePath, Encoding.UTF8.GetBytes(content));

    /// <summary>For large files written as a stream: staged as they come, and compared by hash when the build commits.</summary>
    public void Write(string relativePath, Action<Stream> writer)
    {
        var relative = Reserve(relativePath);
        using (var stream = new HashingStream(new FileStream(Stage(relative), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16)))
        {
            writer(stream);
            _files[relative] = stream.Hash;
        }

        _streamed.TryAdd(relative, 0);
    }

    public PublishReport Commit()
    {
        // Every folder a build writes says so, which is what lets a later build replace its files (see OutputFolder).
        Write(OutputFolder.Marker, Encoding.UTF8.GetBytes(OutputFolder.MarkerText));
        foreach (var relative in _streamed.Keys)
        {
            var staged = _staged[relative];
            if (IsPublished(relative, _files[relative], new FileInfo(staged).Length) ?? SameBytes(staged, Path.Combine(_outputDir, relative)))
            {
                File.Delete(staged);
                _unchanged.TryAdd(relative, 0);
            }
        }

        var journal = new PublishJournal();
        if (IsFresh)
        {
            // The staging folder holds the whole site: its top-level entries move in, a rename each.
            foreach (var entry in Directory.EnumerateFileSystemEntries(_stagingDir))
            {
                var name = Path.GetFileName(entry);
                if (name != PublishJournal.StagingMarker)
                {
                    journal.Move(name, name);
                }
            }

            journal.Commit(_outputDir);
            PublishJournal.Discard(_outputDir);
            var fresh = OutputListing.OfKnown(_outputDir, _files.Keys);
            var all = _files.Keys.Order(StringComparer.Ordinal).ToList();
            return new PublishReport(all.Count, 0, 0, all, Published(relative => fresh.Files[relative]), fresh.Folders);
        }

        var changed = _files.Where(f => !_unchanged.ContainsKey(f.Key)).Select(f => f.Key).ToList();
        foreach (var relative in changed)
        {
            journal.Move(Path.GetFileName(_staged[relative]), relative);
        }

        var stale = Present.Keys.Where(f => !_files.ContainsKey(f)).ToList();
        foreach (var relative in stale)
        {
            journal.Remove(relative);
        }

        journal.Commit(_outputDir);
        var written = new ConcurrentDictionary<string, (long, long)>(StringComparer.Ordinal);
        Parallel.ForEach(changed, relative =>
        {
            var info = new FileInfo(Path.Combine(_outputDir, relative));
            written[relative] = (info.Length, info.LastWriteTimeUtc.Ticks);
        });

        PublishJournal.Discard(_outputDir);
        var listing = _listing.GetAwaiter().GetResult();
        listing.Refresh(changed.Concat(stale));
        var present = listing.Files;
        return new PublishReport(
            written.Count, _unchanged.Count, stale.Count, written.Keys.Order(StringComparer.Ordinal).ToList(),
            Published(relative => written.TryGetValue(relative, out var w) ? w : present[relative]), listing.Folders, _notRendered);
    }

    /// <summary>After a failed build: what was staged goes, unless the publish was already committed (the next build finishes it).</summary>
    public void Dispose()
    {
        if (Directory.Exists(_stagingDir) && !PublishJournal.IsCommitted(_outputDir))
        {
            PublishJournal.Discard(_outputDir);
        }
    }

    /// <summary>
    /// Whether the published file already holds these bytes: true or false when the record knows the
    /// file and nobody touched it since; null when only reading it back can tell.
    /// </summary>
    private bool? IsPublished(string relative, UInt128 hash, long length)
    {
        if (!Present.TryGetValue(relative, out var present))
        {
            return false;
        }

        if (present.Length != length)
        {
            return false;
        }

        return _recorded.TryGetValue(relative, out var recorded) && recorded.Describes(present) ? recorded.Hash == hash : null;
    }

    /// <summary>Every file of this build as the record keeps it, given each one's size and time in <c>output/</c> now.</summary>
    private Dictionary<string, PublishedFile> Published(Func<string, (long Length, long Modified)> state)
    {
        var files = new Dictionary<string, PublishedFile>(_files.Count, StringComparer.Ordinal);
        foreach (var (relative, hash) in _files)
        {
            var (length, modified) = state(relative);
            files[relative] = new PublishedFile(length, modified, hash, _inputs.GetValueOrDefault(relative));
        }

        return files;
    }

    /// <summary>
    /// Where a file is staged. Into an empty output folder the staging folder is the whole site, moved
    /// in a top-level entry at a time; over an existing site only changed files are staged, flat, so a rebuild
    /// creates no staging folders (each a costly operation on a slow disk).
    /// </summary>
    private string Stage(string relative)
    {
        string path;
        if (IsFresh)
        {
            path = Path.Combine(_stagingDir, relative);
            EnsureFolder(path);
        }
        else
        {
            path = Path.Combine(_stagingDir, Interlocked.Increment(ref _stagedCount).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _staged[relative] = path;
        return path;
    }

    /// <summary>Creates a file's staging folder once; asking the file system again for every file is slow at 100,000 pages.</summary>
    private void EnsureFolder(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        if (_stagedFolders.TryAdd(folder, 0))
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>Claims an output path (once per build) and returns it normalised.</summary>
    private string Reserve(string relativePath)
    {
        var normalised = Normalise(relativePath);
        if (normalised.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(normalised))
        {
            throw new ArgumentException($"output path '{relativePath}' escapes the output folder");
        }

        if (!_files.TryAdd(normalised, default))
        {
            throw new InvalidOperationException($"two pages want the same output file '{normalised}'");
        }

        return normalised;
    }

    private static string Normalise(string relativePath) => relativePath.Replace('\\', '/').TrimStart('/');

    private static bool SameBytes(ReadOnlySpan<byte> content, string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        Span<byte> buffer = stackalloc byte[16384];
        var offset = 0;
        while (offset < content.Length)
        {
            var read = stream.Read(buffer);
            if (read == 0 || !buffer[..read].SequenceEqual(content.Slice(offset, Math.Min(read, content.Length - offset))))
            {
                return false;
            }

            offset += read;
        }

        return stream.Read(buffer) == 0;
    }

    private static bool SameBytes(string a, string b)
    {
        using var streamA = File.OpenRead(a);
        using var streamB = File.OpenRead(b);
        Span<byte> bufferA = stackalloc byte[16384];
        Span<byte> bufferB = stackalloc byte[16384];
        while (true)
        {
            var readA = streamA.ReadAtLeast(bufferA, bufferA.Length, throwOnEndOfStream: false);
            var readB = streamB.ReadAtLeast(bufferB, bufferB.Length, throwOnEndOfStream: false);
            if (readA != readB || !bufferA[..readA].SequenceEqual(bufferB[..readB]))
            {
                return false;
            }

            if (readA == 0)
            {
                return true;
            }
        }
    }
}
