using Scriban.Parsing;

namespace DigestGen.Render;

/// <summary>A template problem as editors and CI logs read it: <c>file:line:column: error: message</c>, counted from 1.</summary>
internal static class TemplateError
{
    public static string Format(SourceSpan span, string message) =>
        $"{span.FileName}:{span.Start.Line + 1}:{span.Start.Column + 1}: error: {message}";
}
