using DigestGen.Text;

namespace DigestGen.Curate.Topics;

/// <summary>
/// Scores every topic for a text by the rule phrases it contains: a phrase in the title counts three
/// times its weight, in the abstract once; each phrase counts once per field. The best topics (at most
/// three) that reach <see cref="MinScore"/> and a share of the best score are kept; none means "other".
/// Phrases are looked up by their first term, so the cost is linear in the text, not in the rules.
/// </summary>
public sealed class TopicAssigner
{
    public const int MaxTopics = 3;
    public const int MinScore = 2;
    public const int TitleFactor = 3;

    /// <summary>A second or third topic must score at least this share of the first.</summary>
    public const double RunnerUpShare = 0.34;

    private const int PrefixKeyLength = 4;

    private readonly Taxonomy _taxonomy;
    private readonly Dictionary<string, List<(int Topic, int Phrase)>> _byFirstTerm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Topic, int Phrase)>> _byPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Topic, int Phrase)>>.AlternateLookup<ReadOnlySpan<char>> _byPrefixSpan;
    private readonly List<TopicPhrase> _phrases = new();

    public TopicAssigner(Taxonomy taxonomy)
    {
        _taxonomy = taxonomy;
        for (var t = 0; t < taxonomy.Topics.Count; t++)
        {
            foreach (var phrase in taxonomy.Topics[t].Phrases)
            {
                var index = _phrases.Count;
                _phrases.Add(phrase);
                var first = phrase.Terms[0];
                if (phrase.PrefixLast && phrase.Terms.Count == 1)
                {
                    var key = first.Length >= PrefixKeyLength ? first[..PrefixKeyLength] : first;
                    Add(_byPrefix, key, (t, index));
                }
                else
                {
                    Add(_byFirstTerm, first, (t, index));
                }
            }
        }

        _byPrefixSpan = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Topic slugs, best first; "other" when no rule selects the text.</summary>
    public IReadOnlyList<string> Assign(string title, string body)
    {
        var scores = Score(title, body);
        return Select(scores);
    }

    public int[] Score(string title, string body)
    {
        var scores = new int[_taxonomy.Topics.Count];
        AddMatches(Tokenizer.Terms(title), TitleFactor, scores);
        AddMatches(Tokenizer.Terms(body), 1, scores);
        return scores;
    }

    public IReadOnlyList<string> Select(int[] scores)
    {
        var best = scores.Length == 0 ? 0 : scores.Max();
        if (best < MinScore)
        {
            return [Topic.OtherSlug];
        }

        return Enumerable.Range(0, scores.Length)
            .Where(t => scores[t] >= MinScore && scores[t] >= best * RunnerUpShare)
            .OrderByDescending(t => scores[t]).ThenBy(t => t)
            .Take(MaxTopics)
            .Select(t => _taxonomy.Topics[t].Slug)
            .ToList();
    }

    private void AddMatches(List<string> terms, int factor, int[] scores)
    {
        // Phrases are numbered, so "already counted in this field" is a flag, not a set lookup.
        var matched = _phrases.Count <= 1024 ? stackalloc bool[_phrases.Count] : new bool[_phrases.Count];
        for (var i = 0; i < terms.Count; i++)
        {
            if (_byFirstTerm.TryGetValue(terms[i], out var candidates))
            {
                foreach (var (topic, index) in candidates)
                {
                    var phrase = _phrases[index];
                    if (!matched[index] && MatchesAt(terms, i, phrase))
                    {
                        matched[index] = true;
                        scores[topic] += phrase.Weight * factor;
                    }
                }
            }

            var term = terms[i].AsSpan();
            if (_byPrefixSpan.TryGetValue(term.Length >= PrefixKeyLength ? term[..PrefixKeyLength] : term, out var prefixed))
            {
                foreach (var (topic, index) in prefixed)
                {
                    var phrase = _phrases[index];
                    if (!matched[index] && term.StartsWith(phrase.Terms[0], StringComparison.Ordinal))
                    {
                        matched[index] = true;
                        scores[topic] += phrase.Weight * factor;
                    }
                }
            }
        }
    }

    private static bool MatchesAt(List<string> terms, int start, TopicPhrase phrase)
    {
        if (start + phrase.Terms.Count > terms.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Terms.Count; k++)
        {
            var last = k == phrase.Terms.Count - 1;
            var ok = last && phrase.PrefixLast
                ? terms[start + k].StartsWith(phrase.Terms[k], StringComparison.Ordinal)
                : terms[start + k] == phrase.Terms[k];
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(Dictionary<string, List<(int, int)>> index, string key, (int, int) value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = new List<(int, int)>();
        }

        list.Add(value);
    }
}
