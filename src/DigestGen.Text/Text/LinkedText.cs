using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace DigestGen.Text;

/// <summary>
/// Plain seed text as escaped HTML in which web addresses (http and https only) become links, opened in
/// the same tab with <c>rel="noopener"</c>. An address ends at whitespace, a quote or an angle bracket,
/// and loses the punctuation that ends its sentence (a closing bracket stays when the address opened
/// one), so "(see https://github.com/x/y)." links <c>https://github.com/x/y</c>. Both the address and the
/// text around it are escaped: seed text never becomes markup.
/// </summary>
public static partial class LinkedText
{
    public static string ToHtml(string text)
    {
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            return WebUtility.HtmlEncode(text);
        }

        var sb = new StringBuilder(text.Length + 64);
        Append(sb, text);
        return sb.ToString();
    }

    public static void Append(StringBuilder sb, string text)
    {
        var at = 0;
        foreach (var (start, length) in Addresses(text))
        {
            sb.Append(WebUtility.HtmlEncode(text[at..start]));
            var url = WebUtility.HtmlEncode(text.Substring(start, length));
            sb.Append("<a href=\"").Append(url).Append("\" rel=\"noopener\">").Append(url).Append("</a>");
            at = start + length;
        }

        sb.Append(WebUtility.HtmlEncode(text[at..]));
    }

    /// <summary>Where the web addresses in a text are, sentence punctuation after them left out.</summary>
    public static IEnumerable<(int Start, int Length)> Addresses(string text)
    {
        // Most abstracts name no address; papers.json asks of every paper.
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            yield break;
        }

        for (var m = Address().Match(text); m.Success; m = m.NextMatch())
        {
            var url = m.Value;
            while (url.Length > 0 && (".,;:!?'\"".Contains(url[^1]) || (url[^1] is ')' or ']' && Unbalanced(url))))
            {
                url = url[..^1];
            }

            if (url.Length > "https://".Length)
            {
                yield return (m.Index, url.Length);
            }
        }
    }

    /// <summary>A closing bracket at the end with no opening one in the address belongs to the sentence.</summary>
    private static bool Unbalanced(string url)
    {
        var (open, close) = url[^1] == ')' ? ('(', ')') : ('[', ']');
        return url.Count(c => c == close) > url.Count(c => c == open);
    }

    [GeneratedRegex(@"\bhttps?://[^\s<>""'\u00A0]+", RegexOptions.IgnoreCase)]
    private static partial Regex Address();
}
