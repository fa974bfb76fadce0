using DigestGen.Config;
using DigestGen.Site;
using YamlDotNet.RepresentationModel;

namespace DigestGen.Render;

/// <summary>
/// A theme's strings files, <c>strings/&lt;language&gt;.yml</c>, read into the <see cref="Words"/> of the
/// site's language. English (<c>en.yml</c>) is the base every theme must have; the language's own file
/// (<c>de-CH</c> reads <c>de.yml</c>, then <c>de-CH.yml</c>) replaces key by key what it has, so a
/// missing key shows in English rather than breaking the build. Along a theme chain a child's file
/// replaces its parent's keys the same way: a site changes one phrase without copying the rest.
/// </summary>
public static class ThemeStrings
{
    public const string Folder = "strings";
    public const string BaseLanguage = "en";

    /// <summary>The words, and what <c>check</c> should warn about: a language without its file, keys it lacks or that mean nothing.</summary>
    public static (Words Words, IReadOnlyList<(string File, string Message)> Warnings) Load(ThemeChain chain, string language)
    {
        var english = Read(chain, BaseLanguage);
        if (english.Files.Count == 0)
        {
            throw new ConfigException($"{chain.Folders[0]}: error: the theme has no {Folder}/{BaseLanguage}.yml (nor has any theme it builds on): it holds every word a reader sees");
        }

        var values = new Dictionary<string, string>(english.Values, StringComparer.Ordinal);
        var warnings = new List<(string File, string Message)>();
        var source = english.Files[0];
        var tags = Tags(language).ToList();
        foreach (var tag in tags.Where(t => !t.Equals(BaseLanguage, StringComparison.OrdinalIgnoreCase)))
        {
            var own = Read(chain, tag);
            if (own.Files.Count == 0)
            {
                continue;
            }

            source = own.Files[0];
            foreach (var (key, value) in own.Values)
            {
                if (!english.Values.ContainsKey(key))
                {
                    warnings.Add((own.Files[0], $"'{key}' is no string of {BaseLanguage}.yml, so nothing shows it: is it misspelt?"));
                }

                values[key] = value;
            }

            var lacking = english.Values.Keys.Where(k => !own.Values.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
            if (lacking.Count > 0)
            {
                warnings.Add((own.Files[0], $"{lacking.Count} strings are missing and show in English: {string.Join(", ", lacking.Take(5))}{(lacking.Count > 5 ? ", …" : "")}"));
            }
        }

        if (source == english.Files[0] && !tags.Any(t => t.Equals(BaseLanguage, StringComparison.OrdinalIgnoreCase)))
        {
            warnings.Add((DigestConfigLoader.FileName, $"the theme has no {Folder}/{language}.yml for language '{language}', so the site's words are in English"));
        }

        return (new Words(language, values, source), warnings);
    }

    /// <summary>"de-CH" → "de", "de-CH": the general language first, so the regional file wins.</summary>
    private static IEnumerable<string> Tags(string language)
    {
        var parts = language.Split('-');
        for (var i = 1; i <= parts.Length; i++)
        {
            yield return string.Join('-', parts.Take(i));
        }
    }

    /// <summary>One language's values over the chain, parents first so the nearest theme wins; the files nearest first.</summary>
    private static (Dictionary<string, string> Values, List<string> Files) Read(ThemeChain chain, string tag)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<string>();
        foreach (var folder in chain.Folders.Reverse())
        {
            var file = Path.Combine(folder, Folder, tag + ".yml");
            if (!File.Exists(file))
            {
                continue;
            }

            files.Insert(0, file);
            var root = YamlText.Load(File.ReadAllText(file), out var problem);
            if (problem is not null)
            {
                throw new ConfigException($"{file}:{problem.Line}: error: {problem.Message}");
            }

            if (root is not null)
            {
                Flatten(file, root, "", values);
            }
        }

        return (values, files);
    }

    private static void Flatten(string file, YamlNode node, string prefix, Dictionary<string, string> values)
    {
        switch (node)
        {
            case YamlScalarNode scalar when prefix.Length > 0:
                values[prefix] = scalar.Value ?? "";
                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = YamlText.Key(key);
                    if (string.IsNullOrEmpty(name) || name.Contains('.'))
                    {
                        throw new ConfigException($"{file}:{key.Start.Line}: error: a key is a plain word such as 'title' (found '{name}')");
                    }

                    Flatten(file, value, prefix.Length == 0 ? name : $"{prefix}.{name}", values);
                }

                break;
            case YamlSequenceNode list when prefix.Length > 0:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    Flatten(file, list.Children[i], $"{prefix}.{i}", values);
                }

                break;
            default:
                throw new ConfigException($"{file}:{node.Start.Line}: error: expected keys with words, found {YamlText.Kind(node)}");
        }
    }
}
