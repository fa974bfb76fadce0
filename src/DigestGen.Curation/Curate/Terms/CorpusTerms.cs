using DigestGen.Text;

namespace DigestGen.Curate.Terms;

/// <summary>A paper's index terms, counted into numbers of <paramref name="counter"/>'s table, from its title and abstract.</summary>
public delegate (TermCount[] Title, TermCount[] Abstract) PaperTermCounts(TermCounter counter, string title, string abstractText);

/// <summary>
/// The index terms of every paper and post, counted once per build and shared by related papers and the
/// search index, which used to tokenise every abstract each.
/// </summary>
public sealed class CorpusTerms
{
    private readonly Dictionary<string, PaperTerms> _papers;
    private readonly Dictionary<string, TermCount[]> _posts;

    private CorpusTerms(TermTable table, Dictionary<string, PaperTerms> papers, Dictionary<string, TermCount[]> posts)
    {
        Table = table;
        _papers = papers;
        _posts = posts;
    }

    public TermTable Table { get; }

    public PaperTerms Of(Paper paper) => _papers[paper.Id];

    public TermCount[] Of(Post post) => _posts[post.Id];

    /// <param name="table">The table terms are numbered in (a cache passes the one its remembered counts use).</param>
    /// <param name="wrap">A cache around the counting, if any: it must give what counting would.</param>
    public static CorpusTerms Count(IReadOnlyList<Paper> papers, IReadOnlyList<Post> posts, TermTable? table = null, Func<PaperTermCounts, PaperTermCounts>? wrap = null)
    {
        table ??= new TermTable();
        PaperTermCounts counting = static (counter, title, body) => (counter.IndexTerms(title), counter.IndexTerms(body));
        var termsOf = wrap?.Invoke(counting) ?? counting;
        var paperTerms = new PaperTerms[papers.Count];
        Parallel.For(0, papers.Count, () => new TermCounter(table), (i, _, counter) =>
        {
            var paper = papers[i];
            var (title, body) = termsOf(counter, paper.Title, paper.Abstract.ToPlainText());
            paperTerms[i] = new PaperTerms(title, body, paper.Organisation is { } organisation ? counter.IndexTerms(organisation) : []);
            return counter;
        }, _ => { });

        var postCounter = new TermCounter(table);
        var postTerms = posts.ToDictionary(p => p.Id, p => postCounter.IndexTerms(p.Text), StringComparer.Ordinal);
        var byId = new Dictionary<string, PaperTerms>(papers.Count, StringComparer.Ordinal);
        for (var i = 0; i < papers.Count; i++)
        {
            byId[papers[i].Id] = paperTerms[i];
        }

        return new CorpusTerms(table, byId, postTerms);
    }
}
