using DigestGen.Config;
using DigestGen.Render.Compiled;
using DigestGen.Site;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace DigestGen.Render;

/// <summary>
/// A theme: Scriban templates (<c>layouts/base.html</c>, one per page kind in <c>pages/</c>, <c>partials/</c>)
/// and static <c>assets/</c> copied as they are, from its folder and its parents' (<see cref="ThemeChain"/>).
/// Templates are parsed once and rendered from several threads, each with its own <see cref="ThemeContext"/>.
/// </summary>
public sealed class Theme
{
    public static readonly string[] RequiredPages = ["home", "paper", "topic", "topics", "date", "dates", "period", "feeds", "search", "saved", "status", "page", "notfound"];

    private readonly ThemeTemplates _templates;
    private readonly ThreadLocal<ThemeContext> _contexts;

    private Theme(ThemeChain chain, Words words, ThemeTemplates templates, bool compile)
    {
        Chain = chain;
        Words = words;
        _templates = templates;
        var builtins = ThemeFunctions.Builtins(templates, words);
        var compiled = new Dictionary<Template, CompiledTemplate>(ReferenceEqualityComparer.Instance);
        var interpreted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var template in templates.All)
        {
            string? reason = "compiling is off";
            if (compile && TemplateCompiler.TryCompile(template, builtins, out reason) is { } ready)
            {
                compiled[template] = ready;
            }
            else
            {
                interpreted[template.SourceFilePath ?? ""] = reason ?? "";
            }
        }

        Interpreted = interpreted;
        _contexts = new ThreadLocal<ThemeContext>(() => new ThemeContext(builtins, compiled));
    }

    /// <summary>The theme's folder and its parents' (see <see cref="ThemeChain"/>).</summary>
    public ThemeChain Chain { get; }

    /// <summary>The templates Scriban's interpreter renders, by file, each with the reason it was not compiled.</summary>
    public IReadOnlyDictionary<string, string> Interpreted { get; }

    /// <summary>The words of the site's language (see <see cref="ThemeStrings"/>).</summary>
    public Words Words { get; }

    /// <summary>The files to copy to the site's <c>assets/</c>, by path inside it, each from the nearest theme that has it.</summary>
    public IReadOnlyDictionary<string, string> Assets => Chain.Files("assets");

    /// <summary>The folder of a theme by name: a path to a theme folder, or a name under the themes folder.</summary>
    public static string DirectoryFor(string themesDir, string name) =>
        Path.GetFullPath(System.IO.Directory.Exists(name) ? name : Path.Combine(themesDir, name));

    /// <summary>
    /// Loads the theme named in the configuration from the themes folder (or a path to a theme folder), with
    /// its parents, and its words in <paramref name="language"/> (a BCP 47 tag, as <c>language:</c> in <c>digest.yml</c>).
    /// </summary>
    public static Theme Load(string themesDir, string name, string language = ThemeStrings.BaseLanguage) =>
        Load(ThemeChain.Resolve(themesDir, name), language);

    /// <summary>Loads a resolved theme chain, with its words in <paramref name="language"/>.</summary>
    /// <param name="compileTemplates">
    /// Whether to compile the templates that can be (see <see cref="TemplateCompiler"/>); false renders every one
    /// through Scriban's interpreter, to compare the two.
    /// </param>
    public static Theme Load(ThemeChain chain, string language, bool compileTemplates = true) =>
        Load(chain, ThemeStrings.Load(chain, language).Words, compileTemplates);

    /// <summary>Loads a resolved theme chain with words already read (<c>check</c> reads them first for their warnings).</summary>
    public static Theme Load(ThemeChain chain, Words words, bool compileTemplates = true) =>
        new(chain, words, ThemeTemplates.Load(chain, RequiredPages, words), compileTemplates);

    /// <summary>A page template with its variables: the body the layout places in <c>{{ body }}</c>, rendered there (see <see cref="PageBody"/>).</summary>
    public PageBody Body(string template, ScriptObject variables) => new(_templates.Pages[template], variables);

    /// <summary>The layout written straight to a writer: a whole page never needs to exist as one string.</summary>
    public void RenderLayout(TextWriter writer, ScriptObject variables)
    {
        try
        {
            _contexts.Value!.RenderTo(writer, _templates.Layout, variables);
        }
        catch (ScriptRuntimeException e)
        {
            throw Failed(e);
        }
    }

    /// <summary>A template that fails while rendering (an unknown variable, a missing partial) is a configuration error naming its file, line and column.</summary>
    private static ConfigException Failed(ScriptRuntimeException e) => new(TemplateError.Format(e.Span, e.OriginalMessage));
}
