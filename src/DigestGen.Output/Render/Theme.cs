using DigestGen.Config;
using HandlebarsDotNet;

namespace DigestGen.Render;

/// <summary>
/// A theme folder: <c>layouts/base.hbs</c>, one template per page kind in <c>pages/</c>, shared
/// <c>partials/</c>, and static <c>assets/</c> copied as they are. Templates are compiled once and
/// are safe to use from several threads.
/// </summary>
public sealed class Theme
{
    public static readonly string[] RequiredPages = ["home", "paper", "topic", "topics", "date", "dates", "feeds", "search", "status", "page", "notfound"];

    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _pages = new(StringComparer.Ordinal);
    private readonly HandlebarsTemplate<TextWriter, object, object> _layout;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, System.Collections.Concurrent.ConcurrentDictionary<string, string>> _cards = new();

    private Theme(string directory, IHandlebars handlebars)
    {
        Directory = directory;
        var partials = Path.Combine(directory, "partials");
        if (System.IO.Directory.Exists(partials))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(partials, "*.hbs").Order(StringComparer.Ordinal))
            {
                handlebars.RegisterTemplate(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file));
            }
        }

        _layout = CompileToWriter(handlebars, Path.Combine(directory, "layouts", "base.hbs"));
        foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(directory, "pages"), "*.hbs"))
        {
            _pages[Path.GetFileNameWithoutExtension(file)] = Compile(handlebars, file);
        }

        var missing = RequiredPages.Where(p => !_pages.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw new ConfigException($"{directory}: error: the theme has no template for {string.Join(", ", missing.Select(m => $"pages/{m}.hbs"))}");
        }
    }

    public string Directory { get; }

    public string AssetsDirectory => Path.Combine(Directory, "assets");

    /// <summary>The folder of the theme a configuration names: a path to a theme folder, or a name under the themes folder.</summary>
    public static string DirectoryFor(string themesDir, string name) =>
        Path.GetFullPath(System.IO.Directory.Exists(name) ? name : Path.Combine(themesDir, name));

    /// <summary>Loads the theme named in the configuration from the themes folder (or a path to a theme folder).</summary>
    public static Theme Load(string themesDir, string name)
    {
        var directory = DirectoryFor(themesDir, name);
        if (!System.IO.Directory.Exists(Path.Combine(directory, "layouts")))
        {
            throw new ConfigException($"{DigestConfigLoader.FileName}: error: theme '{name}' not found (looked for {Path.Combine(directory, "layouts")})");
        }

        var handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = false });
        handlebars.RegisterHelper("eq", (context, arguments) => Equals(arguments[0]?.ToString(), arguments[1]?.ToString()));
        var theme = new Theme(Path.GetFullPath(directory), handlebars);

        // {{card this @root.Root}} renders partials/paper-card.hbs once per paper and page depth: a paper
        // appears in many lists (dates, topics, related papers), and its card is the same in all of them.
        var cardFile = Path.Combine(theme.Directory, "partials", "paper-card.hbs");
        if (File.Exists(cardFile))
        {
            var card = Compile(handlebars, cardFile);
            handlebars.RegisterHelper("card", (output, context, arguments) =>
            {
                var item = arguments[0]!;
                var root = arguments[1]?.ToString() ?? "";
                var byRoot = theme._cards.GetValue(item, _ => new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal));
                output.WriteSafeString(byRoot.GetOrAdd(root, r => card(CardContext(item, r))));
            });
        }

        return theme;
    }

    public string RenderPage(string template, object context) => _pages[template](context);

    // Asked once per card rendered; reflection hands out a new array each time.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, System.Reflection.PropertyInfo[]> CardProperties = new();

    /// <summary>What the card partial sees when rendered on its own: the card's fields, and <c>@root.Root</c>.</summary>
    private static Dictionary<string, object?> CardContext(object card, string root)
    {
        var properties = CardProperties.GetOrAdd(card.GetType(), static type => type.GetProperties());
        var context = new Dictionary<string, object?>(properties.Length + 1, StringComparer.Ordinal);
        foreach (var property in properties)
        {
            context[property.Name] = property.GetValue(card);
        }

        context["Root"] = root;
        return context;
    }

    public string RenderLayout(object context)
    {
        using var writer = new StringWriter();
        _layout(writer, context);
        return writer.ToString();
    }

    /// <summary>The layout written straight to a writer: a whole page never needs to exist as one string.</summary>
    public void RenderLayout(TextWriter writer, object context) => _layout(writer, context);

    private static HandlebarsTemplate<object, object> Compile(IHandlebars handlebars, string file) =>
        Compiled(file, text => handlebars.Compile(text));

    private static HandlebarsTemplate<TextWriter, object, object> CompileToWriter(IHandlebars handlebars, string file) =>
        Compiled(file, text => handlebars.Compile(new StringReader(text)));

    /// <summary>A template error names the file, as a configuration error (exit code 2).</summary>
    private static T Compiled<T>(string file, Func<string, T> compile)
    {
        if (!File.Exists(file))
        {
            throw new ConfigException($"{file}: error: template not found");
        }

        try
        {
            return compile(File.ReadAllText(file));
        }
        catch (HandlebarsException e)
        {
            throw new ConfigException($"{file}: error: {e.Message}");
        }
    }
}
