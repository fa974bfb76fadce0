using System.Net;
using System.Text;

namespace DigestGen.Text;

/// <summary>
/// Seed text after curation: plain runs plus the little markup readers should see (emphasis,
/// strong, inline math). Rendering escapes every run, so seed text can never become markup.
/// </summary>
public sealed class RichText
{
    public static readonly RichText Empty = new([]);

    public RichText(IReadOnlyList<Inline> inlines) => Inlines = inlines;

    public IReadOnlyList<Inline> Inlines { get; }

    // Every stage asks for these (cards, feeds, search, topics, similarity); build them once.
    private string? _plain;
    private string? _html;

    public bool HasMath => Inlines.Any(i => i.Kind == InlineKind.Math);

    /// <summary>What a reader sees, without markup; math keeps its source form (<c>O(n^2)</c>).</summary>
    public string ToPlainText() => _plain ??= BuildPlainText();

    private string BuildPlainText()
    {
        var sb = new StringBuilder();
        foreach (var inline in Inlines)
        {
            sb.Append(inline.Value);
        }

        return sb.ToString();
    }

    /// <summary>Escaped HTML: the only tags are ours (<c>em</c>, <c>strong</c>, MathML).</summary>
    public string ToHtml() => _html ??= BuildHtml();

    private string BuildHtml()
    {
        var sb = new StringBuilder();
        foreach (var inline in Inlines)
        {
            switch (inline.Kind)
            {
                case InlineKind.Emphasis:
                    sb.Append("<em>").Append(WebUtility.HtmlEncode(inline.Value)).Append("</em>");
                    break;
                case InlineKind.Strong:
                    sb.Append("<strong>").Append(WebUtility.HtmlEncode(inline.Value)).Append("</strong>");
                    break;
                case InlineKind.Math:
                    sb.Append(TexMathML.Convert(inline.Value));
                    break;
                default:
                    sb.Append(WebUtility.HtmlEncode(inline.Value));
                    break;
            }
        }

        return sb.ToString();
    }

    public override string ToString() => ToPlainText();
}
