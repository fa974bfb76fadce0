using DigestGen.Catalog;
using DigestGen.Config;
using DigestGen.Curate;
using DigestGen.Curate.Related;
using DigestGen.Curate.Terms;
using DigestGen.Curate.Topics;
using DigestGen.Diagnostics;
using DigestGen.Ingest;

namespace DigestGen.Pipeline;

/// <summary>What a build reads before the seeds: <c>digest.yml</c> (with <c>--base-url</c>), <c>overrides.yml</c>, <c>topics.yml</c>.</summary>
public sealed record ContentSettings(DigestConfig Config, IReadOnlyDictionary<string, PaperOverride> Overrides, Taxonomy Taxonomy);

/// <summary>
/// The stages that turn <c>content/</c> into a <see cref="Digest"/>, each a function of what the ones before
/// gave: settings; seeds read, merged and curated; topics; terms; related papers. <see cref="SiteBuilder"/>
/// runs them with caches around them; <see cref="Load"/> runs them plainly, for <c>check</c> and <c>add</c>.
/// </summary>
public static class DigestLoader
{
    public const string SeedsFolder = "seeds";

    /// <summary>The whole digest, no cache involved.</summary>
    public static Digest Load(BuildOptions options, StageTimings timings)
    {
        var diagnostics = new DiagnosticBag();
        var settings = ReadSettings(options, diagnostics);
        var (seeds, papers, posts) = ReadSeeds(options, settings, diagnostics, timings);
        (papers, posts) = timings.Time("topics", () => TopicCuration.Apply(papers, posts, settings.Taxonomy, settings.Overrides, diagnostics));
        var terms = timings.Time("terms", () => CorpusTerms.Count(papers, posts));
        var counted = new Digest(settings.Config, options.BuildDate, seeds, papers, posts, settings.Taxonomy, diagnostics, terms);
        return timings.Time("related", () => Relate(counted));
    }

    public static ContentSettings ReadSettings(BuildOptions options, DiagnosticBag diagnostics)
    {
        var config = DigestConfigLoader.Load(options.ContentDir);
        if (options.BaseUrl is { } baseUrl)
        {
            config = config with { BaseUrl = DigestConfigLoader.NormaliseBaseUrl(baseUrl, "--base-url", 0) };
        }

        if (config.BaseUrl.Length == 0)
        {
            diagnostics.Warn(ContentFiles.Config, 0, "no base_url is configured: no feeds or sitemap are written, and pages have no canonical or Open Graph URLs");
        }

        return new ContentSettings(config, OverridesLoader.Load(options.ContentDir, diagnostics), TaxonomyLoader.Load(options.ContentDir, diagnostics));
    }

    /// <summary>Reading one seed with the formats the options name.</summary>
    /// <summary>The digest with every paper's and post's related papers (until now their lists are empty).</summary>
    public static Digest Relate(Digest counted)
    {
        var (papers, posts) = RelatedCuration.Apply(counted.Papers, counted.Posts, counted.Terms);
        return counted with { Papers = papers, Posts = posts };
    }

    /// <summary>
    /// Ingest, catalog and curate. A method of its own so the seeds' records and the catalog (hundreds
    /// of MB at 100,000 papers) die when it returns, instead of living on in the caller's closures.
    /// </summary>
    public static (IReadOnlyList<SeedSummary> Seeds, IReadOnlyList<Paper> Papers, IReadOnlyList<Post> Posts) ReadSeeds(
        BuildOptions options, ContentSettings settings, DiagnosticBag diagnostics, StageTimings timings)
    {
        var seeds = timings.Time("ingest", () => IngestSeeds(options, settings.Config, diagnostics));
        var catalog = timings.Time("catalog", () =>
        {
            var c = new PaperCatalog();
            c.Add(seeds);
            return c;
        });

        var (papers, posts) = timings.Time("curate", () =>
            (Curator.CuratePapers(catalog.Entries, settings.Overrides, OverridesLoader.FileName, diagnostics), Curator.CuratePosts(catalog.Posts)));
        var summaries = seeds.Select(s => new SeedSummary(s.File, s.Format, s.CaptureDate, s.LineCount, s.RecordCount)).ToList();
        return (summaries, papers, posts);
    }

    private static IReadOnlyList<SeedIngestResult> IngestSeeds(BuildOptions options, DigestConfig config, DiagnosticBag diagnostics)
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
            results[i] = SeedIngestor.Ingest(path, file, captured, diagnostics, options.SeedFormats);
        });

        return results;
    }
}
