namespace DigestGen.Text;

/// <summary>
/// Counts a text's index terms (see <see cref="Tokenizer.IndexTerms"/>) into numbers of a shared
/// <see cref="TermTable"/>, in the order each term first occurs. One per thread: it keeps its scratch
/// space between texts.
/// </summary>
public sealed class TermCounter(TermTable table)
{
    private readonly Dictionary<int, int> _slots = new();
    private readonly List<TermCount> _counts = new();

    public TermTable Table => table;

    public TermCount[] IndexTerms(string text)
    {
        _slots.Clear();
        _counts.Clear();
        Tokenizer.ScanIndexTerms(text, this, static (counter, term) => counter.Add(counter.Table.IdOf(term)));
        return [.. _counts];
    }

    private void Add(int term)
    {
        if (_slots.TryGetValue(term, out var slot))
        {
            _counts[slot] = _counts[slot] with { Count = _counts[slot].Count + 1 };
        }
        else
        {
            _slots[term] = _counts.Count;
            _counts.Add(new TermCount(term, 1));
        }
    }
}
