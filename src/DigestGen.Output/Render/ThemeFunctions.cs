using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DigestGen.Site;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace DigestGen.Render;

/// <summary>
/// Scriban's built-in functions as a theme sees them. Three return markup instead of text, so that what
/// they give is written once, not escaped again: <c>include</c>, ours (a partial, escaped as it was rendered),
/// <c>html.escape</c> (escaped text), and <c>card</c>, ours, which renders <c>partials/paper-card.html</c>
/// for a paper once per page depth: a paper appears in many lists (dates, topics, related papers),
/// and its card is the same in all of them.
/// </summary>
internal static class ThemeFunctions
{
    private const string CardPartial = "paper-card";

    public static ScriptObject Builtins(ThemeTemplates templates)
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        builtins.Remove("include");
        builtins.SetValue("include", new Include(templates), readOnly: true);
        builtins.SetValue("include_cached", new IncludeCached(new Include(templates)), readOnly: true);

        var builtinHtml = (ScriptObject)builtins["html"]!;
        var html = new ScriptObject();
        foreach (var (name, function) in builtinHtml)
        {
            html.SetValue(name, function, readOnly: true);
        }

        html.Remove("escape");
        html.SetValue("escape", new Markup((IScriptCustomFunction)builtinHtml["escape"]!), readOnly: true);
        builtins.Remove("html");
        builtins.SetValue("html", html, readOnly: true);

        if (templates.Partials.TryGetValue(CardPartial, out var card))
        {
            builtins.SetValue("card", new Card(card), readOnly: true);
        }

        return builtins;
    }

    /// <summary>A function of ours for themes: it returns <see cref="Html"/>, so what it gives is written once, not escaped again.</summary>
    private abstract class MarkupFunction(int parameters, ScriptVarParamKind kind, ScriptParameterInfo parameter) : IScriptCustomFunction
    {
        public int RequiredParameterCount => parameters;

        public int ParameterCount => parameters;

        public ScriptVarParamKind VarParamKind => kind;

        public Type ReturnType => typeof(Html);

        public virtual ScriptParameterInfo GetParameterInfo(int index) => parameter;

        public abstract object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement);

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }

    /// <summary>
    /// <c>{{ include "post" post: p }}</c>: <c>partials/post.html</c>, with each named argument as a variable.
    /// Scriban's own include renders into a plain buffer, where the escaping context could not tell a
    /// value that starts a link (see <see cref="HtmlOutput"/>); this one renders like a page.
    /// </summary>
    private sealed class Include(ThemeTemplates templates) : MarkupFunction(1, ScriptVarParamKind.Direct, new(typeof(string), "partial"))
    {
        public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var span = callerContext?.Span ?? context.CurrentSpan;
            var name = arguments.Count > 0 ? context.ObjectToString(arguments[0]) : null;
            if (name is null || !templates.Partials.TryGetValue(name, out var partial))
            {
                throw new ScriptRuntimeException(span, $"there is no partial '{name}' (looked for partials/{name}{ThemeTemplates.Extension})");
            }

            var variables = new ScriptObject();
            if (callerContext is ScriptFunctionCall call)
            {
                foreach (var argument in call.Arguments.OfType<ScriptNamedArgument>())
                {
                    if (argument is { Name.Name: { } variable, Value: { } value })
                    {
                        variables[variable] = context.Evaluate(value);
                    }
                }
            }

            return ((ThemeContext)context).RenderToHtml(partial, variables);
        }
    }

    /// <summary>
    /// <c>{{ include_cached "site-header" root section site.title }}</c>: a partial rendered once per distinct
    /// value of the arguments after its name, as Hugo's <c>partialCached</c>. For the parts of a page that are
    /// the same on thousands of pages (header, footer): the partial must depend on nothing but those values.
    /// </summary>
    private sealed class IncludeCached(Include include) : MarkupFunction(1, ScriptVarParamKind.Direct, new(typeof(string), "partial"))
    {
        private readonly ConcurrentDictionary<string, Html> _rendered = new(StringComparer.Ordinal);

        public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            _rendered.GetOrAdd(
                string.Join("\u0001", arguments.Select(a => context.ObjectToString(a))),
                _ => (Html)include.Invoke(context, callerContext, arguments, blockStatement)!);
    }

    /// <summary>A built-in function whose text result is markup (<c>html.escape</c>).</summary>
    private sealed class Markup(IScriptCustomFunction inner) : MarkupFunction(inner.ParameterCount, inner.VarParamKind, inner.GetParameterInfo(0))
    {
        public override ScriptParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

        public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            inner.Invoke(context, callerContext, arguments, blockStatement) is string text ? new Html(text) : null;
    }

    /// <summary><c>{{ card paper }}</c>: the card partial with <c>card</c> set to the paper, remembered per paper and <c>root</c>.</summary>
    private sealed class Card(Scriban.Template partial) : MarkupFunction(1, ScriptVarParamKind.None, new(typeof(object), "paper"))
    {
        private static readonly ScriptVariableGlobal Root = new("root");
        private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Html>> _rendered = new();

        public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            if (arguments.Count != 1 || arguments[0] is not { } paper)
            {
                throw new ScriptRuntimeException(callerContext?.Span ?? context.CurrentSpan, "card takes one paper");
            }

            var root = context.ObjectToString(context.GetValue(Root)) ?? "";
            var byRoot = _rendered.GetValue(paper, _ => new ConcurrentDictionary<string, Html>(StringComparer.Ordinal));
            return byRoot.GetOrAdd(root, r => ((ThemeContext)context).RenderToHtml(partial, new ScriptObject { ["card"] = paper, ["root"] = r }));
        }
    }
}
