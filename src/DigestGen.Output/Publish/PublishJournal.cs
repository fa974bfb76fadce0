using System.Text;
using DigestGen.Config;

namespace DigestGen.Publish;

/// <summary>
/// Makes publishing all-or-nothing across a crash. Before the first file moves into <c>output/</c>, every
/// move and removal of the publish is written to a journal in the staging folder, and the journal is put in
/// place with one rename: that rename is the moment the new site is committed. A build killed before it
/// leaves <c>output/</c> untouched; one killed after it leaves a journal that the next build replays
/// (<see cref="Recover"/>) before it does anything else. Every step is safe to repeat.
/// </summary>
public sealed class PublishJournal
{
    /// <summary>Marks a staging folder as DigestGen's, so that only such a folder is ever deleted.</summary>
    public const string StagingMarker = ".digestgen-staging";

    private const string FileName = ".journal";
    private const string Header = "digestgen-journal 1";

    private readonly List<(string From, string To)> _moves = new();
    private readonly List<string> _removals = new();

    public static string StagingFor(string outputDir) => OutputFolder.Full(outputDir) + ".staging";

    /// <summary>Moves a staged file or folder (relative to the staging folder) to a path relative to <c>output/</c>.</summary>
    public void Move(string staged, string target) => _moves.Add((staged, target));

    /// <summary>Removes a file of <c>output/</c>, and the folders it leaves empty.</summary>
    public void Remove(string target) => _removals.Add(target);

    /// <summary>Writes the journal, commits it with a rename, and carries it out; then the staging folder can go.</summary>
    public void Commit(string outputDir)
    {
        var staging = StagingFor(outputDir);
        var temporary = Path.Combine(staging, FileName + ".tmp");
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.Write(Header + "\n");
            foreach (var (from, to) in _moves)
            {
                writer.Write($"M\t{from}\t{to}\n");
            }

            foreach (var target in _removals)
            {
                writer.Write($"D\t{target}\n");
            }

            writer.Write("end\n");
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path.Combine(staging, FileName));
        Replay(outputDir, _moves, _removals);
    }

    /// <summary>
    /// Finishes or abandons what a killed build left beside <paramref name="outputDir"/>: a committed journal is
    /// carried out, anything staged before the commit is thrown away. A staging folder that is not DigestGen's
    /// is never touched: it is an error (exit code 2).
    /// </summary>
    /// <returns>Whether a journal was replayed (<c>output/</c> then holds the site of the build that was killed).</returns>
    public static bool Recover(string outputDir)
    {
        var staging = StagingFor(outputDir);
        if (!Directory.Exists(staging))
        {
            Discard(outputDir);
            return false;
        }

        if (!File.Exists(Path.Combine(staging, StagingMarker)) && Directory.EnumerateFileSystemEntries(staging).Any())
        {
            throw new ConfigException(
                $"digestgen: error: '{staging}' is in the way: the build stages the site there, but the folder holds files DigestGen did not write. Move it elsewhere and build again.");
        }

        var journal = Path.Combine(staging, FileName);
        var replayed = false;
        if (File.Exists(journal))
        {
            var moves = new List<(string, string)>();
            var removals = new List<string>();
            var lines = File.ReadAllLines(journal, Encoding.UTF8);
            if (lines.Length >= 2 && lines[0] == Header && lines[^1] == "end")
            {
                foreach (var line in lines.AsSpan(1, lines.Length - 2))
                {
                    var parts = line.Split('\t');
                    if (parts is ["M", var from, var to])
                    {
                        moves.Add((from, to));
                    }
                    else if (parts is ["D", var target])
                    {
                        removals.Add(target);
                    }
                }

                Replay(outputDir, moves, removals);
                replayed = true;
            }
        }

        Discard(outputDir);
        return replayed;
    }

    /// <summary>
    /// Removes the staging folder. It is first renamed into the cache folder beside the build record, so a
    /// build killed while deleting it leaves no half-deleted folder that has lost its marker, only a
    /// leftover in the cache folder, which the next call removes.
    /// </summary>
    public static void Discard(string outputDir)
    {
        var discarded = DiscardedFor(outputDir);
        if (Directory.Exists(discarded))
        {
            Directory.Delete(discarded, recursive: true);
        }

        var staging = StagingFor(outputDir);
        if (!Directory.Exists(staging))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(discarded)!);
        Directory.Move(staging, discarded);
        Directory.Delete(discarded, recursive: true);
    }

    private static string DiscardedFor(string outputDir) => CacheFolder.PathFor(outputDir, ".discarded");

    /// <summary>Whether the publish into <paramref name="outputDir"/> is committed but not yet finished.</summary>
    public static bool IsCommitted(string outputDir) => File.Exists(Path.Combine(StagingFor(outputDir), FileName));

    /// <summary>Creates the staging folder, marked as DigestGen's.</summary>
    public static void CreateStaging(string outputDir)
    {
        var staging = StagingFor(outputDir);
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, StagingMarker), "DigestGen stages a build here; it removes this folder when the build ends.\n");
    }

    /// <summary>Carries out the moves and removals; whatever a killed earlier run already did is skipped.</summary>
    private static void Replay(string outputDir, IReadOnlyList<(string From, string To)> moves, IReadOnlyList<string> removals)
    {
        var output = OutputFolder.Full(outputDir);
        var staging = StagingFor(outputDir);
        Directory.CreateDirectory(output);
        Parallel.ForEach(moves, move =>
        {
            var from = Path.Combine(staging, move.From);
            var to = Path.Combine(output, move.To);
            if (File.Exists(from))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Move(from, to, overwrite: true);
            }
            else if (Directory.Exists(from))
            {
                MoveFolder(from, to);
            }
        });

        foreach (var target in removals)
        {
            var path = Path.Combine(output, target);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        foreach (var folder in OutputListing.FoldersHolding(removals).Where(f => f.Length > 0).OrderByDescending(f => f.Length))
        {
            var path = Path.Combine(output, folder);
            if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any())
            {
                Directory.Delete(path);
            }
        }
    }

    /// <summary>A whole folder moves with one rename; into a folder that exists already, its entries move one by one.</summary>
    private static void MoveFolder(string from, string to)
    {
        if (!Directory.Exists(to))
        {
            Directory.Move(from, to);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Move(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            MoveFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }

        Directory.Delete(from);
    }
}
