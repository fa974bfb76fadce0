using System.IO.Enumeration;

namespace DigestGen.Publish;

/// <summary>Every file in an output folder with its size and last-write time, read in one walk (no file is opened).</summary>
public static class OutputListing
{
    /// <summary>Files in the output folder that belong to the repository, not to the build.</summary>
    public static readonly IReadOnlySet<string> Kept = new HashSet<string>(StringComparer.Ordinal) { ".gitkeep" };

    public static Dictionary<string, (long Length, long Modified)> Read(string outputDir)
    {
        var result = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        if (!Directory.Exists(outputDir))
        {
            return result;
        }

        var root = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        var entries = new FileSystemEnumerable<(string, long, long)>(
            root,
            (ref FileSystemEntry e) => (
                Path.Join(e.Directory[root.Length..].TrimStart(Path.DirectorySeparatorChar), e.FileName).Replace('\\', '/'),
                e.Length,
                e.LastWriteTimeUtc.UtcTicks),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory,
        };
        foreach (var (path, length, modified) in entries)
        {
            if (!Kept.Contains(path))
            {
                result[path] = (length, modified);
            }
        }

        return result;
    }
}
