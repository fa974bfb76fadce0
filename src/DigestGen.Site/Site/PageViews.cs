using System.Collections.Concurrent;
using System.Globalization;
using DigestGen.Curate;
using DigestGen.Text;

namespace DigestGen.Site;

/// <summary>
/// The pieces every page is made of, made one way for all page families: paper cards, posts, topic chips,
/// the page head, and dates as readers see them.
/// </summary>
public sealed class PageViews
{
    public const int SnippetLength = 220;

    private readonly SiteIndex _index;
    private readonly ConcurrentDictionary<string, PaperCard> _cards = new(StringComparer.Ordinal);

    public PageViews(SiteIndex index, Words words)
    {
        _index = index;
        Words = words;
        var c = index.Digest.Config;
        Site = new SiteInfo(c.Title, c.Description, c.Language, c.BaseUrl);
        HasFeeds = c.BaseUrl.Length > 0;
    }

    public SiteInfo Site { get; }

    /// <summary>The theme's words in the site's language.</summary>
    public Words Words { get; }

    /// <summary>Whether the site has feeds: only with a base URL, as feeds need absolute links.</summary>
    public bool HasFeeds { get; }

    /// <summary>Cards hold only root-relative URLs, so one card serves every list a paper appears in.</summary>
    public PaperCard Card(Paper p) => _cards.GetOrAdd(p.Id, static (_, state) => state.Views.NewCard(state.Paper), (Views: this, Paper: p));

    public PostView Post(Post post) => new(
        post.Id,
        LongDate(post.DigestDate),
        Routes.Date(post.DigestDate),
        new Html(PostFormatter.ToHtml(post.Text)),
        Words.Format("post.source", ("file", post.Source.File), ("first", Number(post.Source.Line)), ("last", Number(post.LastLine))),
        post.Mentions.Concat(post.Related).Distinct().Take(5).Select(id => new LinkView(Routes.Paper(_index.PaperById[id].Slug), _index.PaperById[id].Title)).ToList());

    public IReadOnlyList<TopicChip> Chips(IReadOnlyList<string> topics)
    {
        var bySlug = _index.Digest.Taxonomy.BySlug;
        return topics.Where(bySlug.ContainsKey).Select(t => new TopicChip(Routes.Topic(t), bySlug[t].Name)).ToList();
    }

    /// <param name="meta">The page family's own <c>&lt;meta name&gt;</c> tags (citation tags of a paper).</param>
    /// <param name="type">The Open Graph type: <c>website</c>, or <c>article</c> for a paper.</param>
    public PageHead Head(string title, string description, string route, IReadOnlyList<MetaTag> meta, IReadOnlyList<FeedLink>? feeds = null, string type = "website") =>
        new(title, description, Routes.Absolute(Site.BaseUrl, route), type, meta, feeds ?? (HasFeeds ? FeedLinks("", Site.Title) : []));

    /// <summary>The autodiscovery links of the feeds in a folder, titled in the site's language.</summary>
    public IReadOnlyList<FeedLink> FeedLinks(string folder, string title) => FeedDefinition.LinksFor(folder, title, Words);

    /// <summary>"3 authors · Qwen", "3 authors", "Qwen", or nothing.</summary>
    public string? Byline(Paper p) => (p.AuthorCount, p.Organisation) switch
    {
        ({ } n, { } org) => Words.Format("paper.byline", ("authors", Words.Count("authors", n)), ("organisation", org)),
        ({ } n, null) => Words.Count("authors", n),
        (null, { } org) => org,
        _ => null,
    };

    public string LongDate(DateOnly d) => Words.LongDate(d);

    /// <summary>"Week 47, 2026" or "November 2026".</summary>
    public string PeriodName(DigestPeriod period) => period.Name(Words);

    /// <summary>"March 3, 2026", or "March 3 – April 4, 2026" for a range.</summary>
    public string DateSpan(DateOnly from, DateOnly to) => Words.DateSpan(from, to);

    public static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private PaperCard NewCard(Paper p) => new(
        p.Id,
        Routes.Paper(p.Slug),
        p.Title,
        p.TitleDerived,
        LongDate(p.DigestDate),
        Routes.Date(p.DigestDate),
        p.Published is { } published ? Words.LongDate(published) : null,
        p.Upvotes,
        Byline(p),
        Snippet.Cut(p.Abstract.ToPlainText(), SnippetLength),
        Chips(p.Topics));
}
