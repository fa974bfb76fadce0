using System.Globalization;
using DigestGen.Curate;
using DigestGen.Curate.Topics;

namespace DigestGen.Site;

/// <summary>
/// Decides every page of the site and the data it shows. Lists are grouped once up front (by date,
/// by topic), so planning is linear in the number of papers.
/// </summary>
public sealed class SitePlanner
{
    public const int HomeListSize = 10;
    public const int SnippetLength = 220;

    private readonly Digest _digest;
    private readonly SiteInfo _site;
    private readonly Dictionary<string, Paper> _papersById;
    private readonly Dictionary<string, Post> _postsById;
    private readonly SortedDictionary<DateOnly, List<Paper>> _papersByDate;
    private readonly Dictionary<DateOnly, List<Post>> _postsByDate;
    private readonly Dictionary<string, List<Paper>> _papersByTopic;
    private readonly Dictionary<string, int> _indexInDay;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PaperCard> _cards = new(StringComparer.Ordinal);
    private readonly List<DateOnly> _dates;
    private readonly bool _feeds;
    private readonly PageInputs? _inputs;

    /// <param name="inputs">Inputs hashes for the pages a rebuild may keep; without them every page is rendered.</param>
    public SitePlanner(Digest digest, PageInputs? inputs = null)
    {
        _digest = digest;
        _inputs = inputs;
        _feeds = digest.Config.BaseUrl.Length > 0;
        var c = digest.Config;
        _site = new SiteInfo(c.Title, c.Description, c.Language, c.BaseUrl);
        // Topic lists and date lists are sorted at once (the planner is built before any page is rendered).
        var byTopic = Task.Run(() => digest.Papers
            .SelectMany(p => p.Topics.Select(t => (Topic: t, Paper: p)))
            .GroupBy(x => x.Topic, x => x.Paper)
            .AsParallel()
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.DigestDate).ThenBy(p => p, ListOrder.Instance).ToList()));
        _papersById = digest.Papers.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _postsById = digest.Posts.ToDictionary(p => p.Id, StringComparer.Ordinal);

        _papersByDate = new SortedDictionary<DateOnly, List<Paper>>();
        _indexInDay = new Dictionary<string, int>(digest.Papers.Count, StringComparer.Ordinal);
        foreach (var group in digest.Papers.GroupBy(p => p.DigestDate))
        {
            var day = group.OrderBy(p => p, ListOrder.Instance).ToList();
            _papersByDate[group.Key] = day;
            for (var i = 0; i < day.Count; i++)
            {
                _indexInDay[day[i].Id] = i;
            }
        }

        _postsByDate = digest.Posts.GroupBy(p => p.DigestDate).ToDictionary(g => g.Key, g => g.ToList());
        _dates = _papersByDate.Keys.Union(_postsByDate.Keys).Order().ToList();
        _papersByTopic = byTopic.GetAwaiter().GetResult();
    }

    public SiteInfo Site => _site;

    public IReadOnlyList<DateOnly> Dates => _dates;

    public IEnumerable<SitePage> Pages(IReadOnlyList<(string Slug, string Markdown)> contentPages) =>
        PagePlans(contentPages).Select(plan => plan.Page());

    /// <summary>
    /// Every page as a plan to be carried out by whoever renders it: a build renders pages in parallel, and
    /// planning a paper or date page (its cards, related papers, neighbours) is most of the work, so it
    /// must not happen inside the one enumerator all threads share.
    /// </summary>
    public IEnumerable<PagePlan> PagePlans(IReadOnlyList<(string Slug, string Markdown)> contentPages)
    {
        yield return PagePlan.Always(Routes.Home, HomePage);
        foreach (var day in _papersByDate.Values)
        {
            for (var i = 0; i < day.Count; i++)
            {
                var paper = day[i];
                var previous = i > 0 ? day[i - 1] : null;
                var next = i + 1 < day.Count ? day[i + 1] : null;
                yield return new PagePlan(Routes.Paper(paper.Slug), Inputs(s => s.PaperPage(paper, previous, next)), () => PaperPage(paper));
            }
        }

        yield return PagePlan.Always(Routes.Topics, TopicsPage);
        foreach (var topic in _digest.Taxonomy.All.Where(t => _papersByTopic.ContainsKey(t.Slug) || t.Slug != Topic.OtherSlug))
        {
            foreach (var plan in TopicPages(topic))
            {
                yield return plan;
            }
        }

        for (var i = 0; i < _dates.Count; i++)
        {
            var index = i;
            var date = _dates[i];
            var papers = _papersByDate.GetValueOrDefault(date) ?? [];
            var posts = _postsByDate.GetValueOrDefault(date) ?? [];
            DateOnly? previous = i > 0 ? _dates[i - 1] : null;
            DateOnly? next = i + 1 < _dates.Count ? _dates[i + 1] : null;
            yield return new PagePlan(Routes.Date(date), Inputs(s => s.DatePage(date, papers, posts, previous, next)), () => DatePage(index));
        }

        yield return PagePlan.Always(Routes.Dates, DatesPage);
        yield return PagePlan.Always(Routes.Feeds, FeedsPage);
        yield return PagePlan.Always(Routes.Status, StatusPage);
        yield return PagePlan.Always(Routes.Search, () => new SitePage(Routes.Search, "search", Head("Search", "Search every paper and post of the digest.", Routes.Search, []), new SearchPage(), "search"));
        foreach (var (slug, markdown) in contentPages)
        {
            yield return PagePlan.Always(slug + "/", () => MarkdownPage(slug, markdown));
        }
    }

    /// <summary>A page's inputs hash, to be computed by whoever takes its plan; none without <see cref="PageInputs"/>.</summary>
    private Func<UInt128>? Inputs(Func<PageInputs, UInt128> hash) => _inputs is { } inputs ? () => hash(inputs) : null;

    public SitePage NotFound() =>
        new(Routes.NotFound, "notfound", Head("Page not found", "The page you asked for is not here.", Routes.NotFound, []),
            new NotFoundPage(BasePath()), "") { Root = BasePath() };

    private string BasePath() => _site.BaseUrl.Length == 0 ? "/" : new Uri(_site.BaseUrl).AbsolutePath;

    private SitePage HomePage()
    {
        var latest = _papersByDate.Count == 0 ? (DateOnly?)null : _papersByDate.Keys.Last();
        var model = new HomePage(
            latest is { } l ? LongDate(l) : "",
            latest is { } d ? Routes.Date(d) : Routes.Dates,
            latest is { } day ? _papersByDate[day].Select(Card).ToList() : [],
            TopicCounts(),
            _dates.AsEnumerable().Reverse().Take(HomeListSize)
                .Select(d => new CountLink(Routes.Date(d), LongDate(d), _papersByDate.GetValueOrDefault(d)?.Count ?? 0)).ToList(),
            _digest.Papers.Where(p => p.Upvotes is > 0)
                .OrderByDescending(p => p.Upvotes).ThenBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal)
                .Take(HomeListSize).Select(Card).ToList(),
            _digest.Papers.Count,
            _digest.Posts.Count);
        return new SitePage(Routes.Home, "home", Head(_site.Title, _site.Description, Routes.Home, []), model, "home");
    }

    private SitePage PaperPage(Paper paper)
    {
        var sameDay = _papersByDate[paper.DigestDate];
        var index = _indexInDay[paper.Id];
        var route = Routes.Paper(paper.Slug);
        var model = new PaperPage(
            paper.Id,
            paper.Title,
            paper.TitleDerived,
            paper.Abstract.ToHtml(),
            Byline(paper),
            paper.Published?.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
            paper.Upvotes,
            paper.Sources.Select(s => s.CaptureDate).Distinct().Order().Select(d => new LinkView(Routes.Date(d), LongDate(d))).ToList(),
            paper.Sources.Select(s => $"{s.File}, line {s.Line} (captured {s.CaptureDate:yyyy-MM-dd})").ToList(),
            Chips(paper.Topics),
            paper.Related.Select(id => Card(_papersById[id])).ToList(),
            paper.DiscussedIn.Select(id => PostView(_postsById[id])).ToList(),
            index > 0 ? new LinkView(Routes.Paper(sameDay[index - 1].Slug), sameDay[index - 1].Title) : null,
            index + 1 < sameDay.Count ? new LinkView(Routes.Paper(sameDay[index + 1].Slug), sameDay[index + 1].Title) : null);

        var abstractText = paper.Abstract.ToPlainText();
        var meta = new List<MetaTag>
        {
            new("property", "og:type", "article"),
            new("name", "citation_title", paper.Title),
            new("name", "citation_abstract", abstractText),
            new("name", "citation_online_date", paper.DigestDate.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)),
        };
        if (paper.Published is { } published)
        {
            meta.Add(new MetaTag("name", "citation_publication_date", published.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)));
        }

        if (paper.Organisation is { } org)
        {
            meta.Add(new MetaTag("name", "citation_author_institution", org));
        }

        return new SitePage(route, "paper", Head(paper.Title, Snippet(abstractText, 200), route, meta), model, "papers");
    }

    private IEnumerable<PagePlan> TopicPages(Topic topic)
    {
        var papers = _papersByTopic.GetValueOrDefault(topic.Slug) ?? [];
        var pagination = new TopicPagination(papers.Count);
        var description = new Lazy<string>(() => MarkdownText.ToHtml(topic.Description));
        var first = papers.GetRange(0, pagination.FirstPageCount);
        yield return new PagePlan(
            Routes.Topic(topic.Slug),
            Inputs(s => s.TopicPage(topic, papers.Count, first, 0, pagination.Archived)),
            () => TopicPage(topic, description.Value, first, 0, pagination.Archived, papers.Count));
        for (var page = 1; page <= pagination.Archived; page++)
        {
            var number = page;
            var shown = papers.GetRange(pagination.Start(number), Routes.PageSize);

            // An archive page does not show the topic's size or page count, which every new paper would change.
            var newest = number == pagination.Archived ? 0 : 1;
            yield return new PagePlan(Routes.TopicArchive(topic.Slug, number), Inputs(s => s.TopicPage(topic, 0, shown, number, newest)), () => TopicPage(topic, description.Value, shown, number, pagination.Archived, 0));
        }
    }

    /// <param name="page">0 for the topic's first page, else the archive page's number.</param>
    /// <param name="total">The topic's size, shown on its first page only.</param>
    private SitePage TopicPage(Topic topic, string description, List<Paper> shown, int page, int archived, int total)
    {
        var route = page == 0 ? Routes.Topic(topic.Slug) : Routes.TopicArchive(topic.Slug, page);
        var span = shown.Count == 0 ? "" : DateSpan(shown[^1].DigestDate, shown[0].DigestDate);
        var pager = page == 0
            ? new Pager(null, archived > 0 ? Routes.TopicArchive(topic.Slug, archived) : null, "Newest papers")
            : new Pager(page == archived ? Routes.Topic(topic.Slug) : Routes.TopicArchive(topic.Slug, page + 1), page > 1 ? Routes.TopicArchive(topic.Slug, page - 1) : null, $"Papers of {span}");
        var stats = page == 0 ? $"{total} {(total == 1 ? "paper" : "papers")}" : $"Archive page {page}: papers of {span}";
        var model = new TopicPage(topic.Name, description, stats, shown.Select(Card).ToList(), pager, []);
        var title = page == 0 ? topic.Name : $"{topic.Name} (archive page {page}, {span})";
        var feeds = _feeds ? FeedDefinition.LinksFor(Routes.Topic(topic.Slug), $"{_site.Title}: {topic.Name}") : [];
        return new SitePage(route, "topic", Head(title, Snippet(topic.Description, 200), route, [], feeds), model, "topics");
    }

    /// <summary>"March 3, 2026", or "March 3 – April 4, 2026" for a range.</summary>
    private static string DateSpan(DateOnly from, DateOnly to) =>
        from == to ? LongDate(from)
        : from.Year == to.Year ? $"{from.ToString("MMMM d", CultureInfo.InvariantCulture)} – {LongDate(to)}"
        : $"{LongDate(from)} – {LongDate(to)}";

    private SitePage TopicsPage()
    {
        var topics = _digest.Taxonomy.All
            .Where(t => _papersByTopic.ContainsKey(t.Slug) || t.Slug != Topic.OtherSlug)
            .Select(t => new TopicSummary(Routes.Topic(t.Slug), t.Name, _papersByTopic.GetValueOrDefault(t.Slug)?.Count ?? 0, MarkdownText.ToHtml(t.Description)))
            .ToList();
        return new SitePage(Routes.Topics, "topics", Head("Topics", "Every topic of the digest with its papers.", Routes.Topics, []), new TopicsPage(topics), "topics");
    }

    private SitePage DatePage(int index)
    {
        var date = _dates[index];
        var route = Routes.Date(date);
        var papers = _papersByDate.GetValueOrDefault(date) ?? [];
        var posts = _postsByDate.GetValueOrDefault(date) ?? [];
        var model = new DatePage(
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            LongDate(date),
            papers.Select(Card).ToList(),
            posts.Select(PostView).ToList(),
            index > 0 ? new LinkView(Routes.Date(_dates[index - 1]), LongDate(_dates[index - 1])) : null,
            index + 1 < _dates.Count ? new LinkView(Routes.Date(_dates[index + 1]), LongDate(_dates[index + 1])) : null);
        var description = $"{papers.Count} papers and {posts.Count} posts entered the digest on {LongDate(date)}.";
        return new SitePage(route, "date", Head(LongDate(date), description, route, []), model, "dates");
    }

    private SitePage DatesPage()
    {
        var counts = _papersByDate.ToDictionary(kv => kv.Key, kv => kv.Value.Count);
        var years = _dates.GroupBy(d => d.Year).OrderByDescending(g => g.Key).Select(year => new ArchiveYear(
            year.Key,
            year.Sum(d => counts.GetValueOrDefault(d)),
            CalendarHeatmap.Svg(year.Key, counts),
            year.GroupBy(d => d.Month).OrderByDescending(g => g.Key).Select(month => new ArchiveMonth(
                CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month.Key) + " " + year.Key,
                month.Sum(d => counts.GetValueOrDefault(d)),
                month.OrderByDescending(d => d).Select(d => new CountLink(Routes.Date(d), LongDate(d), counts.GetValueOrDefault(d))).ToList())).ToList()))
            .ToList();
        return new SitePage(Routes.Dates, "dates", Head("Archive", "Every digest date, by year and month.", Routes.Dates, []), new DatesPage(years), "dates");
    }

    /// <summary>When and from what the site was built, and what went wrong, so a stale or broken digest is visible.</summary>
    private SitePage StatusPage()
    {
        var newest = _papersByDate.Count == 0 ? (DateOnly?)null : _papersByDate.Keys.Last();
        var bag = _digest.Diagnostics;
        var model = new StatusPage(
            LongDate(_digest.BuildDate),
            newest is { } n ? LongDate(n) : "none yet",
            newest is { } d ? Routes.Date(d) : Routes.Dates,
            newest is { } day ? _digest.BuildDate.DayNumber - day.DayNumber : 0,
            _digest.Papers.Count,
            _digest.Posts.Count,
            _digest.Seeds.Select(s => new StatusSeed(s.File, s.Format, s.Captured.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Lines, s.Records)).ToList(),
            bag.Items.Select(i => i.ToString()).ToList(),
            bag.ErrorCount,
            bag.WarningCount);
        return new SitePage(Routes.Status, "status", Head("Status", "When the digest was last built, from which seeds, and with which warnings.", Routes.Status, []), model, "status");
    }

    private SitePage FeedsPage()
    {
        static FeedRow Row(string name, string page, string folder) =>
            new(name, page, folder + FeedDefinition.RssFile, folder + FeedDefinition.AtomFile, folder + FeedDefinition.JsonFile);

        var topics = _digest.Taxonomy.All
            .Where(t => _papersByTopic.ContainsKey(t.Slug) || t.Slug != Topic.OtherSlug)
            .Select(t => Row(t.Name, Routes.Topic(t.Slug), Routes.Topic(t.Slug)))
            .ToList();
        var model = new FeedsPage([Row("Everything", Routes.Home, "")], topics, Routes.FeedsOpml, _feeds);
        return new SitePage(Routes.Feeds, "feeds", Head("Feeds", "Follow the whole digest or single topics in a feed reader.", Routes.Feeds, []), model, "feeds");
    }

    private SitePage MarkdownPage(string slug, string markdown)
    {
        var (title, body) = MarkdownText.SplitTitle(markdown);
        title ??= CultureInfo.InvariantCulture.TextInfo.ToTitleCase(slug.Replace('-', ' '));
        var route = slug + "/";
        return new SitePage(route, "page", Head(title, Snippet(body, 200), route, []), new MarkdownPage(title, MarkdownText.ToHtml(body)), slug);
    }

    private IReadOnlyList<CountLink> TopicCounts() =>
        _digest.Taxonomy.All
            .Where(t => _papersByTopic.ContainsKey(t.Slug))
            .Select(t => new CountLink(Routes.Topic(t.Slug), t.Name, _papersByTopic[t.Slug].Count))
            .ToList();

    /// <summary>Cards hold only root-relative URLs, so one card serves every list a paper appears in.</summary>
    private PaperCard Card(Paper p) => _cards.GetOrAdd(p.Id, _ => NewCard(p));

    private PaperCard NewCard(Paper p) => new(
        p.Id,
        Routes.Paper(p.Slug),
        p.Title,
        p.TitleDerived,
        LongDate(p.DigestDate),
        Routes.Date(p.DigestDate),
        p.Published?.ToString("MMM d, yyyy", CultureInfo.InvariantCulture),
        p.Upvotes,
        Byline(p),
        Snippet(p.Abstract.ToPlainText(), SnippetLength),
        Chips(p.Topics));

    private PostView PostView(Post post) => new(
        post.Id,
        LongDate(post.DigestDate),
        Routes.Date(post.DigestDate),
        PostFormatter.ToHtml(post.Text),
        $"{post.Source.File}, lines {post.Source.Line}–{post.LastLine}",
        post.Mentions.Concat(post.Related).Distinct().Take(5).Select(id => new LinkView(Routes.Paper(_papersById[id].Slug), _papersById[id].Title)).ToList());

    private IReadOnlyList<TopicChip> Chips(IReadOnlyList<string> topics) =>
        topics.Where(_digest.Taxonomy.BySlug.ContainsKey).Select(t => new TopicChip(Routes.Topic(t), _digest.Taxonomy.BySlug[t].Name)).ToList();

    private PageHead Head(string title, string description, string route, IReadOnlyList<MetaTag> extra, IReadOnlyList<FeedLink>? feeds = null)
    {
        var canonical = Routes.Absolute(_site.BaseUrl, route);
        var meta = new List<MetaTag>
        {
            new("property", "og:title", title),
            new("property", "og:description", description),
            new("property", "og:site_name", _site.Title),
        };
        if (canonical.Length > 0)
        {
            meta.Add(new MetaTag("property", "og:url", canonical));
        }

        if (!extra.Any(m => m.Key == "og:type"))
        {
            meta.Add(new MetaTag("property", "og:type", "website"));
        }

        meta.AddRange(extra);
        feeds ??= _feeds ? FeedDefinition.LinksFor("", _site.Title) : [];
        return new PageHead(title, description, canonical, meta, feeds);
    }

    private static string? Byline(Paper p) => (p.AuthorCount, p.Organisation) switch
    {
        ({ } n, { } org) => $"{n} {(n == 1 ? "author" : "authors")} · {org}",
        ({ } n, null) => $"{n} {(n == 1 ? "author" : "authors")}",
        (null, { } org) => org,
        _ => null,
    };

    public static string LongDate(DateOnly d) => d.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    public static string Snippet(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text[..cut] : text[..(max - 1)]).TrimEnd(',', ';', ':', '.') + "…";
    }

    /// <summary>Order within a list: most upvoted first, then by title and id, so lists are stable.</summary>
    private sealed class ListOrder : IComparer<Paper>
    {
        public static readonly ListOrder Instance = new();

        public int Compare(Paper? x, Paper? y)
        {
            var byVotes = (y!.Upvotes ?? -1).CompareTo(x!.Upvotes ?? -1);
            if (byVotes != 0)
            {
                return byVotes;
            }

            var byTitle = string.Compare(x.Title, y.Title, StringComparison.Ordinal);
            return byTitle != 0 ? byTitle : string.Compare(x.Id, y.Id, StringComparison.Ordinal);
        }
    }
}
