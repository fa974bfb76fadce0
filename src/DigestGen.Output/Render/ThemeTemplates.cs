using DigestGen.Config;
using DigestGen.Site;
using Scriban;

namespace DigestGen.Render;

/// <summary>
/// A theme's templates, parsed once: <c>layouts/base.html</c>, one template per page kind in <c>pages/</c>,
/// and the <c>partials/</c> that <c>include</c> and <c>card</c> render. A syntax error names the file,
/// line and column. Parsed templates are read-only and shared by every rendering thread.
/// </summary>
internal sealed class ThemeTemplates
{
    public const string Extension = ".html";

    private ThemeTemplates(Template layout, IReadOnlyDictionary<string, Template> pages, IReadOnlyDictionary<string, Template> partials)
    {
        Layout = layout;
        Pages = pages;
        Partials = partials;
    }

    public Template Layout { get; }

    /// <summary>By page kind (<c>paper</c>, <c>topic</c>, …).</summary>
    public IReadOnlyDictionary<string, Template> Pages { get; }

    /// <summary>By name (<c>post</c> for <c>partials/post.html</c>).</summary>
    public IReadOnlyDictionary<string, Template> Partials { get; }

    /// <summary>Every template: the layout, the pages, the partials.</summary>
    public IEnumerable<Template> All => Pages.Values.Concat(Partials.Values).Prepend(Layout);

    /// <summary>The templates of a theme and its parents, each from the nearest theme that has it, with <paramref name="words"/> written in (see <see cref="WordFolding"/>).</summary>
    public static ThemeTemplates Load(ThemeChain chain, IReadOnlyList<string> requiredPages, Words words)
    {
        Template Parse(string file) => WithWords(ParseFile(file), words);

        var layout = chain.Files("layouts").GetValueOrDefault("base" + Extension)
            ?? throw new ConfigException($"{chain.Folders[0]}: error: the theme has no layouts/base{Extension}");
        var pages = Templates(chain, "pages", Parse);
        var missing = requiredPages.Where(p => !pages.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw new ConfigException($"{chain.Folders[0]}: error: the theme has no template for {string.Join(", ", missing.Select(m => $"pages/{m}{Extension}"))}");
        }

        return new ThemeTemplates(Parse(layout), pages, Templates(chain, "partials", Parse));
    }

    /// <summary>The templates directly in a part's folder, by name.</summary>
    private static Dictionary<string, Template> Templates(ThemeChain chain, string part, Func<string, Template> parse) =>
        chain.Files(part)
            .Where(f => !f.Key.Contains('/') && f.Key.EndsWith(Extension, StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f.Key), f => parse(f.Value), StringComparer.Ordinal);

    /// <summary>A template, or a configuration error (exit code 2) naming the file, line and column of each problem.</summary>
    private static Template ParseFile(string file)
    {
        if (!File.Exists(file))
        {
            throw new ConfigException($"{file}: error: template not found");
        }

        var template = Template.Parse(File.ReadAllText(file), file);
        if (template.HasErrors)
        {
            throw new ConfigException(string.Join("\n", template.Messages.Select(m => TemplateError.Format(m.Span, m.Message))));
        }

        return template;
    }

    private static Template WithWords(Template template, Words words)
    {
        WordFolding.Apply(template, words);
        return template;
    }
}
