using System.Buffers;

namespace DigestGen.Site;

/// <summary>
/// Markup DigestGen made itself (an abstract with its math, rendered Markdown, a post's linked text, an SVG):
/// the only values a theme writes as they are. Every other value a template writes is escaped, so seed
/// text can only become markup by passing through code that builds an <see cref="Html"/> from escaped parts.
/// </summary>
public sealed class Html(string value)
{
    public static readonly Html Empty = new("");

    public string Value { get; } = value;

    public override string ToString() => Value;

    private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\"'");

    /// <summary>
    /// Text made safe in markup text and in quoted attributes: <c>&amp; &lt; &gt; " '</c> escaped, nothing else, so
    /// words in any language stay readable in the source and a URL's <c>=</c> costs one byte, not six (every
    /// attribute our themes write is quoted; Handlebars also escaped <c>` =</c> for unquoted ones). The one escaper
    /// of the site: templates write every value through it, and so does the markup built in code (feed items, SVG labels).
    /// </summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny(Escaped) < 0)
        {
            return text;
        }

        using var writer = new StringWriter();
        Escape(text, writer);
        return writer.ToString();
    }

    /// <summary>Escapes <paramref name="text"/> as <see cref="Escape(string)"/> does, straight into a writer.</summary>
    public static void Escape(ReadOnlySpan<char> text, TextWriter writer)
    {
        while (text.IndexOfAny(Escaped) is var next and >= 0)
        {
            writer.Write(text[..next]);
            writer.Write(text[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(next + 1)..];
        }

        writer.Write(text);
    }
}
