using System.Collections.Concurrent;
using System.Text;

namespace DigestGen.Publish;

/// <summary>
/// The site is written to a staging folder beside <c>output/</c> and moved into place only when the
/// whole build succeeded, so a failed build never leaves a half-written site. Moving is incremental:
/// a file whose bytes did not change is left alone (timestamp too), so deploys and rsync move only
/// what changed, and files of pages that no longer exist are removed.
/// </summary>
public sealed class StagedOutput : IDisposable
{
    /// <summary>Files in the output folder that belong to the repository, not to the build.</summary>
    private static readonly HashSet<string> Kept = [".gitkeep"];

    private readonly string _outputDir;
    private readonly string _stagingDir;
    private readonly ConcurrentDictionary<string, byte> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _unchanged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _stagedFolders = new(StringComparer.Ordinal);

    private StagedOutput(string outputDir)
    {
        _outputDir = Path.GetFullPath(outputDir);
        _stagingDir = _outputDir.TrimEnd(Path.DirectorySeparatorChar) + ".staging";
        if (Directory.Exists(_stagingDir))
        {
            Directory.Delete(_stagingDir, recursive: true);
        }

        Directory.CreateDirectory(_stagingDir);
    }

    public static StagedOutput Begin(string outputDir) => new(outputDir);

    public int Count => _files.Count;

    /// <summary>
    /// Safe to call from several threads at once, once per path. Bytes equal to the published file's
    /// are not staged at all, so a rebuild that changes nothing writes nothing.
    /// </summary>
    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        var (relative, path) = Reserve(relativePath);
        if (SameBytes(content, Path.Combine(_outputDir, relative)))
        {
            _unchanged.TryAdd(relative, 0);
            return;
        }

        EnsureFolder(path);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        stream.Write(content);
    }

    public void Write(string relativePath, string content) => Write(relativePath, Encoding.UTF8.GetBytes(content));

    public void Write(string relativePath, Action<Stream> writer)
    {
        var (_, path) = Reserve(relativePath);
        EnsureFolder(path);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        writer(stream);
    }

    public PublishReport Commit()
    {
        if (IsFresh(_outputDir))
        {
            return SwapIn();
        }

        var written = new ConcurrentBag<string>();
        var unchanged = _unchanged.Count;
        Parallel.ForEach(_files.Keys.Where(f => !_unchanged.ContainsKey(f)), relative =>
        {
            var staged = Path.Combine(_stagingDir, relative);
            var target = Path.Combine(_outputDir, relative);
            if (SameBytes(staged, target))
            {
                Interlocked.Increment(ref unchanged);
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(staged, target, overwrite: true);
            written.Add(relative);
        });

        var removed = RemoveStale();
        Directory.Delete(_stagingDir, recursive: true);
        return new PublishReport(written.Count, unchanged, removed, written.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>No site there yet (at most the repository's placeholder): the staged folder can simply take its place.</summary>
    private static bool IsFresh(string outputDir) =>
        !Directory.Exists(outputDir)
        || Directory.EnumerateFileSystemEntries(outputDir).All(e => File.Exists(e) && Kept.Contains(Path.GetFileName(e)));

    /// <summary>One rename publishes the whole site: atomic, and no per-file moves.</summary>
    private PublishReport SwapIn()
    {
        if (Directory.Exists(_outputDir))
        {
            foreach (var kept in Directory.EnumerateFiles(_outputDir))
            {
                File.Move(kept, Path.Combine(_stagingDir, Path.GetFileName(kept)), overwrite: true);
            }

            Directory.Delete(_outputDir);
        }

        Directory.Move(_stagingDir, _outputDir);
        var files = _files.Keys.Order(StringComparer.Ordinal).ToList();
        return new PublishReport(files.Count, 0, 0, files);
    }

    public void Dispose()
    {
        if (Directory.Exists(_stagingDir))
        {
            Directory.Delete(_stagingDir, recursive: true);
        }
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

    /// <summary>Claims an output path (once per build) and returns it normalised, with its place in staging.</summary>
    private (string Relative, string Staged) Reserve(string relativePath)
    {
        var normalised = relativePath.Replace('\\', '/').TrimStart('/');
        if (normalised.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(normalised))
        {
            throw new ArgumentException($"output path '{relativePath}' escapes the output folder");
        }

        if (!_files.TryAdd(normalised, 0))
        {
            throw new InvalidOperationException($"two pages want the same output file '{normalised}'");
        }

        return (normalised, Path.Combine(_stagingDir, normalised));
    }

    private int RemoveStale()
    {
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(_outputDir, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(_outputDir, file).Replace('\\', '/');
            if (!_files.ContainsKey(relative) && !Kept.Contains(relative))
            {
                File.Delete(file);
                removed++;
            }
        }

        foreach (var dir in Directory.EnumerateDirectories(_outputDir, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
        {
            if (!Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
            }
        }

        return removed;
    }

    private static bool SameBytes(ReadOnlySpan<byte> content, string file)
    {
        var info = new FileInfo(file);
        if (!info.Exists || info.Length != content.Length)
        {
            return false;
        }

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

        return true;
    }

    private static bool SameBytes(string a, string b)
    {
        var infoB = new FileInfo(b);
        if (!infoB.Exists || new FileInfo(a).Length != infoB.Length)
        {
            return false;
        }

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
