using DigestGen.Config;
using DigestGen.Site;
using Scriban;
using Scriban.Syntax;

namespace DigestGen.Render;

/// <summary>
/// Writes the theme's words into its templates once, when they are parsed: <c>{{ words.site.nav.topics }}</c>
/// becomes the text "Topics", escaped, as if the template had it literally. The words are the same for every
/// page of a build, and a paper page has a few dozen of them; looked up at render time they would cost
/// 100,000 pages a second. Only a statement that is nothing but a <c>words.…</c> path is folded; any other use
/// of <c>words</c> (an argument, a condition) is evaluated as usual. A path that names no string is an
/// error naming the template's file, line and column, as it would be when rendered.
/// </summary>
internal sealed class WordFolding(Words words) : ScriptVisitor
{
    public static void Apply(Template template, Words words)
    {
        var folding = new WordFolding(words);
        folding.Visit(template.Page);
        if (folding._errors.Count > 0)
        {
            throw new ConfigException(string.Join("\n", folding._errors));
        }
    }

    private readonly List<string> _errors = [];

    public override void Visit(ScriptBlockStatement node)
    {
        var statements = node.Statements;
        for (var i = 0; i < statements.Count; i++)
        {
            if (statements[i] is ScriptExpressionStatement { Expression: ScriptMemberExpression member } statement && Path(member) is { } path)
            {
                if (!words.Values.TryGetValue(path, out var value))
                {
                    _errors.Add(TemplateError.Format(member.Span, $"there is no string '{path}' in {words.Source}"));
                    continue;
                }

                var text = path.EndsWith(Words.MarkupSuffix, StringComparison.Ordinal) ? value : Html.Escape(value);
                statements[i] = new ScriptRawStatement { Text = new ScriptStringSlice(text), Span = statement.Span };
            }
        }

        base.Visit(node);
    }

    /// <summary>"site.nav.topics" for <c>words.site.nav.topics</c>; null for any other expression.</summary>
    private static string? Path(ScriptMemberExpression member)
    {
        var names = new Stack<string>();
        ScriptExpression? node = member;
        while (node is ScriptMemberExpression { Member: ScriptVariable name } m)
        {
            names.Push(name.Name);
            node = m.Target;
        }

        return node is ScriptVariableGlobal { Name: ThemeFunctions.WordsVariable } ? string.Join('.', names) : null;
    }
}
