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

    // Every stage asks for the plain form (cards, search, topics, similarity): build it once. The HTML
    // form is rendered about twice per paper (its page, papers.json); caching it would hold ~200 MB at 100,000 papers.
    private string? _plain;

    public bool HasMath => Inlines.Any(i => i.Kind == InlineKind.Math);

    /// <summary>Whether <see cref="ToHtml"/> holds markup of ours (emphasis, math, links), not only the text escaped.</summary>
    public bool HasMarkup => Inlines switch
    {
        [] => false,
        [{ Kind: InlineKind.Text } only] => LinkedText.Addresses(only.Value).Any(),
        _ => true,
    };

    /// <summary>What a reader sees, without markup; math keeps its source form (<c>O(n^2)</c>).</summary>
    public string ToPlainText() => _plain ??= BuildPlainText();

    private string BuildPlainText()
    {
        if (Inlines.Count == 1)
        {
            return Inlines[0].Value;
        }

        var sb = new StringBuilder();
        foreach (var inline in Inlines)
        {
            sb.Append(inline.Value);
        }

        return sb.ToString();
    }

    /// <summary>Escaped HTML: the only tags are ours (<c>em</c>, <c>strong</c>, MathML, and links for the web addresses in the text).</summary>
    public string ToHtml()
    {
        if (Inlines is [{ Kind: InlineKind.Text } only])
        {
            // Most abstracts; and the encoder returns the text itself when nothing in it needs escaping.
            return LinkedText.ToHtml(only.Value);
        }

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
                    LinkedText.Append(sb, inline.Value);
                    break;
            }
        }

        return sb.ToString();
    }

    public override string ToString() => ToPlainText();
}
