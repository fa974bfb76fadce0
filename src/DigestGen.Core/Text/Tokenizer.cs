using System.Globalization;
using System.Text;

namespace DigestGen.Text;

/// <summary>
/// The one definition of a "term", used by topic rules, related papers and the search index (whose
/// JavaScript twin must agree: see <c>tests/vectors/tokenizer.json</c>). Folds case and diacritics,
/// splits on anything that is not a letter or digit, and applies the S-stemmer (Harman 1991), which
/// only undoes plurals, so it rarely merges words with different meanings.
/// </summary>
public static class Tokenizer
{
    /// <summary>Folded, stemmed terms in order, stop words included (phrases need them).</summary>
    public static List<string> Terms(string text)
    {
        var result = new List<string>();
        foreach (var word in Words(text))
        {
            result.Add(Stem(word));
        }

        return result;
    }

    /// <summary>Folded, stemmed terms without stop words or one-letter terms: what similarity and search index.</summary>
    public static List<string> IndexTerms(string text)
    {
        var result = new List<string>();
        foreach (var word in Words(text))
        {
            if (word.Length > 1 && !StopWords.English.Contains(word))
            {
                result.Add(Stem(word));
            }
        }

        return result;
    }

    /// <summary>Lower-case, diacritic-free words: runs of letters and digits.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in Fold(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0)
            {
                yield return sb.ToString();
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            yield return sb.ToString();
        }
    }

    public static string Fold(string text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }

        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>The S-stemmer: ies→y, es→e, s→ (with the usual exceptions), on words longer than three letters.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1]))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && !word.EndsWith("eies", StringComparison.Ordinal) && !word.EndsWith("aies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("aes", StringComparison.Ordinal) && !word.EndsWith("ees", StringComparison.Ordinal) && !word.EndsWith("oes", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        if (word.EndsWith('s') && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }
}
