namespace DigestGen.Curate.Topics;

/// <summary>A topic's points for a paper, whether the rules keep it, and if not, why.</summary>
public sealed record TopicScore(string Topic, double Points, bool Kept, string? WhyNot);

/// <summary>
/// Why a paper has the topics the rules give it: every phrase found (<see cref="TopicEvidence"/>), each
/// topic's points, and the topics that came close but were not kept, with the reason.
/// </summary>
public sealed record TopicExplanation(IReadOnlyList<string> Assigned, IReadOnlyList<TopicEvidence> Evidence, IReadOnlyList<TopicScore> Scores)
{
    /// <summary>
    /// A paper whose best topic scores under this was assigned on thin evidence (one strong title
    /// phrase and little else): <c>check</c> lists it for the curator's look.
    /// </summary>
    private const double WeakBest = TopicAssigner.MinScore * 1.5;

    /// <summary>Topics with at least this share of the minimum are shown as having come close.</summary>
    private const double CloseShare = 0.5;

    public static TopicExplanation Of(TopicAssigner assigner, Taxonomy taxonomy, Paper paper)
    {
        var evidence = assigner.Explain(TopicCuration.TitleEvidence(paper), paper.Abstract.ToPlainText());
        var scores = new double[taxonomy.Topics.Count];
        var position = taxonomy.Topics.Select((t, i) => (t.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal);
        foreach (var e in evidence)
        {
            scores[position[e.Topic]] += e.Points;
        }

        var assigned = assigner.Select(scores);
        var best = scores.Length == 0 ? 0 : scores.Max();
        var shown = Enumerable.Range(0, scores.Length)
            .Where(t => assigned.Contains(taxonomy.Topics[t].Slug) || scores[t] >= TopicAssigner.MinScore * CloseShare)
            .OrderByDescending(t => scores[t]).ThenBy(t => t)
            .Select(t => assigned.Contains(taxonomy.Topics[t].Slug)
                ? new TopicScore(taxonomy.Topics[t].Slug, scores[t], true, null)
                : new TopicScore(taxonomy.Topics[t].Slug, scores[t], false, WhyNot(scores[t], best)))
            .ToList();
        return new TopicExplanation(assigned, evidence, shown);
    }

    /// <summary>Whether a paper's best topic, scoring <paramref name="best"/>, was kept on thin evidence.</summary>
    public static bool IsWeak(double best) => best >= TopicAssigner.MinScore && best < WeakBest;

    private static string WhyNot(double points, double best) =>
        points < TopicAssigner.MinScore
            ? $"under the minimum of {TopicAssigner.MinScore:0}"
            : points < best * TopicAssigner.RunnerUpShare && points < TopicAssigner.SideTopicScore
                ? $"under {TopicAssigner.RunnerUpShare:0%} of the best ({best * TopicAssigner.RunnerUpShare:0.#}) and under {TopicAssigner.SideTopicScore:0} of its own"
                : $"more than {TopicAssigner.MaxTopics} topics qualified; the best {TopicAssigner.MaxTopics} are kept";
}
