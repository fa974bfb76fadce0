using System.Globalization;
using DigestGen.Curate;

namespace DigestGen.Site;

/// <summary>A page per digest date at <c>/dates/YYYY-MM-DD/</c>: the papers and posts that entered the digest that day, with links to the dates beside it.</summary>
public sealed class DatePages : IPageFamily
{
    public IEnumerable<PagePlan> Plan(PlanContext site)
    {
        var dates = site.Index.Dates;
        for (var i = 0; i < dates.Count; i++)
        {
            var date = dates[i];
            var papers = site.Index.PapersByDate.GetValueOrDefault(date) ?? [];
            var posts = site.Index.PostsByDate.GetValueOrDefault(date) ?? [];
            DateOnly? previous = i > 0 ? dates[i - 1] : null;
            DateOnly? next = i + 1 < dates.Count ? dates[i + 1] : null;
            yield return new PagePlan(Routes.Date(date), site.Hash(s => Inputs(s, date, papers, posts, previous, next)), () => Page(site.Views, date, papers, posts, previous, next));
        }
    }

    internal static UInt128 Inputs(PageInputs inputs, DateOnly date, IReadOnlyCollection<Paper> papers, IReadOnlyCollection<Post> posts, DateOnly? previous, DateOnly? next) =>
        inputs.Page("date").Add(date).Add(previous).Add(next).Papers(papers).Posts(posts).Value;

    private static SitePage Page(PageViews views, DateOnly date, List<Paper> papers, List<Post> posts, DateOnly? previous, DateOnly? next)
    {
        var route = Routes.Date(date);
        var model = new DatePage(
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            views.LongDate(date),
            papers.Select(views.Card).ToList(),
            posts.Select(views.Post).ToList(),
            previous is { } p ? new LinkView(Routes.Date(p), views.LongDate(p)) : null,
            next is { } n ? new LinkView(Routes.Date(n), views.LongDate(n)) : null);
        var words = views.Words;
        var description = words.Format("date.description", ("papers", words.Count("papers", papers.Count)), ("posts", words.Count("posts", posts.Count)), ("date", views.LongDate(date)));
        return new SitePage(route, "date", views.Head(views.LongDate(date), description, route, []), model, "dates");
    }
}
