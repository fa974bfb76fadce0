using DigestGen.Diagnostics;

namespace DigestGen.Curate.Topics;

/// <summary>A paper's topics by the rules, from its title and abstract.</summary>
public delegate IReadOnlyList<string> PaperTopics(string title, string abstractText);

/// <summary>Gives every paper and post its topics: the rules first, then the curator's overrides.</summary>
public static class TopicCuration
{
    public static (IReadOnlyList<Paper> Papers, IReadOnlyList<Post> Posts) Apply(
        IReadOnlyList<Paper> papers,
        IReadOnlyList<Post> posts,
        Taxonomy taxonomy,
        IReadOnlyDictionary<string, PaperOverride> overrides,
        DiagnosticBag diagnostics,
        Func<PaperTopics, PaperTopics>? wrap = null)
    {
        // A cache can wrap the rules from outside (it sees the same inputs and must give the same answer).
        var assigner = new TopicAssigner(taxonomy);
        PaperTopics rules = assigner.Assign;
        var topicsOf = wrap?.Invoke(rules) ?? rules;
        var tagged = new Paper[papers.Count];
        Parallel.For(0, papers.Count, i =>
        {
            var paper = papers[i];
            var topics = topicsOf(TitleEvidence(paper), paper.Abstract.ToPlainText());
            if (overrides.TryGetValue(paper.Id, out var o))
            {
                topics = Override(topics, o, taxonomy, diagnostics);
            }

            tagged[i] = paper with { Topics = topics };
        });

        // A post is as short as a title and says in the author's own words what it is about, so its words count as title words.
        var taggedPosts = posts.Select(p => p with { Topics = assigner.Assign(p.Text, "") }).ToList();
        return (tagged, taggedPosts);
    }

    /// <summary>
    /// The title as topic evidence: a derived headline is the abstract's own words again, so it counts as
    /// nothing beyond the abstract.
    /// </summary>
    public static string TitleEvidence(Paper paper) => paper.TitleDerived ? "" : paper.Title;

    private static IReadOnlyList<string> Override(IReadOnlyList<string> assigned, PaperOverride o, Taxonomy taxonomy, DiagnosticBag diagnostics)
    {
        var result = o.Topics is not null ? new List<string>() : assigned.Where(t => t != Topic.OtherSlug).ToList();
        foreach (var slug in (o.Topics ?? []).Concat(o.AddTopics ?? []))
        {
            if (!taxonomy.BySlug.ContainsKey(slug))
            {
                diagnostics.Warn(ContentFiles.Overrides, o.Line, $"unknown topic '{slug}' for paper '{o.Id}' was ignored");
            }
            else if (!result.Contains(slug))
            {
                result.Add(slug);
            }
        }

        return result.Count == 0 ? [Topic.OtherSlug] : result;
    }
}
