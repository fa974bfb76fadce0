using DigestGen.Text;

namespace DigestGen.Curate.Terms;

/// <summary>A paper's index terms with their counts, by field, each in the order the terms first occur.</summary>
public sealed record PaperTerms(TermCount[] Title, TermCount[] Abstract, TermCount[] Organisation)
{
    /// <summary>
    /// Title and abstract as one text in which the title occurs <paramref name="titleTimes"/> times:
    /// the same counts, in the same order, as tokenising that text would give.
    /// </summary>
    public TermCount[] TitleAndAbstract(int titleTimes)
    {
        var result = new List<TermCount>(Title.Length + Abstract.Length);
        foreach (var (term, count) in Title)
        {
            result.Add(new TermCount(term, count * titleTimes));
        }

        foreach (var (term, count) in Abstract)
        {
            // Titles are a handful of terms: a scan beats a hash set (and, unlike FindIndex, allocates nothing per term).
            var at = Title.Length - 1;
            while (at >= 0 && result[at].Term != term)
            {
                at--;
            }

            if (at >= 0)
            {
                result[at] = result[at] with { Count = result[at].Count + count };
            }
            else
            {
                result.Add(new TermCount(term, count));
            }
        }

        return [.. result];
    }
}
