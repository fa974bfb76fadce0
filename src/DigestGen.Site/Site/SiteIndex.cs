using DigestGen.Curate;
using DigestGen.Curate.Topics;

namespace DigestGen.Site;

/// <summary>
/// The digest's papers and posts grouped the ways pages list them (by date, by topic, by id), once, before
/// any page is planned: every page family reads these lists, so planning stays linear in the number of papers.
/// </summary>
public sealed class SiteIndex
{
    public SiteIndex(Digest digest)
    {
        Digest = digest;
        // Topic lists are sorted while dates are grouped.
        var byTopic = Task.Run(() => digest.Papers
            .SelectMany(p => p.Topics.Select(t => (Topic: t, Paper: p)))
            .GroupBy(x => x.Topic, x => x.Paper)
            .AsParallel()
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.DigestDate).ThenBy(p => p, ListOrder.Instance).ToList()));
        PaperById = digest.Papers.ToDictionary(p => p.Id, StringComparer.Ordinal);
        PostById = digest.Posts.ToDictionary(p => p.Id, StringComparer.Ordinal);

        var byDate = new SortedDictionary<DateOnly, List<Paper>>();
        foreach (var group in digest.Papers.GroupBy(p => p.DigestDate))
        {
            byDate[group.Key] = group.OrderBy(p => p, ListOrder.Instance).ToList();
        }

        PapersByDate = byDate;
        PostsByDate = digest.Posts.GroupBy(p => p.DigestDate).ToDictionary(g => g.Key, g => g.ToList());
        Dates = byDate.Keys.Union(PostsByDate.Keys).Order().ToList();
        PapersByTopic = byTopic.GetAwaiter().GetResult();
        ShownTopics = digest.Taxonomy.All.Where(t => PapersByTopic.ContainsKey(t.Slug) || t.Slug != Topic.OtherSlug).ToList();
    }

    public Digest Digest { get; }

    public IReadOnlyDictionary<string, Paper> PaperById { get; }

    public IReadOnlyDictionary<string, Post> PostById { get; }

    /// <summary>Each digest date's papers in list order (<see cref="ListOrder"/>), oldest date first.</summary>
    public SortedDictionary<DateOnly, List<Paper>> PapersByDate { get; }

    public IReadOnlyDictionary<DateOnly, List<Post>> PostsByDate { get; }

    /// <summary>Every date with a paper or a post, oldest first.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>Each topic's papers, newest date first, then in list order.</summary>
    public IReadOnlyDictionary<string, List<Paper>> PapersByTopic { get; }

    /// <summary>The topics that get a page: every topic of the taxonomy, and "other" when a paper has it.</summary>
    public IReadOnlyList<Topic> ShownTopics { get; }

    /// <summary>Order within a list (<see cref="PaperOrder"/>): papers with a real title before those with a derived headline, most upvoted first, then by title and id, so lists are stable.</summary>
    public static IComparer<Paper> PaperOrder => ListOrder.Instance;

    private sealed class ListOrder : IComparer<Paper>
    {
        public static readonly ListOrder Instance = new();

        public int Compare(Paper? x, Paper? y)
        {
            var byTitled = x!.TitleDerived.CompareTo(y!.TitleDerived);
            if (byTitled != 0)
            {
                return byTitled;
            }

            var byVotes = (y.Upvotes ?? -1).CompareTo(x.Upvotes ?? -1);
            if (byVotes != 0)
            {
                return byVotes;
            }

            var byTitle = string.Compare(x.Title, y.Title, StringComparison.Ordinal);
            return byTitle != 0 ? byTitle : string.Compare(x.Id, y.Id, StringComparison.Ordinal);
        }
    }
}
