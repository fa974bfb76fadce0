using System.Xml.Linq;
using DigestGen.Site;

namespace DigestGen.Tests.Site;

/// <summary>The sitemap protocol's limit of URLs per file: past it, sitemap.xml is an index of parts.</summary>
public class SitemapTests
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public void Up_to_the_limit_one_urlset_holds_every_route_in_order()
    {
        var files = SitemapXml.Build("https://example.org/d/", ["papers/b/", "", "papers/a&b/"], urlsPerFile: 3);

        var (route, xml) = Assert.Single(files);
        Assert.Equal("sitemap.xml", route);
        Assert.Equal(["https://example.org/d/", "https://example.org/d/papers/a&b/", "https://example.org/d/papers/b/"],
            XDocument.Parse(xml).Descendants(Ns + "loc").Select(l => l.Value));
    }

    [Fact]
    public void Past_the_limit_sitemap_xml_indexes_parts_that_hold_every_route_once()
    {
        var routes = Enumerable.Range(0, 7).Select(i => $"papers/p{i}/").ToList();
        var files = SitemapXml.Build("https://example.org/d/", routes, urlsPerFile: 3);

        Assert.Equal(["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"], files.Select(f => f.Route));
        var index = XDocument.Parse(files[0].Xml);
        Assert.Equal("sitemapindex", index.Root!.Name.LocalName);
        Assert.Equal(files.Skip(1).Select(f => "https://example.org/d/" + f.Route), index.Descendants(Ns + "loc").Select(l => l.Value));
        var locs = files.Skip(1).SelectMany(f => XDocument.Parse(f.Xml).Descendants(Ns + "loc").Select(l => l.Value)).ToList();
        Assert.Equal(routes.Select(r => "https://example.org/d/" + r), locs);
        Assert.All(files.Skip(1), f => Assert.True(XDocument.Parse(f.Xml).Descendants(Ns + "url").Count() <= 3));
    }
}
