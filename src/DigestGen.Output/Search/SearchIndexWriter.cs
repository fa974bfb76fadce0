using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DigestGen.Curate;
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
/// <item><c>docs/N.txt</c>: the display data (title, URL, date, topics, snippet) of documents N × <see cref="DocsPerShard"/>
/// onwards, each a JSON array padded to <see cref="RecordBytes"/> bytes, so a result costs one small <c>Range</c>
/// request for its record, and a host that ignores <c>Range</c> sends the whole shard (49 KB, about 10 KB
/// gzipped), which holds the record too. One copy of the display data: a single records file beside JSON
/// shards for such hosts was 28 MB more at 100,000 papers, and requests for one file wait on each other in Chromium;</item>
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

    /// <summary>3 since the records are in the shards (<c>docs/N.txt</c>); 2 had <c>records.txt</c> and <c>docs/N.json</c>.</summary>
    public const int FormatVersion = 3;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Write(Digest digest, Action<string, byte[]> write)
    {
        var topics = digest.Taxonomy.All.Select(t => t.Slug).ToList();
        var topicIndex = topics.Select((slug, i) => (slug, i)).ToDictionary(x => x.slug, x => x.i, StringComparer.Ordinal);
        var (docs, joined) = Documents(digest, topicIndex);

        // The build's terms, then the joined forms it does not have, numbered after them.
        var table = digest.Terms.Table;
        var termCount = table.Count;
        var extra = NumberJoinedForms(docs, joined, table, termCount);
        var postings = ImpactPostings.Build(docs, termCount, [.. extra.Select(e => e.Parts)]);
        var topicDocs = TopicDocs(docs, topics.Count);

        // Posting lists by key (a term, or a topic's pseudo-term): term numbers from 0, topic i as -1 - i.
        var keys = new List<(string Key, int Id)>();
        for (var term = 0; term < termCount + extra.Count; term++)
        {
            if (postings.Count(term) > 0)
            {
                keys.Add((term < termCount ? table[term] : extra[term - termCount].Joined, term));
            }
        }

        for (var topic = 0; topic < topics.Count; topic++)
        {
            if (topicDocs[topic].Count > 0)
            {
                keys.Add(("topic:" + topics[topic], -1 - topic));
            }
        }

        keys.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
        var files = 0;

        // Term shards: consecutive sorted terms until a shard reaches the size target.
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

        foreach (var (key, id) in keys)
        {
            if (shard.Length > 0)
            {
                shard.Append(',');
            }

            AppendJsonString(shard, key);
            shard.Append(":\"");
            if (id >= 0)
            {
                postings.Encode(shard, id);
            }
            else
            {
                var previous = 0;
                foreach (var doc in topicDocs[-1 - id])
                {
                    PostingsCodec.Append(shard, ref previous, doc, 1, false);
                }
            }

            shard.Append('"');
            shardTerms.Add(key);
            if (shard.Length >= TermShardBytes)
            {
                Flush();
            }
        }

        Flush();

        var records = Records(docs);
        for (var start = 0; start < records.Length; start += DocsPerShard * RecordBytes)
        {
            write($"{Folder}docs/{start / (DocsPerShard * RecordBytes)}.txt", records[start..Math.Min(records.Length, start + (DocsPerShard * RecordBytes))]);
            files++;
        }
        write($"{Folder}upvotes.json", Encoding.UTF8.GetBytes("[" + string.Join(',', docs.Select(d => d.Upvotes)) + "]"));
        write($"{Folder}meta.json", Meta(digest, docs, shardStarts, keys.Count));
        return files + 2;
    }

    private static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Papers then posts, each oldest first: a kind or a date range is a range of ids. With each document, the
    /// joined forms of its title's and text's hyphenated words (<see cref="JoinedForms"/>), numbered later.
    /// </summary>
    private static (List<SearchDocument> Docs, List<(List<JoinedForms.Form> Title, List<JoinedForms.Form> Body)> Joined) Documents(Digest digest, Dictionary<string, int> topicIndex)
    {
        var byAge = digest.Papers.OrderBy(p => p.DigestDate).ThenBy(p => p.Id, StringComparer.Ordinal).ToArray();
        var papers = new SearchDocument[byAge.Length];
        var joined = new (List<JoinedForms.Form> Title, List<JoinedForms.Form> Body)[byAge.Length];
        Parallel.For(0, byAge.Length, i =>
        {
            var p = byAge[i];
            var terms = digest.Terms.Of(p);
            var text = p.Abstract.ToPlainText();
            joined[i] = (JoinedForms.Forms(p.Title), JoinedForms.Forms(text));
            var topics = new List<int>(p.Topics.Count);
            foreach (var topic in p.Topics)
            {
                if (topicIndex.TryGetValue(topic, out var index))
                {
                    topics.Add(index);
                }
            }

            papers[i] = new SearchDocument(
                false,
                p.Title,
                Routes.Paper(p.Slug),
                p.DigestDate,
                topics,
                Snippet.Cut(text, SnippetLength),
                p.Upvotes ?? 0,
                terms.Title,
                [terms.Abstract, terms.Organisation]);
        });
        var byDate = digest.Posts.OrderBy(p => p.DigestDate).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        var posts = byDate
            .Select(p => new SearchDocument(
                true,
                Snippet.Cut(p.Text.Replace('\n', ' '), 90),
                Routes.Post(p.DigestDate, p.Id),
                p.DigestDate,
                p.Topics.Where(topicIndex.ContainsKey).Select(t => topicIndex[t]).ToList(),
                Snippet.Cut(p.Text.Replace('\n', ' '), SnippetLength),
                0,
                [],
                [digest.Terms.Of(p)]))
            .ToList();
        var postsJoined = byDate.Select(p => (new List<JoinedForms.Form>(), JoinedForms.Forms(p.Text)));
        return (papers.Concat(posts).ToList(), joined.Concat(postsJoined).ToList());
    }

    /// <summary>
    /// Gives each document its joined forms as counted terms: a form the build's table has keeps its number
    /// (its postings gain the documents that hyphenate it), any other is numbered from <paramref name="termCount"/>
    /// on, in document order. Returns those new forms, by number, each with the numbers of its parts.
    /// </summary>
    private static List<(string Joined, int[] Parts)> NumberJoinedForms(List<SearchDocument> docs, List<(List<JoinedForms.Form> Title, List<JoinedForms.Form> Body)> joined, TermTable table, int termCount)
    {
        var extra = new List<(string Joined, int[] Parts)>();
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        bool Known(string term, out int id) => table.TryGetId(term, out id) && id < termCount;
        int Number(JoinedForms.Form form)
        {
            if (Known(form.Joined, out var id))
            {
                return id;
            }

            if (!numbers.TryGetValue(form.Joined, out id))
            {
                id = termCount + extra.Count;
                numbers[form.Joined] = id;
                extra.Add((form.Joined, [.. form.Parts.Select(p => Known(p, out var part) ? part : -1).Where(part => part >= 0)]));
            }

            return id;
        }

        TermCount[] Counted(List<JoinedForms.Form> forms) =>
            forms.Count == 0 ? [] : [.. forms.GroupBy(Number).Select(g => new TermCount(g.Key, g.Count()))];

        for (var i = 0; i < docs.Count; i++)
        {
            if (joined[i].Title.Count > 0 || joined[i].Body.Count > 0)
            {
                docs[i] = docs[i] with { JoinedTitleTerms = Counted(joined[i].Title), JoinedBodyTerms = Counted(joined[i].Body) };
            }
        }

        return extra;
    }

    /// <summary>The documents of each topic (by index), in doc order.</summary>
    private static List<int>[] TopicDocs(List<SearchDocument> docs, int topicCount)
    {
        var topicDocs = new List<int>[topicCount];
        for (var t = 0; t < topicCount; t++)
        {
            topicDocs[t] = new List<int>();
        }

        for (var doc = 0; doc < docs.Count; doc++)
        {
            foreach (var t in docs[doc].Topics)
            {
                topicDocs[t].Add(doc);
            }
        }

        return topicDocs;
    }

    /// <summary>A term as a JSON string; most are plain ASCII words, which need no escaping and no serializer.</summary>
    private static void AppendJsonString(StringBuilder sb, string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                sb.Append(JsonSerializer.Serialize(text, SerializerOptions));
                return;
            }
        }

        sb.Append('"').Append(text).Append('"');
    }

    /// <summary>A document as [title, url, date, [topic indexes], snippet, isPost].</summary>
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

    /// <summary>
    /// Every document's display record, space-padded to <see cref="RecordBytes"/> (spaces are valid after JSON).
    /// </summary>
    private static byte[] Records(List<SearchDocument> docs)
    {
        var bytes = new byte[docs.Count * RecordBytes];
        bytes.AsSpan().Fill((byte)' ');
        Parallel.For(
            0,
            docs.Count,
            () => new RecordWriter(),
            (i, _, writer) =>
            {
                writer.Write(docs[i]).CopyTo(bytes.AsSpan(i * RecordBytes, RecordBytes));
                return writer;
            },
            _ => { });
        return bytes;
    }

    /// <summary>One record; a long snippet, then a long title, is shortened (with "…") until it fits.</summary>
    internal static byte[] Record(SearchDocument d) => new RecordWriter().Write(d).ToArray();

    /// <summary>Writes records one after another into the same buffer (100,000 records each made their own).</summary>
    private sealed class RecordWriter
    {
        private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(RecordBytes * 2);
        private readonly Utf8JsonWriter _writer;

        public RecordWriter() => _writer = new Utf8JsonWriter(_buffer, JsonOptions);

        /// <returns>The record's bytes, valid until the next record is written.</returns>
        public ReadOnlySpan<byte> Write(SearchDocument d)
        {
            var title = d.Title;
            var snippet = d.Snippet;
            while (true)
            {
                _buffer.ResetWrittenCount();
                _writer.Reset(_buffer);
                WriteDisplay(_writer, d, title, snippet);
                _writer.Flush();

                var over = _buffer.WrittenCount - RecordBytes;
                if (over <= 0)
                {
                    return _buffer.WrittenSpan;
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
