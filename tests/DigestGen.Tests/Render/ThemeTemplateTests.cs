using DigestGen.Config;
using DigestGen.Render;
using DigestGen.Site;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Render;

/// <summary>How theme templates treat values: escaped once, never twice; errors that name the file, line and column.</summary>
public class ThemeTemplateTests
{
    private sealed record Named(string Name, IReadOnlyList<string> Tags, int Count);

    /// <summary>A theme of its own in a temp folder: <paramref name="home"/> as the home page, the other pages empty.</summary>
    private static Theme ThemeWith(TempDir dir, string home, params (string Path, string Text)[] more) =>
        Theme.Load(ThemeFolder.Write(dir, home, more), ThemeFolder.Name);

    private static string Render(Theme theme, object model) =>
        new PageRenderer(theme, new SiteInfo("S", "", "en", ""), "v").Render(
            new SitePage("", "home", new PageHead("T", "", "", "website", [], []), model, "home"));

    [Fact]
    public void A_value_is_escaped_once_through_include_and_html_escape()
    {
        using var dir = new TempDir();
        var theme = ThemeWith(dir, "[{{ page.name }}][{{ include \"greet\" who: page.name }}][{{ page.name | html.escape }}]",
            ("partials/greet.html", "<b>{{ who }}</b>"));

        var html = Render(theme, new Named("Tom & <Jerry>", [], 0));

        Assert.Equal("[Tom &amp; &lt;Jerry&gt;][<b>Tom &amp; &lt;Jerry&gt;</b>][Tom &amp; &lt;Jerry&gt;]", html);
    }

    [Fact]
    public void Markup_we_made_is_written_as_it_is_and_text_that_starts_a_link_must_be_a_safe_url()
    {
        using var dir = new TempDir();
        var theme = ThemeWith(dir, "{{ page.body }}<a href=\"{{ page.link }}\">x</a><a href=\"{{ page.ok }}\">y</a><a title=\"{{ page.link }}\">z</a>");

        var html = Render(theme, new { Body = new Html("<em>ours</em>"), Link = "javascript:alert(1)", Ok = "https://example.org/?a=1&b=2" });

        Assert.Equal("<em>ours</em><a href=\"#\">x</a><a href=\"https://example.org/?a=1&amp;b=2\">y</a><a title=\"javascript:alert(1)\">z</a>", html);
    }

    [Fact]
    public void A_cached_include_is_rendered_once_per_value_of_its_key()
    {
        using var dir = new TempDir();
        var theme = ThemeWith(dir, "{{ include_cached \"tag\" page.name }}", ("partials/tag.html", "<b>{{ page.name }} {{ page.count }}</b>"));

        Assert.Equal("<b>a &amp; b 1</b>", Render(theme, new Named("a & b", [], 1)));
        Assert.Equal("<b>c 2</b>", Render(theme, new Named("c", [], 2)));

        // Keyed by the name only, as the call says: a partial must depend on nothing but its key.
        Assert.Equal("<b>a &amp; b 1</b>", Render(theme, new Named("a & b", [], 3)));
    }

    [Fact]
    public void Empty_lists_empty_text_and_zero_are_false()
    {
        using var dir = new TempDir();
        var theme = ThemeWith(dir, "{{ if page.tags }}tags{{ end }}{{ if page.name }}name{{ end }}{{ if page.count }}count{{ end }}.");

        Assert.Equal(".", Render(theme, new Named("", [], 0)));
        Assert.Equal("tagsnamecount.", Render(theme, new Named("n", ["t"], 2)));
    }

    [Fact]
    public void A_syntax_error_names_the_file_line_and_column()
    {
        using var dir = new TempDir();

        var error = Assert.Throws<ConfigException>(() => ThemeWith(dir, "<h1>\n  {{ if page.name }}unclosed"));

        Assert.Matches(@"pages[/\\]home\.html:2:\d+: error: ", error.Message);
    }

    [Fact]
    public void An_unknown_variable_is_an_error_naming_the_file_line_and_column()
    {
        using var dir = new TempDir();
        var theme = ThemeWith(dir, "<p>\n{{ page.name }} {{ pgae.name }}</p>");

        var error = Assert.Throws<ConfigException>(() => Render(theme, new Named("n", [], 0)));

        Assert.Matches(@"pages[/\\]home\.html:2:\d+: error: .*pgae", error.Message);
    }

    [Fact]
    public void A_missing_partial_is_an_error_naming_it()
    {
        using var dir = new TempDir();
        var theme = ThemeWith(dir, "{{ include \"nope\" }}");

        var error = Assert.Throws<ConfigException>(() => Render(theme, new Named("n", [], 0)));

        Assert.Contains("partials/nope.html", error.Message);
    }

    [Fact]
    public void A_page_over_a_megabyte_is_written_whole()
    {
        using var dir = new TempDir();
        var theme = ThemeWith(dir, "{{ for tag in page.tags }}<p>{{ tag }}</p>\n{{ end }}[end]");
        var tags = Enumerable.Range(0, 30_000).Select(i => $"tag {i} " + new string('x', 60)).ToList();

        var html = Render(theme, new Named("n", tags, 0));

        Assert.True(html.Length > 2_000_000, $"{html.Length} characters");
        Assert.EndsWith("[end]", html);
    }
}
