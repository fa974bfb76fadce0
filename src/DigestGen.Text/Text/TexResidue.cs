using System.Text.RegularExpressions;

namespace DigestGen.Text;

/// <summary>
/// TeX that lost its backslashes on the way into a seed, which no reader should see: quotes written the TeX
/// way (<c>``think''</c> becomes “think”), and size and font commands glued to what they styled
/// (<c>Inference Scaling scriptsizeFLaws</c>, <c>mathrm{RM}</c>), and Greek letters and accents written out
/// in math (<c>N=tildeOmega(C^*)</c> becomes N=Ω̃(C^*), <c>epsilon_{opt}</c> becomes ε_opt). A command name is
/// only taken for one where no English word could stand: glued to a capital, a brace, a script or a
/// parenthesis (Ω and Θ only), after no other letter.
/// </summary>
public static partial class TexResidue
{
    public static string Clean(string text)
    {
        if (!text.Contains("``", StringComparison.Ordinal) && !HasCommand().IsMatch(text) && !HasGreek().IsMatch(text))
        {
            return text;
        }

        text = QuotedClosed().Replace(text, "“$1”");
        text = text.Replace("``", "“", StringComparison.Ordinal);
        text = CommandGroup().Replace(text, "$1");
        text = CommandGlued().Replace(text, "");
        text = Accented().Replace(text, m => Letter(m.Groups[2].Value) + Accents[m.Groups[1].Value]);
        text = GreekInMath().Replace(text, m => Letter(m.Value));
        return SimpleSubscript().Replace(text, "$1_$2");
    }

    private static readonly Dictionary<string, string> Greek = new(StringComparer.Ordinal)
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ε", ["varepsilon"] = "ε",
        ["theta"] = "θ", ["lambda"] = "λ", ["mu"] = "μ", ["sigma"] = "σ", ["tau"] = "τ", ["omega"] = "ω",
        ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Sigma"] = "Σ", ["Omega"] = "Ω",
    };

    // Combining tilde, circumflex and macron: "Ω̃" is Ω followed by U+0303.
    private static readonly Dictionary<string, string> Accents = new(StringComparer.Ordinal) { ["tilde"] = "\u0303", ["hat"] = "\u0302", ["bar"] = "\u0304" };

    private static string Letter(string name) => Greek.GetValueOrDefault(name, name);

    private const string GreekNames = "varepsilon|epsilon|alpha|beta|gamma|delta|theta|lambda|sigma|omega|Gamma|Delta|Theta|Lambda|Sigma|Omega|mu|tau";

    [GeneratedRegex($@"(?<![A-Za-z\\])(?:(?:{GreekNames})(?=[_^])|(?:Omega|Theta)(?=\())|(?<![A-Za-z\\])(?:tilde|hat|bar)(?:{GreekNames}|[A-Z])(?![a-z])")]
    private static partial Regex HasGreek();

    /// <summary><c>tildeOmega</c>, <c>hatO</c>: the letter with its accent.</summary>
    [GeneratedRegex($@"(?<![A-Za-z\\])(tilde|hat|bar)({GreekNames}|[A-Z])(?![a-z])")]
    private static partial Regex Accented();

    /// <summary><c>epsilon_{opt}</c>, <c>Omega(n)</c>: a Greek name a script follows, or a bound's letter its argument.</summary>
    [GeneratedRegex($@"(?<![A-Za-z\\])(?:(?:{GreekNames})(?=[_^])|(?:Omega|Theta)(?=\())")]
    private static partial Regex GreekInMath();

    /// <summary><c>ε_{opt}</c>: a one-word subscript of a Greek letter needs no braces.</summary>
    [GeneratedRegex(@"([α-ωΓ-Ω])_\{([A-Za-z0-9]{1,12})\}")]
    private static partial Regex SimpleSubscript();

    private const string Commands = "scriptsize|footnotesize|mathrm|mathbf|mathit|mathsf|textrm|textbf|textit|texttt|textsf";

    [GeneratedRegex($@"(?<![A-Za-z\\])(?:{Commands})(?=[A-Z{{])")]
    private static partial Regex HasCommand();

    /// <summary>``quoted'' or ``quoted" (a closing quote some sources typed plainly).</summary>
    [GeneratedRegex(@"``([^`'""]{1,300}?)(?:''|"")")]
    private static partial Regex QuotedClosed();

    /// <summary><c>mathrm{RM}</c>: the command goes, what it styled stays.</summary>
    [GeneratedRegex($@"(?<![A-Za-z\\])(?:{Commands})\{{([^{{}}\\]{{0,200}})\}}")]
    private static partial Regex CommandGroup();

    /// <summary><c>scriptsizeFLaws</c>: the command goes.</summary>
    [GeneratedRegex($@"(?<![A-Za-z\\])(?:{Commands})(?=[A-Z])")]
    private static partial Regex CommandGlued();
}
