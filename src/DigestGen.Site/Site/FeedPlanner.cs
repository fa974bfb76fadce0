using DigestGen.Curate;
using DigestGen.Curate.Topics;

using DigestGen.Text;

namespace DigestGen.Site;

/// <summary>
/// Decides the feeds: one for the whole digest and one per topic, each with its newest items (papers
/// and posts) by the date they entered the digest. Items link to absolute URLs under the base URL.
/// </summary>
public sealed class FeedPlanner
{
    private readonly Digest _digest;
    private readonly string _baseUrl;
    private readonly Words _words;

    public FeedPlanner(Digest digest, Words words)
    {
        _digest = digest;
        _baseUrl = digest.Config.BaseUrl;
        _words = words;
    }

    public FeedDefinition SiteFeed() =>
        new("", _digest.Config.Title, _digest.Config.Description, Routes.Home, Newest(_digest.Papers, _digest.Posts));

    /// <summary>In taxonomy order; each topic's newest items are picked on both cores (a topic can hold a tenth of the corpus).</summary>
    public IReadOnlyList<FeedDefinition> TopicFeeds()
    {
        var papers = _digest.Papers.SelectMany(p => p.Topics.Select(t => (t, p))).ToLookup(x => x.t, x => x.p);
        var posts = _digest.Posts.SelectMany(p => p.Topics.Select(t => (t, p))).ToLookup(x => x.t, x => x.p);
        var topics = _digest.Taxonomy.All.Where(t => papers.Contains(t.Slug) || t.Slug != Topic.OtherSlug).ToList();
        var feeds = new FeedDefinition[topics.Count];
        Parallel.For(0, topics.Count, i => feeds[i] = new FeedDefinition(
            Routes.Topic(topics[i].Slug),
            _words.Format("feeds.topic_title", ("site", _digest.Config.Title), ("topic", topics[i].Name)),
            Snippet.Cut(topics[i].Description, 300),
            Routes.Topic(topics[i].Slug),
            Newest(papers[topics[i].Slug], posts[topics[i].Slug])));
        return feeds;
    }

    /// <summary>A feed per week and per month with a paper or post, weeks first, oldest first: the period's items, newest first.</summary>
    public IReadOnlyList<FeedDefinition> PeriodFeeds()
    {
        var periods = new List<(DigestPeriod Period, IEnumerable<Paper> Papers, IEnumerable<Post> Posts)>();
        foreach (var kind in new[] { PeriodKind.Week, PeriodKind.Month })
        {
            var papers = _digest.Papers.ToLookup(p => DigestPeriod.Of(kind, p.DigestDate));
            var posts = _digest.Posts.ToLookup(p => DigestPeriod.Of(kind, p.DigestDate));
            periods.AddRange(papers.Select(g => g.Key).Union(posts.Select(g => g.Key)).OrderBy(p => p.First).Select(p => (p, papers[p], posts[p])));
        }

        var feeds = new FeedDefinition[periods.Count];
        Parallel.For(0, periods.Count, i =>
        {
            var (period, papers, posts) = periods[i];
            var name = period.Name(_words);
            feeds[i] = new FeedDefinition(period.Route, _words.Format("feeds.topic_title", ("site", _digest.Config.Title), ("topic", name)),
                _words.DateSpan(period.First, period.Last), period.Route, Newest(papers, posts));
        });
        return feeds;
    }

    /// <summary>Newest first; within a day most upvoted, then by id, so the cut at N is stable.</summary>
    private IReadOnlyList<FeedItem> Newest(IEnumerable<Paper> papers, IEnumerable<Post> posts)
    {
        var n = _digest.Config.FeedItems;
        var paperItems = papers
            .OrderByDescending(p => p.DigestDate).ThenByDescending(p => p.Upvotes ?? -1).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(n).Select(PaperItem);
        var postItems = posts
            .OrderByDescending(p => p.DigestDate).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(n).Select(PostItem);
        return paperItems.Concat(postItems)
            .OrderByDescending(i => i.Date).ThenBy(i => i.Id[0]).ThenBy(i => i.Id, StringComparer.Ordinal)
            .Take(n).ToList();
    }

    private FeedItem PaperItem(Paper p)
    {
        var facts = new List<string>();
        if (p.Published is { } published)
        {
            facts.Add(_words.Format("feeds.published", ("date", _words.LongDate(published))));
        }

        if (p.AuthorCount is { } authors)
        {
            facts.Add(_words.Count("authors", authors));
        }

        if (p.Organisation is { } org)
        {
            facts.Add(org);
        }

        if (p.Upvotes is { } votes)
        {
            facts.Add(_words.Count("upvotes", votes));
        }

        var html = $"<p>{p.Abstract.ToHtml()}</p>";
        if (facts.Count > 0)
        {
            html += $"<p><small>{Html.Escape(string.Join(" · ", facts))}</small></p>";
        }

        if (p.TitleDerived)
        {
            html += $"<p><small>{Html.Escape(_words.Text("feeds.derived_title"))}</small></p>";
        }

        html += LinksOut(p);

        return new FeedItem(p.Id, p.Title, _baseUrl + Routes.Paper(p.Slug), p.DigestDate, Categories(p.Topics), html,
            Snippet.Cut(p.Abstract.ToPlainText(), 300));
    }

    /// <summary>The paper page's links out (code, model, dataset, then the title searches) as one line, so a reader can go straight on.</summary>
    private string LinksOut(Paper p)
    {
        var links = OutboundLinks.Shown(OutboundLinks.Resources(p), _words, "")
            .Concat(OutboundLinks.Shown(OutboundLinks.Searches(p), _words, "search_"))
            .Select(l => $"<a href=\"{Html.Escape(l.Href)}\">{Html.Escape(l.Text)}</a>");
        return $"<p>{string.Join(" · ", links)}</p>";
    }

    private FeedItem PostItem(Post p)
    {
        var text = p.Text.Replace('\n', ' ');
        var title = _words.Format("feeds.post_title", ("text", Snippet.Cut(text, 90)));
        return new FeedItem(p.Id, title, _baseUrl + Routes.Post(p.DigestDate, p.Id), p.DigestDate, Categories(p.Topics),
            PostFormatter.ToHtml(p.Text), Snippet.Cut(text, 300));
    }

    private IReadOnlyList<(string Slug, string Name)> Categories(IReadOnlyList<string> topics) =>
        topics.Where(_digest.Taxonomy.BySlug.ContainsKey).Select(t => (t, _digest.Taxonomy.BySlug[t].Name)).ToList();
}
