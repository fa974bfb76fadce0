using DigestGen.Diagnostics;
using DigestGen.Site;
using DigestGen.Tests.Support;
using DigestGen.Text;

namespace DigestGen.Tests.Safety;

/// <summary>Seeds and curator files that used to publish bogus content with exit code 0.</summary>
public class BogusContentTests
{
    [Fact]
    public void A_garbled_date_line_is_a_warning_and_every_paper_around_it_is_kept()
    {
        var diagnostics = new DiagnosticBag();
        var result = Seeds.Ingest(Seeds.Listing(
            $"First Real Paper\n\n{Seeds.LongAbstract("first")}\n\n  • 4 authors\n·\nFoo 99, 20x5\n\n" +
            $"Second Real Paper\n\n{Seeds.LongAbstract("second")}\n\n  • 2 authors\n·\nAug 7 3\n\n" +
            $"Third Real Paper\n\n{Seeds.LongAbstract("third")}\n"), diagnostics);

        Assert.Equal(["First Real Paper", "Second Real Paper", "Third Real Paper"], result.Listings.Select(l => l.Title));
        Assert.Equal(4, result.Listings[0].AuthorCount);
        Assert.Equal(3, result.Listings[1].Upvotes);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(19, warning.Line);
        Assert.Contains("'Foo 99, 20x5' stands where the paper's date belongs but is not a date", warning.Message);
    }

    [Fact]
    public void A_stray_line_between_papers_is_skipped_and_the_next_paper_kept()
    {
        var diagnostics = new DiagnosticBag();
        var result = Seeds.Ingest(Seeds.Listing(
            $"First Real Paper\n\n{Seeds.LongAbstract("first")}\n\nFoo 99, 20x5\n\n" +
            $"Second Real Paper\n\n{Seeds.LongAbstract("second")}\n"), diagnostics);

        Assert.Equal(["First Real Paper", "Second Real Paper"], result.Listings.Select(l => l.Title));
        Assert.Contains("'Foo 99, 20x5' is neither a title followed by its abstract nor metadata; it was skipped", Assert.Single(diagnostics.Items).Message);
    }

    [Theory]
    [InlineData("Safe\u202Etxt.exe Title", "Safetxt.exe Title")]
    [InlineData("\u2066Isolated\u2069 and \u202Aembedded\u202C", "Isolated and embedded")]
    [InlineData("Zero\u200Bwidth\u200C and\u2060joined\uFEFF", "Zerowidth andjoined")]
    [InlineData("Coders 👩\u200D💻 keep their emoji", "Coders 👩\u200D💻 keep their emoji")]
    [InlineData("A lone\u200Djoiner goes", "A lonejoiner goes")]
    public void Invisible_characters_leave_titles(string raw, string clean) =>
        Assert.Equal(clean, InvisibleCharacters.Strip(raw));

    [Fact]
    public void Invisible_characters_leave_titles_slugs_headlines_and_organisations_of_a_built_site()
    {
        using var site = new ContentFolder().WithThemes()
            .With("seeds/a.txt", Seeds.Listing($"Spoofed \u202Egnp.exe\u202C Paper\n\n{Seeds.LongAbstract("spoof")}\n\nQwen\u200B Labs\n·\nAug 7 3\n"))
            .With("seeds/b.txt", "Dept of \u2067Things\u2069\nAbstract:We present Zero\u200BShot\u202E, a model that reads in the dark for nights on end.\n");

        var run = CliRun.Of("build", "--content", site.Content, "--output", site.Output, "--build-date", "2026-01-01");
        var json = File.ReadAllText(Path.Combine(site.Output, "data", "papers.json"));

        Assert.Equal(0, run.ExitCode);
        foreach (var invisible in new[] { "\u202E", "\u202C", "\u200B", "\u2067", "\u2069", "\\u202E", "\\u202e", "\\u200B", "\\u200b", "\\u2067" })
        {
            Assert.False(json.Contains(invisible, StringComparison.Ordinal), $"papers.json holds {invisible} at {json.IndexOf(invisible, StringComparison.Ordinal)}: {json[Math.Max(0, json.IndexOf(invisible, StringComparison.Ordinal) - 40)..][..60]}");
        }

        Assert.Contains("\"title\": \"Spoofed gnp.exe Paper\"", json);
        Assert.True(Directory.Exists(Path.Combine(site.Output, "papers", "spoofed-gnp-exe-paper")));
        Assert.Contains("ZeroShot", json);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](java\tscript:alert(1))")]
    [InlineData("[click]( vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[click][evil]\n\n[evil]: javascript:alert(1)")]
    [InlineData("![click](javascript:alert(1))")]
    [InlineData("![click](data:image/svg+xml;base64,PHN2Zz4=)")]
    public void Unsafe_links_in_markdown_are_text_not_links(string markdown)
    {
        var html = MarkdownText.ToHtml(markdown);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Contains("click", document.Body!.TextContent + markdown.Replace("javascript:alert(1)", "click"));
        Assert.DoesNotContain("href", html);
    }

    [Theory]
    [InlineData("[docs](https://example.org/docs)", "https://example.org/docs")]
    [InlineData("[mail](mailto:curator@example.org)", "mailto:curator@example.org")]
    [InlineData("[about](../about/)", "../about/")]
    [InlineData("[top](#top)", "#top")]
    public void Safe_links_in_markdown_stay_links(string markdown, string href)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(MarkdownText.ToHtml(markdown));
        Assert.Equal(href, Assert.Single(document.QuerySelectorAll("a")).GetAttribute("href"));
    }

    [Fact]
    public void A_topic_description_and_a_page_with_javascript_links_build_without_them()
    {
        using var site = new ContentFolder().WithThemes()
            .With("seeds/a.txt", Seeds.Listing($"A Paper On Agents\n\n{Seeds.LongAbstract("agents")}\n"))
            .With("topics.yml", "topics:\n  - slug: agents\n    name: Agents\n    description: See [our notes](javascript:alert(document.cookie)).\n    strong: [agents]\n")
            .With("pages/about.md", "# About\n\n[Contact](javascript:alert(1)) us, or read [the docs](https://example.org/).\n");

        var run = CliRun.Of("build", "--content", site.Content, "--output", site.Output, "--build-date", "2026-01-01");

        Assert.Equal(0, run.ExitCode);
        foreach (var page in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(page));
            Assert.DoesNotContain(document.QuerySelectorAll("[href],[src]"), e =>
                (e.GetAttribute("href") ?? e.GetAttribute("src"))!.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains("our notes", File.ReadAllText(Path.Combine(site.Output, "topics", "agents", "index.html")));
        Assert.Contains("href=\"https://example.org/\"", File.ReadAllText(Path.Combine(site.Output, "about", "index.html")));
    }

    [Fact]
    public void One_enormous_line_no_longer_rejects_a_posts_file()
    {
        var diagnostics = new DiagnosticBag();
        var huge = string.Join(' ', Enumerable.Repeat("pasted", 20_000));
        var result = Seeds.Ingest(
            "Excited to share our new paper on sparse attention! 🧵\n" +
            "We cut memory by half with no loss in accuracy.\n" +
            "Paper: https://t.co/abc123\n" +
            huge + "\n" +
            "New paper! Agents that plan with tools @someone #agents\n" +
            "Code: https://t.co/def456\n",
            diagnostics);

        Assert.Equal(DigestGen.Ingest.SeedFormat.SocialPosts, result.Format);
        // The thread marker ends the first post; the pasted line stands alone between the others.
        Assert.Equal(4, result.Posts.Count);
        Assert.StartsWith("Excited to share", result.Posts[0].Text);
        Assert.StartsWith("We cut memory", result.Posts[1].Text);
        Assert.StartsWith("pasted pasted", result.Posts[2].Text);
        Assert.True(result.Posts[2].Text.Length <= DigestGen.Ingest.SocialPostParser.MaxLineLength + 2);
        Assert.EndsWith("…", result.Posts[2].Text);
        Assert.StartsWith("New paper! Agents", result.Posts[3].Text);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(4, warning.Line);
        Assert.Contains("longer than any post; it was kept as a post of its own, cut to 3,000 characters", warning.Message);
    }

    [Fact]
    public void A_hundred_thousand_nested_tex_groups_parse_in_linear_time_and_memory()
    {
        const int depth = 100_000;
        var nested = "Intro " + string.Concat(Enumerable.Repeat("\\emph{", depth)) + "core" + new string('}', depth) + " outro";
        TexText.Parse("warm up \\emph{x}");

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var rich = TexText.Parse(nested, out var tooDeep);
        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.True(tooDeep);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        // The input is 600,000 characters (1.2 MB); quadratic copying allocated gigabytes.
        Assert.True(allocated < 40L * nested.Length, $"allocated {allocated:N0} bytes for {nested.Length:N0} characters");
        var text = rich.ToPlainText();
        Assert.StartsWith("Intro ", text);
        Assert.EndsWith(" outro", text);
        Assert.Contains("core", text);
    }

    [Fact]
    public void Unbalanced_tex_groups_are_linear_too()
    {
        var open = string.Concat(Enumerable.Repeat("\\textbf{x ", 100_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var rich = TexText.Parse(open);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Contains("textbf", rich.ToPlainText());
    }

    [Fact]
    public void A_deeply_nested_abstract_is_a_warning_naming_its_line()
    {
        var deep = "We study " + string.Concat(Enumerable.Repeat("\\emph{", 50)) + "depth" + new string('}', 50) + " in models, which is a long enough sentence.";
        using var site = new ContentFolder().With("seeds/a.txt", "Dept\nAbstract:" + deep + "\n");

        var run = CliRun.Of("check", "--content", site.Content, "--build-date", "2026-01-01");

        Assert.Contains("seeds/a.txt:2: warning: the abstract nests TeX groups more than 32 deep", run.Out);
    }
}
