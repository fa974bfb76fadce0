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

    /// <summary>
    /// Text made safe for markup we build in code (a feed item's facts, an SVG's labels): <c>&amp; &lt; &gt; " '</c>
    /// escaped, and nothing else, so words in any language stay readable in the source.
    /// </summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
    }
}
