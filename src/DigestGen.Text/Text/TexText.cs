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

    /// <summary>
    /// How deep groups (<c>\emph{…}</c>, <c>$…$</c>) may nest before the rest is kept as written. Real abstracts
    /// nest two or three deep; the limit keeps a hostile seed's cost linear.
    /// </summary>
    public const int MaxNesting = 32;

    public static RichText Parse(string raw) => Parse(raw, out _);

    /// <param name="tooDeep">Set when groups nested deeper than <see cref="MaxNesting"/>, whose text was then kept literally.</param>
    public static RichText Parse(string raw, out bool tooDeep)
    {
        tooDeep = false;
        var text = TexResidue.Clean(Normalise(raw));
        if (text.Length > 0 && NextSpecial(text, 0, text.Length) < 0)
        {
            // Most abstracts: nothing to clean, so the text itself is the one run.
            return new RichText([new Inline(InlineKind.Text, text)]);
        }

        var builder = new InlineBuilder(text.Length);
        var walk = new Walk(text, MatchingBraces(text), builder);
        walk.Into(0, text.Length, InlineKind.Text, 0);
        tooDeep = walk.TooDeep;
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

    /// <summary>
    /// One parse of one text: groups are walked as ranges of it (never copied out), and each brace's partner
    /// comes from one table, so the cost stays linear in the text however the braces nest.
    /// </summary>
    private sealed class Walk(string text, int[] partner, InlineBuilder builder)
    {
        public bool TooDeep { get; private set; }

        public void Into(int start, int end, InlineKind kind, int depth)
        {
            if (depth > MaxNesting)
            {
                TooDeep = true;
                builder.Append(kind, text.AsSpan(start, end - start));
                return;
            }

            var i = start;
            while (i < end)
            {
                var special = NextSpecial(text, i, end);
                if (special != i)
                {
                    var run = (special < 0 ? end : special) - i;
                    builder.Append(kind, text.AsSpan(i, run));
                    i += run;
                    continue;
                }

                var c = text[i];
                if (c == '\\' && i + 1 < end)
                {
                    var next = text[i + 1];
                    if ("$%&_#{}".Contains(next))
                    {
                        builder.Append(kind, next.ToString());
                        i += 2;
                        continue;
                    }

                    var letters = i + 1;
                    while (letters < end && char.IsAsciiLetter(text[letters]))
                    {
                        letters++;
                    }

                    if (letters > i + 1)
                    {
                        var name = text[(i + 1)..letters];
                        if (letters < end && text[letters] == '{' && partner[letters] is var closing && closing > 0 && closing < end)
                        {
                            Into(letters + 1, closing, FormatKind(name, kind), depth + 1);
                            i = closing + 1;
                            continue;
                        }

                        builder.Append(kind, Symbols.GetValueOrDefault(name, name));
                        i = letters;
                        continue;
                    }
                }

                if (c == '$' && FindClosingDollar(text, i, end) is var dollar && dollar > i + 1)
                {
                    var inner = text[(i + 1)..dollar];
                    if (IsRealMath(inner))
                    {
                        builder.Append(InlineKind.Math, inner.Trim());
                    }
                    else
                    {
                        Into(i + 1, dollar, kind, depth + 1);
                    }

                    i = dollar + 1;
                    continue;
                }

                // Scrapers drop the backslash of \sim, \ge and \times: "by sim75%" is "by ~75%", "(ge10)" is "(≥10)",
                // "2.6times less" is "2.6× less".
                if (c is 's' or 'g' or 'l' or 't' && (i == 0 || !char.IsLetter(text[i - 1])) && LostSymbol().Match(text, i, end - i) is { Success: true } lost
                    && (!lost.Groups[2].Success || (i > 0 && char.IsDigit(text[i - 1]))))
                {
                    builder.Append(kind, Symbols[lost.Groups[1].Success ? lost.Groups[1].Value : lost.Groups[2].Value]);
                    i += lost.Length;
                    continue;
                }

                // A TeX tie between words is a plain space.
                if (c == '~' && i > 0 && char.IsLetter(text[i - 1]) && i + 1 < end && (char.IsLetter(text[i + 1]) || text[i + 1] is '(' or '\\'))
                {
                    builder.Append(kind, " ");
                    i++;
                    continue;
                }

                builder.Append(kind, c);
                i++;
            }
        }
    }

    /// <summary>
    /// The first index from <paramref name="start"/> (before <paramref name="end"/>) where something other than plain text may begin, or -1.
    /// A lost symbol always touches a digit ("sim75", "ge 10", "2.6times"), so only digits' neighbours are candidates.
    /// </summary>
    private static int NextSpecial(string text, int start, int end)
    {
        var best = text.AsSpan(start, end - start).IndexOfAny(Specials);
        best = best < 0 ? int.MaxValue : start + best;
        for (var d = Math.Max(0, start - 1); d < end && d - 4 <= best; d++)
        {
            if (!char.IsAsciiDigit(text[d]))
            {
                continue;
            }

            if (d + 1 < best && text.AsSpan(d + 1, end - d - 1).StartsWith("times"))
            {
                best = d + 1;
            }

            var wordEnd = d > 0 && text[d - 1] == ' ' ? d - 1 : d;
            foreach (var word in LostBeforeDigit)
            {
                var s = wordEnd - word.Length;
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

    private static int FindClosingDollar(string text, int open, int end)
    {
        var limit = Math.Min(end, open + MaxMathLength);
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

    /// <summary>For each '{', the index of the '}' that closes it (-1 if none); escaped braces do not count.</summary>
    private static int[] MatchingBraces(string text)
    {
        var partner = new int[text.Length];
        var open = new Stack<int>();
        for (var j = 0; j < text.Length; j++)
        {
            partner[j] = -1;
            if (text[j] == '\\')
            {
                if (j + 1 < text.Length)
                {
                    partner[++j] = -1;
                }

                continue;
            }

            if (text[j] == '{')
            {
                open.Push(j);
            }
            else if (text[j] == '}' && open.Count > 0)
            {
                partner[open.Pop()] = j;
            }
        }

        return partner;
    }

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
