using System.Globalization;
using DigestGen.Curate;
using DigestGen.Text;

namespace DigestGen.Site;

/// <summary>A page per paper at <c>/papers/&lt;slug&gt;/</c>: its abstract, facts, topics, related papers and posts, and links to the papers beside it on its date.</summary>
public sealed class PaperPages : IPageFamily
{
    /// <summary>About what search engines show of a description.</summary>
    private const int DescriptionLength = 160;

    public IEnumerable<PagePlan> Plan(PlanContext site)
    {
        foreach (var day in site.Index.PapersByDate.Values)
        {
            for (var i = 0; i < day.Count; i++)
            {
                var paper = day[i];
                var previous = i > 0 ? day[i - 1] : null;
                var next = i + 1 < day.Count ? day[i + 1] : null;
                yield return new PagePlan(Routes.Paper(paper.Slug), site.Hash(s => Inputs(s, paper, previous, next)), () => Page(site, paper, previous, next));
            }
        }
    }

    internal static UInt128 Inputs(PageInputs inputs, Paper paper, Paper? previous, Paper? next) =>
        inputs.Page("paper").Paper(paper).PaperIds(paper.Related).PostIds(paper.DiscussedIn).Paper(previous).Paper(next).Value;

    private static SitePage Page(PlanContext site, Paper paper, Paper? previous, Paper? next)
    {
        var (index, views) = (site.Index, site.Views);
        var route = Routes.Paper(paper.Slug);
        var model = new PaperPage(
            paper.Id,
            paper.Title,
            paper.TitleDerived,
            new Html(paper.Abstract.ToHtml()),
            paper.AuthorCount is { } authors ? views.Words.Count("authors", authors) : null,
            paper.Organisation,
            paper.Published is { } published ? views.LongDate(published) : null,
            paper.Upvotes,
            paper.Sources.Select(s => s.CaptureDate).Distinct().Order().Select(d => new LinkView(Routes.Date(d), views.LongDate(d))).ToList(),
            paper.Origins.Select(o => Origin(views, o)).ToList(),
            paper.Sources.Select(s => views.Words.Format("paper.source", ("file", s.File), ("line", PageViews.Number(s.Line)), ("captured", views.LongDate(s.CaptureDate)))).ToList(),
            views.Chips(paper.Topics),
            paper.Related.Select(id => index.PaperById[id]).Select(r => new LinkView(Routes.Paper(r.Slug), r.Title)).ToList(),
            paper.DiscussedIn.Select(id => views.Post(index.PostById[id])).ToList(),
            previous is null ? null : new LinkView(Routes.Paper(previous.Slug), previous.Title),
            next is null ? null : new LinkView(Routes.Paper(next.Slug), next.Title),
            OutboundLinks.Shown(OutboundLinks.Searches(paper), views.Words, "search_"),
            OutboundLinks.Shown(OutboundLinks.Resources(paper), views.Words, ""));

        var abstractText = paper.Abstract.ToPlainText();
        var meta = new List<MetaTag>
        {
            new("citation_title", paper.Title),
            new("citation_online_date", paper.DigestDate.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)),
        };
        if (paper.Published is { } publishedOn)
        {
            meta.Add(new MetaTag("citation_publication_date", publishedOn.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)));
        }

        if (paper.Organisation is { } org)
        {
            meta.Add(new MetaTag("citation_author_institution", org));
        }

        // A hundred thousand paper pages make most of the site's bytes (issue 24): a 160-character description, and no
        // feed autodiscovery links (as Hugo's pages: the home, topic and period pages name their feeds, and every footer links them).
        return new SitePage(route, "paper", views.Head(paper.Title, Snippet.Cut(abstractText, DescriptionLength), route, meta, [], type: "article"), model, "papers");
    }

    /// <summary>"Listed on a daily papers page, Nov 4, 2025", "From an abstract list of the Department of …, Nov 22, 2026".</summary>
    private static string Origin(PageViews views, PaperOrigin origin)
    {
        var date = ("date", views.LongDate(origin.Captured));
        return origin switch
        {
            { Kind: OriginKind.ListingPage } => views.Words.Format("paper.origin_listing", date),
            { Institution: { } institution } => views.Words.Format("paper.origin_abstracts_of", ("institution", institution), date),
            _ => views.Words.Format("paper.origin_abstracts", date),
        };
    }
}
