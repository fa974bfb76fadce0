using System.Text.RegularExpressions;

namespace DigestGen.Ingest;

/// <summary>Finds links, @handles and #hashtags in post text, in order of appearance.</summary>
public static partial class PostEntities
{
    public static IReadOnlyList<string> Links(string text) =>
        Link().Matches(text).Select(m => m.Value.TrimEnd('.', ',', '!', '?', ')', ';', ':', '"', '\'', '”')).Distinct().ToList();

    /// <summary>Handles may be run together (<c>@a@b@c</c>), each is still a handle; e-mail addresses are not.</summary>
    public static IReadOnlyList<string> Handles(string text)
    {
        var result = new List<string>();
        var previousEnd = -1;
        foreach (Match m in Handle().Matches(text))
        {
            var start = m.Index;
            var runTogether = start == previousEnd;
            if (start == 0 || runTogether || !char.IsLetterOrDigit(text[start - 1]))
            {
                result.Add(m.Value);
                previousEnd = start + m.Length;
            }
        }

        return result.Distinct().ToList();
    }

    public static IReadOnlyList<string> Hashtags(string text) =>
        Hashtag().Matches(text).Select(m => m.Value).Distinct().ToList();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    internal static partial Regex Link();

    [GeneratedRegex(@"@[A-Za-z0-9_]{1,30}")]
    internal static partial Regex Handle();

    [GeneratedRegex(@"(?<![\w&/])#[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*")]
    internal static partial Regex Hashtag();
}
