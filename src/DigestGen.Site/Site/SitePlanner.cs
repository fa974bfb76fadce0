using System.Globalization;
using DigestGen.Curate;
using DigestGen.Text;

namespace DigestGen.Site;

/// <summary>
/// Decides every page of the site: the page families (a page per paper, topic, date: <see cref="PageFamilies"/>)
/// and the pages there is one of (home, topic list, archive, feeds, status, search, content pages).
/// </summary>
public sealed class SitePlanner
{
    public const int HomeListSize = 10;

    /// <summary>How many of the newest day's papers the home page shows; its date page has them all.</summary>
    public const int HomeDaySize = 30;

    private readonly SiteIndex _index;
    private readonly PageViews _views;
    private readonly PlanContext _context;
    private readonly IReadOnlyList<IPageFamily> _families;

    /// <param name="words">The theme's words in the site's language: every title, count and date a reader sees.</param>
    /// <param name="inputs">Inputs hashes for the pages a rebuild may keep; without them every page is rendered.</param>
    /// <param name="families">The page families; <see cref="PageFamilies.Default"/> when not given.</param>
    public SitePlanner(Digest digest, Words words, PageInputs? inputs = null, IReadOnlyList<IPageFamily>? families = null)
    {
        _index = new SiteIndex(digest);
        _views = new PageViews(_index, words);
        _context = new PlanContext(_index, _views, inputs);
        _families = families ?? PageFamilies.Default;
    }

    public SiteInfo Site => _views.Site;

    public IReadOnlyList<DateOnly> Dates => _index.Dates;

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
        foreach (var family in _families)
        {
            foreach (var plan in family.Plan(_context))
            {
                yield return plan;
            }
        }

        yield return PagePlan.Always(Routes.Topics, TopicsPage);
        yield return PagePlan.Always(Routes.Dates, DatesPage);
        yield return PagePlan.Always(Routes.Feeds, FeedsPage);
        yield return PagePlan.Always(Routes.Status, StatusPage);
        yield return PagePlan.Always(Routes.Search, () => new SitePage(Routes.Search, "search", Head("search", Routes.Search), new SearchPage(), "search"));
        yield return PagePlan.Always(Routes.Saved, SavedPage);
        foreach (var (slug, markdown) in contentPages)
        {
            yield return PagePlan.Always(slug + "/", () => MarkdownPage(slug, markdown));
        }
    }

    public SitePage NotFound() =>
        new(Routes.NotFound, "notfound", Head("notfound", Routes.NotFound),
            new NotFoundPage(BasePath()), "") { Root = BasePath() };

    private Words Words => _views.Words;

    /// <summary>The head of a page there is one of, titled and described by its words (<c>search.title</c>, <c>search.description</c>).</summary>
    private PageHead Head(string page, string route) => _views.Head(Words.Text(page + ".title"), Words.Text(page + ".description"), route, []);

    private string BasePath() => Site.BaseUrl.Length == 0 ? "/" : new Uri(Site.BaseUrl).AbsolutePath;

    private SitePage HomePage()
    {
        var latest = _index.Dates.Count == 0 ? (DateOnly?)null : _index.Dates[^1];
        var papers = latest is { } day ? _index.PapersByDate.GetValueOrDefault(day) ?? [] : [];
        var posts = latest is { } postDay ? _index.PostsByDate.GetValueOrDefault(postDay) ?? [] : [];
        var model = new HomePage(
            latest is { } l ? _views.LongDate(l) : "",
            latest is { } d ? Routes.Date(d) : Routes.Dates,
            papers.Take(HomeDaySize).Select(_views.Card).ToList(),
            papers.Count,
            posts.Take(HomeListSize).Select(_views.Post).ToList(),
            latest is { } newest ? [Top(DigestPeriod.WeekOf(newest), "home.this_week"), Top(DigestPeriod.MonthOf(newest), "home.this_month")] : [],
            TopicCounts(),
            _index.Dates.AsEnumerable().Reverse().Take(HomeListSize)
                .Select(d => new CountLink(Routes.Date(d), _views.LongDate(d), _index.PapersByDate.GetValueOrDefault(d)?.Count ?? 0)).ToList(),
            MostUpvoted(_index.Digest.Papers).Select(_views.Card).ToList(),
            _index.Digest.Papers.Count,
            _index.Digest.Posts.Count);
        return new SitePage(Routes.Home, "home", _views.Head(Site.Title, Site.Description, Routes.Home, []), model, "home");
    }

    private PeriodTop Top(DigestPeriod period, string heading)
    {
        var papers = _index.PapersByDate.Where(kv => period.Contains(kv.Key)).SelectMany(kv => kv.Value).ToList();
        return new PeriodTop(
            Words.Text(heading),
            _views.DateSpan(period.First, period.Last),
            period.Route,
            Words.Format("home.period_all", ("papers", Words.Count("papers", papers.Count))),
            MostUpvoted(papers).Select(_views.Card).ToList());
    }

    /// <summary>The <see cref="HomeListSize"/> most upvoted of <paramref name="papers"/>; papers without votes are not "top".</summary>
    private static IEnumerable<Paper> MostUpvoted(IEnumerable<Paper> papers) =>
        papers.Where(p => p.Upvotes is > 0)
            .OrderByDescending(p => p.Upvotes).ThenBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(HomeListSize);

    /// <summary>The reading list: filled in the browser from localStorage and the paper briefs; the page carries the topics' names.</summary>
    private SitePage SavedPage()
    {
        var topics = System.Text.Json.JsonSerializer.Serialize(
            _index.Digest.Taxonomy.All.ToDictionary(t => t.Slug, t => t.Name),
            SavedPageJson.Default.DictionaryStringString);
        return new SitePage(Routes.Saved, "saved", Head("saved", Routes.Saved), new SavedPage(topics), "saved");
    }

    private SitePage TopicsPage()
    {
        var topics = _index.ShownTopics
            .Select(t => new TopicSummary(Routes.Topic(t.Slug), t.Name, _index.PapersByTopic.GetValueOrDefault(t.Slug)?.Count ?? 0, new Html(MarkdownText.ToHtml(t.Description))))
            .ToList();
        return new SitePage(Routes.Topics, "topics", Head("topics", Routes.Topics), new TopicsPage(topics), "topics");
    }

    private SitePage DatesPage()
    {
        var counts = _index.PapersByDate.ToDictionary(kv => kv.Key, kv => kv.Value.Count);
        var years = _index.Dates.GroupBy(d => d.Year).OrderByDescending(g => g.Key).Select(year => new ArchiveYear(
            year.Key,
            year.Sum(d => counts.GetValueOrDefault(d)),
            new Html(CalendarHeatmap.Html(year.Key, counts, Words, "")),
            year.GroupBy(d => d.Month).OrderByDescending(g => g.Key).Select(month => new ArchiveMonth(
                Words.MonthYear(year.Key, month.Key),
                DigestPeriod.MonthOf(month.First()).Route,
                month.Sum(d => counts.GetValueOrDefault(d)),
                month.OrderByDescending(d => d).Select(d => new CountLink(Routes.Date(d), _views.LongDate(d), counts.GetValueOrDefault(d))).ToList(),
                month.Select(DigestPeriod.WeekOf).Distinct().OrderByDescending(w => w.First)
                    .Select(w => new LinkView(w.Route, _views.PeriodName(w))).ToList())).ToList()))
            .ToList();
        return new SitePage(Routes.Dates, "dates", Head("dates", Routes.Dates), new DatesPage(years), "dates");
    }

    /// <summary>When and from what the site was built, and what went wrong, so a stale or broken digest is visible.</summary>
    private SitePage StatusPage()
    {
        var newest = _index.PapersByDate.Count == 0 ? (DateOnly?)null : _index.PapersByDate.Keys.Last();
        var bag = _index.Digest.Diagnostics;
        var model = new StatusPage(
            _views.LongDate(_index.Digest.BuildDate),
            newest is { } n ? _views.LongDate(n) : Words.Text("status.none_yet"),
            newest is { } d ? Routes.Date(d) : Routes.Dates,
            newest is { } day ? _index.Digest.BuildDate.DayNumber - day.DayNumber : 0,
            _index.Digest.Papers.Count,
            _index.Digest.Posts.Count,
            _index.Digest.Seeds.Select(s => new StatusSeed(s.File, s.Format, _views.LongDate(s.Captured), s.Lines, s.Records)).ToList(),
            bag.Items.Select(i => i.ToString()).ToList(),
            bag.ErrorCount,
            bag.WarningCount);
        return new SitePage(Routes.Status, "status", Head("status", Routes.Status), model, "status");
    }

    private SitePage FeedsPage()
    {
        static FeedRow Row(string name, string page, string folder) =>
            new(name, page, folder + FeedDefinition.RssFile, folder + FeedDefinition.AtomFile, folder + FeedDefinition.JsonFile);

        var topics = _index.ShownTopics
            .Select(t => Row(t.Name, Routes.Topic(t.Slug), Routes.Topic(t.Slug)))
            .ToList();
        var model = new FeedsPage([Row(Words.Text("feeds.everything"), Routes.Home, "")], topics, Routes.FeedsOpml, _views.HasFeeds);
        return new SitePage(Routes.Feeds, "feeds", Head("feeds", Routes.Feeds), model, "feeds");
    }

    private SitePage MarkdownPage(string slug, string markdown)
    {
        var (title, body) = MarkdownText.SplitTitle(markdown);
        title ??= CultureInfo.InvariantCulture.TextInfo.ToTitleCase(slug.Replace('-', ' '));
        var route = slug + "/";
        return new SitePage(route, "page", _views.Head(title, Snippet.Cut(body, 200), route, []), new MarkdownPage(title, new Html(MarkdownText.ToHtml(body))), slug);
    }

    private IReadOnlyList<CountLink> TopicCounts() =>
        _index.Digest.Taxonomy.All
            .Where(t => _index.PapersByTopic.ContainsKey(t.Slug))
            .Select(t => new CountLink(Routes.Topic(t.Slug), t.Name, _index.PapersByTopic[t.Slug].Count))
            .ToList();
}
