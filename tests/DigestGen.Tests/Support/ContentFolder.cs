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

    public string Themes => _dir.Combine("themes");

    /// <summary>A copy of the fixture site of the five first seeds (tests/fixtures/first-seeds), with themes/ beside it.</summary>
    public static ContentFolder FromFixture()
    {
        var folder = new ContentFolder().WithThemes();
        CopyTree(RepoPaths.FixtureContent, folder.Content);
        return folder;
    }

    /// <summary>Puts the repository's themes/ beside this content folder, where a build looks for them.</summary>
    public ContentFolder WithThemes()
    {
        CopyTree(RepoPaths.Themes, Themes);
        return this;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public void Dispose() => _dir.Dispose();
}
