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
}
