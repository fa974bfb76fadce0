using DigestGen.Config;
using DigestGen.Render;
using DigestGen.Site;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Render;

/// <summary>
/// Compiled templates (see <c>TemplateCompiler</c>) mean what Scriban's interpreter means: every test renders
/// the same template both ways and wants the same bytes, and where it matters the bytes themselves.
/// </summary>
public class CompiledTemplateTests
{
    private sealed record Item(string Name, int Count, IReadOnlyList<string> Tags);

    private sealed record Model(string Title, IReadOnlyList<Item> Items, IReadOnlyList<int> Numbers, Item? Missing, Html Markup);

    private static readonly Model Sample = new(
        "Tom & <Jerry>",
        [new("a", 3, ["x", "y"]), new("b", 0, []), new("c<", 12, ["z"])],
        [1, 1, 2, 3, 3, 3],
        null,
        new Html("<em>ours</em>"));

    /// <summary>A theme with <paramref name="home"/> as the home page and the given files, loaded compiled and interpreted.</summary>
    private static (Theme Compiled, Theme Interpreted) Themes(TempDir dir, string home, params (string Path, string Text)[] more)
    {
        var chain = ThemeChain.Resolve(ThemeFolder.Write(dir, home, more), ThemeFolder.Name);
        return (Theme.Load(chain, "en"), Theme.Load(chain, "en", compileTemplates: false));
    }

    private static string Render(Theme theme, object model) =>
        new PageRenderer(theme, new SiteInfo("S", "", "en", ""), "v").Render(
            new SitePage("", "home", new PageHead("T", "", "", "website", [], []), model, "home") { Root = "../" });

    /// <summary>Renders both ways, checks the two agree and that the template was compiled, and returns the page.</summary>
    private static string Both(string home, object model, params (string Path, string Text)[] more)
    {
        using var dir = new TempDir();
        var (compiled, interpreted) = Themes(dir, home, more);
        Assert.DoesNotContain(compiled.Interpreted.Keys, k => k.EndsWith("home.html", StringComparison.Ordinal));

        var html = Render(compiled, model);
        Assert.Equal(Render(interpreted, model), html);
        return html;
    }

    [Fact]
    public void Values_are_escaped_once_and_markup_is_written_as_it_is()
    {
        var html = Both("<h1 title=\"{{ page.title }}\">{{ page.title }}</h1>{{ page.markup }}<a href=\"{{ page.title }}\">{{ root }}</a>", Sample);

        Assert.Equal("<h1 title=\"Tom &amp; &lt;Jerry&gt;\">Tom &amp; &lt;Jerry&gt;</h1><em>ours</em><a href=\"Tom &amp; &lt;Jerry&gt;\">../</a>", html);
    }

    [Fact]
    public void Loops_see_their_position_and_options()
    {
        var html = Both(
            "{{ for item in page.items }}[{{ for.index }}/{{ for.length }} {{ item.name }}{{ if for.first }} first{{ end }}{{ if for.last }} last{{ end }}{{ if for.even }} even{{ end }}{{ if for.odd }} odd{{ end }} r{{ for.rindex }}:{{ for tag in item.tags }}{{ tag }}{{ if !for.last }},{{ end }}{{ else }}none{{ end }}]{{ end }}"
            + "|{{ for n in page.numbers }}{{ if for.changed }}{{ n }}{{ end }}{{ end }}"
            + "|{{ for n in page.numbers limit:2 }}{{ n }}{{ end }}|{{ for n in page.numbers offset:3 }}{{ n }}{{ end }}|{{ for n in page.numbers reversed limit:3 offset:1 }}{{ n }}{{ end }}"
            + "|{{ for n in page.missing }}never{{ end }}|{{ for n in page.items limit:0 }}{{ n.count }}{{ end }}",
            Sample);

        Assert.Equal(
            "[0/3 a first even r2:x,y][1/3 b odd r1:none][2/3 c&lt; last even r0:z]|123|11|333|333||3012",
            html.Replace("\n", ""));
    }

    [Fact]
    public void Conditions_and_operators_mean_what_they_mean_in_scriban()
    {
        var html = Both(
            "{{ if page.items.size > 2 && page.title != \"\" }}A{{ end }}{{ if page.missing || page.numbers.size == 6 }}B{{ end }}"
            + "{{ for item in page.items }}{{ if item.count > 10 }}big{{ else if item.count }}some{{ else }}none{{ end }}{{ end }}"
            + "{{ if !page.missing }}C{{ end }}{{ if (page.items.size - 1) * 2 == 4 }}D{{ end }}{{ page.items.size + 1 }}{{ \"lit\" }}{{ 7 }}{{ true }}",
            Sample);

        Assert.Equal("ABsomenonebigCD4lit7true", html);
    }

    [Fact]
    public void Partials_see_their_arguments_and_their_callers_variables()
    {
        var html = Both(
            "{{ for item in page.items }}{{ include \"row\" item: item }}{{ end }}|{{ for item in page.items limit:1 }}{{ (include \"row\" item: item) }}{{ end }}|{{ tr \"card.published\" }}|{{ count page.items.size \"papers\" }}|{{ include_cached \"head\" root }}",
            Sample,
            ("partials/row.html", "<li data-root=\"{{ root }}\">{{ item.name }} of {{ page.title }}</li>"),
            ("partials/head.html", "<b>{{ root }}</b>"));

        Assert.StartsWith("<li data-root=\"../\">a of Tom &amp; &lt;Jerry&gt;</li><li data-root=\"../\">b of", html);
        Assert.Contains("</li>|<li data-root=\"../\">a of Tom &amp; &lt;Jerry&gt;</li>|", html);
        Assert.EndsWith("|3 papers|<b>../</b>", html);
    }

    [Fact]
    public void A_template_the_compiler_leaves_to_scriban_still_renders_and_sees_its_callers()
    {
        using var dir = new TempDir();
        var (compiled, interpreted) = Themes(dir, "{{ include \"piped\" n: page.title }}", ("partials/piped.html", "{{ n | string.upcase }} {{ root }}"));

        Assert.Contains(compiled.Interpreted, t => t.Key.EndsWith("piped.html", StringComparison.Ordinal) && t.Value.Contains("ScriptPipeCall"));
        Assert.Equal("TOM &amp; &lt;JERRY&gt; ../", Render(compiled, Sample));
        Assert.Equal(Render(interpreted, Sample), Render(compiled, Sample));
    }

    [Fact]
    public void The_default_theme_compiles_all_but_its_two_script_pages()
    {
        var theme = Theme.Load(RepoPaths.Themes, "default");

        Assert.Equal(["saved.html", "search.html"], theme.Interpreted.Keys.Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Errors_name_the_file_line_and_column_as_scriban_does()
    {
        using var dir = new TempDir();
        using var dir2 = new TempDir();
        var (compiled, interpreted) = Themes(dir, "<p>\n{{ page.title }} {{ page.missing.name }}</p>");
        var (compiled2, _) = Themes(dir2, "{{ include \"loop\" }}", ("partials/loop.html", "{{ include \"loop\" }}"));

        var fromCompiled = Assert.Throws<ConfigException>(() => Render(compiled, Sample));
        var fromInterpreted = Assert.Throws<ConfigException>(() => Render(interpreted, Sample));
        var endless = Assert.Throws<ConfigException>(() => Render(compiled2, Sample));

        Assert.Matches(@"pages[/\\]home\.html:2:\d+: error: .*null", fromCompiled.Message);
        Assert.Equal(fromInterpreted.Message, fromCompiled.Message);
        Assert.Contains("loop.html", endless.Message);
    }

    [Fact]
    public void Every_page_of_the_fixture_site_is_the_same_compiled_or_interpreted()
    {
        var digest = FixtureDigest.Value;
        var chain = ThemeChain.Resolve(RepoPaths.Themes, "default");
        var compiled = Theme.Load(chain, "en");
        var interpreted = Theme.Load(chain, "en", compileTemplates: false);
        var planner = new SitePlanner(digest, compiled.Words);
        var pages = planner.Pages([]).ToList();

        var (a, b) = (new PageRenderer(compiled, planner.Site, "v"), new PageRenderer(interpreted, planner.Site, "v"));

        Assert.True(pages.Count > 200, $"{pages.Count} pages");
        Assert.All(pages, page => Assert.Equal(b.Render(page), a.Render(page)));
    }
}
