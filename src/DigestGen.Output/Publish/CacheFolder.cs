namespace DigestGen.Publish;

/// <summary>
/// Where a build keeps what is not part of the site: <c>.digestgen-cache/</c> beside the output folder
/// (never inside it, so nothing of it is deployed), one file or folder per output folder and purpose.
/// </summary>
public static class CacheFolder
{
    public const string Name = ".digestgen-cache";

    /// <summary><c>&lt;parent&gt;/.digestgen-cache/&lt;output folder's name&gt;&lt;extension&gt;</c>, such as <c>output.record</c>.</summary>
    public static string PathFor(string outputDir, string extension)
    {
        var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(full)!, Name, Path.GetFileName(full) + extension);
    }

    /// <summary>
    /// Removes what older builds kept here and no build reads any more: the parsed seeds of <c>&lt;output&gt;.seeds/</c>
    /// (parsing a seed again costs less than reading it back), which would otherwise stay in every CI cache.
    /// </summary>
    public static void RemoveRetired(string outputDir)
    {
        var seeds = PathFor(outputDir, ".seeds");
        if (Directory.Exists(seeds))
        {
            Directory.Delete(seeds, recursive: true);
        }
    }
}
