using System.Text.Json;
using DigestGen.Search;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Search;

/// <summary>records.txt: one fixed-size JSON record per document, at offset id × RecordBytes.</summary>
public class SearchRecordTests
{
    [Fact]
    public void Every_record_of_the_real_site_is_valid_json_at_its_offset()
    {
        using var site = new BuiltSite();
        var records = File.ReadAllBytes(Path.Combine(site.Output, "search", "records.txt"));
        using var meta = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site.Output, "search", "meta.json")));
        var docs = meta.RootElement.GetProperty("docs").GetInt32();
        Assert.Equal(SearchIndexWriter.RecordBytes, meta.RootElement.GetProperty("recordBytes").GetInt32());
        Assert.Equal(docs * SearchIndexWriter.RecordBytes, records.Length);

        using var shard = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site.Output, "search", "docs", "0.json")));
        for (var i = 0; i < docs; i++)
        {
            using var record = JsonDocument.Parse(records.AsMemory(i * SearchIndexWriter.RecordBytes, SearchIndexWriter.RecordBytes));
            if (i < SearchIndexWriter.DocsPerShard)
            {
                // The same display data as the shard (titles and URLs whole; only an overlong snippet is cut).
                Assert.Equal(shard.RootElement[i][0].GetString(), record.RootElement[0].GetString());
                Assert.Equal(shard.RootElement[i][1].GetString(), record.RootElement[1].GetString());
            }
        }
    }

    /// <summary>Shards are assembled from the records' bytes, except a record that was shortened: the shard keeps the whole display data.</summary>
    [Fact]
    public void A_shard_keeps_what_a_shortened_record_cuts()
    {
        var longTitle = "Compressing " + string.Concat(Enumerable.Repeat("Very Long Caches ", 9)).Trim();
        using var content = new ContentFolder("title: T\nseeds:\n  - file: seeds/a.txt\n    captured: 2025-08-19\n")
            .WithThemes()
            .With("seeds/a.txt", Seeds.Listing($"Short Title On Speech\n\n{Seeds.LongAbstract("speech")}\n\n{longTitle}\n\n{Seeds.LongAbstract("caches")}\n", "Aug 19"));
        DigestGen.Pipeline.SiteBuilder.Build(new DigestGen.Pipeline.BuildOptions(content.Content, content.Output, new DateOnly(2026, 1, 1)));

        var records = File.ReadAllBytes(Path.Combine(content.Output, "search", "records.txt"));
        using var shard = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(content.Output, "search", "docs", "0.json")));
        Assert.Equal(2, shard.RootElement.GetArrayLength());
        var titles = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var record = JsonDocument.Parse(records.AsMemory(i * SearchIndexWriter.RecordBytes, SearchIndexWriter.RecordBytes));
            var whole = shard.RootElement[i];
            titles.Add(whole[0].GetString()!);
            if (whole[0].GetString() == longTitle)
            {
                var snippet = record.RootElement[4].GetString()!;
                Assert.EndsWith("…", snippet);
                Assert.StartsWith(snippet[..^1], whole[4].GetString(), StringComparison.Ordinal);
                Assert.Equal(longTitle, record.RootElement[0].GetString());
            }
            else
            {
                Assert.Equal(record.RootElement.GetRawText(), shard.RootElement[i].GetRawText());
            }
        }

        Assert.Contains(longTitle, titles);
    }

    [Fact]
    public void An_overlong_hostile_title_is_shortened_to_fit_and_stays_data()
    {
        var title = "<img src=x onerror=alert(1)> \"Ünïcödé\" 𝛼𝛽 " + string.Concat(Enumerable.Repeat("très long titre ", 60));
        var doc = new SearchDocument(false, title, "papers/x/", new DateOnly(2025, 1, 2), [1, 2], new string('s', 300), 0, [], []);

        var record = SearchIndexWriter.Record(doc);

        Assert.True(record.Length <= SearchIndexWriter.RecordBytes);
        using var json = JsonDocument.Parse(record);
        Assert.StartsWith("<img src=x onerror=alert(1)> \"Ünïcödé\" 𝛼𝛽", json.RootElement[0].GetString());
        Assert.EndsWith("…", json.RootElement[0].GetString());
        Assert.Equal("", json.RootElement[4].GetString());
        Assert.Equal("papers/x/", json.RootElement[1].GetString());
    }
}
