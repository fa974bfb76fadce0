using System.Buffers;
using System.Text;

namespace DigestGen.Text;

/// <summary>
/// Removes characters a reader cannot see but that change what they see: bidirectional overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069), which can make a title display as something else, and
/// zero-width characters (U+200B, U+200C, U+2060, U+FEFF, and U+200D except where it joins two emoji into one).
/// </summary>
public static class InvisibleCharacters
{
    private static readonly SearchValues<char> Invisible = SearchValues.Create(
        "\u200B\u200C\u200D\u2060\uFEFF\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    public static string Strip(string text)
    {
        var first = text.AsSpan().IndexOfAny(Invisible);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!Invisible.Contains(c) || (c == '\u200D' && JoinsEmoji(text, i)))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>A zero-width joiner between two pictographs (👩‍💻) is part of one emoji.</summary>
    private static bool JoinsEmoji(string text, int joiner) =>
        joiner > 0 && joiner + 1 < text.Length && IsPictographEnd(text, joiner - 1) && IsPictographStart(text, joiner + 1);

    private static bool IsPictographEnd(string text, int i) =>
        char.IsLowSurrogate(text[i]) || text[i] == '\uFE0F' || text[i] is >= '\u2600' and <= '\u27BF';

    private static bool IsPictographStart(string text, int i) =>
        char.IsHighSurrogate(text[i]) || text[i] is >= '\u2600' and <= '\u27BF';
}
