using System.Collections.Concurrent;
using System.Security.Cryptography;
using DigestGen.Config;
using DigestGen.Curate;
using DigestGen.Curate.Terms;
using DigestGen.Curate.Topics;
using DigestGen.Diagnostics;
using DigestGen.Incremental;
using DigestGen.Publish;
using DigestGen.Render;
using DigestGen.Render.Feeds;
using DigestGen.Site;

namespace DigestGen.Pipeline;

/// <summary>
/// The whole build, as its list of stages (each timed): claim the output folder; stop if no input
/// changed; read the settings and the seeds; give papers topics and terms; find related papers; render
/// pages and feeds; publish; save the record. Any failure before the publish leaves <c>output/</c> as it was.
/// </summary>
public static class SiteBuilder
{
    public const string PagesFolder = "pages";

    public static BuildResult Build(BuildOptions options, StageTimings? timings = null)
    {
        timings ??= new StageTimings();
        var themesDir = options.ThemesFolder;

        // 1. The output folder: safe to write and ours alone, one build at a time, a killed build's publish finished.
        OutputFolder.Check(options.OutputDir, [options.ContentDir, themesDir]);
        using var held = BuildLock.Acquire(options.OutputDir, options.WaitForLock, options.Waiting);
        PublishJournal.Recover(options.OutputDir);
        CacheFolder.RemoveRetired(options.OutputDir);

        // 2. The inputs: when none changed and output/ is as the last build left it, there is nothing to do.
        var record = Task.Run(() => BuildRecord.Load(options.OutputDir));
        var content = Task.Run(() => InputFingerprint.OfFolder(options.ContentDir));
        var config = DigestGen.Config.DigestConfigLoader.Load(options.ContentDir);
        var chain = ThemeChain.Resolve(themesDir, config.Theme);
        var (fingerprint, themeFingerprint) = timings.Time("fingerprint", () =>
        {
            var theme = string.Join(" ", chain.Folders.Select(InputFingerprint.OfFolder));
            return (InputFingerprint.Compute(options.BuildDate, options.BaseUrl, content.GetAwaiter().GetResult(), theme, Extensions(options)), theme);
        });
        var previous = timings.Time("record", () => record.GetAwaiter().GetResult());
        OutputListing? verified = null;
        if (previous is not null && previous.Fingerprint == fingerprint)
        {
            verified = timings.Time("verify", () => OutputListing.Read(options.OutputDir, previous.Published));
            if (previous.DescribesOutput(verified))
            {
                return new BuildResult(previous.Summary, new PublishReport(0, previous.Files.Count, 0, [], previous.Files, previous.Folders), timings, previous.Pages, previous.Feeds);
            }
        }

        // Where work overlaps on two cores, all of it here: listing output/ (a stat per file), compiling the
        // templates and reading the memos run beside reading the seeds; the search index (which needs topics
        // and terms, not related papers), the memos' saving and papers.json are written beside related papers
        // and pages. The "search" stage is the wait for what is left of them.
        var listing = verified is not null ? Task.FromResult(verified) : Task.Run(() => OutputListing.Read(options.OutputDir, previous?.Published));
        var compiling = Task.Run(() => Theme.Load(chain, config.Language, options.CompileTemplates));
        using var output = StagedOutput.Begin(options.OutputDir, previous?.Published, listing);
        using var background = new BackgroundWork();

        // 3–5. The digest: settings and seeds, topics and terms, related papers (see LoadDigest).
        var digest = LoadDigest(options, timings, output, background, compiling);
        background.Run(() =>
        {
            if (digest.Papers.Count <= PapersJson.SingleFileLimit)
            {
                output.Write(PapersJson.Path, stream => PapersJson.Write(stream, digest));
            }

            PapersJson.WriteShards(output, digest);
        });
        background.Run(() => PaperBriefs.Write(output, digest));

        // 6. Pages, the sitemap and the feeds.
        var theme = timings.Time("theme", () => compiling.GetAwaiter().GetResult());
        var routes = timings.Time("pages", () => WritePages(digest, theme, themeFingerprint, options.PageFamilies, output, options.ContentDir));
        if (digest.Config.BaseUrl.Length > 0)
        {
            background.Run(() =>
            {
                foreach (var (route, xml) in SitemapXml.Build(digest.Config.BaseUrl, routes))
                {
                    output.Write(route, xml);
                }
            });
        }

        var feeds = timings.Time("feeds", () =>
        {
            output.Write(Routes.Robots, SitemapXml.Robots(digest.Config.BaseUrl));
            return WriteFeeds(digest, theme.Words, output);
        });
        timings.Time("search", () =>
        {
            background.Wait();
            return 0;
        });

        // 7. Publish, then the record the next build starts from.
        var report = timings.Time("publish", output.Commit);
        var summary = BuildSummary.Of(digest);
        timings.Time("save", () =>
        {
            new BuildRecord(fingerprint, summary, routes.Count, feeds, report.Files, report.Folders).Save(options.OutputDir);
            return 0;
        });
        return new BuildResult(summary, report, timings, routes.Count, feeds);
    }

    /// <summary>
    /// Stages 3 to 5. A method of its own so that what only they need (the seeds' records, the papers before
    /// related lists) is garbage when it returns.
    /// </summary>
    private static Digest LoadDigest(BuildOptions options, StageTimings timings, StagedOutput output, BackgroundWork background, Task<Theme> theme)
    {
        // 3. Settings, then the seeds: read, merged into papers, curated.
        var diagnostics = new DiagnosticBag();
        var settings = DigestLoader.ReadSettings(options, diagnostics);
        var topicMemo = Task.Run(() => TopicMemo.Load(options.OutputDir, settings.Taxonomy));
        var termMemo = Task.Run(() => TermMemo.Load(options.OutputDir));
        var (seeds, papers, posts) = DigestLoader.ReadSeeds(options, settings, diagnostics, timings);

        // 4. Topics and index terms, each remembered per paper. Memos hold only pure results, so saving
        //    them before the build has succeeded is safe.
        (papers, posts) = timings.Time("topics", () =>
            TopicCuration.Apply(papers, posts, settings.Taxonomy, settings.Overrides, diagnostics, topicMemo.Result.Around));
        background.Run(Saving(topicMemo, options.OutputDir));
        var terms = timings.Time("terms", () => CorpusTerms.Count(papers, posts, termMemo.Result.Table, termMemo.Result.Around));
        background.Run(Saving(termMemo, options.OutputDir));
        // The site's pages, feeds and search index name the "other" topic in the site's language (the theme, compiled meanwhile, has its words).
        var words = theme.GetAwaiter().GetResult().Words;
        var taxonomy = settings.Taxonomy.WithOther(words.Text("topics.other"), words.Text("topics.other_description"));
        var counted = new Digest(settings.Config, options.BuildDate, seeds, papers, posts, taxonomy, diagnostics, terms);
        background.Run(SearchIndex(counted, output));

        // 5. Related papers.
        return timings.Time("related", () => DigestLoader.Relate(counted));
    }

    // The background work below is made by helpers, so that it holds only what it needs: a lambda written
    // in LoadDigest would keep all of that method's captured locals (100,000 papers) alive while it waits.
    private static Action Saving(Task<TopicMemo> memo, string outputDir) => () => memo.Result.Save(outputDir);

    private static Action Saving(Task<TermMemo> memo, string outputDir) => () => memo.Result.Save(outputDir);

    /// <summary>Writing the search index, which needs papers' topics and terms but not their related lists.</summary>
    private static Action SearchIndex(Digest counted, StagedOutput output) =>
        () => Search.SearchIndexWriter.Write(counted, (path, bytes) => output.Write(path, bytes));

    private static IEnumerable<string> Extensions(BuildOptions options) =>
        options.SeedFormats.Select(f => "format " + f.GetType().FullName).Concat(options.PageFamilies.Select(f => "pages " + f.GetType().FullName));

    /// <summary>
    /// Every page, rendered in parallel, except those whose inputs hash says the published file is already
    /// what rendering would give. A method of its own so the planner and the theme's card cache
    /// (a few hundred MB at 100,000 papers) are garbage before feeds and search are built.
    /// </summary>
    private static IReadOnlyCollection<string> WritePages(Digest digest, Theme theme, string themeFingerprint, IReadOnlyList<IPageFamily> families, StagedOutput output, string contentDir)
    {
        var assetVersion = CopyAssets(theme, output);
        var planner = new SitePlanner(digest, theme.Words, new PageInputs(digest, themeFingerprint), families);
        var renderer = new PageRenderer(theme, planner.Site, assetVersion);
        var routes = new ConcurrentBag<string>();
        try
        {
            Parallel.ForEach(
                planner.PagePlans(ContentPages(contentDir)),
                () => new PageBuffer(),
                (plan, _, buffer) =>
                {
                    if (!output.TryKeep(plan.File, plan.Inputs))
                    {
                        var page = plan.Page();
                        if (page.Route != plan.Route)
                        {
                            throw new InvalidOperationException($"page planned at '{plan.Route}' was made at '{page.Route}'");
                        }

                        output.Write(page.File, renderer.Render(page, buffer), plan.Inputs);
                    }

                    routes.Add(plan.Route);
                    return buffer;
                },
                _ => { });
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.OfType<ConfigException>().Any())
        {
            // A template error fails on every rendering thread at once: report one, the same one every run.
            throw e.Flatten().InnerExceptions.OfType<ConfigException>().OrderBy(c => c.Message, StringComparer.Ordinal).First();
        }

        output.Write(Routes.NotFound, renderer.Render(planner.NotFound()));
        return routes;
    }

    /// <summary>RSS, Atom and JSON Feed for the site, every topic, week and month, and the OPML list (site and topics); only with a base URL, as feeds need absolute links.</summary>
    private static int WriteFeeds(Digest digest, Words words, StagedOutput output)
    {
        var config = digest.Config;
        if (config.BaseUrl.Length == 0)
        {
            return 0;
        }

        var author = config.Author.Length > 0 ? config.Author : config.Title;
        var planner = new FeedPlanner(digest, words);
        var site = planner.SiteFeed();
        var topics = planner.TopicFeeds().ToList();
        var periods = planner.PeriodFeeds();
        Parallel.ForEach(topics.Prepend(site).Concat(periods), feed =>
        {
            output.Write(feed.RssRoute, s => RssFeedWriter.Write(s, feed, config.BaseUrl, config.Language));
            output.Write(feed.AtomRoute, s => AtomFeedWriter.Write(s, feed, config.BaseUrl, config.Language, author));
            output.Write(feed.JsonRoute, s => JsonFeedWriter.Write(s, feed, config.BaseUrl, config.Language, author));
        });
        output.Write(Routes.FeedsOpml, s => OpmlWriter.Write(s, words.Format("feeds.opml_title", ("site", config.Title)), words.Text("feeds.opml_topics"), site, topics, config.BaseUrl));
        return (topics.Count + 1 + periods.Count) * 3;
    }

    /// <summary>Markdown pages from content/pages/, each served at /&lt;file name&gt;/.</summary>
    private static IReadOnlyList<(string Slug, string Markdown)> ContentPages(string contentDir)
    {
        var dir = Path.Combine(contentDir, PagesFolder);
        return Files.RegularFiles.Under(dir, pattern: "*.md", recurse: false)
            .Select(f => (Catalog.Slug.From(Path.GetFileNameWithoutExtension(f)), File.ReadAllText(Path.Combine(dir, f)))).ToList();
    }

    /// <summary>
    /// Copies the theme's assets (to <see cref="Routes.Asset"/>) and writes <c>assets/words.json</c>, the strings
    /// file's <c>script</c> section in the site's language, for the theme's scripts; returns a short hash of them
    /// all, used to bust caches when they change.
    /// </summary>
    private static string CopyAssets(Theme theme, StagedOutput output)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (file, path) in theme.Assets)
        {
            var bytes = File.ReadAllBytes(path);
            hash.AppendData(bytes);
            output.Write(Routes.Asset(file), bytes);
        }

        // A theme that ships its own words.json keeps it.
        if (!theme.Assets.ContainsKey(ScriptWordsFile))
        {
            var words = ScriptWords(theme.Words);
            hash.AppendData(words);
            output.Write(Routes.Asset(ScriptWordsFile), words);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..10];
    }

    private const string ScriptWordsFile = "words.json";

    /// <summary><c>{"dark_mode": "Dark mode", …}</c>: every <c>script.*</c> string, keys in order.</summary>
    private static byte[] ScriptWords(Words words)
    {
        const string prefix = "script.";
        var section = new SortedDictionary<string, string>(
            words.Values.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value),
            StringComparer.Ordinal);
        return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(section, ScriptWordsJson);
    }

    private static readonly System.Text.Json.JsonSerializerOptions ScriptWordsJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
