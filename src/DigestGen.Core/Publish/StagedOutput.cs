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
    private bool _committed;

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

    /// <summary>Safe to call from several threads at once, once per path.</summary>
    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        var path = Reserve(relativePath);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        stream.Write(content);
    }

    public void Write(string relativePath, string content) => Write(relativePath, Encoding.UTF8.GetBytes(content));

    public void Write(string relativePath, Action<Stream> writer)
    {
        var path = Reserve(relativePath);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        writer(stream);
    }

    public PublishReport Commit()
    {
        Directory.CreateDirectory(_outputDir);
        var written = new ConcurrentBag<string>();
        var unchanged = 0;
        Parallel.ForEach(_files.Keys, relative =>
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
        _committed = true;
        Directory.Delete(_stagingDir, recursive: true);
        return new PublishReport(written.Count, unchanged, removed, written.Order(StringComparer.Ordinal).ToList());
    }

    public void Dispose()
    {
        if (Directory.Exists(_stagingDir))
        {
            Directory.Delete(_stagingDir, recursive: true);
        }

        _ = _committed;
    }

    private string Reserve(string relativePath)
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

        var path = Path.Combine(_stagingDir, normalised);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
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
