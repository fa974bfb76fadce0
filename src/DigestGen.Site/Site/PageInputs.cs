using DigestGen.Curate;
using DigestGen.Curate.Topics;

namespace DigestGen.Site;

/// <summary>
/// The inputs hash of every page a rebuild may keep without rendering it (paper, topic and date pages: all but a
/// few hundred of the site's pages). A page's hash covers the site-wide context (generator build,
/// theme files, configuration, taxonomy) and each paper and post the page shows, whole: a field
/// left out here would let a stale page survive, so a paper's hash takes every field a card or page
/// could show, even where a page shows less. The integration tests compare rebuilt sites with clean
/// builds byte for byte to hold this to account.
/// </summary>
public sealed class PageInputs
{
    private readonly UInt128 _context;
    private readonly Dictionary<string, UInt128> _papers;
    private readonly Dictionary<string, UInt128> _posts;

    public PageInputs(Digest digest, string themeFingerprint)
    {
        var context = new InputsHash()
            .Add("digestgen-page-sources/1")
            .Add(Text.GeneratorBuild.Id)
            .Add(themeFingerprint);
        var config = digest.Config;
        context.Add(config.Title).Add(config.Description).Add(config.BaseUrl).Add(config.Language)
            .Add(config.Theme).Add(config.Author).Add(config.FeedItems);
        context.Add(digest.Taxonomy.All.Count);
        foreach (var topic in digest.Taxonomy.All)
        {
            context.Add(topic.Slug).Add(topic.Name).Add(topic.Description);
        }

        _context = context.Value;

        var papers = new UInt128[digest.Papers.Count];
        Parallel.For(0, papers.Length, i => papers[i] = Own(digest.Papers[i]));
        _papers = new Dictionary<string, UInt128>(papers.Length, StringComparer.Ordinal);
        for (var i = 0; i < papers.Length; i++)
        {
            _papers[digest.Papers[i].Id] = papers[i];
        }

        _posts = digest.Posts.ToDictionary(p => p.Id, Own, StringComparer.Ordinal);
    }

    public UInt128 PaperPage(Paper paper, Paper? previous, Paper? next)
    {
        var hash = Start("paper").Add(_papers[paper.Id]);
        AddPapers(hash, paper.Related);
        AddPosts(hash, paper.DiscussedIn);
        return hash.Add(previous is null ? UInt128.Zero : _papers[previous.Id])
            .Add(next is null ? UInt128.Zero : _papers[next.Id])
            .Value;
    }

    /// <param name="links">What decides the page's pager links (the number of archive pages, or whether an archive page is the newest).</param>
    public UInt128 TopicPage(Topic topic, int total, IEnumerable<Paper> shown, int page, int links)
    {
        var hash = Start("topic").Add(topic.Slug).Add(total).Add(page).Add(links);
        foreach (var paper in shown)
        {
            hash.Add(_papers[paper.Id]);
        }

        return hash.Value;
    }

    public UInt128 DatePage(DateOnly date, IReadOnlyList<Paper> papers, IReadOnlyList<Post> posts, DateOnly? previous, DateOnly? next)
    {
        var hash = Start("date").Add(date).Add(previous).Add(next).Add(papers.Count);
        foreach (var paper in papers)
        {
            hash.Add(_papers[paper.Id]);
        }

        hash.Add(posts.Count);
        foreach (var post in posts)
        {
            hash.Add(_posts[post.Id]);
        }

        return hash.Value;
    }

    private InputsHash Start(string kind) => new InputsHash().Add(_context).Add(kind);

    private void AddPapers(InputsHash hash, IReadOnlyList<string> ids)
    {
        hash.Add(ids.Count);
        foreach (var id in ids)
        {
            hash.Add(_papers[id]);
        }
    }

    private void AddPosts(InputsHash hash, IReadOnlyList<string> ids)
    {
        hash.Add(ids.Count);
        foreach (var id in ids)
        {
            hash.Add(_posts[id]);
        }
    }

    /// <summary>Every field of the paper itself (not its related papers or posts, which pages add by their own hashes).</summary>
    private static UInt128 Own(Paper paper)
    {
        var hash = new InputsHash()
            .Add(paper.Id).Add(paper.Slug).Add(paper.Title).Add(paper.TitleDerived)
            .Add(paper.AuthorCount).Add(paper.Organisation).Add(paper.Published).Add(paper.Upvotes)
            .Add(paper.DigestDate).Add(paper.Topics);
        hash.Add(paper.Abstract.Inlines.Count);
        foreach (var inline in paper.Abstract.Inlines)
        {
            hash.Add((int)inline.Kind).Add(inline.Value);
        }

        hash.Add(paper.Sources.Count);
        foreach (var source in paper.Sources)
        {
            hash.Add(source.File).Add(source.Line).Add(source.CaptureDate);
        }

        return hash.Value;
    }

    /// <summary>Every field of the post, and the papers it links to (by their own hashes).</summary>
    private UInt128 Own(Post post)
    {
        var hash = new InputsHash()
            .Add(post.Id).Add(post.Text).Add(post.DigestDate).Add(post.LastLine)
            .Add(post.Source.File).Add(post.Source.Line).Add(post.Source.CaptureDate)
            .Add(post.Links).Add(post.Handles).Add(post.Hashtags).Add(post.Topics);
        AddPapers(hash, post.Mentions);
        AddPapers(hash, post.Related);
        return hash.Value;
    }
}
