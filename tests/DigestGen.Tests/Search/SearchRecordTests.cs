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
