using DigestGen.Text;

namespace DigestGen.Curate.Topics;

/// <summary>
/// Scores every topic for a paper by the rule phrases its title and abstract contain, keeping the two
/// kinds of evidence apart. A phrase in a real title counts <see cref="TitleFactor"/> times its weight,
/// once. In the abstract a phrase counts its weight for the first mention and less for each further one
/// (weight × (1 + ln mentions)), so a topic the paper keeps returning to outscores one it names in
/// passing. Where phrases overlap ("process reward model"), the longest match wins and the words it
/// covers are not matched again.
/// <para>
/// A topic is kept when it reaches <see cref="MinScore"/> and either <see cref="RunnerUpShare"/> of the
/// best topic's score or <see cref="SideTopicScore"/> on its own; at most <see cref="MaxTopics"/>, and
/// none means "other". The thresholds were chosen on the tuning part of the hand-labelled set
/// (tests/fixtures/curation) and are measured on its held-out part.
/// </para>
/// Phrases are looked up by their first term, so the cost is linear in the text, not in the rules.
/// </summary>
public sealed class TopicAssigner
{
    public const int MaxTopics = 3;

    /// <summary>
    /// The evidence a topic needs: a strong phrase in the title (2 × 3), or an abstract that keeps
    /// returning to the topic. One passing mention is not enough.
    /// </summary>
    public const double MinScore = 6;

    public const int TitleFactor = 3;

    /// <summary>A second or third topic must score this share of the first: a side topic, not a stray word…</summary>
    public const double RunnerUpShare = 0.6;

    /// <summary>…or this much on its own, as a method paper about reasoning can also be squarely about efficiency.</summary>
    public const double SideTopicScore = 10;

    private const int PrefixKeyLength = 4;

    private readonly Taxonomy _taxonomy;
    private readonly Dictionary<string, List<int>> _byFirstTerm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _byPrefixSpan;
    private readonly List<(int Topic, TopicPhrase Phrase)> _phrases = new();

    public TopicAssigner(Taxonomy taxonomy)
    {
        _taxonomy = taxonomy;
        for (var t = 0; t < taxonomy.Topics.Count; t++)
        {
            foreach (var phrase in taxonomy.Topics[t].Phrases)
            {
                var index = _phrases.Count;
                _phrases.Add((t, phrase));
                var first = phrase.Terms[0];
                if (phrase.PrefixLast && phrase.Terms.Count == 1)
                {
                    Add(_byPrefix, first.Length >= PrefixKeyLength ? first[..PrefixKeyLength] : first, index);
                }
                else
                {
                    Add(_byFirstTerm, first, index);
                }
            }
        }

        _byPrefixSpan = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Topic slugs, best first; "other" when no topic has enough evidence. An empty title gives no title evidence.</summary>
    public IReadOnlyList<string> Assign(string title, string body) => Select(Score(title, body));

    public double[] Score(string title, string body)
    {
        var scores = new double[_taxonomy.Topics.Count];
        foreach (var (phrase, mentions) in Matches(title))
        {
            scores[_phrases[phrase].Topic] += Points(_phrases[phrase].Phrase, inTitle: true, mentions);
        }

        foreach (var (phrase, mentions) in Matches(body))
        {
            scores[_phrases[phrase].Topic] += Points(_phrases[phrase].Phrase, inTitle: false, mentions);
        }

        return scores;
    }

    /// <summary>Why a paper scores what it does: every phrase matched, by topic and field, with its mentions and points.</summary>
    public IReadOnlyList<TopicEvidence> Explain(string title, string body)
    {
        var found = new List<TopicEvidence>();
        foreach (var (phrase, mentions) in Matches(title))
        {
            var (topic, rule) = _phrases[phrase];
            found.Add(new TopicEvidence(_taxonomy.Topics[topic].Slug, rule.Text, TopicEvidence.Title, mentions, Points(rule, inTitle: true, mentions)));
        }

        foreach (var (phrase, mentions) in Matches(body))
        {
            var (topic, rule) = _phrases[phrase];
            found.Add(new TopicEvidence(_taxonomy.Topics[topic].Slug, rule.Text, TopicEvidence.Abstract, mentions, Points(rule, inTitle: false, mentions)));
        }

        return found;
    }

    public IReadOnlyList<string> Select(double[] scores)
    {
        var best = scores.Length == 0 ? 0 : scores.Max();
        if (best < MinScore)
        {
            return [Topic.OtherSlug];
        }

        return Enumerable.Range(0, scores.Length)
            .Where(t => scores[t] >= MinScore && (scores[t] >= best * RunnerUpShare || scores[t] >= SideTopicScore))
            .OrderByDescending(t => scores[t]).ThenBy(t => t)
            .Take(MaxTopics)
            .Select(t => _taxonomy.Topics[t].Slug)
            .ToList();
    }

    /// <summary>A title phrase counts once, <see cref="TitleFactor"/> times its weight; in the abstract the first mention counts the weight, further ones less and less.</summary>
    private static double Points(TopicPhrase phrase, bool inTitle, int mentions) =>
        inTitle ? phrase.Weight * TitleFactor : phrase.Weight * (1 + Math.Log(mentions));

    /// <summary>Each phrase found in the text with its mentions, in the order first found; the longest phrase wins where matches overlap.</summary>
    private List<(int Phrase, int Mentions)> Matches(string text)
    {
        var found = new List<(int Phrase, int Mentions)>();
        if (text.Length == 0)
        {
            return found;
        }

        var slot = new Dictionary<int, int>();
        var here = new List<int>();
        var terms = Tokenizer.Terms(text);
        var i = 0;
        while (i < terms.Count)
        {
            here.Clear();
            var longest = 0;
            Consider(_byFirstTerm.GetValueOrDefault(terms[i]), terms, i, ref longest, here);
            var term = terms[i].AsSpan();
            if (_byPrefixSpan.TryGetValue(term.Length >= PrefixKeyLength ? term[..PrefixKeyLength] : term, out var prefixed))
            {
                Consider(prefixed, terms, i, ref longest, here);
            }

            foreach (var phrase in here)
            {
                if (slot.TryGetValue(phrase, out var k))
                {
                    found[k] = (phrase, found[k].Mentions + 1);
                }
                else
                {
                    slot[phrase] = found.Count;
                    found.Add((phrase, 1));
                }
            }

            i += Math.Max(1, longest);
        }

        return found;
    }

    /// <summary>Keeps in <paramref name="here"/> the candidates matching at <paramref name="at"/> that are the longest so far.</summary>
    private void Consider(List<int>? candidates, List<string> terms, int at, ref int longest, List<int> here)
    {
        foreach (var index in candidates ?? [])
        {
            var phrase = _phrases[index].Phrase;
            var length = phrase.Terms.Count;
            if (length < longest || !MatchesAt(terms, at, phrase))
            {
                continue;
            }

            if (length > longest)
            {
                here.Clear();
                longest = length;
            }

            here.Add(index);
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

    private static void Add(Dictionary<string, List<int>> index, string key, int value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = new List<int>();
        }

        list.Add(value);
    }
}
