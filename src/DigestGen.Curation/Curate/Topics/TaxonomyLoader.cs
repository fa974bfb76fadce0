using DigestGen.Diagnostics;
using DigestGen.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DigestGen.Curate.Topics;

/// <summary>
/// Reads <c>content/topics.yml</c>: a list of topics, each with <c>slug</c>, <c>name</c>,
/// <c>description</c> (Markdown), and rule phrases in <c>strong</c> (weight 2) and <c>phrases</c> (weight 1).
/// A site without the file gets the generator's own taxonomy (<see cref="BuiltIn"/>), the one the
/// hand-labelled tests measure; a site's file replaces it whole.
/// </summary>
public static partial class TaxonomyLoader
{
    public const string FileName = "topics.yml";

    /// <summary>Where the built-in taxonomy comes from, as messages name it.</summary>
    public const string BuiltInName = "default-topics.yml";

    // Parsed once: a taxonomy is never changed after loading.
    private static readonly Lazy<Taxonomy> BuiltInTaxonomy = new(() =>
    {
        using var stream = typeof(TaxonomyLoader).Assembly.GetManifestResourceStream(BuiltInName)
            ?? throw new InvalidOperationException($"{BuiltInName} is not embedded in the generator");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), BuiltInName, new DiagnosticBag());
    });

    /// <summary>The generator's own taxonomy, for sites without a <c>topics.yml</c>.</summary>
    public static Taxonomy BuiltIn() => BuiltInTaxonomy.Value;

    public static Taxonomy Load(string contentDir, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(contentDir, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), FileName, diagnostics) : BuiltIn();
    }

    public static Taxonomy Parse(string yaml, string file, DiagnosticBag diagnostics)
    {
        var root = Config.YamlText.Load(yaml, out var problem);
        if (problem is not null)
        {
            diagnostics.Error(file, problem.Line, problem.Message);
            return Taxonomy.Empty;
        }

        if (root is not YamlMappingNode map
            || !map.Children.TryGetValue(new YamlScalarNode("topics"), out var list) || list is not YamlSequenceNode topics)
        {
            diagnostics.Error(file, 1, "expected 'topics:' followed by a list of topics");
            return Taxonomy.Empty;
        }

        var result = new List<Topic>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { Topic.OtherSlug };
        foreach (var item in topics.Children)
        {
            var line = (int)item.Start.Line;
            if (item is not YamlMappingNode node)
            {
                diagnostics.Error(file, line, $"a topic must be a mapping (slug: …, name: …), not {Config.YamlText.Kind(item)}; it was skipped");
                continue;
            }

            var slug = Text(node, "slug", file, diagnostics);
            var name = Text(node, "name", file, diagnostics);
            if (slug is null || name is null)
            {
                diagnostics.Error(file, line, "a topic needs a 'slug' and a 'name'; it was skipped");
                continue;
            }

            if (!IsValidSlug(slug))
            {
                diagnostics.Error(file, line,
                    $"topic slug '{slug}' is not valid: use lowercase letters, digits and single hyphens (such as 'efficient-inference'), as it becomes the topic's URL; the topic was skipped");
                continue;
            }

            if (!seen.Add(slug))
            {
                diagnostics.Error(file, line, $"topic slug '{slug}' is used twice (or is the reserved 'other'); the second was skipped");
                continue;
            }

            // Spellings that tokenise alike ("long context", "long-context") are one phrase: counted twice they would double its weight.
            var phrases = Phrases(node, "strong", 2).Concat(Phrases(node, "phrases", 1))
                .GroupBy(p => (string.Join(' ', p.Terms), p.PrefixLast))
                .Select(g => g.MaxBy(p => p.Weight)!)
                .ToList();
            if (phrases.Count == 0)
            {
                diagnostics.Warn(file, line, $"topic '{slug}' has no rule phrases, so no paper will be assigned to it");
            }

            result.Add(new Topic(slug, name, Text(node, "description", file, diagnostics) ?? "", phrases));
        }

        return new Taxonomy(result);
    }

    /// <summary>A topic URL segment: lowercase ASCII letters and digits in hyphen-separated words.</summary>
    public static bool IsValidSlug(string slug) => SlugPattern().IsMatch(slug);

    /// <summary>A field's text, or null when it is missing or (reported) not text.</summary>
    private static string? Text(YamlMappingNode node, string key, string file, DiagnosticBag diagnostics)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            return null;
        }

        if (value is YamlScalarNode s)
        {
            return s.Value?.Trim();
        }

        diagnostics.Error(file, (int)value.Start.Line, $"'{key}' must be text, not {Config.YamlText.Kind(value)}");
        return null;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    private static IEnumerable<TopicPhrase> Phrases(YamlMappingNode node, string key, int weight)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value) || value is not YamlSequenceNode list)
        {
            yield break;
        }

        foreach (var item in list.Children.OfType<YamlScalarNode>())
        {
            var text = item.Value?.Trim() ?? "";
            var prefix = text.EndsWith('*');
            var terms = Tokenizer.Terms(prefix ? text[..^1] : text);
            if (terms.Count == 0)
            {
                continue;
            }

            if (prefix)
            {
                // A prefix is matched against the unstemmed-looking folded word, so keep it as typed.
                terms[^1] = Tokenizer.Words(text[..^1]).Last();
            }

            yield return new TopicPhrase(text, terms, prefix, weight, (int)item.Start.Line);
        }
    }
}
