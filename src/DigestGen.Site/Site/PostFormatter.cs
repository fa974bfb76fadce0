using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace DigestGen.Site;

/// <summary>
/// A post as HTML: each line a paragraph, links, @handles and #hashtags made into links (handles and
/// hashtags to the platform the posts come from). The text is split into tokens and every piece is
/// escaped, so post text can never become markup.
/// </summary>
public static partial class PostFormatter
{
    public static string ToHtml(string text)
    {
        var sb = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            sb.Append("<p>");
            var last = 0;
            foreach (Match m in Entity().Matches(line))
            {
                if (m.Groups["handle"].Success && m.Index > 0 && char.IsLetterOrDigit(line[m.Index - 1]) && line[m.Index - 1] != '@')
                {
                    continue;
                }

                sb.Append(WebUtility.HtmlEncode(line[last..m.Index]));
                var value = m.Value;
                if (m.Groups["url"].Success)
                {
                    var url = value.TrimEnd('.', ',', '!', '?', ')', ';', ':', '"', '\'', '”');
                    sb.Append("<a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\" rel=\"nofollow noopener\">")
                      .Append(WebUtility.HtmlEncode(url)).Append("</a>");
                    value = url;
                }
                else if (m.Groups["handle"].Success)
                {
                    sb.Append("<a href=\"https://x.com/").Append(WebUtility.HtmlEncode(value[1..])).Append("\" rel=\"nofollow noopener\">")
                      .Append(WebUtility.HtmlEncode(value)).Append("</a>");
                }
                else
                {
                    sb.Append("<a href=\"https://x.com/hashtag/").Append(Uri.EscapeDataString(value[1..])).Append("\" rel=\"nofollow noopener\">")
                      .Append(WebUtility.HtmlEncode(value)).Append("</a>");
                }

                last = m.Index + value.Length;
            }

            sb.Append(WebUtility.HtmlEncode(line[last..])).Append("</p>");
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"(?<url>https?://[^\s<>""]+)|(?<handle>@[A-Za-z0-9_]{1,30})|(?<tag>(?<![\w&/])#[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*)")]
    private static partial Regex Entity();
}
