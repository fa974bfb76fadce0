using System.Text.RegularExpressions;

namespace DigestGen.Text;

/// <summary>
/// TeX that lost its backslashes on the way into a seed, which no reader should see: quotes written the TeX
/// way (<c>``think''</c> becomes “think”), size and font commands glued to what they styled
/// (<c>Inference Scaling scriptsizeFLaws</c>, <c>mathrm{RM}</c>), and Greek letters and a tilde written out
/// in math (<c>N=tildeOmega(C^*)</c> becomes N=Ω̃(C^*), <c>epsilon_{opt}</c> becomes ε_opt). A command name is
/// only taken for one where no English word could stand: glued to a capital, a brace, a script or a
/// parenthesis (Ω and Θ only), after no other letter.
/// </summary>
public static partial class TexResidue
{
    // Nearly every text has none of it, and a few vectorised scans say so: the patterns below, run on every
    // abstract of 100,000, cost the curate stage 0.7 s, and a SearchValues set of these strings was slower than
    // searching for each in turn.
    private static readonly string[] Triggers = [.. Commands.Split('|'), "``", "tilde", "Omega(", "Theta("];

    private static readonly Dictionary<string, string> Greek = new(StringComparer.Ordinal)
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ε", ["varepsilon"] = "ε",
        ["theta"] = "θ", ["lambda"] = "λ", ["mu"] = "μ", ["sigma"] = "σ", ["tau"] = "τ", ["omega"] = "ω",
        ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Sigma"] = "Σ", ["Omega"] = "Ω",
    };

    // A combining tilde: "Ω̃" is Ω followed by U+0303.
    private const string Tilde = "\u0303";

    private const string GreekNames = "varepsilon|epsilon|alpha|beta|gamma|delta|theta|lambda|sigma|omega|Gamma|Delta|Theta|Lambda|Sigma|Omega|mu|tau";

    private const string Commands = "scriptsize|footnotesize|mathrm|mathbf|mathit|mathsf|textrm|textbf|textit|texttt|textsf";

    public static string Clean(string text)
    {
        if (!HasTrigger(text))
        {
            return text;
        }

        text = QuotedClosed().Replace(text, "“$1”");
        text = text.Replace("``", "“", StringComparison.Ordinal);
        text = CommandGroup().Replace(text, "$1");
        text = CommandGlued().Replace(text, "");
        text = TildeOver().Replace(text, m => Letter(m.Groups[1].Value) + Tilde);
        text = GreekInMath().Replace(text, m => Letter(m.Value));
        return SimpleSubscript().Replace(text, "$1_$2");
    }

    private static bool HasTrigger(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny('_', '^') >= 0)
        {
            return true;
        }

        foreach (var trigger in Triggers)
        {
            if (span.IndexOf(trigger, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Letter(string name) => Greek.GetValueOrDefault(name, name);

    /// <summary>``quoted'' or ``quoted" (a closing quote some sources typed plainly).</summary>
    [GeneratedRegex(@"``([^`'""]{1,300}?)(?:''|"")")]
    private static partial Regex QuotedClosed();

    /// <summary><c>mathrm{RM}</c>: the command goes, what it styled stays.</summary>
    [GeneratedRegex($@"(?<![A-Za-z\\])(?:{Commands})\{{([^{{}}\\]{{0,200}})\}}")]
    private static partial Regex CommandGroup();

    /// <summary><c>scriptsizeFLaws</c>: the command goes.</summary>
    [GeneratedRegex($@"(?<![A-Za-z\\])(?:{Commands})(?=[A-Z])")]
    private static partial Regex CommandGlued();

    /// <summary><c>tildeOmega</c>, <c>tildeO</c>: the letter with a tilde over it.</summary>
    [GeneratedRegex($@"(?<![A-Za-z\\])tilde({GreekNames}|[A-Z])(?![a-z])")]
    private static partial Regex TildeOver();

    /// <summary><c>epsilon_{opt}</c>, <c>Omega(n)</c>: a Greek name a script follows, or a bound's letter its argument.</summary>
    [GeneratedRegex($@"(?<![A-Za-z\\])(?:(?:{GreekNames})(?=[_^])|(?:Omega|Theta)(?=\())")]
    private static partial Regex GreekInMath();

    /// <summary><c>ε_{opt}</c>: a one-word subscript of a Greek letter needs no braces.</summary>
    [GeneratedRegex(@"([α-ωΓ-Ω])_\{([A-Za-z0-9]{1,12})\}")]
    private static partial Regex SimpleSubscript();
}
