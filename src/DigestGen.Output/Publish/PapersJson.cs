using System.Buffers;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using DigestGen.Curate;
using DigestGen.Ingest;
using DigestGen.Site;

namespace DigestGen.Publish;

/// <summary>
/// Writes the machine-readable digest (schema in the README): <c>data/papers/</c>, gzipped shards of papers by the
/// first hex digits of their id with <c>index.json</c> and <c>posts.json</c>, at every size; and for a site of up to
/// <see cref="SingleFileLimit"/> papers also <c>data/papers.json</c>, all in one file. Ordered by id so two builds
/// of the same content are byte-identical.
/// </summary>
public static class PapersJson
{
    public const string Path = "data/papers.json";

    public const string ShardFolder = "data/papers/";

    /// <summary>Papers up to which <c>papers.json</c> is written too: about 3 KB each, it stays far under the 25 MiB a file may be on Cloudflare Pages.</summary>
    public const int SingleFileLimit = 5_000;

    /// <summary>
    /// 2 since the shards are gzipped (<c>NN.json.gz</c>) and <c>abstractHtml</c> is left out where it would only repeat
    /// the abstract, escaped: at 100,000 papers the shards were 270 MB, a quarter of what GitHub Pages takes (issue 24).
    /// </summary>
    public const int SchemaVersion = 2;

    /// <summary>A shard's file name: <c>3f.json.gz</c>.</summary>
    public static string ShardFile(string digits) => digits + ".json.gz";

    /// <summary>One hex digit (16 shards) up to 4,000 papers, then two (256 shards, about 1 MB each at 100,000 papers).</summary>
    public static int DigitsFor(int papers) => papers <= 4_000 ? 1 : 2;

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The shards, their index and the posts; a paper's shard is the first <see cref="DigitsFor"/> hex digits of its id after the "p".</summary>
    public static void WriteShards(StagedOutput output, Digest digest)
    {
        var digits = DigitsFor(digest.Papers.Count);
        var shards = ById(digest.Papers).GroupBy(p => p.Id.Substring(1, digits)).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        output.Write(ShardFolder + "index.json", stream =>
        {
            using var w = new Utf8JsonWriter(stream, Options);
            w.WriteStartObject();
            w.WriteString("generator", "DigestGen");
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("title", digest.Config.Title);
            w.WriteNumber("papers", digest.Papers.Count);
            w.WriteNumber("posts", digest.Posts.Count);
            w.WriteNumber("digits", digits);
            w.WriteStartArray("shards");
            foreach (var shard in shards)
            {
                w.WriteStartObject();
                w.WriteString("file", ShardFile(shard.Key));
                w.WriteNumber("papers", shard.Count());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("compression", "gzip");
            w.WriteString("postsFile", "posts.json");
            w.WriteEndObject();
        });
        // Each shard's JSON is written whole into a buffer kept per thread, then compressed in one piece. A
        // writer over the gzip stream grew a new buffer for every shard: about 400 MB of large arrays for the
        // 256 shards of 100,000 papers, and the full collections they start. (Deflate's output depends on how
        // its input is cut: in one piece the shards come out a little smaller than in 64 KB pieces.) Gzip with
        // a fixed header (no time stamp), so two builds of the same content write the same bytes.
        Parallel.ForEach(shards, () => new ArrayBufferWriter<byte>(1 << 16), (shard, _, buffer) =>
        {
            buffer.ResetWrittenCount();
            using (var w = new Utf8JsonWriter(buffer, Compact))
            {
                w.WriteStartObject();
                w.WriteStartArray("papers");
                foreach (var paper in shard)
                {
                    WritePaper(w, paper);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            output.Write(ShardFolder + ShardFile(shard.Key), stream =>
            {
                using var gzip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
                gzip.Write(buffer.WrittenSpan);
            });
            return buffer;
        }, _ => { });
        output.Write(ShardFolder + "posts.json", stream =>
        {
            using var w = new Utf8JsonWriter(stream, Compact);
            w.WriteStartObject();
            w.WriteStartArray("posts");
            foreach (var post in digest.Posts.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                WritePost(w, post);
                FlushPast(w);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Hands what the writer holds to its stream once it passes 64 KB: a writer over a stream buffers until flushed, the whole file if never.</summary>
    private static void FlushPast(Utf8JsonWriter w)
    {
        if (w.BytesPending > 1 << 16)
        {
            w.Flush();
        }
    }

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(Stream stream, Digest digest)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartObject();
        w.WriteString("generator", "DigestGen");
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteString("title", digest.Config.Title);
        w.WriteStartArray("papers");
        foreach (var paper in ById(digest.Papers))
        {
            WritePaper(w, paper);
            FlushPast(w);
        }

        w.WriteEndArray();
        w.WriteStartArray("posts");
        foreach (var post in digest.Posts.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            WritePost(w, post);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The papers by id: curation already lists them so, which a check spares sorting 100,000 again.</summary>
    private static IEnumerable<Paper> ById(IReadOnlyList<Paper> papers)
    {
        for (var i = 1; i < papers.Count; i++)
        {
            if (string.CompareOrdinal(papers[i - 1].Id, papers[i].Id) > 0)
            {
                return papers.OrderBy(p => p.Id, StringComparer.Ordinal);
            }
        }

        return papers;
    }

    private static void WritePaper(Utf8JsonWriter w, Paper p)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("slug", p.Slug);
        w.WriteString("title", p.Title);
        w.WriteBoolean("titleDerived", p.TitleDerived);
        w.WriteString("abstract", p.Abstract.ToPlainText());

        // Most abstracts are plain text, and their HTML would be a second copy (75 MB at 100,000 papers).
        if (p.Abstract.HasMarkup)
        {
            w.WriteString("abstractHtml", p.Abstract.ToHtml());
        }

        WriteNullable(w, "authors", p.AuthorCount);
        if (p.Organisation is null)
        {
            w.WriteNull("organisation");
        }
        else
        {
            w.WriteString("organisation", p.Organisation);
        }

        if (p.Published is { } published)
        {
            w.WriteString("published", published.ToString("yyyy-MM-dd"));
        }
        else
        {
            w.WriteNull("published");
        }

        WriteNullable(w, "upvotes", p.Upvotes);
        w.WriteString("digestDate", p.DigestDate.ToString("yyyy-MM-dd"));
        WriteStrings(w, "topics", p.Topics);
        WriteStrings(w, "related", p.Related);
        WriteStrings(w, "discussedIn", p.DiscussedIn);
        w.WriteStartObject("links");
        foreach (var link in OutboundLinks.Searches(p).Concat(OutboundLinks.Resources(p)))
        {
            w.WriteString(link.Kind, link.Href);
        }

        w.WriteEndObject();
        w.WriteStartArray("sources");
        foreach (var s in p.Sources)
        {
            WriteSource(w, s, null);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePost(Utf8JsonWriter w, Post p)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("text", p.Text);
        WriteStrings(w, "links", p.Links);
        WriteStrings(w, "handles", p.Handles);
        WriteStrings(w, "hashtags", p.Hashtags);
        w.WriteString("digestDate", p.DigestDate.ToString("yyyy-MM-dd"));
        WriteStrings(w, "topics", p.Topics);
        WriteStrings(w, "related", p.Related);
        WriteStrings(w, "mentions", p.Mentions);
        w.WritePropertyName("source");
        WriteSource(w, p.Source, p.LastLine);
        w.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter w, SourceRef s, int? lastLine)
    {
        w.WriteStartObject();
        w.WriteString("file", s.File);
        w.WriteNumber("line", s.Line);
        if (lastLine is { } last)
        {
            w.WriteNumber("lastLine", last);
        }

        w.WriteString("captured", s.CaptureDate.ToString("yyyy-MM-dd"));
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
