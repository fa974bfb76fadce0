using System.Text.RegularExpressions;

namespace DigestGen.Curate;

/// <summary>
/// Writes a headline for a paper that has only an abstract. When the abstract introduces a named
/// system ("we present Tina, a family of …") the headline starts with that name; otherwise it is what
/// the sentence stating the contribution proposes or shows ("we propose a rank-based uniformity test
/// that …"), and failing that the gist of the first sentence. At most 100 characters, cut only where
/// a phrase ends (never with "…"), and never empty.
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

        // "we present the first principled framework termed Political-LLM to …": the name, then what it is.
        var termed = TermedSystem().Match(text);
        if (termed.Success && IsName(termed.Groups["name"].Value))
        {
            var rest = termed.Groups["rest"].Value.StartsWith(", which ", StringComparison.Ordinal) ? " that " + termed.Groups["rest"].Value[8..] : termed.Groups["rest"].Value;
            return Fit(termed.Groups["name"].Value + ": " + Capitalise(termed.Groups["desc"].Value + rest));
        }

        return Contribution(text) is { } contribution ? Fit(contribution) : Fit(Gist(FirstSentence(text)));
    }

    /// <summary>What the first sentence that states the paper's contribution proposes, introduces or shows; null without one.</summary>
    private static string? Contribution(string text)
    {
        // One pass over the whole abstract: a paper in five has no title, and at 100,000 papers a split into sentences per paper shows.
        for (var m = ContributionClause().Match(text); m.Success; m = m.NextMatch())
        {
            var what = m.Groups["what"].Value;
            if (what.Split(' ').Length >= 4)
            {
                return Capitalise(Parenthetical().Replace(what, "").Trim().TrimEnd('.', ':', ';', ','));
            }
        }

        return null;
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
        s = Enumerator().Replace(s, "");
        s = s.Trim().TrimEnd('.', ':', ';', ',');
        return Capitalise(s);
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>
    /// At most <see cref="MaxLength"/> characters, cut where a phrase ends (before "that", "with", "for", a comma,
    /// a parenthesis) and never with an ellipsis: a headline reads as a whole, not as a sentence broken off.
    /// What a cut leaves dangling at the end (an article, a preposition, a participle such as "trained") goes too.
    /// </summary>
    private static string Fit(string headline)
    {
        headline = Enumerator().Replace(headline.Trim(), "").TrimEnd('.', ',', ';', ':');
        if (headline.Length <= MaxLength)
        {
            return headline;
        }

        var cut = -1;
        foreach (Match m in PhraseBoundary().Matches(headline))
        {
            if (m.Index > MaxLength)
            {
                break;
            }

            if (m.Index >= 20)
            {
                cut = m.Index;
            }
        }

        if (cut < 0)
        {
            cut = headline.LastIndexOf(' ', MaxLength);
            cut = cut > 0 ? cut : MaxLength;
        }

        var head = headline[..cut];
        while (DanglingEnd().Match(head) is { Success: true } dangling && dangling.Index > 20)
        {
            head = head[..dangling.Index];
        }

        return head.TrimEnd(',', ';', ':', ' ', '-', '(');
    }

    [GeneratedRegex(@"\b(?<verb>[Ww]e (?:first )?(?:present|introduce|propose|pretrain|release|detail the training of the|answer this question with)|[Ii]ntroducing|with) (?<name>(?:[A-Z0-9][\w\-\.]*[\w])(?: (?:[A-Z0-9][\w\-\.]*[\w]))*(?: \([A-Z][\w\-]*\))?)(?: model)?,\s*")]
    private static partial Regex NamedSystem();

    [GeneratedRegex(@"\b(?:present|introduce|propose)s? (?<desc>(?:an?|the) [^.,;:]{3,80}?) (?:termed|called|named|dubbed) (?<name>[A-Z0-9][\w\-\.]*[\w])(?<rest>[^.;:]*)")]
    private static partial Regex TermedSystem();

    [GeneratedRegex(@"^(?<desc>(?:an?|the) (?:[^,.;:]|[,.](?=\S))+)")]
    private static partial Regex Appositive();

    /// <summary>A full stop, question or exclamation mark after a word or a bracket, before a capital or the end ("e.g. a" and "1.5B" go on).</summary>
    private const string SentenceEndPattern = @"(?<=[a-z0-9\)\]])[.?!](?=\s+[A-Z]|$)";

    [GeneratedRegex(SentenceEndPattern)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b[Ww]e (?:first |also |then )?(?:propose|introduce|present|develop|design|investigate|study|show|find|demonstrate|argue)s? (?:that )?(?<what>.+?)(?:" + SentenceEndPattern + "|$)")]
    private static partial Regex ContributionClause();

    /// <summary>Where a phrase ends and the next begins: before a comma, a parenthesis, a relative or participial clause, a preposition.</summary>
    [GeneratedRegex(@",\s|\s(?=\(|(?:which|that|where|while|whereas|with|without|for|by|via|using|through|based|from|to|in|on|at|across|into|under|over|as|trained|designed|built|achieved|developed)\b)")]
    private static partial Regex PhraseBoundary();

    /// <summary>A word a headline cannot end on (an article, a preposition, a conjunction, a participle), or a relative clause cut after its first words.</summary>
    [GeneratedRegex(@"\s+(?:a|an|the|of|and|or|to|with|for|by|via|in|on|at|from|its|their|our|is|are|that|which|can|\w+ed)$|,?\s+(?:that|which)(?:\s+\w+){1,3}$")]
    private static partial Regex DanglingEnd();

    /// <summary>"(1) " in "the first benchmark that (1) contains": a list's number, which a headline does without.</summary>
    [GeneratedRegex(@"\(\d\)\s*")]
    private static partial Regex Enumerator();

    [GeneratedRegex(@"^(?:(?:In recent years|Recently|However|Moreover|Nowadays|Today|In this (?:paper|work)),\s*|As [^,]{5,120},\s*)")]
    private static partial Regex LeadingClause();

    [GeneratedRegex(@"\s*\((?:[A-Z][A-Za-z\-]*s?|e\.g\.[^)]*|i\.e\.[^)]*)\)")]
    private static partial Regex Parenthetical();
}
