using DigestGen.Config;

namespace DigestGen.Publish;

/// <summary>
/// Decides, before any work, whether a folder may receive the site. A build replaces and removes files
/// in its output folder, so it accepts only a folder that does not exist, is empty (but for a
/// <c>.gitkeep</c>), or carries the <see cref="Marker"/> that every build writes into its output. Anything
/// else — a folder of someone's files, the repository, <c>content/</c>, the themes, a folder holding any of
/// them, the home folder, the root — is refused with a message that names it.
/// </summary>
public static class OutputFolder
{
    /// <summary>Written into every output folder; its presence is what lets a later build replace the folder's files.</summary>
    public const string Marker = ".digestgen-output";

    public const string MarkerText =
        "This folder is the output of DigestGen. Every build may replace or remove any file in it;\n" +
        "keep nothing of your own here.\n";

    /// <summary>Throws <see cref="ConfigException"/> (exit code 2) when <paramref name="outputDir"/> must not be written.</summary>
    /// <param name="guarded">Folders the output may neither be nor hold, nor lie inside (content, themes).</param>
    public static void Check(string outputDir, IEnumerable<string> guarded)
    {
        var output = Full(outputDir);
        string Refuse(string why) =>
            $"digestgen: error: refusing to write the site into '{output}': {why}";

        if (File.Exists(output))
        {
            throw new ConfigException(Refuse("it is a file, not a folder. Name a new or empty folder with --output."));
        }

        for (var parent = Path.GetDirectoryName(output); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                throw new ConfigException(Refuse($"'{parent}' is a file, so no folder can be made inside it. Name a new or empty folder with --output."));
            }
        }

        if (output == Full(Path.GetPathRoot(output)!))
        {
            throw new ConfigException(Refuse("it is the root of the file system. Name a new or empty folder with --output."));
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0 && IsSameOrInside(Full(home), output))
        {
            throw new ConfigException(Refuse("it is your home folder or holds it. Name a new or empty folder with --output."));
        }

        foreach (var folder in guarded.Select(Full))
        {
            if (IsSameOrInside(folder, output) || IsSameOrInside(output, folder))
            {
                throw new ConfigException(Refuse($"it is, holds or lies inside '{folder}', which the build reads. Name a folder of its own with --output (the default is 'output')."));
            }
        }

        if (!Directory.Exists(output))
        {
            return;
        }

        if (Directory.Exists(Path.Combine(output, ".git")))
        {
            throw new ConfigException(Refuse("it is a git repository. Name a new or empty folder with --output (the default is 'output')."));
        }

        if (File.Exists(Path.Combine(output, Marker)) || File.Exists(CacheFolder.PathFor(output, ".record")) || PublishJournal.IsCommitted(output))
        {
            // Ours: a build wrote it (before the marker existed, the build record beside it said so), or a
            // killed build was moving its first site in.
            return;
        }

        var foreign = Directory.EnumerateFileSystemEntries(output)
            .Select(Path.GetFileName)
            .Where(name => !OutputListing.Kept.Contains(name!))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (foreign is not null)
        {
            throw new ConfigException(Refuse(
                $"it holds files DigestGen did not write (such as '{foreign}'), and the build would replace or remove them. " +
                "Name a new or empty folder with --output, or empty this one yourself."));
        }
    }

    /// <summary>The folder as an absolute path without a trailing separator (the root stays "/").</summary>
    public static string Full(string folder)
    {
        var full = Path.GetFullPath(folder);
        var trimmed = full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return trimmed.Length == 0 ? full : trimmed;
    }

    /// <summary>Whether <paramref name="inner"/> is <paramref name="outer"/> or lies somewhere below it (compared as whole path segments).</summary>
    public static bool IsSameOrInside(string inner, string outer)
    {
        if (inner == outer)
        {
            return true;
        }

        var prefix = outer.EndsWith(Path.DirectorySeparatorChar) ? outer : outer + Path.DirectorySeparatorChar;
        return inner.StartsWith(prefix, StringComparison.Ordinal);
    }
}
