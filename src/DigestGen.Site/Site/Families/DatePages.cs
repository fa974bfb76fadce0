using System.Globalization;
using DigestGen.Curate;
using DigestGen.Curate.Topics;

namespace DigestGen.Site;

/// <summary>
/// A page per digest date at <c>/dates/YYYY-MM-DD/</c>: the papers and posts that entered the digest that day, with
/// links to the dates beside it and to its week and month. A day of more than <see cref="ListViewFrom"/> papers
/// lists them one line each, grouped by first topic. Its cards are not written a second time on a page of their
/// own: at 100,000 papers those pages were 80 MB of a site that has to stay under 1 GB (issue 24); the theme's
/// script shows each row's abstract opening from the search index's records instead.
/// </summary>
public sealed class DatePages : IPageFamily
{
    /// <summary>Above this many papers a date page is a list: 111 cards are 21,800 px tall on a desktop.</summary>
    public const int ListViewFrom = 30;

    public IEnumerable<PagePlan> Plan(PlanContext site)
    {
        var dates = site.Index.Dates;
        for (var i = 0; i < dates.Count; i++)
        {
            var day = new Day(dates[i], site.Index.PapersByDate.GetValueOrDefault(dates[i]) ?? [], site.Index.PostsByDate.GetValueOrDefault(dates[i]) ?? [],
                i > 0 ? dates[i - 1] : null, i + 1 < dates.Count ? dates[i + 1] : null);
            yield return new PagePlan(Routes.Date(day.Date), site.Hash(s => Inputs(s, day)), () => Page(site, day, day.Papers.Count > ListViewFrom));
        }
    }

    internal static UInt128 Inputs(PageInputs inputs, Day day) =>
        inputs.Page("date").Add(day.Date).Add(day.Previous).Add(day.Next).Papers(day.Papers).Posts(day.Posts).Value;

    private static SitePage Page(PlanContext site, Day day, bool listed)
    {
        var views = site.Views;
        var date = day.Date;
        var route = Routes.Date(date);
        var model = new DatePage(
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            views.LongDate(date),
            day.Papers.Count,
            listed ? [] : day.Papers.Select(views.Card).ToList(),
            listed ? Groups(site, day.Papers) : [],
            day.Posts.Select(views.Post).ToList(),
            day.Previous is { } p ? new LinkView(Routes.Date(p), views.LongDate(p)) : null,
            day.Next is { } n ? new LinkView(Routes.Date(n), views.LongDate(n)) : null,
            new[] { DigestPeriod.WeekOf(date), DigestPeriod.MonthOf(date) }
                .Select(period => new LinkView(period.Route, views.PeriodName(period))).ToList());
        var words = views.Words;
        var description = words.Format("date.description", ("papers", words.Count("papers", day.Papers.Count)), ("posts", words.Count("posts", day.Posts.Count)), ("date", views.LongDate(date)));
        return new SitePage(route, "date", views.Head(views.LongDate(date), description, route, []), model, "dates");
    }

    /// <summary>The day's papers by first topic, in taxonomy order, each group in list order.</summary>
    private static List<TopicGroup> Groups(PlanContext site, List<Paper> papers)
    {
        var taxonomy = site.Index.Digest.Taxonomy;
        var byTopic = papers.ToLookup(p => p.Topics.FirstOrDefault(taxonomy.BySlug.ContainsKey) ?? Topic.OtherSlug);
        return taxonomy.All.Where(t => byTopic.Contains(t.Slug))
            .Select(t => new TopicGroup("t-" + t.Slug, t.Name, byTopic[t.Slug].Select(site.Views.Card).ToList()))
            .ToList();
    }

    /// <summary>A digest date with what entered the digest that day and the dates beside it.</summary>
    internal sealed record Day(DateOnly Date, List<Paper> Papers, List<Post> Posts, DateOnly? Previous, DateOnly? Next);
}
