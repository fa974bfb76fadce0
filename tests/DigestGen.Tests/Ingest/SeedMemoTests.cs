using DigestGen.Incremental;
using DigestGen.Diagnostics;
using DigestGen.Ingest;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Ingest;

public class SeedMemoTests
{
    private static readonly string Listing = Seeds.Listing(
        $"First Paper Title\n\n{Seeds.LongAbstract("alpha")}\n\n  • 6 authors\n·\nAug 7 2\n\nSecond Paper\n\n{Seeds.LongAbstract("beta")}\n\nQwen Qwen\n·\nJul 30, 2024 12\n\nA Title Left Alone\n");

    private const string Posts = "When models are unsure, they hallucinate.\nOur #ICML2024 work fixes this.\nhttps://t.co/abc123\n🧵\nWork with co-authors @alice and @bob_2!\n";

    [Fact]
    public void A_seed_read_back_gives_what_parsing_gave_with_its_problems()
    {
        using var dir = new TempDir();
        var seeds = Write(dir, ("seeds/a.txt", Listing), ("seeds/b.txt", Posts));

        var parsed = Ingest(new SeedMemo(dir.Combine("output")), seeds);
        var memo = new SeedMemo(dir.Combine("output"));
        var remembered = Ingest(memo, seeds);

        Assert.Equal(2, memo.Hits);
        Assert.NotEmpty(parsed.Problems);
        Assert.Equal(parsed.Problems, remembered.Problems);
        for (var i = 0; i < seeds.Length; i++)
        {
            var (a, b) = (parsed.Results[i], remembered.Results[i]);
            Assert.Equal((a.File, a.Format, a.CaptureDate, a.LineCount), (b.File, b.Format, b.CaptureDate, b.LineCount));
            Assert.Equal(a.Listings, b.Listings);
            Assert.Equal(a.Abstracts, b.Abstracts);
            Assert.Equal(
                a.Posts.Select(p => (p.Text, p.FirstLine, p.LastLine, string.Join(' ', p.Links), string.Join(' ', p.Handles), string.Join(' ', p.Hashtags), p.Source)),
                b.Posts.Select(p => (p.Text, p.FirstLine, p.LastLine, string.Join(' ', p.Links), string.Join(' ', p.Handles), string.Join(' ', p.Hashtags), p.Source)));
        }

        Assert.Contains(remembered.Results[0].Listings, l => l is { AuthorCount: 6, Upvotes: 2, Published.Day: 7 });
        Assert.Contains(remembered.Results[1].Posts, p => p.Hashtags.Contains("#ICML2024"));
    }

    [Fact]
    public void An_edited_seed_is_parsed_again_and_its_old_entry_removed()
    {
        using var dir = new TempDir();
        var seeds = Write(dir, ("seeds/a.txt", Listing));
        Ingest(new SeedMemo(dir.Combine("output")), seeds);
        var folder = Directory.GetDirectories(dir.Combine(DigestGen.Publish.CacheFolder.Name)).Single();
        var before = Directory.GetFiles(folder).Single();

        File.WriteAllText(seeds[0].Path, Listing.Replace("Second Paper", "Second Paper, Revised", StringComparison.Ordinal));
        var memo = new SeedMemo(dir.Combine("output"));
        var result = Ingest(memo, seeds);

        Assert.Equal(0, memo.Hits);
        Assert.Contains(result.Results[0].Listings, l => l.Title == "Second Paper, Revised");
        Assert.False(File.Exists(before));
        Assert.Single(Directory.GetFiles(folder));
    }

    private static (string Path, string Name)[] Write(TempDir dir, params (string Name, string Text)[] seeds)
    {
        foreach (var (name, text) in seeds)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dir.Combine(name))!);
            File.WriteAllText(dir.Combine(name), text);
        }

        return seeds.Select(s => (dir.Combine(s.Name), s.Name)).ToArray();
    }

    private static (SeedIngestResult[] Results, IReadOnlyList<Diagnostic> Problems) Ingest(SeedMemo memo, (string Path, string Name)[] seeds)
    {
        var diagnostics = new DiagnosticBag();
        var ingest = memo.Around((path, name, captured, problems) => SeedIngestor.Ingest(path, name, captured, problems));
        var results = seeds.Select(s => ingest(s.Path, s.Name, Seeds.Captured, diagnostics)).ToArray();
        memo.Prune();
        return (results, diagnostics.Items);
    }
}
