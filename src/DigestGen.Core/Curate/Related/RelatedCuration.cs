using DigestGen.Curate.Terms;

namespace DigestGen.Curate.Related;

/// <summary>Related papers for every paper and post, and the links between posts and the papers they name.</summary>
public static class RelatedCuration
{
    public const int Neighbours = 5;

    public static (IReadOnlyList<Paper> Papers, IReadOnlyList<Post> Posts) Apply(IReadOnlyList<Paper> papers, IReadOnlyList<Post> posts) =>
        Apply(papers, posts, CorpusTerms.Count(papers, posts));

    public static (IReadOnlyList<Paper> Papers, IReadOnlyList<Post> Posts) Apply(IReadOnlyList<Paper> papers, IReadOnlyList<Post> posts, CorpusTerms terms)
    {
        // The title counts twice so its terms weigh more than the abstract's.
        var index = new SimilarityIndex(papers.Select(p => (p.Id, terms.Of(p).TitleAndAbstract(2))).ToList(), terms.Table);
        var neighbours = index.AllNeighbours(Neighbours);

        var linker = new PostPaperLinker(papers);
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
