using DigestGen.Diagnostics;
using DigestGen.Text;
using YamlDotNet.RepresentationModel;

namespace DigestGen.Curate.Topics;

/// <summary>
/// Reads <c>content/topics.yml</c>: a list of topics, each with <c>slug</c>, <c>name</c>,
/// <c>description</c> (Markdown), and rule phrases in <c>strong</c> (weight 2) and <c>phrases</c> (weight 1).
/// </summary>
public static class TaxonomyLoader
{
    public const string FileName = "topics.yml";

    public static Taxonomy Load(string contentDir, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(contentDir, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), FileName, diagnostics) : Taxonomy.Empty;
    }

    public static Taxonomy Parse(string yaml, string file, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            diagnostics.Error(file, (int)e.Start.Line, e.Message);
            return Taxonomy.Empty;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("topics"), out var list) || list is not YamlSequenceNode topics)
        {
            diagnostics.Error(file, 1, "expected 'topics:' followed by a list of topics");
            return Taxonomy.Empty;
        }

        var result = new List<Topic>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { Topic.OtherSlug };
        foreach (var node in topics.Children.OfType<YamlMappingNode>())
        {
            var line = (int)node.Start.Line;
            var slug = Scalar(node, "slug");
            var name = Scalar(node, "name");
            if (slug is null || name is null)
            {
                diagnostics.Error(file, line, "a topic needs a 'slug' and a 'name'");
                continue;
            }

            if (!seen.Add(slug))
            {
                diagnostics.Error(file, line, $"topic slug '{slug}' is used twice (or is the reserved 'other')");
                continue;
            }

            var phrases = Phrases(node, "strong", 2).Concat(Phrases(node, "phrases", 1)).ToList();
            if (phrases.Count == 0)
            {
                diagnostics.Warn(file, line, $"topic '{slug}' has no rule phrases, so no paper will be assigned to it");
            }

            result.Add(new Topic(slug, name, Scalar(node, "description") ?? "", phrases));
        }

        return new Taxonomy(result);
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode s ? s.Value?.Trim() : null;

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
