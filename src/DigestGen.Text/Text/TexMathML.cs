using System.Net;
using System.Text;

namespace DigestGen.Text;

/// <summary>
/// Typesets the small inline TeX that abstracts use (scripts, fractions, roots, Greek, relations)
/// as MathML, which browsers render natively: no script, no external request.
/// </summary>
public static class TexMathML
{
    private static readonly Dictionary<string, (string Tag, string Text)> Commands = new(StringComparer.Ordinal)
    {
        ["alpha"] = ("mi", "α"), ["beta"] = ("mi", "β"), ["gamma"] = ("mi", "γ"), ["delta"] = ("mi", "δ"),
        ["epsilon"] = ("mi", "ε"), ["varepsilon"] = ("mi", "ε"), ["theta"] = ("mi", "θ"), ["lambda"] = ("mi", "λ"),
        ["mu"] = ("mi", "μ"), ["pi"] = ("mi", "π"), ["sigma"] = ("mi", "σ"), ["tau"] = ("mi", "τ"), ["phi"] = ("mi", "φ"),
        ["omega"] = ("mi", "ω"), ["Delta"] = ("mi", "Δ"), ["Omega"] = ("mi", "Ω"), ["Theta"] = ("mi", "Θ"),
        ["infty"] = ("mi", "∞"), ["sim"] = ("mo", "~"), ["approx"] = ("mo", "≈"), ["times"] = ("mo", "×"),
        ["cdot"] = ("mo", "·"), ["le"] = ("mo", "≤"), ["leq"] = ("mo", "≤"), ["ge"] = ("mo", "≥"), ["geq"] = ("mo", "≥"),
        ["neq"] = ("mo", "≠"), ["pm"] = ("mo", "±"), ["to"] = ("mo", "→"), ["rightarrow"] = ("mo", "→"),
        ["in"] = ("mo", "∈"), ["sum"] = ("mo", "∑"), ["prod"] = ("mo", "∏"), ["log"] = ("mi", "log"),
        ["exp"] = ("mi", "exp"), ["max"] = ("mi", "max"), ["min"] = ("mi", "min"), ["%"] = ("mo", "%"),
        ["ldots"] = ("mo", "…"), ["dots"] = ("mo", "…"), ["{"] = ("mo", "{"), ["}"] = ("mo", "}"),
    };

    public static string Convert(string tex)
    {
        var sb = new StringBuilder();
        sb.Append("<math alttext=\"").Append(WebUtility.HtmlEncode(tex)).Append("\"><mrow>");
        var pos = 0;
        while (pos < tex.Length)
        {
            sb.Append(ReadScripted(tex, ref pos));
        }

        return sb.Append("</mrow></math>").ToString();
    }

    private static string ReadScripted(string tex, ref int pos)
    {
        var atom = ReadAtom(tex, ref pos);
        string? sub = null, sup = null;
        while (pos < tex.Length && (tex[pos] == '^' || tex[pos] == '_'))
        {
            var isSup = tex[pos] == '^';
            pos++;
            var script = pos < tex.Length ? ReadAtom(tex, ref pos) : "<mrow></mrow>";
            if (isSup)
            {
                sup = script;
            }
            else
            {
                sub = script;
            }
        }

        return (sub, sup) switch
        {
            (null, null) => atom,
            (not null, null) => $"<msub>{atom}{sub}</msub>",
            (null, not null) => $"<msup>{atom}{sup}</msup>",
            _ => $"<msubsup>{atom}{sub}{sup}</msubsup>",
        };
    }

    private static string ReadAtom(string tex, ref int pos)
    {
        while (pos < tex.Length && tex[pos] == ' ')
        {
            pos++;
        }

        if (pos >= tex.Length)
        {
            return "";
        }

        var c = tex[pos];
        if (c == '{')
        {
            var inner = ReadGroup(tex, ref pos);
            var sb = new StringBuilder("<mrow>");
            var p = 0;
            while (p < inner.Length)
            {
                sb.Append(ReadScripted(inner, ref p));
            }

            return sb.Append("</mrow>").ToString();
        }

        if (c == '\\')
        {
            pos++;
            var start = pos;
            while (pos < tex.Length && char.IsLetter(tex[pos]))
            {
                pos++;
            }

            if (pos == start && pos < tex.Length)
            {
                pos++;
            }

            var name = tex[start..pos];
            switch (name)
            {
                case "frac":
                    return $"<mfrac>{ReadAtom(tex, ref pos)}{ReadAtom(tex, ref pos)}</mfrac>";
                case "sqrt":
                    return $"<msqrt>{ReadAtom(tex, ref pos)}</msqrt>";
                case "text" or "mathrm" or "textrm" or "texttt" or "mathbf" or "textbf" or "mathit":
                    return pos < tex.Length && tex[pos] == '{' ? $"<mtext>{Escape(ReadGroup(tex, ref pos))}</mtext>" : "";
            }

            return Commands.TryGetValue(name, out var symbol)
                ? $"<{symbol.Tag}>{Escape(symbol.Text)}</{symbol.Tag}>"
                : $"<mi>{Escape(name)}</mi>";
        }

        if (char.IsDigit(c) || c == '.')
        {
            var start = pos;
            while (pos < tex.Length && (char.IsDigit(tex[pos]) || tex[pos] == '.'))
            {
                pos++;
            }

            return $"<mn>{tex[start..pos]}</mn>";
        }

        pos++;
        return char.IsLetter(c) ? $"<mi>{Escape(c.ToString())}</mi>" : $"<mo>{Escape(c.ToString())}</mo>";
    }

    private static string ReadGroup(string tex, ref int pos)
    {
        var depth = 0;
        var start = pos + 1;
        for (; pos < tex.Length; pos++)
        {
            if (tex[pos] == '{')
            {
                depth++;
            }
            else if (tex[pos] == '}' && --depth == 0)
            {
                pos++;
                return tex[start..(pos - 1)];
            }
        }

        return tex[start..];
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
