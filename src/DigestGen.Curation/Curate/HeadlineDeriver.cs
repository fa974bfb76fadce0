using System.Text.RegularExpressions;

namespace DigestGen.Curate;

/// <summary>
/// Writes a headline for a paper that has only an abstract. When the abstract introduces a named
/// system ("we present Tina, a family of …") the headline starts with that name; otherwise it is the
/// gist of the first sentence. At most 100 characters and never empty.
/// </summary>
public static partial class HeadlineDeriver
{
    public const int MaxLength = 100;

    public static string Derive(string abstractText)
    {
        var text = abstractText.Trim();
        if (text.Length == 0)
        {
            return "Untitled abstract";
        }

        var named = NamedSystem().Match(text);
        if (named.Success && IsName(named.Groups["name"].Value))
        {
            var name = named.Groups["name"].Value.Trim();
            var appositive = Appositive().Match(text[(named.Index + named.Length)..]);
            if (appositive.Success)
            {
                return Fit(name + ": " + Capitalise(appositive.Groups["desc"].Value));
            }

            // "trained with X, which …" names a tool, not the paper's contribution.
            if (named.Groups["verb"].Value != "with")
            {
                // "the X model, scaling up our approach …": the clause after the name says what it is.
                var clause = FirstSentence(text[(named.Index + named.Length)..]);
                return Fit(name + ": " + (clause.Split(' ').Length >= 3 ? Gist(clause) : Gist(FirstSentence(text))));
            }
        }

        return Fit(Gist(FirstSentence(text)));
    }

    private static bool IsName(string candidate)
    {
        var words = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && !CommonWords.Contains(words[0]) && words.Any(w => w.Any(char.IsUpper));
    }

    private static readonly HashSet<string> CommonWords =
        ["A", "An", "The", "This", "These", "Our", "We", "It", "In", "To", "For", "LLMs", "LLM"];

    private static string FirstSentence(string text)
    {
        var end = SentenceEnd().Match(text);
        return end.Success ? text[..end.Index] : text;
    }

    /// <summary>The main clause of a sentence: leading scene-setting clauses and acronym glosses removed.</summary>
    private static string Gist(string sentence)
    {
        var s = LeadingClause().Replace(sentence, "");
        s = Parenthetical().Replace(s, "");
        s = s.Trim().TrimEnd('.', ':', ';', ',');
        return Capitalise(s);
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>Cuts at a word boundary with an ellipsis, so the headline stays readable.</summary>
    private static string Fit(string headline)
    {
        headline = headline.Trim().TrimEnd('.', ',', ';', ':');
        if (headline.Length <= MaxLength)
        {
            return headline;
        }

        var cut = headline.LastIndexOf(' ', MaxLength - 1);
        var head = cut > MaxLength / 2 ? headline[..cut] : headline[..(MaxLength - 1)];
        return head.TrimEnd(',', ';', ':', ' ', '-', '(') + "…";
    }

    [GeneratedRegex(@"\b(?<verb>[Ww]e (?:first )?(?:present|introduce|propose|pretrain|release|detail the training of the|answer this question with)|[Ii]ntroducing|with) (?<name>(?:[A-Z0-9][\w\-\.]*[\w])(?: (?:[A-Z0-9][\w\-\.]*[\w]))*(?: \([A-Z][\w\-]*\))?)(?: model)?,\s*")]
    private static partial Regex NamedSystem();

    [GeneratedRegex(@"^(?<desc>(?:an?|the) (?:[^,.;:]|[,.](?=\S))+)")]
    private static partial Regex Appositive();

    [GeneratedRegex(@"(?<=[a-z0-9\)\]])[.?!](?=\s+[A-Z]|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^(?:(?:In recent years|Recently|However|Moreover|Nowadays|Today|In this (?:paper|work)),\s*|As [^,]{5,120},\s*)")]
    private static partial Regex LeadingClause();

    [GeneratedRegex(@"\s*\((?:[A-Z][A-Za-z\-]*s?|e\.g\.[^)]*|i\.e\.[^)]*)\)")]
    private static partial Regex Parenthetical();
}
