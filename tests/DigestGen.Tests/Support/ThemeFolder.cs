using DigestGen.Render;

namespace DigestGen.Tests.Support;

/// <summary>A small theme written for a test: <c>t</c> in a themes folder of its own.</summary>
internal static class ThemeFolder
{
    public const string Name = "t";

    /// <summary>
    /// Writes the theme into <paramref name="dir"/><c>/themes/t</c>: a layout that is only <c>{{ body }}</c>, the
    /// default theme's English strings, <paramref name="home"/> as the home page, the other pages empty, and
    /// the files given; returns the themes folder.
    /// </summary>
    public static string Write(TempDir dir, string home, params (string Path, string Text)[] more)
    {
        var root = dir.Combine("themes", Name);
        void Write(string path, string text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, path))!);
            File.WriteAllText(Path.Combine(root, path), text);
        }

        Write("layouts/base.html", "{{ body }}");
        Write("strings/en.yml", File.ReadAllText(Path.Combine(RepoPaths.Themes, "default", "strings", "en.yml")));
        foreach (var page in Theme.RequiredPages)
        {
            Write($"pages/{page}.html", "");
        }

        Write("pages/home.html", home);
        foreach (var (path, text) in more)
        {
            Write(path, text);
        }

        return dir.Combine("themes");
    }
}
