using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DigestGen.Render.Compiled;
using DigestGen.Site;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace DigestGen.Render;

/// <summary>
/// Scriban's built-in functions as a theme sees them. Three return markup instead of text, so that what
/// they give is written once, not escaped again: <c>include</c>, ours (a partial, escaped as it was rendered),
/// <c>html.escape</c> (escaped text), and <c>card</c>, ours, which renders <c>partials/paper-card.html</c>
/// for a paper once per page depth: a paper appears in many lists (dates, topics, related papers),
/// and its card is the same in all of them (<c>row</c> does the same for <c>partials/paper-row.html</c>).
/// </summary>
internal static class ThemeFunctions
{
    private const string CardPartial = "paper-card";
    private const string RowPartial = "paper-row";

    /// <summary>The name templates read the theme's words by: <c>{{ words.site.nav.topics }}</c>.</summary>
    public const string WordsVariable = "words";

    public static ScriptObject Builtins(ThemeTemplates templates, Words words)
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        builtins.SetValue(WordsVariable, WordTree(words), readOnly: true);
        builtins.SetValue("count", new Count(words), readOnly: true);
        builtins.SetValue("tr", new Translate(words), readOnly: true);
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

        if (templates.Partials.TryGetValue(RowPartial, out var row))
        {
            builtins.SetValue("row", new Card(row), readOnly: true);
        }

        return builtins;
    }

    /// <summary>
    /// The words as nested objects (<c>words.site.nav.topics</c>); a <c>_html</c> key's value is <see cref="Html"/>,
    /// a list (<c>dates.months</c>) an array. Read-only: a template cannot change what another page sees.
    /// </summary>
    private static ScriptObject WordTree(Words words)
    {
        var tree = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in words.Values)
        {
            var parts = key.Split('.');
            var node = tree;
            foreach (var part in parts[..^1])
            {
                if (!node.TryGetValue(part, out var child) || child is not SortedDictionary<string, object> branch)
                {
                    node[part] = branch = new SortedDictionary<string, object>(StringComparer.Ordinal);
                }

                node = branch;
            }

            node[parts[^1]] = parts[^1].EndsWith(Words.MarkupSuffix, StringComparison.Ordinal) ? new Html(value) : value;
        }

        return (ScriptObject)Script(tree);
    }

    /// <summary>A branch whose keys are 0, 1, 2 … becomes an array in that order; any other branch an object.</summary>
    private static object Script(object node)
    {
        if (node is not SortedDictionary<string, object> branch)
        {
            return node;
        }

        if (branch.Count > 0 && Enumerable.Range(0, branch.Count).All(i => branch.ContainsKey(i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            var array = new ScriptArray();
            for (var i = 0; i < branch.Count; i++)
            {
                array.Add(Script(branch[i.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
            }

            return array;
        }

        var obj = new ScriptObject();
        foreach (var (key, value) in branch)
        {
            obj.SetValue(key, Script(value), readOnly: true);
        }

        return obj;
    }

    /// <summary><c>{{ count page.paper_count "papers" }}</c>: "1 paper", "3 papers", from <c>counts.papers</c>.</summary>
    private sealed class Count(Words words) : DirectFunction(2, ScriptVarParamKind.None, typeof(string), [new(typeof(long), "number"), new(typeof(string), "noun")])
    {
        public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            Call((ThemeContext)context, callerContext?.Span ?? context.CurrentSpan, [.. arguments], [], false);

        public override object? Call(ThemeContext context, SourceSpan span, object?[] arguments, KeyValuePair<string, object?>[] named, bool asStatement)
        {
            if (arguments.Length != 2)
            {
                throw new ScriptRuntimeException(span, "count takes a number and a noun: count topic.count \"papers\"");
            }

            var noun = context.ObjectToString(arguments[1]) ?? "";
            if (!words.Values.ContainsKey($"counts.{noun}.other"))
            {
                throw new ScriptRuntimeException(span, $"there is no count '{noun}' in {words.Source} (looked for counts.{noun}.one and .other)");
            }

            return words.Count(noun, context.ToInt(span, arguments[0]));
        }
    }

    /// <summary>
    /// <c>{{ tr "post.from" date: post.digest_date }}</c>: a string with its placeholders filled in from the named
    /// arguments. Of a <c>_html</c> string the result is markup, with the values escaped into it.
    /// </summary>
    private sealed class Translate(Words words) : DirectFunction(1, ScriptVarParamKind.Direct, typeof(object), [new(typeof(string), "key")])
    {
        public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            Call((ThemeContext)context, callerContext?.Span ?? context.CurrentSpan, [.. arguments], [.. NamedArguments(context, callerContext)], false);

        public override object? Call(ThemeContext context, SourceSpan span, object?[] arguments, KeyValuePair<string, object?>[] named, bool asStatement)
        {
            var key = arguments.Length > 0 ? context.ObjectToString(arguments[0]) ?? "" : "";
            if (!words.Values.ContainsKey(key))
            {
                throw new ScriptRuntimeException(span, $"there is no string '{key}' in {words.Source}");
            }

            var values = named.ToDictionary(StringComparer.Ordinal);

            if (!key.EndsWith(Words.MarkupSuffix, StringComparison.Ordinal))
            {
                return words.Format(key, values.Select(v => (v.Key, v.Value is Html h ? h.Value : context.ObjectToString(v.Value) ?? "")).ToArray());
            }

            // Markup with values in it: written as a template writes them, so a value is escaped, and one that starts a link must be a safe URL.
            using var writer = new StringWriter();
            var output = new HtmlOutput(writer);
            foreach (var (text, isPlaceholder) in Words.Parts(words.Text(key)))
            {
                if (!isPlaceholder)
                {
                    output.Write(text, 0, text.Length);
                }
                else if (!values.TryGetValue(text, out var value))
                {
                    throw new ScriptRuntimeException(span, $"the string '{key}' needs a value for {{{text}}} ({text}: …)");
                }
                else if (value is Html html)
                {
                    output.WriteValue(html.Value);
                }
                else
                {
                    output.WriteText(context.ObjectToString(value) ?? "");
                }
            }

            return new Html(writer.ToString());
        }
    }

    /// <summary>The named arguments of a call (<c>post: p</c>), evaluated, in order.</summary>
    private static IEnumerable<KeyValuePair<string, object?>> NamedArguments(TemplateContext context, ScriptNode? callerContext)
    {
        if (callerContext is not ScriptFunctionCall call)
        {
            yield break;
        }

        foreach (var argument in call.Arguments.OfType<ScriptNamedArgument>())
        {
            if (argument is { Name.Name: { } name, Value: { } value })
            {
                yield return new(name, context.Evaluate(value));
            }
        }
    }

    /// <summary>A function of ours for themes, synchronous like every theme function.</summary>
    private abstract class ThemeFunction(int parameters, ScriptVarParamKind kind, Type returns, ScriptParameterInfo[] infos) : IScriptCustomFunction
    {
        public int RequiredParameterCount => parameters;

        public int ParameterCount => parameters;

        public ScriptVarParamKind VarParamKind => kind;

        public Type ReturnType => returns;

        public virtual ScriptParameterInfo GetParameterInfo(int index) => infos[Math.Min(index, infos.Length - 1)];

        public abstract object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement);

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }

    /// <summary>A function of ours that compiled templates call directly; Scriban's call evaluates the arguments and comes to the same place.</summary>
    private abstract class DirectFunction(int parameters, ScriptVarParamKind kind, Type returns, ScriptParameterInfo[] infos)
        : ThemeFunction(parameters, kind, returns, infos), IDirectFunction
    {
        public abstract object? Call(ThemeContext context, SourceSpan span, object?[] arguments, KeyValuePair<string, object?>[] named, bool asStatement);
    }

    /// <summary>A function of ours that returns <see cref="Html"/>, so what it gives is written once, not escaped again.</summary>
    private abstract class MarkupFunction(int parameters, ScriptVarParamKind kind, ScriptParameterInfo parameter)
        : DirectFunction(parameters, kind, typeof(Html), [parameter]);

    /// <summary>
    /// <c>{{ include "post" post: p }}</c>: <c>partials/post.html</c>, with each named argument as a variable.
    /// Scriban's own include renders into a plain buffer, where the escaping context could not tell a
    /// value that starts a link (see <see cref="HtmlOutput"/>); this one renders like a page.
    /// </summary>
    private sealed class Include(ThemeTemplates templates) : MarkupFunction(1, ScriptVarParamKind.Direct, new(typeof(string), "partial"))
    {
        public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            Call((ThemeContext)context, callerContext?.Span ?? context.CurrentSpan, [.. arguments], [.. NamedArguments(context, callerContext)], callerContext?.Parent is ScriptExpressionStatement);

        /// <param name="asStatement">
        /// Whether the call is a statement of its own (<c>{{ include "post" post: p }}</c>): then the partial is
        /// rendered where the call stands and nothing is returned, with no string in between.
        /// </param>
        public override object? Call(ThemeContext context, SourceSpan span, object?[] arguments, KeyValuePair<string, object?>[] named, bool asStatement)
        {
            var name = arguments.Length > 0 ? context.ObjectToString(arguments[0]) : null;
            if (name is null || !templates.Partials.TryGetValue(name, out var partial))
            {
                throw new ScriptRuntimeException(span, $"there is no partial '{name}' (looked for partials/{name}{ThemeTemplates.Extension})");
            }

            var variables = new ScriptObject();
            foreach (var (variable, value) in named)
            {
                variables[variable] = value;
            }

            if (asStatement && context.EnableOutput)
            {
                context.RenderHere(partial, variables);
                return null;
            }

            return context.RenderToHtml(partial, variables);
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
            Call((ThemeContext)context, callerContext?.Span ?? context.CurrentSpan, [.. arguments], [], false);

        public override object? Call(ThemeContext context, SourceSpan span, object?[] arguments, KeyValuePair<string, object?>[] named, bool asStatement) =>
            _rendered.GetOrAdd(
                string.Join("\u0001", arguments.Select(a => context.ObjectToString(a))),
                _ => (Html)include.Call(context, span, arguments, [], asStatement: false)!);
    }

    /// <summary>A built-in function whose text result is markup (<c>html.escape</c>).</summary>
    private sealed class Markup(IScriptCustomFunction inner) : ThemeFunction(inner.ParameterCount, inner.VarParamKind, typeof(Html), [inner.GetParameterInfo(0)])
    {
        public override ScriptParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

        public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            inner.Invoke(context, callerContext, arguments, blockStatement) is string text ? new Html(text) : null;
    }

    /// <summary>
    /// <c>{{ card paper }}</c>: the card partial with <c>card</c> set to the paper, remembered per paper and <c>root</c>;
    /// <c>{{ row paper }}</c> is the same for <c>partials/paper-row.html</c>, a paper in one line of a list view.
    /// </summary>
    private sealed class Card(Scriban.Template partial) : MarkupFunction(1, ScriptVarParamKind.None, new(typeof(object), "paper"))
    {
        private static readonly ScriptVariableGlobal Root = new("root");
        private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Html>> _rendered = new();

        public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            Call((ThemeContext)context, callerContext?.Span ?? context.CurrentSpan, [.. arguments], [], false);

        public override object? Call(ThemeContext context, SourceSpan span, object?[] arguments, KeyValuePair<string, object?>[] named, bool asStatement)
        {
            if (arguments.Length != 1 || arguments[0] is not { } paper)
            {
                throw new ScriptRuntimeException(span, "card takes one paper");
            }

            var root = context.ObjectToString(context.Variable(Root)) ?? "";
            var byRoot = _rendered.GetValue(paper, _ => new ConcurrentDictionary<string, Html>(StringComparer.Ordinal));
            // The state passed along, not captured: a card is asked for on every page that lists its paper.
            return byRoot.GetOrAdd(root, static (r, state) => state.context.RenderToHtml(state.partial, new ScriptObject { ["card"] = state.paper, ["root"] = r }), (context, partial, paper));
        }
    }
}
