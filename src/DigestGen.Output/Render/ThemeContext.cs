using System.Collections;
using DigestGen.Render.Compiled;
using DigestGen.Site;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace DigestGen.Render;

/// <summary>
/// The Scriban context every theme template renders in, escaped by default: a value a template writes
/// (<c>{{ page.title }}</c>) is HTML-escaped unless it is <see cref="Html"/>, and one that starts a URL
/// attribute's value must be an http(s), mailto or relative URL, or it is written as <c>#</c>.
/// <para>
/// Escaping happens once, where a value meets the page, not where it is made: <c>include</c>, the card
/// function and <c>html.escape</c> return <see cref="Html"/> (see <see cref="ThemeFunctions"/>), so
/// nothing they return is escaped a second time. One context per rendering thread, reused for
/// every page it renders: its caches of member accessors and parsed partials would cost more to
/// build per page than the page itself.
/// </para>
/// <para>
/// A template <see cref="TemplateCompiler"/> compiled runs as delegates in this context, any other through
/// Scriban's interpreter (<see cref="RenderTo"/> chooses); the two see each other's variables.
/// </para>
/// </summary>
internal sealed class ThemeContext : TemplateContext
{
    private readonly List<StringWriter> _writers = [];
    private readonly IReadOnlyDictionary<Template, CompiledTemplate> _compiled;
    private int _depth;

    // The compiled render under way, whose variables a function reads (card's root) and a partial it renders sees.
    private RenderFrame? _frame;
    private int _renders;

    /// <param name="compiled">The theme's templates that <see cref="TemplateCompiler"/> compiled; any other renders through Scriban's interpreter.</param>
    public ThemeContext(ScriptObject builtins, IReadOnlyDictionary<Template, CompiledTemplate> compiled)
        : base(builtins)
    {
        _compiled = compiled;
        // A misspelt variable or field is an error naming its file, line and column, never an empty string.
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        // Loop steps count over the context's whole life, which spans many pages.
        LoopLimit = 0;
        RecursiveLimit = 64;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is null)
        {
            return this;
        }

        // Every output this context writes to is one of ours: pages, partials and cards all render through RenderTo/RenderToHtml.
        var output = (HtmlOutput)Output;
        if (textAsObject is Html html)
        {
            output.WriteValue(html.Value);
            return this;
        }

        if (textAsObject is PageBody body)
        {
            // The page straight into the layout's writer: no page-sized string to build, copy and collect.
            RenderHere(body.Template, body.Variables);
            return this;
        }

        output.WriteText(textAsObject as string ?? ObjectToString(textAsObject) ?? "");
        return this;
    }

    /// <summary>Our view models are read through compiled getters (see <see cref="ViewModelAccessor"/>); anything else as Scriban reads it.</summary>
    protected override IObjectAccessor? GetMemberAccessorImpl(object target) =>
        ViewModelAccessor.For(target.GetType()) ?? base.GetMemberAccessorImpl(target);

    /// <summary>As in Handlebars and Liquid's <c>blank</c>: an empty string, list or markup, and zero, are false.</summary>
    public override bool ToBool(SourceSpan span, object? value) => value switch
    {
        string text => text.Length > 0,
        Html html => html.Value.Length > 0,
        ICollection list => list.Count > 0,
        int number => number != 0,
        _ => base.ToBool(span, value),
    };

    /// <summary>Renders <paramref name="template"/> into a string of markup, with <paramref name="variables"/> in scope.</summary>
    public Html RenderToHtml(Template template, ScriptObject variables)
    {
        // A page body, a partial inside it, a card inside that: one writer per depth, reused for every page.
        if (_depth == _writers.Count)
        {
            _writers.Add(new StringWriter(new System.Text.StringBuilder(16 * 1024)));
        }

        var writer = _writers[_depth++];
        try
        {
            RenderTo(writer, template, variables);
            return new Html(writer.ToString());
        }
        finally
        {
            writer.GetStringBuilder().Clear();
            _depth--;
        }
    }

    /// <summary>Renders <paramref name="template"/> into what this context is writing now, where it stands.</summary>
    public void RenderHere(Template template, ScriptObject variables) => RenderTo(((HtmlOutput)Output).Writer, template, variables);

    /// <summary>A variable as the template being rendered sees it, compiled or not.</summary>
    public object? Variable(ScriptVariableGlobal variable) =>
        _frame is not null && _frame.TryFind(variable.Name, out var value) ? value : GetValue(variable);

    /// <summary>Renders <paramref name="template"/> straight to <paramref name="writer"/>, with <paramref name="variables"/> in scope.</summary>
    public void RenderTo(TextWriter writer, Template template, ScriptObject variables)
    {
        var output = new HtmlOutput(writer);
        var caller = _frame;
        if (++_renders > RecursiveLimit)
        {
            _renders--;
            throw new ScriptRuntimeException(new SourceSpan(template.SourceFilePath ?? "", default, default), $"more than {RecursiveLimit} templates inside one another: does a partial include itself?");
        }

        PushOutput(output);
        try
        {
            if (_compiled.TryGetValue(template, out var compiled))
            {
                _frame = new RenderFrame(this, output, variables, caller, compiled.LoopDepth);
                compiled.Run(_frame);
                return;
            }

            // Scriban's interpreter sees the variables of the compiled renders that called it as globals beneath its own.
            var pushed = PushGlobals(caller);
            _frame = null;
            PushGlobal(variables);
            try
            {
                template.Render(this);
            }
            finally
            {
                PopGlobal();
                for (var i = 0; i < pushed; i++)
                {
                    PopGlobal();
                }
            }
        }
        finally
        {
            _frame = caller;
            _renders--;
            PopOutput();
        }
    }

    /// <summary>Pushes the variables of a compiled render and its callers, outermost first; returns how many.</summary>
    private int PushGlobals(RenderFrame? frame)
    {
        if (frame is null)
        {
            return 0;
        }

        var below = PushGlobals(frame.Caller);
        PushGlobal(frame.Variables);
        return below + 1;
    }
}
