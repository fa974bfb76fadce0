using DigestGen.Curate;
using DigestGen.Curate.Topics;
using DigestGen.Text;

namespace DigestGen.Site;

/// <summary>
/// A page per topic at <c>/topics/&lt;slug&gt;/</c> with its newest papers, and numbered archive pages of
/// older ones that do not move when papers are added (page 1 holds the oldest).
/// </summary>
public sealed class TopicPages : IPageFamily
{
    public IEnumerable<PagePlan> Plan(PlanContext site)
    {
        foreach (var topic in site.Index.ShownTopics)
        {
            var papers = site.Index.PapersByTopic.GetValueOrDefault(topic.Slug) ?? [];
            var pagination = new TopicPagination(papers.Count);
            var description = new Lazy<Html>(() => new Html(MarkdownText.ToHtml(topic.Description)));
            var first = papers.GetRange(0, pagination.FirstPageCount);
            yield return new PagePlan(
                Routes.Topic(topic.Slug),
                site.Hash(s => Inputs(s, topic, papers.Count, first, 0, pagination.Archived)),
                () => Page(site.Views, topic, description.Value, first, 0, pagination.Archived, papers.Count));
            for (var page = 1; page <= pagination.Archived; page++)
            {
                var number = page;
                var shown = papers.GetRange(pagination.Start(number), Routes.PageSize);

                // An archive page does not show the topic's size or page count, which every new paper would change.
                var newest = number == pagination.Archived ? 0 : 1;
                yield return new PagePlan(
                    Routes.TopicArchive(topic.Slug, number),
                    site.Hash(s => Inputs(s, topic, 0, shown, number, newest)),
                    () => Page(site.Views, topic, description.Value, shown, number, pagination.Archived, 0));
            }
        }
    }

    /// <param name="links">What decides the page's pager links (the number of archive pages, or whether an archive page is the newest).</param>
    private static UInt128 Inputs(PageInputs inputs, Topic topic, int total, List<Paper> shown, int page, int links) =>
        inputs.Page("topic").Add(topic.Slug).Add(total).Add(page).Add(links).Papers(shown).Value;

    /// <param name="page">0 for the topic's first page, else the archive page's number.</param>
    /// <param name="total">The topic's size, shown on its first page only.</param>
    private static SitePage Page(PageViews views, Topic topic, Html description, List<Paper> shown, int page, int archived, int total)
    {
        var route = page == 0 ? Routes.Topic(topic.Slug) : Routes.TopicArchive(topic.Slug, page);
        var words = views.Words;
        var span = shown.Count == 0 ? "" : views.DateSpan(shown[^1].DigestDate, shown[0].DigestDate);
        var number = PageViews.Number(page);
        var (newer, older) = (words.Text("topic.newer"), words.Text("topic.older"));
        var pager = page == 0
            ? new Pager(null, archived > 0 ? Routes.TopicArchive(topic.Slug, archived) : null, words.Text("topic.newest"), newer, older)
            : new Pager(page == archived ? Routes.Topic(topic.Slug) : Routes.TopicArchive(topic.Slug, page + 1), page > 1 ? Routes.TopicArchive(topic.Slug, page - 1) : null, words.Format("topic.papers_of", ("span", span)), newer, older);
        var stats = page == 0 ? words.Count("papers", total) : words.Format("topic.archive_stats", ("page", number), ("span", span));
        var model = new TopicPage(topic.Name, description, stats, shown.Select(views.Card).ToList(), pager, [], Archive: page > 0);
        var title = page == 0 ? topic.Name : words.Format("topic.archive_title", ("topic", topic.Name), ("page", number), ("span", span));
        var feeds = views.HasFeeds ? views.FeedLinks(Routes.Topic(topic.Slug), words.Format("feeds.topic_title", ("site", views.Site.Title), ("topic", topic.Name))) : [];
        return new SitePage(route, "topic", views.Head(title, Snippet.Cut(topic.Description, 200), route, [], feeds), model, "topics");
    }
}
