using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DigestGen.Curate;
using DigestGen.Pipeline;
using DigestGen.Site;
using DigestGen.Text;

namespace DigestGen.Search;

/// <summary>
/// Writes the client-side search index under <c>search/</c>, sharded so a query fetches only what it needs:
/// <list type="bullet">
/// <item><c>meta.json</c>: term-shard boundaries, topics, and the doc-id range of every date (doc ids
/// are sorted by kind then date, so kind and date filters are id ranges);</item>
/// <item><c>terms/N.json</c>: sorted terms, each with its postings as a string (<see cref="PostingsCodec"/>):
/// doc, whether the term is in the title, and its impact, the term's BM25F score in the document (title
/// counts <see cref="TitleWeight"/> times) quantised to 1–63; topics are pseudo-terms <c>topic:slug</c>;</item>
/// <item><c>records.txt</c>: the display data (title, URL, date, topics, snippet) of document N as a JSON array
/// padded to <see cref="RecordBytes"/> bytes at offset N × <see cref="RecordBytes"/>, so a result costs one
/// small <c>Range</c> request instead of a whole shard;</item>
/// <item><c>docs/N.json</c>: the same display data, <see cref="DocsPerShard"/> documents a file, for hosts that ignore <c>Range</c>;</item>
/// <item><c>upvotes.json</c>: upvotes of every document, fetched only to sort by them.</item>
/// </list>
/// </summary>
public static class SearchIndexWriter
{
    public const string Folder = "search/";
    public const int DocsPerShard = 128;
    public const int TermShardBytes = 12 * 1024;
    public const int TitleWeight = 3;
    public const int SnippetLength = 120;
    public const int RecordBytes = 384;
    public const int FormatVersion = 2;

    private const double K1 = 1.2;
    private const double B = 0.75;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Write(Digest digest, Action<string, byte[]> write)
    {
        var topics = digest.Taxonomy.All.Select(t => t.Slug).ToList();
        var topicIndex = topics.Select((slug, i) => (slug, i)).ToDictionary(x => x.slug, x => x.i, StringComparer.Ordinal);
        var docs = Documents(digest, topicIndex);

        var postings = BuildPostings(docs, digest.Terms.Table, topics);
        var files = 0;

        // Term shards: consecutive sorted terms until a shard reaches the size target.
        var terms = postings.Keys.Order(StringComparer.Ordinal).ToList();
        var shardStarts = new List<string>();
        var shard = new StringBuilder();
        var shardTerms = new List<string>();
        void Flush()
        {
            if (shardTerms.Count == 0)
            {
                return;
            }

            shardStarts.Add(shardTerms[0]);
            write($"{Folder}terms/{shardStarts.Count - 1}.json", Encoding.UTF8.GetBytes("{" + shard + "}"));
            files++;
            shard.Clear();
            shardTerms.Clear();
        }

        foreach (var term in terms)
        {
            if (shard.Length > 0)
            {
                shard.Append(',');
            }

            shard.Append(JsonSerializer.Serialize(term, SerializerOptions)).Append(':');
            AppendPostings(shard, postings[term]);
            shardTerms.Add(term);
            if (shard.Length >= TermShardBytes)
            {
                Flush();
            }
        }

        Flush();

        for (var start = 0; start < docs.Count; start += DocsPerShard)
        {
            write($"{Folder}docs/{start / DocsPerShard}.json", DocShard(docs, start));
            files++;
        }

        write($"{Folder}records.txt", Records(docs));
        files++;
        write($"{Folder}upvotes.json", Encoding.UTF8.GetBytes("[" + string.Join(',', docs.Select(d => d.Upvotes)) + "]"));
        write($"{Folder}meta.json", Meta(digest, docs, shardStarts, terms.Count));
        return files + 2;
    }

    private static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Papers then posts, each oldest first: a kind or a date range is a range of ids.</summary>
    private static List<SearchDocument> Documents(Digest digest, Dictionary<string, int> topicIndex)
    {
        var papers = digest.Papers
            .OrderBy(p => p.DigestDate).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new SearchDocument(
                false,
                p.Title,
                Routes.Paper(p.Slug),
                p.DigestDate,
                p.Topics.Where(topicIndex.ContainsKey).Select(t => topicIndex[t]).ToList(),
                SitePlanner.Snippet(p.Abstract.ToPlainText(), SnippetLength),
                p.Upvotes ?? 0,
                digest.Terms.Of(p).Title,
                [digest.Terms.Of(p).Abstract, digest.Terms.Of(p).Organisation]));
        var posts = digest.Posts
            .OrderBy(p => p.DigestDate).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new SearchDocument(
                true,
                SitePlanner.Snippet(p.Text.Replace('\n', ' '), 90),
                Routes.Post(p.DigestDate, p.Id),
                p.DigestDate,
                p.Topics.Where(topicIndex.ContainsKey).Select(t => topicIndex[t]).ToList(),
                SitePlanner.Snippet(p.Text.Replace('\n', ' '), SnippetLength),
                0,
                [],
                [digest.Terms.Of(p)]));
        return papers.Concat(posts).ToList();
    }

    /// <summary>
    /// term → (doc, impact*2+inTitle), in doc order. BM25F with the title counted <see cref="TitleWeight"/>
    /// times. Built from the terms counted once per build (<see cref="Digest.Terms"/>), by term number,
    /// which becomes a string only as a posting list's key.
    /// </summary>
    private static Dictionary<string, List<(int Doc, int Impact, bool InTitle)>> BuildPostings(List<SearchDocument> docs, TermTable table, List<string> topics)
    {
        var n = docs.Count;
        var byTerm = new List<(int Doc, int Tf, bool Title)>?[table.Count];
        var lengths = new int[n];

        // A document's fields are merged in a dense slot per term number, reset after each document.
        var slots = new (int Tf, bool Title)[table.Count];
        var touched = new List<int>();
        for (var doc = 0; doc < n; doc++)
        {
            foreach (var (term, count) in docs[doc].TitleTerms)
            {
                slots[term] = (slots[term].Tf + (count * TitleWeight), true);
                lengths[doc] += count * TitleWeight;
                touched.Add(term);
            }

            foreach (var field in docs[doc].BodyTerms)
            {
                foreach (var (term, count) in field)
                {
                    slots[term].Tf += count;
                    lengths[doc] += count;
                    touched.Add(term);
                }
            }

            foreach (var term in touched)
            {
                if (slots[term].Tf > 0)
                {
                    (byTerm[term] ??= new List<(int, int, bool)>()).Add((doc, slots[term].Tf, slots[term].Title));
                    slots[term] = default;
                }
            }

            touched.Clear();
        }

        var raw = new Dictionary<string, List<(int Doc, int Tf, bool Title)>>(StringComparer.Ordinal);
        for (var term = 0; term < byTerm.Length; term++)
        {
            if (byTerm[term] is { } list)
            {
                raw[table[term]] = list;
            }
        }

        var averageLength = n == 0 ? 1 : lengths.Average();
        double Score(int df, int tf, int length) =>
            Math.Log(1 + ((n - df + 0.5) / (df + 0.5))) * (tf * (K1 + 1)) / (tf + (K1 * (1 - B + (B * length / averageLength))));

        // Each posting's score once: the scale is taken from all of them, then each is quantised against it.
        var scores = raw.ToDictionary(t => t.Key, t => t.Value.Select(p => Score(t.Value.Count, p.Tf, lengths[p.Doc])).ToArray(), StringComparer.Ordinal);
        var scale = ImpactScale(scores.Values);
        var postings = new Dictionary<string, List<(int, int, bool)>>(raw.Count + topics.Count, StringComparer.Ordinal);
        foreach (var (term, list) in raw)
        {
            var termScores = scores[term];
            var quantised = new List<(int, int, bool)>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                var impact = Math.Clamp((int)Math.Round(termScores[i] / scale * PostingsCodec.MaxImpact), 1, PostingsCodec.MaxImpact);
                quantised.Add((list[i].Doc, impact, list[i].Title));
            }

            postings[term] = quantised;
        }

        for (var doc = 0; doc < n; doc++)
        {
            foreach (var t in docs[doc].Topics)
            {
                Add(postings, "topic:" + topics[t], (doc, 1, false));
            }
        }

        return postings;
    }

    /// <summary>
    /// The score that maps to the top impact: the 99.9th percentile of all scores, so a handful of
    /// rare-term outliers do not squeeze every common term into the lowest few of the 63 levels.
    /// </summary>
    private static double ImpactScale(ICollection<double[]> scores)
    {
        const int bins = 4096;
        var count = scores.Sum(s => s.Length);
        var max = count == 0 ? 1 : Math.Max(scores.Max(s => s.Length == 0 ? 0 : s.Max()), double.Epsilon);
        var histogram = new int[bins + 1];
        foreach (var s in scores.SelectMany(s => s))
        {
            histogram[(int)(s / max * bins)]++;
        }

        var above = (int)(count * 0.001);
        var bin = bins;
        for (var seen = histogram[bin]; bin > 0 && seen + histogram[bin - 1] <= above; bin--)
        {
            seen += histogram[bin - 1];
        }

        return Math.Max(max * bin / bins, double.Epsilon);
    }

    private static void Add(Dictionary<string, List<(int, int, bool)>> postings, string term, (int, int, bool) posting)
    {
        if (!postings.TryGetValue(term, out var list))
        {
            postings[term] = list = new List<(int, int, bool)>();
        }

        list.Add(posting);
    }

    private static void AppendPostings(StringBuilder sb, List<(int Doc, int Impact, bool InTitle)> list)
    {
        sb.Append('"');
        PostingsCodec.Encode(sb, list);
        sb.Append('"');
    }

    /// <summary>Each document as [title, url, date, [topic indexes], snippet, isPost].</summary>
    private static byte[] DocShard(List<SearchDocument> docs, int start)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonOptions))
        {
            w.WriteStartArray();
            foreach (var d in docs.Skip(start).Take(DocsPerShard))
            {
                WriteDisplay(w, d, d.Title, d.Snippet);
            }

            w.WriteEndArray();
        }

        return stream.ToArray();
    }

    private static void WriteDisplay(Utf8JsonWriter w, SearchDocument d, string title, string snippet)
    {
        w.WriteStartArray();
        w.WriteStringValue(title);
        w.WriteStringValue(d.Url);
        w.WriteStringValue(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteStartArray();
        foreach (var t in d.Topics)
        {
            w.WriteNumberValue(t);
        }

        w.WriteEndArray();
        w.WriteStringValue(snippet);
        w.WriteNumberValue(d.IsPost ? 1 : 0);
        w.WriteEndArray();
    }

    /// <summary>Every document's display record, space-padded to <see cref="RecordBytes"/> (spaces are valid after JSON).</summary>
    private static byte[] Records(List<SearchDocument> docs)
    {
        var bytes = new byte[docs.Count * RecordBytes];
        bytes.AsSpan().Fill((byte)' ');
        Parallel.For(0, docs.Count, i => Record(docs[i]).CopyTo(bytes.AsSpan(i * RecordBytes, RecordBytes)));
        return bytes;
    }

    /// <summary>One record; a long snippet, then a long title, is shortened (with "…") until it fits.</summary>
    internal static byte[] Record(SearchDocument d)
    {
        var title = d.Title;
        var snippet = d.Snippet;
        while (true)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(RecordBytes);
            using (var w = new Utf8JsonWriter(buffer, JsonOptions))
            {
                WriteDisplay(w, d, title, snippet);
            }

            var over = buffer.WrittenCount - RecordBytes;
            if (over <= 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            // Every character is at least one byte and "…" is three, so cutting `over` + 3 characters always gets closer.
            if (snippet.Length > 0)
            {
                snippet = Shorten(snippet, over);
            }
            else if (title.Length > 1)
            {
                title = Shorten(title, over);
            }
            else
            {
                throw new InvalidOperationException($"search record of '{d.Url}' cannot fit in {RecordBytes} bytes");
            }
        }
    }

    private static string Shorten(string text, int over)
    {
        var keep = Math.Max(0, text.Length - over - 3);
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return keep == 0 ? "" : text[..keep].TrimEnd() + "…";
    }

    private static byte[] Meta(Digest digest, List<SearchDocument> docs, List<string> shardStarts, int termCount)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteNumber("docs", docs.Count);
            w.WriteNumber("papers", docs.Count(d => !d.IsPost));
            w.WriteNumber("terms", termCount);
            w.WriteNumber("docsPerShard", DocsPerShard);
            w.WriteNumber("recordBytes", RecordBytes);
            w.WriteStartArray("shards");
            foreach (var start in shardStarts)
            {
                w.WriteStringValue(start);
            }

            w.WriteEndArray();
            w.WriteStartArray("topics");
            foreach (var topic in digest.Taxonomy.All)
            {
                w.WriteStartArray();
                w.WriteStringValue(topic.Slug);
                w.WriteStringValue(topic.Name);
                w.WriteEndArray();
            }

            w.WriteEndArray();

            // [date, first doc id] each time the date changes, papers then posts.
            w.WriteStartArray("dates");
            for (var i = 0; i < docs.Count; i++)
            {
                if (i == 0 || docs[i].Date != docs[i - 1].Date || docs[i].IsPost != docs[i - 1].IsPost)
                {
                    w.WriteStartArray();
                    w.WriteStringValue(docs[i].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteNumberValue(i);
                    w.WriteEndArray();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }
}
