using System.Globalization;
using System.Text;

namespace DigestGen.Text;

/// <summary>
/// The one definition of a "term", used by topic rules, related papers and the search index (whose
/// JavaScript twin must agree: see <c>tests/vectors/tokenizer.json</c>). Folds case and diacritics,
/// splits on anything that is not a letter or digit, and applies the S-stemmer (Harman 1991), which
/// only undoes plurals, so it rarely merges words with different meanings.
/// </summary>
/// <remarks>
/// Words are lower-cased and stemmed in a stack buffer and only the finished term becomes a string;
/// <see cref="ScanIndexTerms{TState}"/> hands over the characters instead, which is how related papers
/// and search count into a <see cref="TermTable"/> without a string per occurrence. (A pool of interned
/// terms locked on every lookup made the topics stage 3x slower; the table locks only to add a term.)
/// </remarks>
public static class Tokenizer
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordsBySpan =
        new HashSet<string>(StopWords.English, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Folded, stemmed terms in order, stop words included (phrases need them).</summary>
    public static List<string> Terms(string text) => Tokenize(text, indexOnly: false);

    /// <summary>Folded, stemmed terms without stop words or one-letter terms: what similarity and search index.</summary>
    public static List<string> IndexTerms(string text) => Tokenize(text, indexOnly: true);

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
        Span<char> buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        word.CopyTo(buffer);
        var length = StemInPlace(buffer);
        return length == word.Length && buffer[..length].SequenceEqual(word) ? word : new string(buffer[..length]);
    }

    /// <summary>What <see cref="ScanIndexTerms{TState}"/> calls with each term, which lives only for the call.</summary>
    public delegate void TermAction<in TState>(TState state, ReadOnlySpan<char> term);

    /// <summary>The terms of <see cref="IndexTerms"/>, each handed over as characters instead of a new string.</summary>
    public static void ScanIndexTerms<TState>(string text, TState state, TermAction<TState> action) => Scan(text, indexOnly: true, state, action);

    private static List<string> Tokenize(string text, bool indexOnly)
    {
        var result = new List<string>(text.Length / 6);
        Scan(text, indexOnly, result, static (list, term) => list.Add(new string(term)));
        return result;
    }

    private static void Scan<TState>(string text, bool indexOnly, TState state, TermAction<TState> action)
    {
        var folded = System.Text.Ascii.IsValid(text) ? text : Fold(text);
        Span<char> word = stackalloc char[128];
        var length = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            // Fold already lower-cased non-ASCII text; ASCII is lower-cased here, without a copy of the text.
            var raw = folded[i];
            var c = raw is >= 'A' and <= 'Z' ? (char)(raw | 0x20) : raw;
            if (char.IsLetterOrDigit(c))
            {
                if (length < word.Length)
                {
                    word[length] = c;
                }

                length++;
                continue;
            }

            Emit(word, folded, i - length, length, indexOnly, state, action);
            length = 0;
        }

        Emit(word, folded, folded.Length - length, length, indexOnly, state, action);
    }

    private static void Emit<TState>(Span<char> buffer, string folded, int start, int length, bool indexOnly, TState state, TermAction<TState> action)
    {
        if (length == 0)
        {
            return;
        }

        // Longer than the buffer (a URL-like run, a long number): rare, so a copy is fine.
        var word = length <= buffer.Length ? buffer[..length] : folded.Substring(start, length).ToLowerInvariant().ToCharArray();
        if (indexOnly && (length <= 1 || StopWordsBySpan.Contains(word)))
        {
            return;
        }

        action(state, word[..StemInPlace(word)]);
    }

    /// <summary>Stems a word in its own buffer (ies→y shortens it) and returns the stem's length.</summary>
    private static int StemInPlace(Span<char> w)
    {
        var n = w.Length;
        if (n <= 3 || !char.IsLetter(w[n - 1]))
        {
            return n;
        }

        if (w.EndsWith("ies") && !w.EndsWith("eies") && !w.EndsWith("aies"))
        {
            w[n - 3] = 'y';
            return n - 2;
        }

        if (w.EndsWith("es") && !w.EndsWith("aes") && !w.EndsWith("ees") && !w.EndsWith("oes"))
        {
            return n - 1;
        }

        if (w[n - 1] == 's' && !w.EndsWith("us") && !w.EndsWith("ss") && !w.EndsWith("is"))
        {
            return n - 1;
        }

        return n;
    }
}
