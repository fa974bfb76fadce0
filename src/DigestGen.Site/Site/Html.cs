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

    /// <summary>Text escaped for HTML content and attribute values: <c>&amp; &lt; &gt; " ' ` =</c>, as Handlebars did, nothing else.</summary>
    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny("&<>\"'`=");
        if (first < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#x27;"),
                '`' => builder.Append("&#x60;"),
                '=' => builder.Append("&#x3D;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
