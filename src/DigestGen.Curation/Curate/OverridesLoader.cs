using DigestGen.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace DigestGen.Curate;

/// <summary>
/// Reads <c>content/overrides.yml</c>: a mapping from paper id to <c>title</c>, <c>topics</c> (replace)
/// and <c>add_topics</c> (append). Problems are diagnostics, never crashes.
/// </summary>
public static class OverridesLoader
{
    public const string FileName = "overrides.yml";

    public static IReadOnlyDictionary<string, PaperOverride> Load(string contentDir, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(contentDir, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), FileName, diagnostics) : new Dictionary<string, PaperOverride>();
    }

    public static IReadOnlyDictionary<string, PaperOverride> Parse(string yaml, string file, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, PaperOverride>(StringComparer.Ordinal);
        var node = Config.YamlText.Load(yaml, out var problem);
        if (problem is not null)
        {
            diagnostics.Error(file, problem.Line, problem.Message);
            return result;
        }

        if (node is null or YamlScalarNode { Value: null or "" })
        {
            return result;
        }

        if (node is not YamlMappingNode root)
        {
            diagnostics.Error(file, 1, "expected a mapping from paper id to overrides");
            return result;
        }

        foreach (var (idNode, body) in root.Children)
        {
            var line = (int)idNode.Start.Line;
            if (Config.YamlText.Key(idNode) is not { } id)
            {
                diagnostics.Error(file, line, $"a paper id must be text, not {Config.YamlText.Kind(idNode)}; the override was skipped");
                continue;
            }

            if (body is not YamlMappingNode fields)
            {
                diagnostics.Error(file, line, $"override for '{id}' must be a mapping (title, topics, add_topics)");
                continue;
            }

            string? title = null;
            IReadOnlyList<string>? topics = null, addTopics = null;
            foreach (var (keyNode, value) in fields.Children)
            {
                var key = Config.YamlText.Key(keyNode) ?? Config.YamlText.Kind(keyNode);
                switch (key)
                {
                    case "title" when value is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value):
                        title = s.Value.Trim();
                        break;
                    case "topics" or "add_topics" when value is YamlSequenceNode seq:
                        var list = seq.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? "").Where(v => v.Length > 0).ToList();
                        if (key == "topics")
                        {
                            topics = list;
                        }
                        else
                        {
                            addTopics = list;
                        }

                        break;
                    default:
                        diagnostics.Error(file, (int)keyNode.Start.Line, $"'{key}' is not a valid override (title: text, topics: [..], add_topics: [..])");
                        break;
                }
            }

            result[id] = new PaperOverride(id, line, title, topics, addTopics);
        }

        return result;
    }
}
