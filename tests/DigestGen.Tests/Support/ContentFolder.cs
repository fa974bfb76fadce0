namespace DigestGen.Tests.Support;

/// <summary>A small content/ folder written inline by a test, in the manner of Hugo's integration tests.</summary>
internal sealed class ContentFolder : IDisposable
{
    private readonly TempDir _dir = new();

    public ContentFolder(string? digestYml = null)
    {
        Directory.CreateDirectory(Content);
        File.WriteAllText(Path.Combine(Content, "digest.yml"), digestYml ?? "title: Test Digest\nbase_url: https://example.org/digest/\nseeds: []\n");
    }

    public string Content => _dir.Combine("content");

    public string Output => _dir.Combine("output");

    public string Root => _dir.Path;

    public ContentFolder With(string relativePath, string text)
    {
        var path = Path.Combine(Content, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public ContentFolder With(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Content, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    /// <summary>Copies the repository's real content/ folder.</summary>
    public static ContentFolder FromRealContent()
    {
        var folder = new ContentFolder();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Content, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder.Content, Path.GetRelativePath(RepoPaths.Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return folder;
    }

    public void Dispose() => _dir.Dispose();
}
