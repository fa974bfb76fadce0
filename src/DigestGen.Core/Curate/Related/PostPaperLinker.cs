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

    public PostPaperLinker(IEnumerable<Paper> papers)
    {
        foreach (var paper in papers)
        {
            if (SystemName(paper.Title) is { } name)
            {
                Add(_byName, name, paper.Id);
            }

            var words = Tokenizer.Words(paper.Title).ToArray();
            if (words.Length >= TitleKeyWords && !paper.TitleDerived)
            {
                Add(_byTitleStart, string.Join(' ', words.Take(TitleKeyWords)), (paper.Id, words));
            }
        }
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
        var tokens = NameToken().Matches(postText).Select(m => m.Value.TrimEnd('.', '-')).ToArray();
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
