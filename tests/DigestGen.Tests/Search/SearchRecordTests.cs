using System.Text.Json;
using DigestGen.Search;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Search;

/// <summary>docs/N.txt: one fixed-size JSON record per document, DocsPerShard a file, at offset (id mod DocsPerShard) × RecordBytes.</summary>
public class SearchRecordTests
{
    [Fact]
    public void Every_record_of_the_real_site_is_valid_json_at_its_offset_in_its_shard()
    {
        using var site = new BuiltSite();
        using var meta = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site.Output, "search", "meta.json")));
        var docs = meta.RootElement.GetProperty("docs").GetInt32();
        Assert.Equal(SearchIndexWriter.RecordBytes, meta.RootElement.GetProperty("recordBytes").GetInt32());
        Assert.Equal(SearchIndexWriter.DocsPerShard, meta.RootElement.GetProperty("docsPerShard").GetInt32());
        var shards = Directory.GetFiles(Path.Combine(site.Output, "search", "docs"));
        Assert.Equal((docs + SearchIndexWriter.DocsPerShard - 1) / SearchIndexWriter.DocsPerShard, shards.Length);
        Assert.All(shards, f => Assert.EndsWith(".txt", f));

        var urls = new HashSet<string>();
        for (var i = 0; i < docs; i++)
        {
            var shard = File.ReadAllBytes(Path.Combine(site.Output, "search", "docs", $"{i / SearchIndexWriter.DocsPerShard}.txt"));
            Assert.Equal(Math.Min(SearchIndexWriter.DocsPerShard, docs - (i / SearchIndexWriter.DocsPerShard * SearchIndexWriter.DocsPerShard)) * SearchIndexWriter.RecordBytes, shard.Length);
            using var record = JsonDocument.Parse(shard.AsMemory(i % SearchIndexWriter.DocsPerShard * SearchIndexWriter.RecordBytes, SearchIndexWriter.RecordBytes));
            Assert.True(urls.Add(record.RootElement[1].GetString()!));
        }
    }

    [Fact]
    public void A_record_too_long_for_its_place_keeps_its_title_and_cuts_its_snippet()
    {
        var longTitle = "Compressing " + string.Concat(Enumerable.Repeat("Very Long Caches ", 9)).Trim();
        using var content = new ContentFolder("title: T\nseeds:\n  - file: seeds/a.txt\n    captured: 2025-08-19\n")
            .WithThemes()
            .With("seeds/a.txt", Seeds.Listing($"Short Title On Speech\n\n{Seeds.LongAbstract("speech")}\n\n{longTitle}\n\n{Seeds.LongAbstract("caches")}\n", "Aug 19"));
        DigestGen.Pipeline.SiteBuilder.Build(new DigestGen.Pipeline.BuildOptions(content.Content, content.Output, new DateOnly(2026, 1, 1)));

        var shard = File.ReadAllBytes(Path.Combine(content.Output, "search", "docs", "0.txt"));
        Assert.Equal(2 * SearchIndexWriter.RecordBytes, shard.Length);
        var titles = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var record = JsonDocument.Parse(shard.AsMemory(i * SearchIndexWriter.RecordBytes, SearchIndexWriter.RecordBytes));
            titles.Add(record.RootElement[0].GetString()!);
            if (titles[^1] == longTitle)
            {
                Assert.EndsWith("…", record.RootElement[4].GetString()!);
            }
        }

        Assert.Contains(longTitle, titles);
    }

    [Fact]
    public void The_browser_reads_the_index_format_the_build_writes()
    {
        var script = File.ReadAllText(Path.Combine(RepoPaths.Themes, "default", "assets", "search-core.js"));
        Assert.Contains($"export const INDEX_VERSION = {SearchIndexWriter.FormatVersion};", script);
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
