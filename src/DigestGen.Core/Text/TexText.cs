using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace DigestGen.Text;

/// <summary>
/// Turns scraped abstract text, which carries TeX residue (<c>\$9</c>, <c>43.33\%</c>,
/// <c>$\textbf{Zebra-CoT}$</c>, <c>\emph{…}</c>), into what a reader should see. Real inline math
/// (<c>$O(n^2)$</c>) is kept as math; a <c>$…$</c> that only wraps text or a number is unwrapped.
/// White space is normalised.
/// </summary>
public static partial class TexText
{
    private const int MaxMathLength = 200;

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["sim"] = "~", ["approx"] = "≈", ["times"] = "×", ["le"] = "≤", ["leq"] = "≤", ["ge"] = "≥", ["geq"] = "≥",
        ["pm"] = "±", ["rightarrow"] = "→", ["to"] = "→", ["cdot"] = "·", ["ldots"] = "…", ["dots"] = "…",
        ["infty"] = "∞", ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ε",
        ["lambda"] = "λ", ["mu"] = "μ", ["sigma"] = "σ", ["theta"] = "θ", ["pi"] = "π", ["tau"] = "τ",
    };

    // Where plain text can stop being plain: escapes and commands, math, ties. Lost symbols are found from digits.
    private static readonly SearchValues<char> Specials = SearchValues.Create("\\$~");
    private static readonly string[] LostBeforeDigit = ["sim", "geq", "leq", "ge", "le"];

    public static RichText Parse(string raw)
    {
        var text = Normalise(raw);
        if (text.Length > 0 && NextSpecial(text, 0) < 0)
        {
            // Most abstracts: nothing to clean, so the text itself is the one run.
            return new RichText([new Inline(InlineKind.Text, text)]);
        }

        var builder = new InlineBuilder(text.Length);
        ParseInto(text, builder, InlineKind.Text);
        return builder.Build();
    }

    /// <summary>Collapses every run of white space (including tabs and NBSP) into one space.</summary>
    public static string Normalise(string text)
    {
        if (IsNormal(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>No white space but single spaces between words: most seed text, which then needs no copy.</summary>
    private static bool IsNormal(string text) =>
        text.Length == 0
        || (text[0] != ' ' && text[^1] != ' ' && !text.Contains("  ", StringComparison.Ordinal)
            && text.AsSpan().IndexOfAny(WhiteSpaceButSpace) < 0);

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> holds to be white space, but the plain space (NBSP is among them).</summary>
    private static readonly SearchValues<char> WhiteSpaceButSpace = SearchValues.Create(
        "\u0009\u000A\u000B\u000C\u000D\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    private static void ParseInto(string text, InlineBuilder builder, InlineKind kind)
    {
        var i = 0;
        while (i < text.Length)
        {
            var special = NextSpecial(text, i);
            if (special != i)
            {
                var run = (special < 0 ? text.Length : special) - i;
                builder.Append(kind, text.AsSpan(i, run));
                i += run;
                continue;
            }

            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                if ("$%&_#{}".Contains(next))
                {
                    builder.Append(kind, next.ToString());
                    i += 2;
                    continue;
                }

                var command = Command().Match(text, i);
                if (command.Success)
                {
                    var name = command.Groups[1].Value;
                    var end = command.Index + command.Length;
                    if (end < text.Length && text[end] == '{' && MatchingBrace(text, end) is var close && close > 0)
                    {
                        var inner = text[(end + 1)..close];
                        ParseInto(inner, builder, FormatKind(name, kind));
                        i = close + 1;
                        continue;
                    }

                    builder.Append(kind, Symbols.GetValueOrDefault(name, name));
                    i = end;
                    continue;
                }
            }

            if (c == '$' && FindClosingDollar(text, i) is var closing && closing > i + 1)
            {
                var inner = text[(i + 1)..closing];
                if (IsRealMath(inner))
                {
                    builder.Append(InlineKind.Math, inner.Trim());
                }
                else
                {
                    ParseInto(inner, builder, kind);
                }

                i = closing + 1;
                continue;
            }

            // Scrapers drop the backslash of \sim, \ge and \times: "by sim75%" is "by ~75%", "(ge10)" is "(≥10)",
            // "2.6times less" is "2.6× less".
            if (c is 's' or 'g' or 'l' or 't' && (i == 0 || !char.IsLetter(text[i - 1])) && LostSymbol().Match(text, i) is { Success: true } lost
                && (!lost.Groups[2].Success || (i > 0 && char.IsDigit(text[i - 1]))))
            {
                builder.Append(kind, Symbols[lost.Groups[1].Success ? lost.Groups[1].Value : lost.Groups[2].Value]);
                i += lost.Length;
                continue;
            }

            // A TeX tie between words is a plain space.
            if (c == '~' && i > 0 && char.IsLetter(text[i - 1]) && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] is '(' or '\\'))
            {
                builder.Append(kind, " ");
                i++;
                continue;
            }

            builder.Append(kind, c);
            i++;
        }
    }

    /// <summary>
    /// The first index from <paramref name="start"/> where something other than plain text may begin, or -1.
    /// A lost symbol always touches a digit ("sim75", "ge 10", "2.6times"), so only digits' neighbours are candidates.
    /// </summary>
    private static int NextSpecial(string text, int start)
    {
        var best = text.AsSpan(start).IndexOfAny(Specials);
        best = best < 0 ? int.MaxValue : start + best;
        for (var d = Math.Max(0, start - 1); d < text.Length && d - 4 <= best; d++)
        {
            if (!char.IsAsciiDigit(text[d]))
            {
                continue;
            }

            if (d + 1 < best && text.AsSpan(d + 1).StartsWith("times"))
            {
                best = d + 1;
            }

            var end = d > 0 && text[d - 1] == ' ' ? d - 1 : d;
            foreach (var word in LostBeforeDigit)
            {
                var s = end - word.Length;
                if (s >= start && s < best && text.AsSpan(s, word.Length).SequenceEqual(word) && (s == 0 || !char.IsLetter(text[s - 1])))
                {
                    best = s;
                }
            }
        }

        return best == int.MaxValue ? -1 : best;
    }

    private static InlineKind FormatKind(string command, InlineKind outer) => command switch
    {
        "textbf" or "mathbf" or "bf" => InlineKind.Strong,
        "emph" or "textit" or "mathit" or "it" => InlineKind.Emphasis,
        _ => outer,
    };

    /// <summary>Math is what needs math typesetting: scripts, relations, symbol commands, a lone variable, f(x).</summary>
    internal static bool IsRealMath(string inner)
    {
        var t = inner.Trim();
        if (t.Length == 0)
        {
            return false;
        }

        if (t.IndexOfAny(['^', '_', '=', '<', '>']) >= 0 && !t.Contains("\\_"))
        {
            return true;
        }

        foreach (Match m in AnyCommand().Matches(t))
        {
            if (FormatKind(m.Groups[1].Value, InlineKind.Text) == InlineKind.Text && m.Groups[1].Value is not ("text" or "texttt" or "mathrm"))
            {
                return true;
            }
        }

        return SingleVariable().IsMatch(t);
    }

    private static int FindClosingDollar(string text, int open)
    {
        var limit = Math.Min(text.Length, open + MaxMathLength);
        for (var j = open + 1; j < limit; j++)
        {
            if (text[j] == '\\')
            {
                j++;
                continue;
            }

            if (text[j] == '$')
            {
                return j;
            }
        }

        return -1;
    }

    private static int MatchingBrace(string text, int open)
    {
        var depth = 0;
        for (var j = open; j < text.Length; j++)
        {
            if (text[j] == '\\')
            {
                j++;
                continue;
            }

            if (text[j] == '{')
            {
                depth++;
            }
            else if (text[j] == '}' && --depth == 0)
            {
                return j;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"\G\\([A-Za-z]+)")]
    private static partial Regex Command();

    [GeneratedRegex(@"\\([A-Za-z]+)")]
    private static partial Regex AnyCommand();

    [GeneratedRegex(@"\G(?:(sim|geq|leq|ge|le) ?(?=\d)|(times)\b)")]
    private static partial Regex LostSymbol();

    [GeneratedRegex(@"^[A-Za-z](?:\([^()]*\))?$")]
    private static partial Regex SingleVariable();

    /// <param name="capacity">
    /// The cleaned text is never longer than its source. Sized to that, the run buffer stays one chunk, and
    /// clearing it is free: clearing a builder that grew chunks allocates its whole capacity again.
    /// </param>
    private sealed class InlineBuilder(int capacity)
    {
        private readonly List<Inline> _inlines = new();
        private readonly StringBuilder _run = new(capacity);
        private InlineKind _kind = InlineKind.Text;

        public void Append(InlineKind kind, ReadOnlySpan<char> value)
        {
            if (kind != _kind)
            {
                Flush();
                _kind = kind;
            }

            _run.Append(value);
        }

        public void Append(InlineKind kind, string value)
        {
            if (kind != _kind || kind == InlineKind.Math)
            {
                Flush();
                _kind = kind;
            }

            _run.Append(value);
            if (kind == InlineKind.Math)
            {
                Flush();
                _kind = InlineKind.Text;
            }
        }

        public void Append(InlineKind kind, char value)
        {
            if (kind != _kind)
            {
                Flush();
                _kind = kind;
            }

            _run.Append(value);
        }

        public RichText Build()
        {
            Flush();
            return new RichText(_inlines);
        }

        private void Flush()
        {
            if (_run.Length > 0)
            {
                _inlines.Add(new Inline(_kind, _run.ToString()));
                _run.Clear();
            }
        }
    }
}
