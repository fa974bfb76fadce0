using DigestGen.Text;

namespace DigestGen.Curate.Related;

/// <summary>
/// TF-IDF cosine similarity between documents, through an inverted index with pruning so it stays
/// near-linear at 100,000 papers. Candidates come from rare-enough shared terms only: each document
/// queries with its <see cref="QueryTerms"/> highest-weighted terms, terms in more than
/// <see cref="MaxDocFrequencyShare"/> of the corpus are not looked up, and each term's postings are
/// cut to the <see cref="MaxPostings"/> documents where it weighs most. The best
/// <see cref="Candidates"/> by that partial score are then scored by exact cosine over all their
/// terms. Ties are broken by id, so results are deterministic.
/// </summary>
public sealed class SimilarityIndex
{
    public const int QueryTerms = 24;
    public const int MaxPostings = 256;
    public const double MaxDocFrequencyShare = 0.1;
    public const int MinDocFrequencyCap = 50;

    public const int Candidates = 64;

    /// <summary>Below this cosine a neighbour is noise: better fewer than five than a bad one.</summary>
    public const float Floor = 0.1f;

    private readonly string[] _ids;
    private readonly (int Term, float Weight)[][] _vectors;
    private readonly int[] _termIds;
    private readonly float[] _idf;
    private readonly (int Doc, float Weight)[][] _postings;

    /// <param name="documents">Id and terms, counted into <paramref name="table"/>; the title's terms should weigh more (e.g. count the title twice).</param>
    public SimilarityIndex(IReadOnlyList<(string Id, TermCount[] Terms)> documents, TermTable table)
    {
        _ids = documents.Select(d => d.Id).ToArray();

        // The index numbers terms afresh in document order (the table's numbers depend on thread timing),
        // so sums run in the same order and results are the same every build.
        _termIds = new int[table.Count];
        Array.Fill(_termIds, -1);
        var df = new List<int>();
        var idCounts = new (int Term, int Count)[documents.Count][];
        for (var doc = 0; doc < documents.Count; doc++)
        {
            var terms = documents[doc].Terms;
            var row = new (int, int)[terms.Length];
            for (var k = 0; k < terms.Length; k++)
            {
                ref var id = ref _termIds[terms[k].Term];
                if (id < 0)
                {
                    id = df.Count;
                    df.Add(0);
                }

                df[id]++;
                row[k] = (id, terms[k].Count);
            }

            idCounts[doc] = row;
        }

        var n = Math.Max(1, documents.Count);
        _idf = df.Select(d => (float)Math.Log(1.0 + (double)n / d)).ToArray();
        _vectors = new (int Term, float Weight)[idCounts.Length][];
        Parallel.For(0, idCounts.Length, doc =>
        {
            var row = idCounts[doc];
            var vector = new (int Term, float Weight)[row.Length];
            for (var k = 0; k < row.Length; k++)
            {
                vector[k] = (row[k].Term, Weight(row[k].Term, row[k].Count));
            }

            _vectors[doc] = Normalise(vector);
        });

        var cap = Math.Max(MinDocFrequencyCap, (int)(n * MaxDocFrequencyShare));
        var lists = new List<(int Doc, float Weight)>?[df.Count];
        for (var doc = 0; doc < _vectors.Length; doc++)
        {
            foreach (var (term, weight) in _vectors[doc])
            {
                if (df[term] > 1 && df[term] <= cap)
                {
                    (lists[term] ??= new List<(int, float)>()).Add((doc, weight));
                }
            }
        }

        _postings = new (int Doc, float Weight)[lists.Length][];
        Parallel.For(0, lists.Length, term =>
        {
            _postings[term] = lists[term] is { } l
                ? l.OrderByDescending(p => p.Weight).ThenBy(p => p.Doc).Take(MaxPostings).ToArray()
                : [];
        });
    }

    public int Count => _ids.Length;

    /// <summary>The most similar other documents for every document, in parallel.</summary>
    public IReadOnlyList<string>[] AllNeighbours(int k)
    {
        var result = new IReadOnlyList<string>[_ids.Length];
        Parallel.For(0, _ids.Length, () => new Accumulator(_ids.Length, _idf.Length), (doc, _, acc) =>
        {
            result[doc] = Query(_vectors[doc], k, doc, acc);
            return acc;
        }, _ => { });
        return result;
    }

    /// <summary>The documents most similar to each of some texts that are not in the index (posts), in parallel.</summary>
    /// <param name="texts">Each text's terms, counted into the table the index was built with.</param>
    public IReadOnlyList<string>[] Neighbours(IReadOnlyList<TermCount[]> texts, int k)
    {
        var result = new IReadOnlyList<string>[texts.Count];
        Parallel.For(0, texts.Count, () => new Accumulator(_ids.Length, _idf.Length), (i, _, acc) =>
        {
            var known = new List<(int Term, float Weight)>(texts[i].Length);
            foreach (var (term, count) in texts[i])
            {
                if (term < _termIds.Length && _termIds[term] is var id and >= 0)
                {
                    known.Add((id, Weight(id, count)));
                }
            }

            result[i] = Query(Normalise([.. known]), k, -1, acc);
            return acc;
        }, _ => { });
        return result;
    }

    private List<string> Query((int Term, float Weight)[] vector, int k, int self, Accumulator acc)
    {
        foreach (var (term, weight) in vector.OrderByDescending(t => t.Weight).Take(QueryTerms))
        {
            foreach (var (doc, w) in _postings[term])
            {
                if (doc != self)
                {
                    acc.Add(doc, weight * w);
                }
            }
        }

        var candidates = acc.Touched
            .OrderByDescending(doc => acc.Scores[doc]).ThenBy(doc => doc)
            .Take(Candidates)
            .ToList();
        acc.Reset();

        foreach (var (term, weight) in vector)
        {
            acc.Query[term] = weight;
        }

        var best = new List<(int Doc, float Score)>(k + 1);
        foreach (var doc in candidates)
        {
            var score = 0f;
            foreach (var (term, weight) in _vectors[doc])
            {
                score += weight * acc.Query[term];
            }

            if (score < Floor)
            {
                continue;
            }

            var at = best.FindIndex(b => score > b.Score || (score == b.Score && string.CompareOrdinal(_ids[doc], _ids[b.Doc]) < 0));
            if (at < 0)
            {
                if (best.Count < k)
                {
                    best.Add((doc, score));
                }
            }
            else
            {
                best.Insert(at, (doc, score));
                if (best.Count > k)
                {
                    best.RemoveAt(k);
                }
            }
        }

        foreach (var (term, _) in vector)
        {
            acc.Query[term] = 0;
        }

        return best.Select(b => _ids[b.Doc]).ToList();
    }

    /// <summary>A term's TF-IDF weight in a text that contains it <paramref name="count"/> times (before normalising).</summary>
    private float Weight(int term, int count) => (float)(1 + Math.Log(count)) * _idf[term];

    private static (int Term, float Weight)[] Normalise((int Term, float Weight)[] items)
    {
        var sum = 0.0;
        foreach (var item in items)
        {
            sum += (double)item.Weight * item.Weight;
        }

        var norm = (float)Math.Sqrt(sum);
        if (norm != 0)
        {
            for (var i = 0; i < items.Length; i++)
            {
                items[i].Weight /= norm;
            }
        }

        return items;
    }

    /// <summary>Dense scratch space reused across queries on one thread: partial scores per document, the query's weight per term.</summary>
    private sealed class Accumulator(int documents, int terms)
    {
        public float[] Scores { get; } = new float[documents];

        public float[] Query { get; } = new float[terms];

        public List<int> Touched { get; } = new();

        public void Add(int doc, float value)
        {
            if (Scores[doc] == 0)
            {
                Touched.Add(doc);
            }

            Scores[doc] += value;
        }

        public void Reset()
        {
            foreach (var doc in Touched)
            {
                Scores[doc] = 0;
            }

            Touched.Clear();
        }
    }
}
