using System.Text;

namespace DigestGen.Search;

/// <summary>
/// Every term's postings, each (doc, impact, in title) in doc order, as one run per term number in
/// shared flat arrays. Impacts are BM25F scores with the title counted <see cref="SearchIndexWriter.TitleWeight"/>
/// times, quantised to 1–<see cref="PostingsCodec.MaxImpact"/>. At 100,000 documents there are millions
/// of postings: a list per term, then an array of scores and a quantised list, was most of what the
/// index allocated, so scores are computed again where they are needed instead of stored.
/// </summary>
internal sealed class ImpactPostings
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    // Term t's postings are [_start[t], _start[t + 1]) of _docs and _values; a value is tf * 2 + in title,
    // until quantising makes it impact * 2 + in title.
    private readonly int[] _start;
    private readonly int[] _docs;
    private readonly int[] _values;

    private ImpactPostings(int[] start, int[] docs, int[] values)
    {
        _start = start;
        _docs = docs;
        _values = values;
    }

    public int Count(int term) => _start[term + 1] - _start[term];

    /// <summary>Appends the term's postings in <see cref="PostingsCodec"/> form.</summary>
    public void Encode(StringBuilder sb, int term)
    {
        var previous = 0;
        for (var i = _start[term]; i < _start[term + 1]; i++)
        {
            PostingsCodec.Append(sb, ref previous, _docs[i], _values[i] >> 1, (_values[i] & 1) == 1);
        }
    }

    /// <param name="firstJoined">How many terms the build's term table has: the joined forms it lacks are numbered from here.</param>
    /// <param name="joinedParts">For each of those joined forms, the term numbers of its parts.</param>
    public static ImpactPostings Build(IReadOnlyList<SearchDocument> docs, int firstJoined, IReadOnlyList<int[]> joinedParts)
    {
        var termCount = firstJoined + joinedParts.Count;
        var n = docs.Count;
        var entries = 0;
        foreach (var doc in docs)
        {
            entries += doc.TitleTerms.Length + doc.JoinedTitleTerms.Length + doc.JoinedBodyTerms.Length;
            foreach (var field in doc.BodyTerms)
            {
                entries += field.Length;
            }
        }

        // First each document's terms, merged across fields in a dense slot per term number (reset after
        // each document), in document order; then the same entries regrouped by term, still in document order.
        var entryTerms = new int[entries];
        var entryValues = new int[entries];
        var docEnds = new int[n];
        var lengths = new int[n];
        var df = new int[termCount];
        var slots = new (int Tf, bool Title)[termCount];
        var touched = new List<int>();
        var count = 0;
        for (var d = 0; d < n; d++)
        {
            foreach (var (term, tf) in docs[d].TitleTerms)
            {
                slots[term] = (slots[term].Tf + (tf * SearchIndexWriter.TitleWeight), true);
                lengths[d] += tf * SearchIndexWriter.TitleWeight;
                touched.Add(term);
            }

            foreach (var field in docs[d].BodyTerms)
            {
                foreach (var (term, tf) in field)
                {
                    slots[term].Tf += tf;
                    lengths[d] += tf;
                    touched.Add(term);
                }
            }

            // Joined forms of hyphenated words repeat words already counted: they add to a term's frequency, not to the length.
            foreach (var (term, tf) in docs[d].JoinedTitleTerms)
            {
                slots[term] = (slots[term].Tf + (tf * SearchIndexWriter.TitleWeight), true);
                touched.Add(term);
            }

            foreach (var (term, tf) in docs[d].JoinedBodyTerms)
            {
                slots[term].Tf += tf;
                touched.Add(term);
            }

            foreach (var term in touched)
            {
                if (slots[term].Tf > 0)
                {
                    entryTerms[count] = term;
                    entryValues[count] = (slots[term].Tf * 2) + (slots[term].Title ? 1 : 0);
                    df[term]++;
                    count++;
                    slots[term] = default;
                }
            }

            touched.Clear();
            docEnds[d] = count;
        }

        var start = new int[termCount + 1];
        for (var t = 0; t < termCount; t++)
        {
            start[t + 1] = start[t] + df[t];
        }

        var postingDocs = new int[count];
        var values = new int[count];
        var cursor = start[..termCount];
        var e = 0;
        for (var d = 0; d < n; d++)
        {
            for (; e < docEnds[d]; e++)
            {
                var at = cursor[entryTerms[e]]++;
                postingDocs[at] = d;
                values[at] = entryValues[e];
            }
        }

        var postings = new ImpactPostings(start, postingDocs, values);
        postings.Quantise(n, lengths, firstJoined);
        postings.ValueByParts(firstJoined, joinedParts);
        return postings;
    }

    /// <summary>
    /// A joined form the build's table lacks ("llavakd" of "LLaVA-KD") is rare, so BM25 would score it above its
    /// parts, and as a completion of "llava" it would outrank the papers about LLaVA. It gets the lesser impact
    /// of its parts in each document instead (the least impact when none of them is indexed).
    /// </summary>
    private void ValueByParts(int firstJoined, IReadOnlyList<int[]> joinedParts)
    {
        for (var k = 0; k < joinedParts.Count; k++)
        {
            var term = firstJoined + k;
            for (var i = _start[term]; i < _start[term + 1]; i++)
            {
                var impact = int.MaxValue;
                foreach (var part in joinedParts[k])
                {
                    var at = Array.BinarySearch(_docs, _start[part], Count(part), _docs[i]);
                    if (at >= 0)
                    {
                        impact = Math.Min(impact, _values[at] >> 1);
                    }
                }

                _values[i] = ((impact == int.MaxValue ? 1 : impact) * 2) + (_values[i] & 1);
            }
        }
    }

    /// <summary>BM25F impacts of terms below <paramref name="termCount"/>, scaled on theirs alone.</summary>
    private void Quantise(int n, int[] lengths, int termCount)
    {
        var averageLength = n == 0 ? 1 : lengths.Average();
        var norms = new double[n];
        for (var d = 0; d < n; d++)
        {
            norms[d] = K1 * (1 - B + (B * lengths[d] / averageLength));
        }

        var idfs = new double[termCount];
        for (var t = 0; t < termCount; t++)
        {
            var df = Count(t);
            idfs[t] = Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
        }

        double Score(int t, int i)
        {
            var tf = _values[i] >> 1;
            return idfs[t] * (tf * (K1 + 1)) / (tf + norms[_docs[i]]);
        }

        var scale = ImpactScale(Score, termCount);
        for (var t = 0; t < termCount; t++)
        {
            for (var i = _start[t]; i < _start[t + 1]; i++)
            {
                var impact = Math.Clamp((int)Math.Round(Score(t, i) / scale * PostingsCodec.MaxImpact), 1, PostingsCodec.MaxImpact);
                _values[i] = (impact * 2) + (_values[i] & 1);
            }
        }
    }

    /// <summary>
    /// The score that maps to the top impact: the 99.9th percentile of all scores, so a handful of
    /// rare-term outliers do not squeeze every common term into the lowest few of the 63 levels.
    /// </summary>
    private double ImpactScale(Func<int, int, double> score, int termCount)
    {
        const int bins = 4096;
        var count = _start[termCount];
        var max = 0.0;
        for (var t = 0; t < termCount; t++)
        {
            for (var i = _start[t]; i < _start[t + 1]; i++)
            {
                max = Math.Max(max, score(t, i));
            }
        }

        max = count == 0 ? 1 : Math.Max(max, double.Epsilon);
        var histogram = new int[bins + 1];
        for (var t = 0; t < termCount; t++)
        {
            for (var i = _start[t]; i < _start[t + 1]; i++)
            {
                histogram[(int)(score(t, i) / max * bins)]++;
            }
        }

        var above = (int)(count * 0.001);
        var bin = bins;
        for (var seen = histogram[bin]; bin > 0 && seen + histogram[bin - 1] <= above; bin--)
        {
            seen += histogram[bin - 1];
        }

        return Math.Max(max * bin / bins, double.Epsilon);
    }
}
