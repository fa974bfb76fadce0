using System.Collections;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace DigestGen.Render.Compiled;

/// <summary>
/// Compiles a parsed theme template to delegates (<see cref="CompiledTemplate"/>), with Scriban's meaning: text,
/// values written as <see cref="ThemeContext.Write"/> writes them, <c>if</c>/<c>else</c>, <c>for</c> (with
/// <c>limit:</c>, <c>offset:</c>, <c>reversed</c>, <c>else</c> and <c>for.index</c>, <c>for.last</c> …),
/// variables, members, operators, and calls to the theme's own functions (<see cref="IDirectFunction"/>).
/// <para>
/// Why: Scriban walks the syntax tree on every render, through stacks of scopes, and that took twice the time
/// Handlebars' compiled templates took for the same pages. A template that uses anything else (assignments,
/// pipes, Scriban's built-in functions, <c>capture</c>, <c>while</c> …) is not compiled, and Scriban renders it
/// as before (<see cref="TryCompile"/> says why): that is a page rendered once, not 100,000 times. The one
/// difference: a partial rendered from a compiled template does not see its caller's loop variables
/// unless they are passed to it (<c>include "post" post: post</c>), which the default theme always does.
/// </para>
/// </summary>
internal sealed class TemplateCompiler
{
    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly Step Nothing = _ => { };

    // Scriban's loop object: for.index, for.last …
    private const string LoopObject = "for";

    private readonly ScriptObject _builtins;

    // The variable of each loop the statement being compiled is inside, outermost first.
    private readonly List<string> _loops = [];
    private int _loopDepth;

    private TemplateCompiler(ScriptObject builtins) => _builtins = builtins;

    /// <summary>The template compiled, or null with the reason (a construct the compiler leaves to Scriban) in <paramref name="reason"/>.</summary>
    public static CompiledTemplate? TryCompile(Template template, ScriptObject builtins, out string? reason)
    {
        var compiler = new TemplateCompiler(builtins);
        try
        {
            if (template.Page is not { FrontMatter: null, Body: { } page })
            {
                reason = $"{template.SourceFilePath}: front matter";
                return null;
            }

            var body = compiler.Block(page);
            reason = null;
            return new CompiledTemplate(body, compiler._loopDepth);
        }
        catch (NotCompiled e)
        {
            reason = e.Message;
            return null;
        }
    }

    /// <summary>A value that is a function is called, as Scriban calls one read from a variable or member.</summary>
    public static object? Called(RenderFrame frame, ScriptNode node, object? value) =>
        // Text is tested first: most values are, and it is cheaper to tell than an interface.
        value is null or string or not IScriptCustomFunction ? value : ScriptFunctionCall.Call(frame.Context, node, value, false, null);

    private Step Block(ScriptBlockStatement block)
    {
        var steps = new List<Step>();
        foreach (var statement in block.Statements)
        {
            if (statement.CanSkipEvaluation)
            {
                // An indented {{ makes Scriban indent every line written inside it (AutoIndent).
                if (statement is ScriptEscapeStatement { Indent.Length: > 0 })
                {
                    throw new NotCompiled(statement, "an indented {{");
                }

                continue;
            }

            steps.Add(Statement(statement, block.Span));
        }

        if (steps.Count <= 1)
        {
            return steps.Count == 0 ? Nothing : steps[0];
        }

        var all = steps.ToArray();
        return frame =>
        {
            foreach (var step in all)
            {
                step(frame);
            }
        };
    }

    private Step Statement(ScriptStatement statement, SourceSpan blockSpan) => statement switch
    {
        ScriptRawStatement raw => Raw(raw),
        ScriptExpressionStatement { Expression: { } expression, CanOutput: true } => Write(expression, blockSpan),
        ScriptIfStatement condition => If(condition),
        ScriptForStatement loop when loop.GetType() == typeof(ScriptForStatement) => For(loop),
        _ => throw new NotCompiled(statement, statement.GetType().Name),
    };

    private static Step Raw(ScriptRawStatement raw)
    {
        var slice = raw.Text;
        if (slice.Length == 0 || string.IsNullOrEmpty(slice.FullText))
        {
            return Nothing;
        }

        var (text, index, length) = (slice.FullText, slice.Index, slice.Length);
        return frame => frame.Output.Write(text, index, length);
    }

    /// <summary><c>{{ expression }}</c>: its value written to the page, escaped unless it is markup (see <see cref="ThemeContext.Write"/>).</summary>
    private Step Write(ScriptExpression expression, SourceSpan blockSpan)
    {
        var value = expression is ScriptFunctionCall call ? Call(call, asStatement: true) : Value(expression);
        var span = expression.Span;
        return frame =>
        {
            if (Evaluate(value, frame, span) is { } result)
            {
                frame.Context.Write(blockSpan, result);
            }
        };
    }

    private Step If(ScriptIfStatement statement)
    {
        var condition = Value(statement.Condition ?? throw new NotCompiled(statement, "an if without a condition"));
        var span = statement.Condition.Span;
        var then = statement.Then is null ? Nothing : Block(statement.Then);
        var otherwise = statement.Else switch
        {
            null => Nothing,
            ScriptElseStatement { Body: null } => Nothing,
            ScriptElseStatement { Body: { } body } => Block(body),
            ScriptIfStatement elseIf => If(elseIf),
            var other => throw new NotCompiled(other, other.GetType().Name),
        };
        return frame =>
        {
            if (frame.Context.ToBool(span, Evaluate(condition, frame, span)))
            {
                then(frame);
            }
            else
            {
                otherwise(frame);
            }
        };
    }

    /// <summary><c>for item in list</c>, as Scriban runs it: <c>offset:</c>, then <c>reversed</c>, then <c>limit:</c> (when above 0); <c>else</c> when the list is empty.</summary>
    private Step For(ScriptForStatement statement)
    {
        if (statement is not { Variable: ScriptVariableGlobal { Name: var name }, Iterator: { } iteratorNode, Body: { } bodyNode })
        {
            throw new NotCompiled(statement, "a for loop over a local variable");
        }

        Value? offset = null, limit = null;
        var reversed = false;
        foreach (var option in statement.NamedArguments)
        {
            switch (option.Name?.Name)
            {
                case "offset" when option.Value is not null:
                    offset = Value(option.Value);
                    break;
                case "limit" when option.Value is not null:
                    limit = Value(option.Value);
                    break;
                case "reversed":
                    reversed = true;
                    break;
                default:
                    throw new NotCompiled(option, $"the loop option {option.Name?.Name}");
            }
        }

        var iterator = Value(iteratorNode);
        var otherwise = statement.Else is { Body: { } elseBody } ? Block(elseBody) : null;
        var depth = _loops.Count;
        _loops.Add(name);
        _loopDepth = Math.Max(_loopDepth, depth + 1);
        var body = Block(bodyNode);
        _loops.RemoveAt(depth);

        var span = iteratorNode.Span;
        return frame =>
        {
            var source = Evaluate(iterator, frame, span);
            if (source is null)
            {
                return;
            }

            if (source is not IEnumerable enumerable)
            {
                throw new ScriptRuntimeException(span, $"Unexpected type `{source.GetType()}` for iterator");
            }

            var context = frame.Context;
            var list = Items(enumerable,
                offset is null ? 0 : context.ToInt(span, Evaluate(offset, frame, span)),
                reversed,
                limit is null ? 0 : context.ToInt(span, Evaluate(limit, frame, span)));
            if (list.Count == 0)
            {
                otherwise?.Invoke(frame);
                return;
            }

            frame.LoopNames[depth] = name;
            frame.ActiveLoops = depth + 1;
            object? previous = null;
            try
            {
                for (var i = 0; i < list.Count; i++)
                {
                    var item = list[i];
                    frame.Loops[depth] = new LoopPosition { Index = i, Length = list.Count, Previous = previous };
                    frame.LoopValues[depth] = item;
                    body(frame);
                    previous = item;
                }
            }
            finally
            {
                frame.ActiveLoops = depth;
                frame.LoopValues[depth] = null;
            }
        };
    }

    /// <summary>The items a loop visits; a list as it is when no option changes it.</summary>
    private static IList Items(IEnumerable source, int offset, bool reversed, int limit)
    {
        if (source is IList list && offset <= 0 && !reversed && (limit <= 0 || limit >= list.Count))
        {
            return list;
        }

        IEnumerable<object?> items = source.Cast<object?>();
        if (offset > 0)
        {
            items = items.Skip(offset);
        }

        if (reversed)
        {
            items = items.Reverse();
        }

        if (limit > 0)
        {
            items = items.Take(limit);
        }

        return items.ToList();
    }

    private Value Value(ScriptExpression expression) => expression switch
    {
        ScriptLiteral literal => Constant(literal.Value),
        ScriptNestedExpression { Expression: { } inner } => Value(inner),
        ScriptVariableGlobal variable => Variable(variable),
        ScriptMemberExpression { Target: ScriptVariableGlobal { Name: LoopObject }, Member: { } member } => LoopMember(expression, member.Name),
        ScriptMemberExpression { Target: { } target, Member: { } member } node => Member(node, target, member),
        ScriptUnaryExpression { Right: { } right } unary when unary.Operator != ScriptUnaryOperator.FunctionAlias => Unary(unary.Operator, right),
        ScriptBinaryExpression { Left: { } left, Right: { } right } binary => Binary(binary, left, right),
        ScriptFunctionCall call => Call(call, asStatement: false),
        _ => throw new NotCompiled(expression, expression.GetType().Name),
    };

    private static Value Constant(object? value) => _ => value;

    /// <summary>A loop's variable where a loop binds it; any other from the render's variables, its callers', then Scriban's (the built-ins).</summary>
    private Value Variable(ScriptVariableGlobal variable)
    {
        var name = variable.Name;
        if (name == LoopObject)
        {
            throw new NotCompiled(variable, "for as a value");
        }

        var depth = _loops.LastIndexOf(name);
        if (depth >= 0)
        {
            return frame => frame.LoopValues[depth];
        }

        return frame => Called(frame, variable, frame.TryFind(name, out var value) ? value : frame.Context.GetValue(variable));
    }

    private Value Member(ScriptMemberExpression node, ScriptExpression targetNode, ScriptVariable member)
    {
        var target = Value(targetNode);
        var read = new MemberRead(node, member);
        return frame => read.Read(frame, target(frame));
    }

    /// <summary><c>for.index</c> and the rest of Scriban's loop object, for the innermost loop.</summary>
    private Value LoopMember(ScriptExpression node, string member)
    {
        if (_loops.Count == 0)
        {
            throw new NotCompiled(node, "for.* outside a loop");
        }

        var d = _loops.Count - 1;
        return member switch
        {
            "index" => frame => frame.Loops[d].Index,
            "length" => frame => frame.Loops[d].Length,
            "rindex" => frame => frame.Loops[d].Length - frame.Loops[d].Index - 1,
            "first" => frame => frame.Loops[d].Index == 0 ? True : False,
            "last" => frame => frame.Loops[d].Index == frame.Loops[d].Length - 1 ? True : False,
            "even" => frame => (frame.Loops[d].Index & 1) == 0 ? True : False,
            "odd" => frame => (frame.Loops[d].Index & 1) == 1 ? True : False,
            // Compared only when read: a view model's equality compares every field.
            "changed" => frame => frame.Loops[d].Index == 0 || !Equals(frame.Loops[d].Previous, frame.LoopValues[d]) ? True : False,
            _ => throw new NotCompiled(node, $"for.{member}"),
        };
    }

    private Value Unary(ScriptUnaryOperator op, ScriptExpression rightNode)
    {
        var right = Value(rightNode);
        var span = rightNode.Span;
        return frame => ScriptUnaryExpression.Evaluate(frame.Context, span, op, right(frame));
    }

    private Value Binary(ScriptBinaryExpression node, ScriptExpression leftNode, ScriptExpression rightNode)
    {
        var (left, right) = (Value(leftNode), Value(rightNode));
        var (leftSpan, rightSpan) = (leftNode.Span, rightNode.Span);
        var op = node.Operator;
        var span = node.OperatorToken?.Span ?? node.Span;
        return op switch
        {
            ScriptBinaryOperator.And => frame =>
                frame.Context.ToBool(leftSpan, left(frame)) && frame.Context.ToBool(rightSpan, right(frame)) ? True : False,
            ScriptBinaryOperator.Or => frame =>
                frame.Context.ToBool(leftSpan, left(frame)) || frame.Context.ToBool(rightSpan, right(frame)) ? True : False,
            _ => frame => ScriptBinaryExpression.Evaluate(frame.Context, span, op, leftSpan, left(frame), rightSpan, right(frame)),
        };
    }

    /// <summary>A call to one of the theme's functions (<c>include</c>, <c>card</c>, <c>tr</c> …), its arguments evaluated here.</summary>
    private Value Call(ScriptFunctionCall call, bool asStatement)
    {
        if (call.Target is not ScriptVariableGlobal { Name: var name } || _loops.Contains(name)
            || !_builtins.TryGetValue(name, out var builtin) || builtin is not IDirectFunction function)
        {
            throw new NotCompiled(call, $"a call to {call.Target}");
        }

        var positional = new List<Value>();
        var named = new List<(string Name, Value Value)>();
        foreach (var argument in call.Arguments)
        {
            if (argument is ScriptNamedArgument { Name.Name: { } argumentName, Value: { } value })
            {
                named.Add((argumentName, Value(value)));
            }
            else if (argument is ScriptNamedArgument)
            {
                throw new NotCompiled(argument, "a named argument without a value");
            }
            else
            {
                positional.Add(Value(argument));
            }
        }

        var (positionalValues, namedValues) = (positional.ToArray(), named.ToArray());
        var span = call.Span;
        return frame =>
        {
            var arguments = new object?[positionalValues.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = positionalValues[i](frame);
            }

            var namedArguments = namedValues.Length == 0 ? [] : new KeyValuePair<string, object?>[namedValues.Length];
            for (var i = 0; i < namedArguments.Length; i++)
            {
                namedArguments[i] = new(namedValues[i].Name, namedValues[i].Value(frame));
            }

            return function.Call(frame.Context, span, arguments, namedArguments, asStatement);
        };
    }

    /// <summary>A value, with an exception that is not Scriban's turned into one that names where in the template it happened, as Scriban does.</summary>
    private static object? Evaluate(Value value, RenderFrame frame, SourceSpan span)
    {
        try
        {
            return value(frame);
        }
        catch (Exception e) when (e is not ScriptRuntimeException)
        {
            throw new ScriptRuntimeException(span, e.Message, e);
        }
    }

    /// <summary>A construct the compiler leaves to Scriban.</summary>
    private sealed class NotCompiled(ScriptNode node, string what)
        : Exception($"{node.Span.FileName}:{node.Span.Start.Line + 1}:{node.Span.Start.Column + 1}: {what}");
}
