using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DigestGen.Text;

namespace DigestGen.Curate.Related;

/// <summary>
/// TF-IDF cosine similarity between documents, through an inverted index with pruning so it stays
/// near-linear at 100,000 papers. Candidates come from rare-enough shared terms only: each document
/// queries with its <see cref="QueryTerms"/> highest-weighted terms, terms in more than
/// <see cref="MaxDocFrequencyShare"/> of the corpus are not looked up, and each term's postings are
/// cut to the <see cref="MaxPostings"/> documents where it weighs most. The best
/// <see cref="Candidates"/> by that partial score plus the topic term (<see cref="TopicAgreement"/>)
/// are then scored by exact cosine over all their terms plus the same topic term. Ties are broken by
/// id, so results are deterministic.
/// <para>
/// Term statistics (IDF and the frequency cap) come from a settled prefix of the documents, oldest
/// first, whose size moves in steps of an eighth of an octave (<see cref="SettledCount"/>). A new day's
/// papers are then scored against the same statistics as yesterday's: old papers' lists change only when
/// a new paper belongs in them, not because every weight shifted a little or a term crossed the cap
/// (which rewrote a tenth of all paper pages per seed at 100,000). The statistics move on once the
/// corpus has grown by an eighth, and then every list may change at once.
/// </para>
/// </summary>
public sealed class SimilarityIndex
{
    public const int QueryTerms = 24;
    public const int MaxPostings = 256;
    public const double MaxDocFrequencyShare = 0.1;
    public const int MinDocFrequencyCap = 50;

    public const int Candidates = 64;

    /// <summary>
    /// What sharing every topic adds to a candidate's cosine (sharing some adds that share of it, by Jaccard):
    /// two papers on the same subject in different words are related, and one word in common across
    /// subjects is not.
    /// </summary>
    public const float TopicAgreement = 0.1f;

    private readonly string[] _ids;
    private readonly TopicSet[] _topics;

    /// <summary>
    /// Each document's topics (those its <see cref="TopicSet"/> holds) as bits, when every topic number is
    /// below 64 and no paper lists a topic twice: the same Jaccard in a few instructions, for the thousands
    /// of documents a query touches before it picks its candidates. Null otherwise.
    /// </summary>
    private readonly ulong[]? _topicBits;
    private readonly Dictionary<int, List<int>> _byTopic = new();
    private readonly (int Term, float Weight)[][] _vectors;
    private readonly int[] _termIds;
    private readonly float[] _idf;
    private readonly (int Doc, float Weight)[][] _postings;

    /// <param name="documents">
    /// Id and terms, counted into <paramref name="table"/>, oldest first; the title's terms should weigh more
    /// (e.g. count the title twice).
    /// </param>
    /// <param name="settled">How many of the first documents term statistics are taken from; all when null.</param>
    /// <param name="topics">Each document's topics as small numbers, best first ("other" left out); none when null.</param>
    public SimilarityIndex(IReadOnlyList<(string Id, TermCount[] Terms)> documents, TermTable table, int? settled = null, IReadOnlyList<int[]>? topics = null)
    {
        _ids = documents.Select(d => d.Id).ToArray();
        // Each document's topics packed, and each topic's documents, oldest first: where a document with too
        // few shared terms finds the rest of its list.
        _topics = new TopicSet[documents.Count];
        for (var doc = 0; doc < _topics.Length && topics is not null; doc++)
        {
            _topics[doc] = TopicSet.Of(topics[doc]);
            foreach (var topic in topics[doc])
            {
                if (!_byTopic.TryGetValue(topic, out var docs))
                {
                    _byTopic[topic] = docs = new List<int>();
                }

                docs.Add(doc);
            }
        }

        _topicBits = TopicBits(_topics, topics);

        // The index numbers terms afresh in document order (the table's numbers depend on thread timing),
        // so sums run in the same order and results are the same every build.
        _termIds = new int[table.Count];
        Array.Fill(_termIds, -1);
        var sample = Math.Clamp(settled ?? documents.Count, 0, documents.Count);
        var df = new List<int>();
        var settledDf = new List<int>();
        // Each vector holds its terms' counts until the statistics are known, then their weights.
        _vectors = new (int Term, float Weight)[documents.Count][];
        for (var doc = 0; doc < documents.Count; doc++)
        {
            var terms = documents[doc].Terms;
            var row = new (int, float)[terms.Length];
            for (var k = 0; k < terms.Length; k++)
            {
                ref var id = ref _termIds[terms[k].Term];
                if (id < 0)
                {
                    id = df.Count;
                    df.Add(0);
                    settledDf.Add(0);
                }

                df[id]++;
                if (doc < sample)
                {
                    settledDf[id]++;
                }

                row[k] = (id, terms[k].Count);
            }

            _vectors[doc] = row;
        }

        // A term the settled documents lack is new, and as rare as a term can be.
        var n = Math.Max(1, sample);
        _idf = settledDf.Select(d => (float)Math.Log(1.0 + ((double)n / Math.Max(d, 1)))).ToArray();
        Parallel.For(0, _vectors.Length, doc =>
        {
            var vector = _vectors[doc];
            for (var k = 0; k < vector.Length; k++)
            {
                vector[k].Weight = Weight(vector[k].Term, (int)vector[k].Weight);
            }

            Normalise(vector);
        });

        // Each term's postings as sort keys: heaviest first, equal weights by document.
        var cap = Math.Max(MinDocFrequencyCap, (int)(n * MaxDocFrequencyShare));
        var keys = new ulong[df.Count][];
        var filled = new int[df.Count];
        for (var term = 0; term < keys.Length; term++)
        {
            keys[term] = df[term] > 1 && settledDf[term] <= cap ? new ulong[df[term]] : [];
        }

        for (var doc = 0; doc < _vectors.Length; doc++)
        {
            foreach (var (term, weight) in _vectors[doc])
            {
                if (keys[term].Length > 0)
                {
                    keys[term][filled[term]++] = HeaviestFirstKey(weight, doc);
                }
            }
        }

        _postings = new (int Doc, float Weight)[keys.Length][];
        Parallel.For(0, keys.Length, term =>
        {
            var sorted = keys[term];
            sorted.AsSpan().Sort();
            var postings = new (int Doc, float Weight)[Math.Min(sorted.Length, MaxPostings)];
            for (var i = 0; i < postings.Length; i++)
            {
                postings[i] = ((int)(uint)sorted[i], BitConverter.UInt32BitsToSingle(~(uint)(sorted[i] >> 32)));
            }

            _postings[term] = postings;
        });
    }

    /// <summary>
    /// Weights are positive, so their bits order as they do: sorting the complemented bits above another
    /// number puts the heaviest first and equal weights by that number, with no comparer to call.
    /// </summary>
    private static ulong HeaviestFirstKey(float weight, int then) => ((ulong)~BitConverter.SingleToUInt32Bits(weight) << 32) | (uint)then;

    public int Count => _ids.Length;

    /// <summary>
    /// How many of <paramref name="count"/> documents (oldest first) settle the term statistics: the count
    /// rounded down to a step of an eighth of its octave (98,304 for anything from 98,304 to 106,495).
    /// </summary>
    public static int SettledCount(int count)
    {
        if (count < 16)
        {
            return count;
        }

        var step = 1 << (BitOperations.Log2((uint)count) - 3);
        return count / step * step;
    }

    /// <summary>The most similar other documents for every document, in parallel.</summary>
    public IReadOnlyList<string>[] AllNeighbours(int k)
    {
        var result = new IReadOnlyList<string>[_ids.Length];
        Parallel.For(0, _ids.Length, () => new Accumulator(_ids.Length, _idf.Length, k), (doc, _, acc) =>
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
        Parallel.For(0, texts.Count, () => new Accumulator(_ids.Length, _idf.Length, k), (i, _, acc) =>
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
        foreach (var (term, weight, _) in acc.TopTerms(vector, QueryTerms))
        {
            acc.AddAll(_postings[term], weight, self);
        }

        var agreement = new Agreement(this, self);
        var candidates = acc.TopCandidates(Candidates, agreement);
        acc.Reset();

        foreach (var (term, weight) in vector)
        {
            acc.Query[term] = weight;
        }

        // The k best by score, then by id: a strict order, so the result does not depend on the candidates' order.
        var best = acc.Best;
        var found = 0;
        ref var query = ref MemoryMarshal.GetArrayDataReference(acc.Query);
        foreach (var doc in candidates)
        {
            // Term numbers are the index's own, all below Query's length: read without bounds checks (the hot loop).
            var score = 0f;
            foreach (var (term, weight) in _vectors[doc])
            {
                score += weight * Unsafe.Add(ref query, term);
            }

            score += agreement.With(doc);
            Insert(best, ref found, k, doc, score);
        }

        if (found < k && self >= 0)
        {
            Fill(best, ref found, k, self);
        }

        foreach (var (term, _) in vector)
        {
            acc.Query[term] = 0;
        }

        var result = new List<string>(found);
        for (var i = 0; i < found; i++)
        {
            result.Add(_ids[best[i].Doc]);
        }

        return result;
    }

    /// <summary>Puts a scored document in its place among the best so far (higher score first, equal scores by id), keeping at most k.</summary>
    private void Insert((int Doc, float Score)[] best, ref int found, int k, int doc, float score)
    {
        var at = found;
        while (at > 0 && (score > best[at - 1].Score || (score == best[at - 1].Score && string.CompareOrdinal(_ids[doc], _ids[best[at - 1].Doc]) < 0)))
        {
            at--;
        }

        if (at < k)
        {
            var last = Math.Min(found, k - 1);
            best.AsSpan(at, last - at).CopyTo(best.AsSpan(at + 1));
            best[at] = (doc, score);
            found = Math.Min(found + 1, k);
        }
    }

    /// <summary>
    /// Completes a list that shared terms left short: the nearest older papers of the same first topic, then
    /// the nearest older papers of any topic, and newer ones only when there are not enough older ones. Older
    /// papers come first because a new day's seed only adds newer ones, so a filled list stays as it was.
    /// </summary>
    private void Fill((int Doc, float Score)[] best, ref int found, int k, int self)
    {
        if (_byTopic.GetValueOrDefault(_topics[self].First) is { } sameTopic)
        {
            FillFrom(best, ref found, k, self, sameTopic.Count, sameTopic.BinarySearch(self), i => sameTopic[i]);
        }

        FillFrom(best, ref found, k, self, _ids.Length, self, i => i);
    }

    /// <summary>Takes documents from a pool ordered oldest first: older than <paramref name="self"/> (at <paramref name="at"/>) nearest first, then newer.</summary>
    private static void FillFrom((int Doc, float Score)[] best, ref int found, int k, int self, int count, int at, Func<int, int> doc)
    {
        for (var i = at - 1; found < k && i >= 0; i--)
        {
            TakeFiller(best, ref found, doc(i), self);
        }

        for (var i = at + 1; found < k && i < count; i++)
        {
            TakeFiller(best, ref found, doc(i), self);
        }
    }

    /// <summary>Adds a filler below every neighbour found by its words, unless the list has it already.</summary>
    private static void TakeFiller((int Doc, float Score)[] best, ref int found, int doc, int self)
    {
        if (doc != self && !Contains(best, found, doc))
        {
            best[found++] = (doc, float.NegativeInfinity);
        }
    }

    private static bool Contains((int Doc, float Score)[] best, int found, int doc)
    {
        for (var i = 0; i < found; i++)
        {
            if (best[i].Doc == doc)
            {
                return true;
            }
        }

        return false;
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

    /// <summary>
    /// What sharing topics adds to a document's score against one query (none for a post). Candidates are
    /// chosen with it as well as ranked with it: chosen by shared words alone, a quarter of the five papers
    /// the exact score ranks first at 100,000 papers never became candidates.
    /// </summary>
    private readonly struct Agreement(SimilarityIndex index, int self)
    {
        public float With(int doc)
        {
            if (self < 0)
            {
                return 0;
            }

            if (index._topicBits is not { } bits)
            {
                return TopicAgreement * index._topics[self].Jaccard(index._topics[doc]);
            }

            // Most touched documents share no topic with the query: those need no division.
            ulong mine = bits[self], theirs = bits[doc];
            var shared = BitOperations.PopCount(mine & theirs);
            return shared == 0 ? 0 : TopicAgreement * ((float)shared / BitOperations.PopCount(mine | theirs));
        }
    }

    /// <summary>The documents' topics as bits, or null when there are none, a topic number is 64 or more, or a set would not match its <see cref="TopicSet"/>.</summary>
    private static ulong[]? TopicBits(TopicSet[] sets, IReadOnlyList<int[]>? topics)
    {
        if (topics is null)
        {
            return null;
        }

        var bits = new ulong[sets.Length];
        for (var doc = 0; doc < sets.Length; doc++)
        {
            foreach (var topic in topics[doc].Take(sets[doc].Count))
            {
                if (topic is < 0 or >= 64)
                {
                    return null;
                }

                bits[doc] |= 1UL << topic;
            }

            if (BitOperations.PopCount(bits[doc]) != sets[doc].Count)
            {
                return null;
            }
        }

        return bits;
    }

    /// <summary>Dense scratch space reused across queries on one thread: partial scores per document, the query's weight per term.</summary>
    private sealed class Accumulator(int documents, int terms, int k)
    {
        private ulong[] _heap = [];
        private (int Term, float Weight, int At)[] _terms = new (int, float, int)[QueryTerms];
        private ulong[] _order = [];
        private int[] _top = [];

        public float[] Scores { get; } = new float[documents];

        public float[] Query { get; } = new float[terms];

        public List<int> Touched { get; } = new();

        public (int Doc, float Score)[] Best { get; } = new (int, float)[Math.Max(k, 1)];

        /// <summary>Adds a term's postings, scaled by the query's weight for it, to the partial scores (the document itself left out).</summary>
        public void AddAll((int Doc, float Weight)[] postings, float weight, int self)
        {
            var scores = Scores;
            foreach (var (doc, w) in postings)
            {
                if (doc == self)
                {
                    continue;
                }

                ref var score = ref scores[doc];
                if (score == 0)
                {
                    Touched.Add(doc);
                }

                score += weight * w;
            }
        }

        /// <summary>The <paramref name="count"/> heaviest terms, heaviest first, equal weights in vector order (as a stable sort gives).</summary>
        public ReadOnlySpan<(int Term, float Weight, int At)> TopTerms((int Term, float Weight)[] vector, int count)
        {
            if (_order.Length < vector.Length)
            {
                _order = new ulong[vector.Length * 2];
            }

            // Sorted as keys, not through a comparer (which ran once per paper, a delegate call per comparison).
            for (var i = 0; i < vector.Length; i++)
            {
                _order[i] = HeaviestFirstKey(vector[i].Weight, i);
            }

            var order = _order.AsSpan(0, vector.Length);
            order.Sort();
            var top = Math.Min(count, vector.Length);
            if (_terms.Length < top)
            {
                _terms = new (int, float, int)[top];
            }

            for (var i = 0; i < top; i++)
            {
                var at = (int)(uint)order[i];
                _terms[i] = (vector[at].Term, vector[at].Weight, at);
            }

            return _terms.AsSpan(0, top);
        }

        /// <summary>
        /// The touched documents with the <paramref name="count"/> highest partial scores (equal scores: lower
        /// doc first), through a heap of that size rather than sorting every touched document. The heap holds
        /// <see cref="HeaviestFirstKey"/>s, so the weakest kept candidate is simply the largest number.
        /// </summary>
        public ReadOnlySpan<int> TopCandidates(int count, Agreement agreement)
        {
            if (_heap.Length < count)
            {
                _heap = new ulong[count];
                _top = new int[count];
            }

            var size = 0;
            foreach (var doc in Touched)
            {
                if (size == count && HeaviestFirstKey(Scores[doc] + TopicAgreement, doc) >= _heap[0])
                {
                    // Not even sharing every topic would lift it past the weakest kept one: skip the topics.
                    continue;
                }

                var key = HeaviestFirstKey(Scores[doc] + agreement.With(doc), doc);
                if (size < count)
                {
                    SiftUp(_heap, size++, key);
                }
                else if (key < _heap[0])
                {
                    // Beats the weakest kept one, which it replaces.
                    SiftDown(_heap, size, key);
                }
            }

            for (var i = 0; i < size; i++)
            {
                _top[i] = (int)(uint)_heap[i];
            }

            return _top.AsSpan(0, size);
        }

        /// <summary>Puts <paramref name="key"/> at <paramref name="at"/> (the heap's end) and moves it up a max-heap.</summary>
        private static void SiftUp(ulong[] heap, int at, ulong key)
        {
            while (at > 0)
            {
                var parent = (at - 1) / 2;
                if (heap[parent] >= key)
                {
                    break;
                }

                heap[at] = heap[parent];
                at = parent;
            }

            heap[at] = key;
        }

        /// <summary>Replaces a max-heap's root with <paramref name="key"/> and moves it down.</summary>
        private static void SiftDown(ulong[] heap, int size, ulong key)
        {
            var at = 0;
            while (true)
            {
                var child = (2 * at) + 1;
                if (child >= size)
                {
                    break;
                }

                if (child + 1 < size && heap[child + 1] > heap[child])
                {
                    child++;
                }

                if (heap[child] <= key)
                {
                    break;
                }

                heap[at] = heap[child];
                at = child;
            }

            heap[at] = key;
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
