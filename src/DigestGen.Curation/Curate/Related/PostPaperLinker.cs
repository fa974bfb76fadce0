using System.Text.RegularExpressions;
using DigestGen.Text;

namespace DigestGen.Curate.Related;

/// <summary>
/// Finds the papers a post names outright: by full title, or by the system a title introduces
/// (<c>KIVI</c> in <c>KIVI: A Tuning-Free …</c>), matched case-sensitively as a whole word. Lookups
/// are by hash of the first words, so the cost grows with the posts' length, not with the catalog.
/// </summary>
public sealed partial class PostPaperLinker
{
    private const int TitleKeyWords = 4;
    private const int MinNameLength = 4;
    private const int MaxNameWords = 3;

    private readonly Dictionary<string, List<string>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Id, string[] Words)>> _byTitleStart = new(StringComparer.Ordinal);

    /// <param name="posts">
    /// The texts that will be searched. Only titles one of them could name are indexed: a title whose system
    /// name is not among the posts' words, or whose first word is not, cannot match (indexing all 100,000
    /// titles for a few hundred posts cost 0.2 s of CPU).
    /// </param>
    public PostPaperLinker(IEnumerable<Paper> papers, IEnumerable<string> posts)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in posts)
        {
            var tokens = NameTokens(text);
            for (var i = 0; i < tokens.Length; i++)
            {
                for (var n = 1; n <= MaxNameWords && i + n <= tokens.Length; n++)
                {
                    names.Add(string.Join(' ', tokens[i..(i + n)]));
                }
            }

            words.UnionWith(Tokenizer.Words(text));
        }

        var namesBySpan = names.GetAlternateLookup<ReadOnlySpan<char>>();
        var wordsBySpan = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var paper in papers)
        {
            var title = paper.Title;
            var colon = title.IndexOf(':');
            if (colon >= MinNameLength && namesBySpan.Contains(title.AsSpan(0, colon).Trim()) && SystemName(title) is { } name)
            {
                Add(_byName, name, paper.Id);
            }

            if (paper.TitleDerived || (System.Text.Ascii.IsValid(title) && !wordsBySpan.Contains(FirstWord(title))))
            {
                continue;
            }

            var titleWords = Tokenizer.Words(title).ToArray();
            if (titleWords.Length >= TitleKeyWords)
            {
                Add(_byTitleStart, string.Join(' ', titleWords.Take(TitleKeyWords)), (paper.Id, titleWords));
            }
        }
    }

    /// <summary>The first word <see cref="Tokenizer.Words"/> gives for an ASCII text, before folding to lower case.</summary>
    private static ReadOnlySpan<char> FirstWord(string asciiText)
    {
        var start = 0;
        while (start < asciiText.Length && !char.IsAsciiLetterOrDigit(asciiText[start]))
        {
            start++;
        }

        var end = start;
        while (end < asciiText.Length && char.IsAsciiLetterOrDigit(asciiText[end]))
        {
            end++;
        }

        return asciiText.AsSpan(start, end - start);
    }

    /// <summary>The name before a title's colon when it looks like a proper name (capitals or digits, not a phrase).</summary>
    public static string? SystemName(string title)
    {
        var colon = title.IndexOf(':');
        if (colon < MinNameLength)
        {
            return null;
        }

        var name = title[..colon].Trim();
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxNameWords || !words.All(w => ProperWord().IsMatch(w)) || CommonNames.Contains(name))
        {
            return null;
        }

        return name;
    }

    public IReadOnlyList<string> Mentions(string postText)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var tokens = NameTokens(postText);
        for (var i = 0; i < tokens.Length; i++)
        {
            for (var n = 1; n <= MaxNameWords && i + n <= tokens.Length; n++)
            {
                if (_byName.TryGetValue(string.Join(' ', tokens[i..(i + n)]), out var ids))
                {
                    found.UnionWith(ids);
                }
            }
        }

        var words = Tokenizer.Words(postText).ToArray();
        for (var i = 0; i + TitleKeyWords <= words.Length; i++)
        {
            if (_byTitleStart.TryGetValue(string.Join(' ', words[i..(i + TitleKeyWords)]), out var candidates))
            {
                foreach (var (id, titleWords) in candidates)
                {
                    if (i + titleWords.Length <= words.Length && words.AsSpan(i, titleWords.Length).SequenceEqual(titleWords))
                    {
                        found.Add(id);
                    }
                }
            }
        }

        return found.ToList();
    }

    private static string[] NameTokens(string text) => NameToken().Matches(text).Select(m => m.Value.TrimEnd('.', '-')).ToArray();

    private static readonly HashSet<string> CommonNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Survey", "Position", "Review", "Tutorial", "Abstract", "Introduction", "Note", "Paper", "Large Language Models",
    };

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = new List<T>();
        }

        list.Add(value);
    }

    /// <summary>A word of a system name has a capital after its first letter or a digit (KIVI, LLaVA, K2-65B, Tina is not enough).</summary>
    [GeneratedRegex(@"^(?:[A-Za-z0-9][\w\-\.\+]*[A-Z0-9][\w\-\.\+]*|[A-Z][a-z]+[\-\d][\w\-\.]*|[A-Z][a-z]{3,})$")]
    private static partial Regex ProperWord();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\-\.\+]*")]
    private static partial Regex NameToken();
}
