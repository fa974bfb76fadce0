using DigestGen.Catalog;
using DigestGen.Config;
using DigestGen.Curate;
using DigestGen.Curate.Related;
using DigestGen.Curate.Terms;
using DigestGen.Curate.Topics;
using DigestGen.Diagnostics;
using DigestGen.Incremental;
using DigestGen.Ingest;

namespace DigestGen.Pipeline;

/// <summary>Runs the stages that turn <c>content/</c> into a <see cref="Digest"/>: ingest, catalog, curate.</summary>
public static class DigestLoader
{
    public const string SeedsFolder = "seeds";

    /// <param name="remember">Whether to use and update the <see cref="SeedMemo"/>, <see cref="TopicMemo"/> and <see cref="TermMemo"/> kept beside the output folder (builds do; checks need not).</param>
    /// <param name="counted">Given the digest as soon as papers have topics and terms, before related papers are
    /// found (its papers' related lists are still empty): what needs no more, the search index, can start meanwhile.</param>
    public static Digest Load(BuildOptions options, StageTimings timings, bool remember = false, Action<Digest>? counted = null)
    {
        var diagnostics = new DiagnosticBag();
        var config = DigestConfigLoader.Load(options.ContentDir);
        if (options.BaseUrl is { } baseUrl)
        {
            config = config with { BaseUrl = DigestConfigLoader.NormaliseBaseUrl(baseUrl, "--base-url", 0) };
        }
        if (config.BaseUrl.Length == 0)
        {
            diagnostics.Warn(ContentFiles.Config, 0, "no base_url is configured: no feeds or sitemap are written, and pages have no canonical or Open Graph URLs");
        }

        var overrides = OverridesLoader.Load(options.ContentDir, diagnostics);
        var taxonomy = TaxonomyLoader.Load(options.ContentDir, diagnostics);
        // The memos are files of tens of MB, read while the seeds are parsed.
        var topicMemo = remember ? Task.Run(() => TopicMemo.Load(options.OutputDir, taxonomy)) : null;
        var termMemo = remember ? Task.Run(() => TermMemo.Load(options.OutputDir)) : null;
        var (seeds, papers, posts) = ReadSeeds(options, config, overrides, diagnostics, timings, remember ? new SeedMemo(options.OutputDir) : null);

        // Only pure results are remembered, so saving before the build has succeeded is safe; the files
        // are written while related papers are found.
        var saving = new List<Task>();
        (papers, posts) = timings.Time("topics", () =>
        {
            var tagged = TopicCuration.Apply(papers, posts, taxonomy, overrides, diagnostics, topicMemo is null ? null : topicMemo.Result.Around);
            if (topicMemo is not null)
            {
                saving.Add(Task.Run(() => topicMemo.Result.Save(options.OutputDir)));
            }

            return tagged;
        });
        var terms = timings.Time("terms", () =>
        {
            var counted = termMemo is null ? CorpusTerms.Count(papers, posts) : CorpusTerms.Count(papers, posts, termMemo.Result.Table, termMemo.Result.Around);
            if (termMemo is not null)
            {
                saving.Add(Task.Run(() => termMemo.Result.Save(options.OutputDir)));
            }

            return counted;
        });
        counted?.Invoke(new Digest(config, options.BuildDate, seeds, papers, posts, taxonomy, diagnostics, terms));
        (papers, posts) = timings.Time("related", () => RelatedCuration.Apply(papers, posts, terms));
        Task.WhenAll(saving).GetAwaiter().GetResult();

        return new Digest(config, options.BuildDate, seeds, papers, posts, taxonomy, diagnostics, terms);
    }

    /// <summary>
    /// Ingest, catalog and curate. A method of its own so the seeds' records and the catalog (hundreds
    /// of MB at 100,000 papers) die when it returns, instead of living on in the caller's closures.
    /// </summary>
    private static (IReadOnlyList<SeedSummary> Seeds, IReadOnlyList<Paper> Papers, IReadOnlyList<Post> Posts) ReadSeeds(
        BuildOptions options, DigestConfig config, IReadOnlyDictionary<string, PaperOverride> overrides, DiagnosticBag diagnostics, StageTimings timings, SeedMemo? memo)
    {
        var seeds = timings.Time("ingest", () => IngestSeeds(options, config, diagnostics, memo));
        var catalog = timings.Time("catalog", () =>
        {
            var c = new PaperCatalog();
            c.Add(seeds);
            return c;
        });

        var (papers, posts) = timings.Time("curate", () =>
            (Curator.CuratePapers(catalog.Entries, overrides, OverridesLoader.FileName, diagnostics), Curator.CuratePosts(catalog.Posts)));
        var summaries = seeds.Select(s => new SeedSummary(s.File, s.Format, s.CaptureDate, s.LineCount, s.RecordCount)).ToList();
        return (summaries, papers, posts);
    }

    private static IReadOnlyList<SeedIngestResult> IngestSeeds(BuildOptions options, DigestConfig config, DiagnosticBag diagnostics, SeedMemo? memo)
    {
        // Every file of content/ that cannot be read as one (a dangling link, a pipe) is reported once, here.
        var files = Files.RegularFiles.Under(options.ContentDir, (file, why) => diagnostics.Warn(file, 0, why))
            .Where(f => f.StartsWith(SeedsFolder + "/", StringComparison.Ordinal))
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .ToList();

        var present = files.ToHashSet(StringComparer.Ordinal);
        var manifest = config.Seeds.ToDictionary(s => s.File, s => s.Captured, StringComparer.Ordinal);
        foreach (var missing in config.Seeds.Where(s => !present.Contains(s.File)))
        {
            diagnostics.Error(DigestConfigLoader.FileName, 0, $"seed '{missing.File}' is listed but the file does not exist");
        }

        SeedIngest ingest = (path, file, captured, problems) => SeedIngestor.Ingest(path, file, captured, problems, options.SeedFormats);
        if (memo is not null)
        {
            ingest = memo.Around(ingest);
        }

        var results = new SeedIngestResult[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var file = files[i];
            if (!manifest.TryGetValue(file, out var captured))
            {
                captured = options.BuildDate;
                diagnostics.Warn(file, 0, $"seed is not in the manifest of {DigestConfigLoader.FileName}; its capture date is taken as the build date {captured:yyyy-MM-dd}");
            }

            var path = Path.Combine(options.ContentDir, file);
            results[i] = ingest(path, file, captured, diagnostics);
        });
        memo?.Prune();

        return results;
    }
}
