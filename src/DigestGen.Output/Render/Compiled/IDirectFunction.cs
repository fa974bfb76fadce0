using Scriban.Parsing;

namespace DigestGen.Render.Compiled;

/// <summary>
/// A theme function that a compiled template calls with its arguments already evaluated (Scriban's own calls
/// hand a function the call's syntax, to evaluate in the interpreter's scopes).
/// </summary>
internal interface IDirectFunction
{
    /// <param name="arguments">The positional arguments, in order.</param>
    /// <param name="named">The named arguments (<c>post: p</c>), in order.</param>
    /// <param name="asStatement">Whether the call is a statement of its own, whose output may go straight to the page.</param>
    object? Call(ThemeContext context, SourceSpan span, object?[] arguments, KeyValuePair<string, object?>[] named, bool asStatement);
}
