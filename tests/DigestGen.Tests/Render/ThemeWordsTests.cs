using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DigestGen.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace DigestGen.Tests.Render;

/// <summary>
/// Every word a reader sees comes from the theme's strings file of the site's language: a site in a
/// second language shows none of the English file's words, and a language file that lacks keys falls back
/// to English for those, with a warning from <c>check</c>.
/// </summary>
public partial class ThemeWordsTests
{
    private static readonly string English = Path.Combine(RepoPaths.Themes, "default", "strings", "en.yml");

    private static CliRun Build(ContentFolder site) =>
        CliRun.Of("build", "--content", site.Content, "--output", site.Output, "--build-date", "2026-01-01");

    private static ContentFolder FixtureIn(string language, string file, string yaml)
    {
        var site = ContentFolder.FromFixture();
        var digest = Path.Combine(site.Content, "digest.yml");
        File.WriteAllText(digest, File.ReadAllText(digest).Replace("\nlanguage: en\n", $"\nlanguage: {language}\n", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(site.Themes, "default", "strings", file), yaml);
        return site;
    }

    [Fact]
    public void A_site_in_a_second_language_shows_no_word_of_the_english_file()
    {
        // A pseudo-language (as Windows' qps-ploc): every key of en.yml, each word with its vowels accented.
        using var site = FixtureIn("qps", "qps.yml", PseudoLanguage(File.ReadAllText(English)));

        var run = Build(site);

        Assert.Equal(0, run.ExitCode);
        // Words without a vowel (RSS) read the same in both.
        var englishWords = WordsOf(Literals(File.ReadAllText(English))).Where(w => Accent(w) != w).ToHashSet(StringComparer.Ordinal);
        var contentWords = new HashSet<string>(WordsOf(Directory.EnumerateFiles(site.Content, "*", SearchOption.AllDirectories).Select(File.ReadAllText)
            .Append(string.Join(" ", Directory.EnumerateFiles(site.Content, "*", SearchOption.AllDirectories)))), StringComparer.OrdinalIgnoreCase);
        var parser = new HtmlParser();
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count > 50, $"{pages.Count} pages");
        var english = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var document = parser.ParseDocument(File.ReadAllText(page));
            var texts = document.All.SelectMany(e => e.Attributes.Where(a => a.Name is "title" or "aria-label" or "placeholder" or "alt" or "content" || a.Name.StartsWith("data-", StringComparison.Ordinal)).Select(a => a.Value).Where(v => !v.StartsWith("http", StringComparison.Ordinal)))
                .Concat(document.Body!.Descendants<IText>().Where(t => t.ParentElement?.LocalName is not ("script" or "style")).Select(t => t.Data))
                .Append(document.Title ?? "");
            foreach (var word in texts.SelectMany(t => Word().Matches(t)).Select(m => m.Value))
            {
                if (englishWords.Contains(word) && !contentWords.Contains(word))
                {
                    english.Add($"{word} ({Path.GetRelativePath(site.Output, page)})");
                }
            }
        }

        Assert.Empty(english.DistinctBy(e => e.Split(' ')[0]).Take(20));
        var feed = File.ReadAllText(Path.Combine(site.Output, "feed.xml"));
        Assert.Contains("Públíshéd", feed);
        Assert.DoesNotContain("Published", feed);
    }

    [Fact]
    public void A_language_file_sets_dates_counts_and_phrases_and_a_missing_key_falls_back_to_english_with_a_warning()
    {
        using var site = FixtureIn("de-AT", "de.yml", """
            calendar:
              months: [Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember]
              months_short: [Jän, Feb, Mär, Apr, Mai, Jun, Jul, Aug, Sep, Okt, Nov, Dez]
              long: "{day}. {month} {year}"
            counts:
              papers: { one: "{count} Artikel", other: "{count} Artikel" }
            site:
              nav:
                topics: Themen
            paper:
              abstract: Zusammenfassung
            """);

        var run = Build(site);
        var check = CliRun.Of("check", "--content", site.Content);

        Assert.Equal(0, run.ExitCode);
        var home = File.ReadAllText(Path.Combine(site.Output, "index.html"));
        Assert.Contains("<html lang=\"de-AT\">", home);
        Assert.Contains(">Themen</a>", home);
        Assert.Contains(">Archive</a>", home);
        Assert.Matches(@">\d+\. (November|Dezember) 2025</a>", home);
        var paper = Directory.EnumerateFiles(Path.Combine(site.Output, "papers"), "index.html", SearchOption.AllDirectories).First();
        Assert.Contains("<h2 id=\"abstract-heading\">Zusammenfassung</h2>", File.ReadAllText(paper));
        Assert.Matches(@"<span class=""count"">\d+ Artikel</span>", File.ReadAllText(Path.Combine(site.Output, "topics", "index.html")));
        Assert.Contains("de.yml: warning:", check.Out);
        Assert.Contains("strings are missing and show in English", check.Out);
    }

    [Fact]
    public void A_language_without_a_strings_file_is_english_with_a_warning_from_check()
    {
        using var site = FixtureIn("fr", "unused.yml", "");

        var run = Build(site);
        var check = CliRun.Of("check", "--content", site.Content);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("<html lang=\"fr\">", File.ReadAllText(Path.Combine(site.Output, "index.html")));
        Assert.Contains("has no strings/fr.yml for language 'fr'", check.Out);
    }

    [Fact]
    public void A_word_a_template_names_that_the_strings_file_lacks_is_an_error_naming_the_template()
    {
        using var site = ContentFolder.FromFixture();
        var footer = Path.Combine(site.Themes, "default", "partials", "site-footer.html");
        File.WriteAllText(footer, File.ReadAllText(footer).Replace("words.site.built_with", "words.site.bulit_with", StringComparison.Ordinal));

        var run = Build(site);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"site-footer\.html:2:\d+: error: there is no string 'site\.bulit_with'", run.Err);
    }

    /// <summary>The text of every value (not the keys), without placeholders and tags.</summary>
    private static IEnumerable<string> Literals(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].AllNodes.OfType<YamlScalarNode>().Where(s => !IsKey(stream, s)).Select(s => TagOrPlaceholder().Replace(s.Value ?? "", " "));
    }

    private static HashSet<string> WordsOf(IEnumerable<string> texts) =>
        texts.SelectMany(t => Word().Matches(t)).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>en.yml with every vowel outside placeholders and tags accented, so any English left over shows.</summary>
    private static string PseudoLanguage(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        foreach (var scalar in stream.Documents[0].AllNodes.OfType<YamlScalarNode>().ToList())
        {
            if (scalar.Value is { } value && scalar.Tag.IsEmpty && !IsKey(stream, scalar))
            {
                scalar.Value = Markup().Replace(value, m => m.Value.StartsWith('<') || m.Value.StartsWith('{') ? m.Value : Accent(m.Value));
                scalar.Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted;
            }
        }

        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static bool IsKey(YamlStream stream, YamlScalarNode node) =>
        stream.Documents[0].AllNodes.OfType<YamlMappingNode>().Any(m => m.Children.Keys.Contains(node));

    private static string Accent(string text) => new(text.Select(c => c switch
    {
        'a' => 'á', 'e' => 'é', 'i' => 'í', 'o' => 'ó', 'u' => 'ú',
        'A' => 'Á', 'E' => 'É', 'I' => 'Í', 'O' => 'Ó', 'U' => 'Ú',
        _ => c,
    }).ToArray());

    /// <summary>A tag, a placeholder, or a run of text between them.</summary>
    [GeneratedRegex(@"<[^>]*>|\{[^}]*\}|[^<{]+")]
    private static partial Regex Markup();

    [GeneratedRegex(@"<[^>]*>|\{[^}]*\}")]
    private static partial Regex TagOrPlaceholder();

    /// <summary>An English-looking word of three letters or more.</summary>
    [GeneratedRegex(@"\b[A-Za-z]{3,}\b")]
    private static partial Regex Word();
}
