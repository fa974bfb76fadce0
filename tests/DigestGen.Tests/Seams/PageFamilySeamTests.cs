using System.Text.RegularExpressions;
using DigestGen.Curate;
using DigestGen.Pipeline;
using DigestGen.Site;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Seams;

/// <summary>A new page family is one class and one entry in the list of families: shown with a page per organisation, a family of the tests' own.</summary>
public partial class PageFamilySeamTests
{
    private static readonly DateOnly Today = new(2026, 1, 1);

    /// <summary>A page per organisation at <c>organisations/&lt;slug&gt;/</c>, listing its papers with the theme's topic template.</summary>
    private sealed partial class OrganisationPages : IPageFamily
    {
        public IEnumerable<PagePlan> Plan(PlanContext site)
        {
            foreach (var group in site.Index.Digest.Papers.Where(p => p.Organisation is not null).GroupBy(p => p.Organisation!).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var (name, papers) = (group.Key, group.OrderBy(p => p.Id, StringComparer.Ordinal).ToList());
                var route = $"organisations/{Slug().Replace(name.ToLowerInvariant(), "-").Trim('-')}/";
                yield return new PagePlan(
                    route,
                    site.Hash(inputs => inputs.Page("organisation").Add(name).Papers(papers).Value),
                    () => new SitePage(route, "topic", site.Views.Head(name, $"Papers from {name}.", route, []),
                        new TopicPage(name, Html.Empty, $"{papers.Count} papers", papers.Select(site.Views.Card).ToList(), new Pager(null, null, "", "", ""), [], false), "topics"));
            }
        }

        [GeneratedRegex("[^a-z0-9]+")]
        private static partial Regex Slug();
    }

    private static string Paper(string title, string organisation) =>
        $"{title}\n\n{Seeds.LongAbstract(title.ToLowerInvariant())}\n\n{organisation}\n·\nJul 30, 2024 12\n\n";

    private static BuildOptions WithOrganisations(ContentFolder site) => new(site.Content, site.Output, Today)
    {
        PageFamilies = [.. PageFamilies.Default, new OrganisationPages()],
    };

    [Fact]
    public void Without_the_family_there_are_no_organisation_pages()
    {
        using var site = new ContentFolder().WithThemes().With("seeds/a.txt", Seeds.Listing(Paper("Sparse Attention Study", "Qwen")));

        SiteBuilder.Build(new BuildOptions(site.Content, site.Output, Today));

        Assert.True(File.Exists(Path.Combine(site.Output, "papers", "sparse-attention-study", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "organisations")));
    }

    [Fact]
    public void With_the_family_registered_its_pages_are_built_and_kept_or_rebuilt_like_the_others()
    {
        using var site = new ContentFolder().WithThemes()
            .With("seeds/a.txt", Seeds.Listing(Paper("Sparse Attention Study", "Qwen") + Paper("Robot Arm Control", "Open Robotics")));
        var qwen = Path.Combine(site.Output, "organisations", "qwen", "index.html");

        var first = SiteBuilder.Build(WithOrganisations(site));

        Assert.Contains("Sparse Attention Study", File.ReadAllText(qwen));
        Assert.DoesNotContain("Robot Arm Control", File.ReadAllText(qwen));
        Assert.True(File.Exists(Path.Combine(site.Output, "organisations", "open-robotics", "index.html")));
        Assert.Contains("organisations/qwen/", File.ReadAllText(Path.Combine(site.Output, "sitemap.xml")));

        // A seed that adds a Qwen paper renders Qwen's page again and keeps the other one as it was.
        site.With("seeds/b.txt", Seeds.Listing(Paper("Longer Context Windows", "Qwen"), "Nov 5"));
        var second = SiteBuilder.Build(WithOrganisations(site));

        Assert.Contains("Longer Context Windows", File.ReadAllText(qwen));
        Assert.Contains("organisations/qwen/index.html", second.Publish.WrittenFiles);
        Assert.DoesNotContain("organisations/open-robotics/index.html", second.Publish.WrittenFiles);
        Assert.Equal(first.Summary.Papers + 1, second.Summary.Papers);
    }
}
