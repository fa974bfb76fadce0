using System.IO.Enumeration;

namespace DigestGen.Publish;

/// <summary>
/// Every file in an output folder with its size and last-write time, and every folder with its last-write
/// time (no file is opened). Against the last build's record only what it lists is asked about, a stat each:
/// a folder's time changes when an entry is added to it or removed, so only folders whose time moved are
/// listed, to find files someone put there. Walking the whole tree instead opens every folder, which at
/// 100,000 pages (a folder each) cost twice as much.
/// </summary>
public sealed class OutputListing
{
    /// <summary>Files in the output folder that belong to the repository, not to the build.</summary>
    public static readonly IReadOnlySet<string> Kept = new HashSet<string>(StringComparer.Ordinal) { ".gitkeep" };

    private readonly string _root;

    private OutputListing(string root, Dictionary<string, (long, long)> files, Dictionary<string, long> folders)
    {
        _root = root;
        Files = files;
        Folders = folders;
    }

    /// <summary>Relative path ('/'-separated) to size and last-write ticks.</summary>
    public Dictionary<string, (long Length, long Modified)> Files { get; }

    /// <summary>Relative path of every folder ("" for the output folder itself) to its last-write ticks.</summary>
    public Dictionary<string, long> Folders { get; }

    /// <param name="previous">What the last build published: when it lists folders, only its files and folders are looked at, and folders changed since.</param>
    public static OutputListing Read(string outputDir, PublishedSite? previous = null)
    {
        var root = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        var listing = new OutputListing(root, new Dictionary<string, (long, long)>(StringComparer.Ordinal), new Dictionary<string, long>(StringComparer.Ordinal));
        if (!Directory.Exists(root))
        {
            return listing;
        }

        if (previous is null || previous.Folders.Count == 0)
        {
            listing.Walk("");
            return listing;
        }

        listing.StatFiles(previous.Files.Keys.ToArray());
        listing.StatFolders(previous.Folders.Keys.ToArray());
        foreach (var (folder, modified) in previous.Folders)
        {
            if (listing.Folders.TryGetValue(folder, out var now) && now != modified)
            {
                listing.ListNew(folder, previous.Folders);
            }
        }

        return listing;
    }

    /// <summary>
    /// The listing of a site just moved whole into an output folder that held nothing of anyone else's (see
    /// <see cref="OutputFolder"/>), whose files are known: a stat for each of <paramref name="files"/> and each folder
    /// holding them, on both cores. Walking the tree instead opens every folder, on one thread: at 100,000 pages that
    /// was most of a clean build's publish stage.
    /// </summary>
    public static OutputListing OfKnown(string outputDir, IEnumerable<string> files)
    {
        var listing = new OutputListing(Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar), new Dictionary<string, (long, long)>(StringComparer.Ordinal), new Dictionary<string, long>(StringComparer.Ordinal));
        var written = files.Where(f => !Kept.Contains(f)).ToArray();
        listing.StatFiles(written);
        listing.StatFolders(FoldersHolding(written).ToArray());
        return listing;
    }

    /// <summary>Adds the size and time of each of <paramref name="relatives"/> that exists.</summary>
    private void StatFiles(string[] relatives)
    {
        var states = StatAll<(long, long)>(relatives, static path => new FileInfo(path) is { Exists: true } info ? (info.Length, info.LastWriteTimeUtc.Ticks) : null);
        for (var i = 0; i < relatives.Length; i++)
        {
            if (states[i] is { } state)
            {
                Files[relatives[i]] = state;
            }
        }
    }

    /// <summary>Adds the time of each of <paramref name="relatives"/> (folders) that exists.</summary>
    private void StatFolders(string[] relatives)
    {
        var times = StatAll<long>(relatives, static path => new DirectoryInfo(path) is { Exists: true } info ? info.LastWriteTimeUtc.Ticks : null);
        for (var i = 0; i < relatives.Length; i++)
        {
            if (times[i] is { } time)
            {
                Folders[relatives[i]] = time;
            }
        }
    }

    /// <summary>Asks again about the folders that hold <paramref name="changed"/> files (and their parents), after files were moved in or removed.</summary>
    public void Refresh(IEnumerable<string> changed)
    {
        foreach (var folder in FoldersHolding(changed))
        {
            var info = new DirectoryInfo(Full(folder));
            if (info.Exists)
            {
                Folders[folder] = info.LastWriteTimeUtc.Ticks;
            }
            else
            {
                Folders.Remove(folder);
            }
        }
    }

    /// <summary>Every folder that holds one of <paramref name="files"/>, directly or further up ("" for the output folder).</summary>
    public static HashSet<string> FoldersHolding(IEnumerable<string> files)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var folder = file;
            do
            {
                var slash = folder.LastIndexOf('/');
                folder = slash < 0 ? "" : folder[..slash];
            }
            while (folders.Add(folder) && folder.Length > 0);
        }

        return folders;
    }

    /// <summary>What <paramref name="stat"/> says of each path (relative to the output folder), on both cores.</summary>
    private T?[] StatAll<T>(string[] relatives, Func<string, T?> stat)
        where T : struct
    {
        var results = new T?[relatives.Length];
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, relatives.Length, 4096), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                results[i] = stat(Full(relatives[i]));
            }
        });
        return results;
    }

    private string Full(string relative) => relative.Length == 0 ? _root : Path.Join(_root, relative);

    /// <summary>Adds what a folder holds that the record does not know: files, and whole subfolders.</summary>
    private void ListNew(string folder, IReadOnlyDictionary<string, long> known)
    {
        foreach (var entry in new DirectoryInfo(Full(folder)).EnumerateFileSystemInfos())
        {
            var relative = folder.Length == 0 ? entry.Name : folder + "/" + entry.Name;
            if (entry is DirectoryInfo)
            {
                if (!known.ContainsKey(relative))
                {
                    Walk(relative);
                }
            }
            else if (!Files.ContainsKey(relative) && !Kept.Contains(relative))
            {
                Files[relative] = (((FileInfo)entry).Length, entry.LastWriteTimeUtc.Ticks);
            }
        }
    }

    /// <summary>Adds every file and folder under <paramref name="folder"/>, walking the tree.</summary>
    private void Walk(string folder)
    {
        var start = Full(folder);
        Folders[folder] = new DirectoryInfo(start).LastWriteTimeUtc.Ticks;
        var entries = new FileSystemEnumerable<(string Path, bool IsFolder, long Length, long Modified)>(
            start,
            (ref FileSystemEntry e) => (
                Path.Join(e.Directory[_root.Length..].TrimStart(Path.DirectorySeparatorChar), e.FileName).Replace('\\', '/'),
                e.IsDirectory,
                e.IsDirectory ? 0 : e.Length,
                e.LastWriteTimeUtc.UtcTicks),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false });
        foreach (var (path, isFolder, length, modified) in entries)
        {
            if (isFolder)
            {
                Folders[path] = modified;
            }
            else if (!Kept.Contains(path))
            {
                Files[path] = (length, modified);
            }
        }
    }
}
