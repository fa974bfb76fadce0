using AngleSharp.Html.Parser;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Site;

/// <summary>Small sites written inline, built, and their output asserted.</summary>
public class SiteBuildTests
{
    private const string Hostile = "<script>alert(1)</script> & \"quoted\" 'single'";
    private const string HostileAbstract = "An abstract with <img src=x onerror=alert(2)> and a <a href=\"javascript:alert(3)\">link</a>, long enough to read like a real abstract of a paper about models.";

    private static ContentFolder HostileSite() =>
        new ContentFolder().WithThemes()
            .With("seeds/listing.txt", Seeds.Listing($"{Hostile}\n\n{HostileAbstract}\n\n  • 3 authors\n·\nAug 7 2\n\nA Normal Paper About KV Cache Compression\n\n{Seeds.LongAbstract("kv cache")}\n"))
            .With("seeds/posts.txt", "Look at this <b>bold</b> claim #tag @someone\nhttps://t.co/x\"onmouseover=alert(4)\n");

    [Fact]
    public void Hostile_seed_text_shows_as_text_everywhere()
    {
        using var content = HostileSite();
        var run = CliRun.Of("build", "--content", content.Content, "--output", content.Output, "--build-date", "2026-01-01");
        Assert.True(run.ExitCode is 0 or 1, run.Out + run.Err);

        var parser = new HtmlParser();
        var htmlFiles = Directory.EnumerateFiles(content.Output, "*.html", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(htmlFiles);
        foreach (var file in htmlFiles)
        {
            var doc = parser.ParseDocument(File.ReadAllText(file));
            Assert.Empty(doc.QuerySelectorAll("img"));
            Assert.Empty(doc.QuerySelectorAll("b"));
            Assert.All(doc.QuerySelectorAll("script"), s => Assert.DoesNotContain("alert", s.TextContent));
            Assert.All(doc.All, e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal)));
            Assert.All(doc.QuerySelectorAll("a[href]"), a => Assert.DoesNotContain("javascript:", a.GetAttribute("href")));
        }

        var paperDir = Directory.GetDirectories(Path.Combine(content.Output, "papers")).Single(d => Path.GetFileName(d).StartsWith("script-alert", StringComparison.Ordinal));
        var page = parser.ParseDocument(File.ReadAllText(Path.Combine(paperDir, "index.html")));
        Assert.Equal(Hostile, page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith(Hostile + " · ", page.Title);
        Assert.Equal(Hostile, page.QuerySelector("meta[name=citation_title]")!.GetAttribute("content"));
        Assert.Contains("<img src=x onerror=alert(2)>", page.QuerySelector("p.abstract")!.TextContent);
    }

    [Fact]
    public void Two_builds_are_byte_identical()
    {
        using var a = ContentFolder.FromFixture();
        using var b = ContentFolder.FromFixture();
        Assert.Equal(0, CliRun.Of("build", "--content", a.Content, "--output", a.Output, "--build-date", "2026-11-22").ExitCode);
        Assert.Equal(0, CliRun.Of("build", "--content", b.Content, "--output", b.Output, "--build-date", "2026-11-22").ExitCode);

        var filesA = Directory.EnumerateFiles(a.Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a.Output, f)).Order().ToList();
        var filesB = Directory.EnumerateFiles(b.Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(b.Output, f)).Order().ToList();
        Assert.Equal(filesA, filesB);
        Assert.All(filesA, f => Assert.True(File.ReadAllBytes(Path.Combine(a.Output, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b.Output, f))), f));
    }

    [Fact]
    public void Files_of_pages_that_no_longer_exist_do_not_linger()
    {
        using var content = HostileSite();
        CliRun.Of("build", "--content", content.Content, "--output", content.Output, "--build-date", "2026-01-01");
        var stale = Path.Combine(content.Output, "papers", "gone", "index.html");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "old");

        var run = CliRun.Of("build", "--content", content.Content, "--output", content.Output, "--build-date", "2026-01-01");

        Assert.False(File.Exists(stale));
        Assert.False(Directory.Exists(Path.GetDirectoryName(stale)));
        Assert.Contains("0 written", run.Out);
        Assert.Contains("1 removed", run.Out);
    }

    [Fact]
    public void A_template_error_found_while_rendering_exits_2_naming_the_file_line_and_column()
    {
        using var content = HostileSite();
        var paper = Path.Combine(content.Themes, "default", "pages", "paper.html");
        File.WriteAllText(paper, File.ReadAllText(paper).Replace("{{ page.title }}", "{{ page.titel }}", StringComparison.Ordinal));

        var run = CliRun.Of("build", "--content", content.Content, "--output", content.Output, "--build-date", "2026-01-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"pages/paper\.html:3:\d+: error: .*titel", run.Err);
        Assert.DoesNotContain("internal error", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }

    [Fact]
    public void A_failed_build_leaves_output_untouched()
    {
        using var content = HostileSite();
        CliRun.Of("build", "--content", content.Content, "--output", content.Output, "--build-date", "2026-01-01");
        var before = Directory.EnumerateFiles(content.Output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

        File.Delete(Path.Combine(content.Themes, "default", "pages", "paper.html"));
        var run = CliRun.Of("build", "--content", content.Content, "--output", content.Output, "--build-date", "2026-01-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("pages/paper.html", run.Err);
        var after = Directory.EnumerateFiles(content.Output, "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(before.Keys.Order(), after.Order());
        Assert.All(after, f => Assert.Equal(before[f], File.ReadAllBytes(f)));
    }
}
