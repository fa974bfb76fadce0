using DigestGen.Tests.Support;

namespace DigestGen.Tests.Cli;

public class CheckCommandTests
{
    [Fact]
    public void Real_content_is_clean()
    {
        var run = CliRun.Of("check", "--content", RepoPaths.FixtureContent, "--build-date", "2026-11-22");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("seeds/003_76c8d6c038b90c29.txt  listing  captured 2025-11-04  915 lines  116 papers", run.Out);
        Assert.Contains("208 papers, 20 posts from 5 seeds (0 skipped); 0 errors, 0 warnings", run.Out);
    }

    [Fact]
    public void Topics_with_fewer_than_three_papers_are_listed()
    {
        using var content = new ContentFolder()
            .With("topics.yml", "topics:\n  - slug: sparse\n    name: Sparsity\n    description: Sparse models.\n    strong: [sparse attention]\n  - slug: speech\n    name: Speech\n    description: Speech.\n    strong: [speech recognition]\n")
            .With("seeds/listing.txt", Seeds.Listing(string.Concat(new[] { "Sparse Attention One", "Sparse Attention Two", "Sparse Attention Three", "Speech Recognition Now" }
                .Select(t => $"{t}\n\n{Seeds.LongAbstract(t.ToLowerInvariant())}\n\n  • 3 authors\n·\nAug 7 2\n\n"))));

        var run = CliRun.Of("check", "--content", content.Content, "--build-date", "2026-01-01");

        Assert.Contains("few papers: speech has 1 (fewer than 3)", run.Out);
        Assert.DoesNotContain("few papers: sparse", run.Out);
    }

    [Fact]
    public void Explain_shows_the_evidence_and_the_topics_that_came_close()
    {
        // KIVI: a 2-bit quantization of the KV cache, so efficient inference and compression both have title evidence.
        var run = CliRun.Of("check", "--content", RepoPaths.FixtureContent, "--build-date", "2026-11-22", "--explain", "p581982e98d3a");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("p581982e98d3a  KIVI: A Tuning-Free Asymmetric 2bit Quantization for KV Cache", run.Out);
        Assert.Contains("topics: efficient-inference, compression", run.Out);
        Assert.Matches(@"efficient-inference: [\d.]+ points, kept", run.Out);
        Assert.Contains("title 'kv cache' ×1: 6", run.Out);
        Assert.Contains("title 'quantiz*' ×1: 6", run.Out);

        // AdaR1 shortens reasoning to save tokens: efficiency comes up, but not enough beside reasoning.
        var adaR1 = CliRun.Of("check", "--content", RepoPaths.FixtureContent, "--build-date", "2026-11-22", "--explain", "p1180fe74a04b");
        Assert.Matches(@"efficient-inference: [\d.]+ points, not kept: under 60% of the best", adaR1.Out);
    }

    [Fact]
    public void Explain_of_an_unknown_paper_exits_2()
    {
        var run = CliRun.Of("check", "--content", RepoPaths.FixtureContent, "--build-date", "2026-11-22", "--explain", "p000000000000");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no paper has the id or slug 'p000000000000'", run.Err);
    }

    [Fact]
    public void Papers_on_thin_evidence_are_listed_as_weak()
    {
        var run = CliRun.Of("check", "--content", RepoPaths.FixtureContent, "--build-date", "2026-11-22");

        Assert.Matches(@"weak: p[0-9a-f]{12}  .+  \(best topic [a-z-]+, [\d.]+ points; see check --explain p[0-9a-f]{12}\)", run.Out);
        Assert.DoesNotContain("weak: p581982e98d3a", run.Out);
    }

    [Fact]
    public void Bad_seed_is_reported_and_the_rest_still_ingests()
    {
        using var content = new ContentFolder()
            .With("seeds/good.txt", "Dept\nAbstract:A fine abstract about models.\n")
            .With("seeds/empty.txt", "")
            .With("seeds/binary.bin", new byte[] { 0, 1, 2, 3, 0, 0 });
        var run = CliRun.Of("check", "--content", content.Content, "--build-date", "2026-01-01");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("seeds/empty.txt: error: the file is empty", run.Out);
        Assert.Contains("seeds/binary.bin: error: the file is binary", run.Out);
        Assert.Contains("1 papers, 0 posts from 3 seeds (2 skipped); 2 errors", run.Out);
    }

    [Fact]
    public void Warnings_fail_only_under_strict()
    {
        using var content = new ContentFolder().With("seeds/unlisted.txt", "Dept\nAbstract:A fine abstract about models.\n");

        var lenient = CliRun.Of("check", "--content", content.Content, "--build-date", "2026-01-01");
        var strict = CliRun.Of("check", "--content", content.Content, "--build-date", "2026-01-01", "--strict");

        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains("seeds/unlisted.txt: warning: seed is not in the manifest", lenient.Out);
        Assert.Contains("build date 2026-01-01", lenient.Out);
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public void Bad_configuration_exits_2_naming_file_and_line()
    {
        using var content = new ContentFolder("title: X\nfeed_itemz: 5\n");
        var run = CliRun.Of("check", "--content", content.Content);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("digest.yml:2: error: unknown setting 'feed_itemz'", run.Err);
    }

    [Fact]
    public void A_seed_listed_twice_exits_2_naming_the_line()
    {
        using var content = new ContentFolder("title: X\nseeds:\n  - file: seeds/a.txt\n    captured: 2025-01-01\n  - file: seeds/a.txt\n    captured: 2025-01-02\n");
        var run = CliRun.Of("check", "--content", content.Content);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("digest.yml:5: error: seed 'seeds/a.txt' is listed twice", run.Err);
    }

    [Fact]
    public void Unknown_option_exits_2()
    {
        var run = CliRun.Of("build", "--no-such-option");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--no-such-option", run.Err);
    }

    [Fact]
    public void Build_writes_papers_json_and_is_byte_identical_twice()
    {
        using var content = ContentFolder.FromFixture();
        var first = CliRun.Of("build", "--content", content.Content, "--output", content.Output, "--build-date", "2026-11-22");
        var bytes = File.ReadAllBytes(Path.Combine(content.Output, "data", "papers.json"));
        var second = CliRun.Of("build", "--content", content.Content, "--output", content.Output, "--build-date", "2026-11-22");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(content.Output, "data", "papers.json")));
        Assert.Contains("0 written", second.Out);
        Assert.False(Directory.Exists(content.Output + ".staging"));
    }
}
