using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace DigestGen.Render.Compiled;

/// <summary>
/// One <c>target.member</c> of a compiled template, read as Scriban reads it, with the getter of the last view
/// model type it met remembered: a member is read from the same type on nearly every page.
/// </summary>
internal sealed class MemberRead(ScriptMemberExpression node, ScriptVariable memberNode)
{
    private readonly string _member = memberNode.Name;
    private readonly SourceSpan _span = memberNode.Span;
    private readonly string _whenNull = $"Object `{node.Target}` is null. Cannot access member: {node}";
    private readonly bool _nullSafe = node.DotToken.TokenType == TokenType.QuestionDot;

    // Replaced whole, never changed in place, so threads sharing the template read one consistent pair.
    private TypedGetter? _last;

    public object? Read(RenderFrame frame, object? target)
    {
        if (target is null)
        {
            return _nullSafe ? null : throw new ScriptRuntimeException(_span, _whenNull);
        }

        var last = _last;
        if (last is not null && last.Type == target.GetType())
        {
            return TemplateCompiler.Called(frame, node, last.Getter(target));
        }

        if (ViewModelAccessor.For(target.GetType())?.Getter(_member) is { } getter)
        {
            _last = new TypedGetter(target.GetType(), getter);
            return TemplateCompiler.Called(frame, node, getter(target));
        }

        var context = frame.Context;
        if (!context.GetMemberAccessor(target).TryGetValue(context, _span, target, _member, out var value)
            && !(context.TryGetMember?.Invoke(context, _span, target, _member, out value) ?? false)
            && !context.EnableRelaxedMemberAccess)
        {
            throw new ScriptRuntimeException(_span, $"Cannot get member with name {_member}.");
        }

        return TemplateCompiler.Called(frame, node, value);
    }

    private sealed record TypedGetter(Type Type, Func<object, object?> Getter);
}
