using DigestGen.Curate.Terms;
using DigestGen.Text;

namespace DigestGen.Curate.Related;

/// <summary>Related papers for every paper and post, and the links between posts and the papers they name.</summary>
public static class RelatedCuration
{
    public const int Neighbours = 5;

    public static (IReadOnlyList<Paper> Papers, IReadOnlyList<Post> Posts) Apply(IReadOnlyList<Paper> papers, IReadOnlyList<Post> posts) =>
        Apply(papers, posts, CorpusTerms.Count(papers, posts));

    public static (IReadOnlyList<Paper> Papers, IReadOnlyList<Post> Posts) Apply(IReadOnlyList<Paper> papers, IReadOnlyList<Post> posts, CorpusTerms terms)
    {
        // Oldest first, so a new day's papers come after the ones that settle the term statistics.
        var byAge = Enumerable.Range(0, papers.Count)
            .OrderBy(i => papers[i].DigestDate).ThenBy(i => papers[i].Id, StringComparer.Ordinal)
            .ToArray();

        // The title counts twice so its terms weigh more than the abstract's.
        var documents = new (string Id, TermCount[] Terms)[byAge.Length];
        Parallel.For(0, byAge.Length, doc => documents[doc] = (papers[byAge[doc]].Id, terms.Of(papers[byAge[doc]]).TitleAndAbstract(2)));
        // Topics as numbers (slugs in ordinal order), best first as the paper has them, "other" left out.
        var topicNumbers = papers.SelectMany(p => p.Topics).Where(t => t != Topics.Topic.OtherSlug).Distinct()
            .Order(StringComparer.Ordinal).Select((slug, n) => (slug, n)).ToDictionary(x => x.slug, x => x.n, StringComparer.Ordinal);
        var topics = byAge.Select(i => papers[i].Topics.Where(topicNumbers.ContainsKey).Select(t => topicNumbers[t]).ToArray()).ToList();
        var index = new SimilarityIndex(documents, terms.Table, SimilarityIndex.SettledCount(papers.Count), topics);
        var neighbours = new IReadOnlyList<string>[papers.Count];
        var found = index.AllNeighbours(Neighbours);
        for (var doc = 0; doc < byAge.Length; doc++)
        {
            neighbours[byAge[doc]] = found[doc];
        }

        var linker = new PostPaperLinker(papers, posts.Select(p => p.Text));
        var postNeighbours = index.Neighbours(posts.Select(terms.Of).ToList(), Neighbours);
        var linkedPosts = posts.Select((p, i) => p with
        {
            Related = postNeighbours[i],
            Mentions = linker.Mentions(p.Text),
        }).ToList();

        var discussedIn = linkedPosts
            .SelectMany(p => p.Mentions.Select(paperId => (paperId, p.Id)))
            .GroupBy(x => x.paperId, x => x.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        var linkedPapers = papers.Select((p, i) => p with
        {
            Related = neighbours[i],
            DiscussedIn = discussedIn.GetValueOrDefault(p.Id, []),
        }).ToList();
        return (linkedPapers, linkedPosts);
    }
}
