using DigestGen.Diagnostics;

namespace DigestGen.Curate.Topics;

/// <summary>Gives every paper and post its topics: the rules first, then the curator's overrides.</summary>
public static class TopicCuration
{
    public static (IReadOnlyList<Paper> Papers, IReadOnlyList<Post> Posts) Apply(
        IReadOnlyList<Paper> papers,
        IReadOnlyList<Post> posts,
        Taxonomy taxonomy,
        IReadOnlyDictionary<string, PaperOverride> overrides,
        DiagnosticBag diagnostics,
        TopicMemo? memo = null)
    {
        var assigner = new TopicAssigner(taxonomy);
        var tagged = new Paper[papers.Count];
        Parallel.For(0, papers.Count, i =>
        {
            var paper = papers[i];
            var topics = memo?.Topics(assigner, paper.Title, paper.Abstract.ToPlainText()) ?? assigner.Assign(paper.Title, paper.Abstract.ToPlainText());
            if (overrides.TryGetValue(paper.Id, out var o))
            {
                topics = Override(topics, o, taxonomy, diagnostics);
            }

            tagged[i] = paper with { Topics = topics };
        });

        var taggedPosts = posts.Select(p => p with { Topics = assigner.Assign("", p.Text) }).ToList();
        return (tagged, taggedPosts);
    }

    private static IReadOnlyList<string> Override(IReadOnlyList<string> assigned, PaperOverride o, Taxonomy taxonomy, DiagnosticBag diagnostics)
    {
        var result = o.Topics is not null ? new List<string>() : assigned.Where(t => t != Topic.OtherSlug).ToList();
        foreach (var slug in (o.Topics ?? []).Concat(o.AddTopics ?? []))
        {
            if (!taxonomy.BySlug.ContainsKey(slug))
            {
                diagnostics.Warn(Pipeline.ContentFiles.Overrides, o.Line, $"unknown topic '{slug}' for paper '{o.Id}' was ignored");
            }
            else if (!result.Contains(slug))
            {
                result.Add(slug);
            }
        }

        return result.Count == 0 ? [Topic.OtherSlug] : result;
    }
}
