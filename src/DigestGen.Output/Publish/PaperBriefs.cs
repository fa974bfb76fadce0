using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using DigestGen.Curate;
using DigestGen.Site;

namespace DigestGen.Publish;

/// <summary>
/// What the reading list (<c>/saved/</c>) needs to show a paper it knows only by id: title, page, digest date,
/// upvotes, topics and related papers, in shards by the first hex digits of the id (<c>data/briefs/3f.json</c>),
/// so a list of a few papers fetches a few small files, never <c>papers.json</c> and never a file per paper.
/// <c>data/briefs/index.json</c> gives how many digits name a shard. Schema in the README.
/// </summary>
public static class PaperBriefs
{
    public const string Folder = "data/briefs/";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Shards of about 1–60 papers: one hex digit up to 1,000 papers, two up to 16,000, then three.</summary>
    public static int DigitsFor(int papers) => papers <= 1_000 ? 1 : papers <= 16_000 ? 2 : 3;

    public static void Write(StagedOutput output, Digest digest)
    {
        var digits = DigitsFor(digest.Papers.Count);
        output.Write(Folder + "index.json", $"{{\"version\":1,\"digits\":{digits},\"papers\":{digest.Papers.Count}}}\n");
        var shards = digest.Papers.GroupBy(p => p.Id.Substring(1, digits)).ToList();
        // Written as bytes, not streamed: a shard is a few KB, and a stream's 64 KB buffer per file would be most of the work.
        Parallel.ForEach(shards, () => new ArrayBufferWriter<byte>(1 << 14), (shard, _, buffer) =>
        {
            buffer.ResetWrittenCount();
            WriteShard(buffer, shard.OrderBy(p => p.Id, StringComparer.Ordinal));
            output.Write(Folder + shard.Key + ".json", buffer.WrittenSpan);
            return buffer;
        }, _ => { });
    }

    /// <summary><c>{"p3f…": ["title", "papers/slug/", "2025-11-04", upvotes, ["topic", …], ["related id", …]], …}</c>; upvotes 0 when none.</summary>
    private static void WriteShard(IBufferWriter<byte> buffer, IEnumerable<Paper> papers)
    {
        using var w = new Utf8JsonWriter(buffer, Options);
        w.WriteStartObject();
        foreach (var p in papers)
        {
            w.WriteStartArray(p.Id);
            w.WriteStringValue(p.Title);
            w.WriteStringValue(Routes.Paper(p.Slug));
            w.WriteStringValue(p.DigestDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumberValue(p.Upvotes ?? 0);
            w.WriteStartArray();
            foreach (var t in p.Topics)
            {
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
            w.WriteStartArray();
            foreach (var r in p.Related)
            {
                w.WriteStringValue(r);
            }

            w.WriteEndArray();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
