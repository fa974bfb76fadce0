using DigestGen.Text;

namespace DigestGen.Search;

/// <summary>
/// The joined forms of a text's hyphenated words, as index terms: "GPT-OSS" gives "gptoss", "pre-training"
/// "pretraining". The index has the parts already (the tokenizer splits at the hyphen); with the joined form
/// too, a reader who types "pretraining" finds the papers that write "pre-training", and the search page
/// matches a hyphenated query word by either form (search-core.js, <c>compounds</c>).
/// </summary>
public static class JoinedForms
{
    private const int MaxParts = 4;
    private const int MaxLength = 40;

    /// <summary>A hyphenated word as an index term (<c>pretraining</c>) and the index terms of its parts (<c>pre</c>, <c>training</c>).</summary>
    public readonly record struct Form(string Joined, IReadOnlyList<string> Parts);

    /// <summary>Each hyphenated word's joined form with its parts, once per occurrence, in text order.</summary>
    public static List<Form> Forms(string text)
    {
        var forms = new List<Form>();
        for (var at = text.IndexOf('-'); at >= 0; at = text.IndexOf('-', at + 1))
        {
            if (at == 0 || at + 1 >= text.Length || !char.IsLetterOrDigit(text[at - 1]) || !char.IsLetterOrDigit(text[at + 1]))
            {
                continue;
            }

            // The whole word the hyphen is in: letters and digits joined by single hyphens.
            var start = at;
            while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || (text[start - 1] == '-' && start > 1 && char.IsLetterOrDigit(text[start - 2]))))
            {
                start--;
            }

            var end = at;
            while (end + 1 < text.Length && (char.IsLetterOrDigit(text[end + 1]) || (text[end + 1] == '-' && end + 2 < text.Length && char.IsLetterOrDigit(text[end + 2]))))
            {
                end++;
            }

            var word = text[start..(end + 1)];
            at = end;
            var parts = word.Split('-');
            if (parts.Length > MaxParts || word.Length > MaxLength || parts.Any(IsNumber))
            {
                continue;
            }

            var terms = Tokenizer.IndexTerms(string.Concat(parts));
            if (terms.Count == 1)
            {
                forms.Add(new Form(terms[0], Tokenizer.IndexTerms(word)));
            }
        }

        return forms;
    }

    /// <summary>
    /// "LLaVA-1.5", "GPT-4": a part that is only a number is a version, not half a word. Joined, such forms
    /// are rarer than the name, so as completions of it ("llava1" for "llava") they would outrank it.
    /// </summary>
    private static bool IsNumber(string part) => part.All(char.IsDigit);
}
