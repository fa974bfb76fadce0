using DigestGen.Incremental;
using DigestGen.Curate;
using DigestGen.Pipeline;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Site;

/// <summary>Rebuilds write only files whose bytes changed, and remove pages that no longer exist.</summary>
public class IncrementalBuildTests
{
    private const string Topics = """
        topics:
          - slug: caches
            name: Caches
            description: KV caches.
            strong: [kv cache]
          - slug: speech
            name: Speech
            description: Listening.
            strong: [speech]
        """;

    private const string Eviction = "Key value cache eviction decides which cached attention entries a transformer drops when memory runs out during long generations.";
    private const string Recognition = "Automatic speech recognition transcribes spoken words from microphones in noisy rooms, cafeterias and cars with few errors.";
    private const string Synthesis = "Speech synthesis turns written sentences into natural voices whose prosody, rhythm and intonation listeners prefer.";
    private const string Compression = "Quantising and evicting key value cache entries shrinks transformer attention memory for long contexts without losing accuracy.";

    private static ContentFolder Site() =>
        new ContentFolder("title: T\nbase_url: https://example.org/d/\nseeds:\n  - file: seeds/a.txt\n    captured: 2025-08-19\n  - file: seeds/b.txt\n    captured: 2025-08-20\n")
            .WithThemes()
            .With("topics.yml", Topics)
            .With("seeds/a.txt", Seeds.Listing($"Eviction For The KV Cache\n\n{Eviction}\n\nSpeech Recognition In Noise\n\n{Recognition}\n", "Aug 19"))
            .With("seeds/b.txt", Seeds.Listing($"Speech Synthesis With Prosody\n\n{Synthesis}\n", "Aug 20"));

    private static BuildResult Build(ContentFolder content) =>
        SiteBuilder.Build(new BuildOptions(content.Content, content.Output, new DateOnly(2026, 1, 1)));

    private static string PaperPage(ContentFolder content, string titleStart) =>
        "papers/" + Path.GetFileName(Directory.GetDirectories(Path.Combine(content.Output, "papers")).Single(d => Path.GetFileName(d).StartsWith(titleStart, StringComparison.Ordinal))) + "/index.html";

    [Fact]
    public void A_no_op_rebuild_writes_nothing_and_keeps_timestamps()
    {
        using var content = Site();
        Build(content);
        var stamps = Directory.EnumerateFiles(content.Output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Thread.Sleep(20);

        var again = Build(content);

        Assert.Equal(0, again.Publish.Written);
        Assert.Equal(0, again.Publish.Removed);
        Assert.Equal(stamps.Count, again.Publish.Unchanged);
        Assert.All(stamps, s => Assert.Equal(s.Value, File.GetLastWriteTimeUtc(s.Key)));
    }

    [Fact]
    public void A_new_seed_writes_its_pages_and_the_pages_that_list_them_only()
    {
        using var content = Site();
        Build(content);
        var before = Directory.EnumerateFiles(content.Output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(content.Output, f).Replace('\\', '/'), File.ReadAllBytes);

        File.AppendAllText(Path.Combine(content.Content, "digest.yml"), "  - file: seeds/c.txt\n    captured: 2025-08-21\n");
        content.With("seeds/c.txt", Seeds.Listing($"Compressing The KV Cache Further\n\n{Compression}\n", "Aug 21"));
        var result = Build(content);
        var written = result.Publish.WrittenFiles.ToHashSet();

        // Written means exactly: new, or bytes changed.
        foreach (var file in Directory.EnumerateFiles(content.Output, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(content.Output, file).Replace('\\', '/');
            var changed = !before.TryGetValue(relative, out var old) || !old.AsSpan().SequenceEqual(File.ReadAllBytes(file));
            Assert.True(changed == written.Contains(relative), $"{relative}: changed={changed}, written={written.Contains(relative)}");
        }

        Assert.Contains(PaperPage(content, "compressing-the-kv-cache"), written);
        Assert.Contains("dates/2025-08-21/index.html", written);
        Assert.Contains("dates/2025-08-20/index.html", written);
        Assert.Contains("topics/caches/index.html", written);
        Assert.Contains("topics/caches/feed.xml", written);
        Assert.Contains("feed.xml", written);
        Assert.Contains("index.html", written);

        Assert.DoesNotContain("topics/speech/index.html", written);
        Assert.DoesNotContain("topics/speech/feed.xml", written);
        Assert.DoesNotContain("about/index.html", written);
        Assert.DoesNotContain("assets/site.css", written);
        Assert.Contains("weeks/2025-W34/index.html", written);
        Assert.Contains("months/2025-08/feed.xml", written);
    }

    [Fact]
    public void A_removed_paper_loses_its_page()
    {
        using var content = Site();
        Build(content);
        var gone = PaperPage(content, "speech-synthesis");
        Assert.True(File.Exists(Path.Combine(content.Output, gone)));

        content.With("digest.yml", "title: T\nbase_url: https://example.org/d/\nseeds:\n  - file: seeds/a.txt\n    captured: 2025-08-19\n");
        File.Delete(Path.Combine(content.Content, "seeds", "b.txt"));
        var result = Build(content);

        Assert.False(File.Exists(Path.Combine(content.Output, gone)));
        Assert.False(Directory.Exists(Path.GetDirectoryName(Path.Combine(content.Output, gone))));
        Assert.False(Directory.Exists(Path.Combine(content.Output, "dates", "2025-08-20")));
        Assert.True(result.Publish.Removed >= 2);
    }

    [Fact]
    public void A_no_op_rebuild_does_no_work_and_reports_what_the_last_build_found()
    {
        using var content = Site().With("seeds/unlisted.txt", Seeds.Listing($"Speech Recognition In Cars\n\n{Recognition} Also cars.\n", "Aug 22"));
        var first = Build(content);
        Assert.Contains(first.Summary.Problems, p => p.File == "seeds/unlisted.txt");

        var again = Build(content);

        Assert.DoesNotContain(again.Timings.Stages, s => s.Stage is "ingest" or "pages" or "publish");
        Assert.Contains(again.Timings.Stages, s => s.Stage == "verify");
        Assert.Equal(first.Summary.Papers, again.Summary.Papers);
        Assert.Equal(first.Summary.Problems, again.Summary.Problems);
        Assert.Equal(first.Summary.Seeds, again.Summary.Seeds);
        Assert.Equal((first.Pages, first.Feeds), (again.Pages, again.Feeds));
    }

    [Fact]
    public void Output_changed_by_hand_is_put_back_and_nothing_else_is_written()
    {
        using var content = Site();
        Build(content);
        var deleted = PaperPage(content, "speech-synthesis");
        var original = File.ReadAllText(Path.Combine(content.Output, "index.html"));
        File.Delete(Path.Combine(content.Output, deleted));
        File.WriteAllText(Path.Combine(content.Output, "index.html"), original.Replace("<main", "<MAIN", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(content.Output, "stray.html"), "not ours");

        var result = Build(content);

        Assert.Equal(new[] { deleted, "index.html" }.Order(StringComparer.Ordinal), result.Publish.WrittenFiles.Order(StringComparer.Ordinal));
        Assert.Equal(original, File.ReadAllText(Path.Combine(content.Output, "index.html")));
        Assert.True(File.Exists(Path.Combine(content.Output, deleted)));
        Assert.False(File.Exists(Path.Combine(content.Output, "stray.html")));
        Assert.Equal(1, result.Publish.Removed);
    }

    [Fact]
    public void Parsed_seeds_left_by_older_builds_are_removed_from_the_cache()
    {
        using var content = Site();
        Build(content);
        var retired = Path.Combine(content.Root, ".digestgen-cache", "output.seeds");
        Directory.CreateDirectory(retired);
        File.WriteAllText(Path.Combine(retired, "0123.bin"), "parsed seed");

        Build(content);

        Assert.False(Directory.Exists(retired));
        Assert.True(File.Exists(Path.Combine(content.Root, ".digestgen-cache", "output.record")) || Directory.EnumerateFiles(Path.Combine(content.Root, ".digestgen-cache")).Any());
    }

    /// <summary>Files that are not ours, put into output/ by hand at the given paths.</summary>
    private static void PutStrays(ContentFolder content, IEnumerable<string> strays)
    {
        foreach (var stray in strays)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(content.Output, stray))!);
            File.WriteAllText(Path.Combine(content.Output, stray), "not ours");
        }
    }

    /// <summary>
    /// The listing asks only about recorded files and folders, and lists a folder only when its time moved:
    /// files put anywhere after a rebuild (whose record holds folder times taken after publishing) are found.
    /// </summary>
    [Fact]
    public void Files_put_into_any_folder_after_a_rebuild_are_removed()
    {
        using var content = Site();
        Build(content);
        AddCompressionSeed(content);
        Build(content);
        var paperFolder = Path.GetDirectoryName(PaperPage(content, "compressing-the-kv-cache"))!;
        var strays = new[] { paperFolder + "/notes.txt", "topics/speech/extra/deep/x.html", "dates/stray.json" };
        PutStrays(content, strays);

        var result = Build(content);

        Assert.Equal(strays.Length, result.Publish.Removed);
        Assert.Empty(result.Publish.WrittenFiles);
        Assert.All(strays, stray => Assert.False(File.Exists(Path.Combine(content.Output, stray)), stray));
        Assert.False(Directory.Exists(Path.Combine(content.Output, "topics/speech/extra")));
        Assert.Equal(0, Build(content).Publish.Removed);
    }

    /// <summary>
    /// A clean build records its files and folders from what it wrote, not by walking output/: files put into its
    /// folders afterwards are still found (none at the top, whose change would send the listing through everything).
    /// </summary>
    [Fact]
    public void Files_put_into_any_folder_after_a_clean_build_are_removed()
    {
        using var content = Site();
        var first = Build(content);
        var paperFolder = Path.GetDirectoryName(PaperPage(content, "speech-synthesis"))!;
        var strays = new[] { paperFolder + "/notes.txt", "topics/speech/extra/x.html", "dates/stray.json" };
        PutStrays(content, strays);

        var result = Build(content);

        Assert.Equal(0, first.Publish.Removed);
        Assert.Equal(strays.Length, result.Publish.Removed);
        Assert.Empty(result.Publish.WrittenFiles);
        Assert.All(strays, stray => Assert.False(File.Exists(Path.Combine(content.Output, stray)), stray));
        Assert.Empty(Build(content).Publish.WrittenFiles);
    }

    [Fact]
    public void A_theme_change_is_an_input_change()
    {
        using var content = Site();
        Build(content);
        File.AppendAllText(Path.Combine(content.Themes, "default", "assets", "site.css"), "\n/* curator's tweak */\n");

        var result = Build(content);

        Assert.Contains("assets/site.css", result.Publish.WrittenFiles);
        Assert.Contains("index.html", result.Publish.WrittenFiles);
    }

    [Fact]
    public void Without_the_build_record_unchanged_files_are_told_by_their_bytes()
    {
        using var content = Site();
        Build(content);
        Directory.Delete(Path.Combine(content.Root, DigestGen.Publish.CacheFolder.Name), recursive: true);

        var result = Build(content);

        Assert.Contains(result.Timings.Stages, s => s.Stage == "pages");
        Assert.Equal(0, result.Publish.Written);
        Assert.True(File.Exists(DigestGen.Incremental.BuildRecord.PathFor(content.Output)));
    }

    [Fact]
    public void Pages_whose_inputs_are_unchanged_are_not_rendered_again()
    {
        using var content = Site();
        var first = Build(content);
        Assert.Equal(0, first.Publish.NotRendered);

        AddCompressionSeed(content);
        var result = Build(content);

        // The speech topic and the first date show nothing that changed: neither rendered nor written. (In a
        // corpus this small every paper is related to the new one, so paper pages are all rendered.)
        Assert.Equal(2, result.Publish.NotRendered);
        Assert.DoesNotContain("topics/speech/index.html", result.Publish.WrittenFiles);
        Assert.DoesNotContain("dates/2025-08-19/index.html", result.Publish.WrittenFiles);
        Assert.Contains(PaperPage(content, "compressing-the-kv-cache"), result.Publish.WrittenFiles);
    }

    public static TheoryData<string> Changes => new()
    {
        "new seed", "title override", "topic renamed", "site title", "card template", "seed edited", "seed removed",
    };

    /// <summary>
    /// The guard on source hashes: whatever changed, the rebuilt site is byte for byte the site a clean
    /// build of the same content gives. A field a page shows but its source hash misses would leave a
    /// stale page here.
    /// </summary>
    [Theory]
    [MemberData(nameof(Changes))]
    public void A_rebuild_gives_the_same_site_as_a_clean_build(string change)
    {
        using var content = Site();
        Build(content);
        Change(content, change);

        var rebuilt = Build(content);
        using var clean = new TempDir();
        SiteBuilder.Build(new BuildOptions(content.Content, clean.Combine("output"), new DateOnly(2026, 1, 1)) { ThemesDir = content.Themes });

        Assert.True(rebuilt.Publish.Written > 0, "the change changed nothing");
        var expected = Files(clean.Combine("output"));
        var actual = Files(content.Output);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, e => Assert.True(e.Value.AsSpan().SequenceEqual(actual[e.Key]), $"{change}: {e.Key} differs from a clean build"));
    }

    private static void Change(ContentFolder content, string change)
    {
        var digestYml = Path.Combine(content.Content, "digest.yml");
        switch (change)
        {
            case "new seed":
                AddCompressionSeed(content);
                break;
            case "title override":
                content.With("overrides.yml", $"{PaperId(content, "speech-recognition")}:\n  title: Hearing Words In Noisy Cafeterias\n");
                break;
            case "topic renamed":
                content.With("topics.yml", Topics.Replace("name: Speech", "name: Spoken Language", StringComparison.Ordinal));
                break;
            case "site title":
                File.WriteAllText(digestYml, File.ReadAllText(digestYml).Replace("title: T", "title: The Digest", StringComparison.Ordinal));
                break;
            case "card template":
                var card = Path.Combine(content.Themes, "default", "partials", "paper-card.html");
                File.WriteAllText(card, File.ReadAllText(card).Replace("</li>", "<!-- tweak --></li>", StringComparison.Ordinal));
                break;
            case "seed edited":
                content.With("seeds/b.txt", Seeds.Listing($"Speech Synthesis With Prosody\n\n{Synthesis} Now with singing.\n", "Aug 20"));
                break;
            case "seed removed":
                content.With("digest.yml", "title: T\nbase_url: https://example.org/d/\nseeds:\n  - file: seeds/b.txt\n    captured: 2025-08-20\n");
                File.Delete(Path.Combine(content.Content, "seeds", "a.txt"));
                break;
            default:
                throw new ArgumentException(change);
        }
    }

    private static void AddCompressionSeed(ContentFolder content)
    {
        File.AppendAllText(Path.Combine(content.Content, "digest.yml"), "  - file: seeds/c.txt\n    captured: 2025-08-21\n");
        content.With("seeds/c.txt", Seeds.Listing($"Compressing The KV Cache Further\n\n{Compression}\n", "Aug 21"));
    }

    private static string PaperId(ContentFolder content, string slugStart)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(content.Output, "data", "papers.json")));
        return doc.RootElement.GetProperty("papers").EnumerateArray()
            .Single(p => p.GetProperty("slug").GetString()!.StartsWith(slugStart, StringComparison.Ordinal))
            .GetProperty("id").GetString()!;
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
}
