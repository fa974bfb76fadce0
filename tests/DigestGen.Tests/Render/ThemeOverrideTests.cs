using DigestGen.Tests.Support;

namespace DigestGen.Tests.Render;

/// <summary>A site theme that names <c>default</c> as its parent overrides single files; the rest come from the parent.</summary>
public class ThemeOverrideTests
{
    private static ContentFolder SiteTheme()
    {
        var site = new ContentFolder("title: Test Digest\nbase_url: https://example.org/digest/\ntheme: mysite\nseeds: []\n").WithThemes()
            .With("seeds/listing.txt", Seeds.Listing($"Sparse Attention Study\n\n{Seeds.LongAbstract("sparse attention")}\n\n  • 3 authors\n·\nAug 7 2\n"));
        var mine = Path.Combine(site.Themes, "mysite");
        Directory.CreateDirectory(Path.Combine(mine, "partials"));
        Directory.CreateDirectory(Path.Combine(mine, "assets"));
        File.WriteAllText(Path.Combine(mine, "theme.yml"), "parent: default\n");
        var card = File.ReadAllText(Path.Combine(site.Themes, "default", "partials", "paper-card.html"));
        File.WriteAllText(Path.Combine(mine, "partials", "paper-card.html"), card.Replace("<li class=\"card\"", "<li class=\"card mysite-card\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(mine, "assets", "site.css"), "/* mysite */ body { color: teal; }\n");
        return site;
    }

    private static CliRun Build(ContentFolder site) =>
        CliRun.Of("build", "--content", site.Content, "--output", site.Output, "--build-date", "2026-01-01");

    [Fact]
    public void A_file_of_the_site_theme_replaces_the_parents_and_everything_else_comes_from_the_parent()
    {
        using var site = SiteTheme();

        var run = Build(site);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("mysite-card", File.ReadAllText(Path.Combine(site.Output, "index.html")));
        Assert.Contains("<h2 id=\"abstract-heading\">Abstract</h2>", File.ReadAllText(Path.Combine(site.Output, "papers", "sparse-attention-study", "index.html")));
        Assert.StartsWith("/* mysite */", File.ReadAllText(Path.Combine(site.Output, "assets", "site.css")));
        Assert.Equal(File.ReadAllText(Path.Combine(site.Themes, "default", "assets", "search.js")), File.ReadAllText(Path.Combine(site.Output, "assets", "search.js")));
    }

    [Fact]
    public void Editing_an_override_rebuilds_the_pages_it_renders()
    {
        using var site = SiteTheme();
        Build(site);
        var card = Path.Combine(site.Themes, "mysite", "partials", "paper-card.html");
        File.WriteAllText(card, File.ReadAllText(card).Replace("mysite-card", "mysite-card-2", StringComparison.Ordinal));

        Assert.Equal(0, Build(site).ExitCode);

        Assert.Contains("mysite-card-2", File.ReadAllText(Path.Combine(site.Output, "index.html")));
    }

    [Fact]
    public void Check_reports_an_override_that_matches_nothing_in_the_parent()
    {
        using var site = SiteTheme();
        Directory.CreateDirectory(Path.Combine(site.Themes, "mysite", "pages"));
        File.WriteAllText(Path.Combine(site.Themes, "mysite", "pages", "papr.html"), "{{ page.title }}");

        var run = CliRun.Of("check", "--content", site.Content, "--strict");

        Assert.Contains("themes/mysite/pages/papr.html: warning: overrides nothing in the parent theme 'default'", run.Out);
        Assert.DoesNotContain("paper-card.html: warning", run.Out);
        Assert.NotEqual(0, run.ExitCode);
    }

    [Fact]
    public void Check_lists_the_templates_the_interpreter_renders_with_where_and_why()
    {
        using var site = SiteTheme();
        // An assignment is one of the constructs the compiler leaves to Scriban.
        var card = Path.Combine(site.Themes, "mysite", "partials", "paper-card.html");
        File.WriteAllText(card, "{{ x = 1 }}" + File.ReadAllText(card));

        var run = CliRun.Of("check", "--content", site.Content);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Templates rendered by Scriban's interpreter", run.Out);
        Assert.Contains("  themes/mysite/partials/paper-card.html:1:4: ScriptExpressionStatement", run.Out);
        Assert.Contains("  themes/default/pages/search.html:", run.Out);
        Assert.DoesNotContain("themes/default/partials/paper-card.html", run.Out);
        Assert.DoesNotContain("pages/paper.html", run.Out);
    }

    [Fact]
    public void Check_stops_on_a_template_syntax_error_with_its_file_line_and_column()
    {
        using var site = SiteTheme();
        File.WriteAllText(Path.Combine(site.Themes, "mysite", "partials", "paper-card.html"), "<li>\n{{ if }}\n</li>");

        var run = CliRun.Of("check", "--content", site.Content);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"paper-card\.html\(2,\d+\)|paper-card\.html:2:\d+", run.Err);
    }

    [Fact]
    public void A_missing_parent_theme_is_an_error_naming_theme_yml()
    {
        using var site = SiteTheme();
        File.WriteAllText(Path.Combine(site.Themes, "mysite", "theme.yml"), "parent: defualt\n");

        var run = Build(site);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("theme.yml: error: theme 'defualt' not found", run.Err);
    }
}
