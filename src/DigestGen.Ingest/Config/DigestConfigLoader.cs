using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace DigestGen.Config;

/// <summary>Reads <c>digest.yml</c>. Unknown keys are errors so that a typo does not silently do nothing.</summary>
public static class DigestConfigLoader
{
    public const string FileName = "digest.yml";

    private static readonly HashSet<string> KnownKeys =
        ["title", "description", "base_url", "language", "theme", "author", "feed_items", "seeds"];

    public static DigestConfig Load(string contentDir)
    {
        var path = Path.Combine(contentDir, FileName);
        if (!File.Exists(path))
        {
            throw new ConfigException($"{path}: error: configuration file not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static DigestConfig Parse(string yaml, string path)
    {
        var node = YamlText.Load(yaml, out var problem);
        if (problem is not null)
        {
            throw new ConfigException($"{path}:{problem.Line}: error: {problem.Message}");
        }

        if (node is not YamlMappingNode root)
        {
            throw new ConfigException($"{path}:1: error: expected a mapping of settings (title: …, seeds: …)");
        }

        var config = new DigestConfig();
        foreach (var (keyNode, value) in root.Children)
        {
            var line = (int)keyNode.Start.Line;
            var key = YamlText.Key(keyNode)
                ?? throw new ConfigException($"{path}:{line}: error: a setting's name must be text, not {YamlText.Kind(keyNode)}");
            config = key switch
            {
                "title" => config with { Title = Scalar(value, path, key) },
                "description" => config with { Description = Scalar(value, path, key) },
                "base_url" => config with { BaseUrl = NormaliseBaseUrl(Scalar(value, path, key), path, line) },
                "language" => config with { Language = Scalar(value, path, key) },
                "theme" => config with { Theme = Scalar(value, path, key) },
                "author" => config with { Author = Scalar(value, path, key) },
                "feed_items" => config with { FeedItems = PositiveInt(value, path, key) },
                "seeds" => config with { Seeds = Seeds(value, path) },
                _ => throw new ConfigException($"{path}:{line}: error: unknown setting '{key}' (known: {string.Join(", ", KnownKeys.Order())})"),
            };
        }

        return config;
    }

    private static string Scalar(YamlNode node, string path, string key) =>
        node is YamlScalarNode scalar
            ? scalar.Value ?? ""
            : throw new ConfigException($"{path}:{node.Start.Line}: error: '{key}' must be a single value, not {YamlText.Kind(node)}");

    private static int PositiveInt(YamlNode node, string path, string key)
    {
        var text = Scalar(node, path, key);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ConfigException($"{path}:{node.Start.Line}: error: '{key}' must be a positive whole number, not '{text}'");
    }

    public static string NormaliseBaseUrl(string url, string path, int line)
    {
        if (url.Length == 0)
        {
            return "";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            throw new ConfigException($"{path}:{line}: error: base_url must be an absolute http(s) URL, not '{url}'");
        }

        return url.EndsWith('/') ? url : url + "/";
    }

    private static IReadOnlyList<SeedManifestEntry> Seeds(YamlNode node, string path)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw new ConfigException($"{path}:{node.Start.Line}: error: 'seeds' must be a list of {{file, captured}} entries");
        }

        var entries = new List<SeedManifestEntry>();
        foreach (var item in sequence)
        {
            var line = (int)item.Start.Line;
            if (item is not YamlMappingNode map)
            {
                throw new ConfigException($"{path}:{line}: error: each seed entry needs 'file' and 'captured'");
            }

            string? file = null;
            DateOnly? captured = null;
            foreach (var (k, v) in map.Children)
            {
                var key = YamlText.Key(k)
                    ?? throw new ConfigException($"{path}:{k.Start.Line}: error: a seed setting's name must be text, not {YamlText.Kind(k)}");
                var text = Scalar(v, path, key);
                if (key == "file")
                {
                    file = text.Replace('\\', '/');
                }
                else if (key == "captured")
                {
                    captured = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                        ? d
                        : throw new ConfigException($"{path}:{v.Start.Line}: error: 'captured' must be a date as YYYY-MM-DD, not '{text}'");
                }
                else
                {
                    throw new ConfigException($"{path}:{k.Start.Line}: error: unknown seed setting '{key}' (known: file, captured)");
                }
            }

            if (file is null || captured is null)
            {
                throw new ConfigException($"{path}:{line}: error: each seed entry needs 'file' and 'captured'");
            }

            if (entries.Any(e => e.File == file))
            {
                throw new ConfigException($"{path}:{line}: error: seed '{file}' is listed twice");
            }

            entries.Add(new SeedManifestEntry(file, captured.Value));
        }

        return entries;
    }
}
