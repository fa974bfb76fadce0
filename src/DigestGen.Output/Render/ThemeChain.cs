using DigestGen.Config;
using YamlDotNet.RepresentationModel;

namespace DigestGen.Render;

/// <summary>
/// A theme and the themes it builds on, nearest first. A theme's <c>theme.yml</c> may name a parent
/// (<c>parent: default</c>); a file the theme has wins over its parent's file at the same relative path
/// (<c>pages/paper.html</c>, <c>partials/post.html</c>, <c>assets/site.css</c>), as Hugo's lookup order
/// does, so a site restyles one template or one stylesheet without forking the rest.
/// </summary>
public sealed class ThemeChain
{
    public const string FileName = "theme.yml";

    /// <summary>The folders whose files make up a theme; any other file (README.md, theme.yml) is no override.</summary>
    private static readonly string[] Parts = ["layouts", "pages", "partials", "assets"];

    private ThemeChain(IReadOnlyList<string> folders) => Folders = folders;

    /// <summary>The theme's folder first, then its parent's, and so on.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>The theme named in the configuration and its parents; a missing theme or parent, or a loop, is a configuration error.</summary>
    public static ThemeChain Resolve(string themesDir, string name)
    {
        var folders = new List<string>();
        var current = name;
        while (true)
        {
            var folder = Theme.DirectoryFor(themesDir, current);
            var namedIn = folders.Count == 0 ? DigestConfigLoader.FileName : Path.Combine(folders[^1], FileName);
            if (!Directory.Exists(folder))
            {
                throw new ConfigException($"{namedIn}: error: theme '{current}' not found (looked for {folder})");
            }

            if (folders.Contains(folder))
            {
                throw new ConfigException($"{namedIn}: error: themes name each other as parent ({string.Join(" → ", folders.Append(folder).Select(Path.GetFileName))})");
            }

            folders.Add(folder);
            if (Parent(Path.Combine(folder, FileName)) is not { } parent)
            {
                return new ThemeChain(folders);
            }

            current = parent;
        }
    }

    /// <summary>Every file under <paramref name="part"/> (<c>pages</c>, <c>assets</c>, …), by its path inside it, from the nearest theme that has it.</summary>
    public IReadOnlyDictionary<string, string> Files(string part)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in Folders)
        {
            var root = Path.Combine(folder, part);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var file in DigestGen.Files.RegularFiles.Under(root))
            {
                files.TryAdd(file, Path.Combine(root, file));
            }
        }

        return files;
    }

    /// <summary>
    /// The theme's own files that match no file of its parents: an override with a misspelt name
    /// (<c>pages/papr.html</c>) changes nothing, so <c>check</c> reports it. Empty for a theme with no parent.
    /// </summary>
    public IReadOnlyList<string> Unmatched()
    {
        if (Folders.Count < 2)
        {
            return [];
        }

        var own = Folders[0];
        var parents = new ThemeChain(Folders.Skip(1).ToList());
        var unmatched = new List<string>();
        foreach (var part in Parts.Where(p => p != "assets" && Directory.Exists(Path.Combine(own, p))))
        {
            var theirs = parents.Files(part);
            unmatched.AddRange(DigestGen.Files.RegularFiles.Under(Path.Combine(own, part)).Where(f => !theirs.ContainsKey(f)).Select(f => $"{part}/{f}"));
        }

        return unmatched;
    }

    private static string? Parent(string file)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var root = YamlText.Load(File.ReadAllText(file), out var problem);
        if (problem is not null)
        {
            throw new ConfigException($"{file}:{problem.Line}: error: {problem.Message}");
        }

        if (root is null)
        {
            return null;
        }

        if (root is not YamlMappingNode mapping)
        {
            throw new ConfigException($"{file}:{root.Start.Line}: error: expected keys such as 'parent: default', found {YamlText.Kind(root)}");
        }

        foreach (var (key, value) in mapping.Children)
        {
            if (YamlText.Key(key) is "parent")
            {
                return value is YamlScalarNode { Value: { Length: > 0 } parent }
                    ? parent
                    : throw new ConfigException($"{file}:{value.Start.Line}: error: 'parent' names a theme, such as 'parent: default'");
            }
        }

        return null;
    }
}
