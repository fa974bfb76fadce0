using System.Collections.Concurrent;
using System.Security.Cryptography;
using DigestGen.Curate;
using DigestGen.Incremental;
using DigestGen.Publish;
using DigestGen.Render;
using DigestGen.Render.Feeds;
using DigestGen.Site;

namespace DigestGen.Pipeline;

/// <summary>
/// The whole build: load the digest, plan every page, render them in parallel into a staging
/// folder, and publish (only changed files move into <c>output/</c>). Any failure before the publish
/// leaves <c>output/</c> as it was.
/// </summary>
public static class SiteBuilder
{
    public const string PagesFolder = "pages";

    public static BuildResult Build(BuildOptions options, StageTimings? timings = null)
    {
        timings ??= new StageTimings();
        var themesDir = options.ThemesDir ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.ContentDir))!, "themes");

        // Nothing is read or written before the output folder is known to be safe to write, and ours alone.
        OutputFolder.Check(options.OutputDir, [options.ContentDir, themesDir]);
        using var held = BuildLock.Acquire(options.OutputDir, options.WaitForLock, options.Waiting);
        PublishJournal.Recover(options.OutputDir);

        var record = Task.Run(() => BuildRecord.Load(options.OutputDir));

        // Hashing content/ (every seed) needs nothing from the configuration, whose first read is slow (the
        // YAML parser's code is compiled on first use): the two overlap.
        var content = Task.Run(() => InputFingerprint.OfFolder(options.ContentDir));
        var themeName = DigestGen.Config.DigestConfigLoader.Load(options.ContentDir).Theme;
        var themeDir = Theme.DirectoryFor(themesDir, themeName);
        var (fingerprint, themeFingerprint) = timings.Time("fingerprint", () =>
        {
            var theme = InputFingerprint.OfFolder(themeDir);
            return (InputFingerprint.Compute(options.BuildDate, options.BaseUrl, content.GetAwaiter().GetResult(), theme), theme);
        });
        var previous = timings.Time("record", () => record.GetAwaiter().GetResult());

        Task<OutputListing> listing;
        if (previous is not null && previous.Fingerprint == fingerprint)
        {
            var present = timings.Time("verify", () => OutputListing.Read(options.OutputDir, previous.Published));
            if (previous.DescribesOutput(present))
            {
                // Same inputs, same generator, and output/ exactly as the last build left it: nothing to do.
                return new BuildResult(previous.Summary, new PublishReport(0, previous.Files.Count, 0, [], previous.Files, previous.Folders), timings, previous.Pages, previous.Feeds);
            }

            listing = Task.FromResult(present);
        }
        else
        {
            // Listing output/ (a stat per file and folder: half a second of CPU at 100,000 pages) is only needed
            // when pages are published, so it runs beside loading the digest, which is computation.
            listing = Task.Run(() => OutputListing.Read(options.OutputDir, previous?.Published));
        }

        // Compiling the templates needs nothing from the digest.
        var compiling = Task.Run(() => Theme.Load(themesDir, themeName));

        // Output is opened (a staging folder beside it) before the digest is loaded, so the search index, which
        // needs papers with their topics and terms but not related papers, is written while those are found
        // (which leaves part of a core idle) instead of being held in memory until then.
        using var output = StagedOutput.Begin(options.OutputDir, previous?.Published, listing);
        Task? searchIndex = null;
        Digest digest;
        try
        {
            digest = DigestLoader.Load(options, timings, remember: true, counted: counted =>
                searchIndex = Task.Run(() => Search.SearchIndexWriter.Write(counted, (path, bytes) => output.Write(path, bytes))));
        }
        catch when (searchIndex is not null)
        {
            // Nothing may still be writing into staging when it is removed.
            Task.WaitAny(searchIndex);
            throw;
        }
        var theme = timings.Time("theme", () => compiling.GetAwaiter().GetResult());

        // The search index, papers.json and the sitemap need only the digest (and the routes), and each is
        // one thread's work: they are written while pages are rendered and feeds planned (a rebuild that keeps
        // most pages leaves a core idle there). The "search" stage is what remains of them.
        var background = new List<Task>
        {
            searchIndex!,
            Task.Run(() => output.Write(PapersJson.Path, stream => PapersJson.Write(stream, digest))),
        };
        IReadOnlyCollection<string> routes;
        var feeds = 0;
        try
        {
            routes = timings.Time("pages", () => WritePages(digest, theme, themeFingerprint, output, options.ContentDir));
            if (digest.Config.BaseUrl.Length > 0)
            {
                background.Add(Task.Run(() => output.Write(Routes.Sitemap, SitemapXml.Build(digest.Config.BaseUrl, routes))));
            }

            timings.Time("feeds", () =>
            {
                output.Write(Routes.Robots, SitemapXml.Robots(digest.Config.BaseUrl));
                feeds = WriteFeeds(digest, output);
                return 0;
            });
        }
        catch
        {
            // Nothing may still be writing into staging when it is removed (WaitAny does not rethrow their failures).
            Task.WaitAny(Task.WhenAll(background));
            throw;
        }

        timings.Time("search", () =>
        {
            Task.WhenAll(background).GetAwaiter().GetResult();
            return 0;
        });

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
    /// Every page, rendered in parallel, except those whose inputs hash says the published file is already
    /// what rendering would give. A method of its own so the planner and the theme's card cache
    /// (a few hundred MB at 100,000 papers) are garbage before feeds and search are built.
    /// </summary>
    private static IReadOnlyCollection<string> WritePages(Digest digest, Theme theme, string themeFingerprint, StagedOutput output, string contentDir)
    {
        var assetVersion = CopyAssets(theme, output);
        var planner = new SitePlanner(digest, new PageInputs(digest, themeFingerprint));
        var renderer = new PageRenderer(theme, planner.Site, assetVersion);
        var routes = new ConcurrentBag<string>();
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

        output.Write(Routes.NotFound, renderer.Render(planner.NotFound()));
        return routes;
    }

    /// <summary>RSS, Atom and JSON Feed for the site and every topic, and the OPML list; only with a base URL, as feeds need absolute links.</summary>
    private static int WriteFeeds(Digest digest, StagedOutput output)
    {
        var config = digest.Config;
        if (config.BaseUrl.Length == 0)
        {
            return 0;
        }

        var author = config.Author.Length > 0 ? config.Author : config.Title;
        var planner = new FeedPlanner(digest);
        var site = planner.SiteFeed();
        var topics = planner.TopicFeeds().ToList();
        Parallel.ForEach(topics.Prepend(site), feed =>
        {
            output.Write(feed.RssRoute, s => RssFeedWriter.Write(s, feed, config.BaseUrl, config.Language));
            output.Write(feed.AtomRoute, s => AtomFeedWriter.Write(s, feed, config.BaseUrl, config.Language, author));
            output.Write(feed.JsonRoute, s => JsonFeedWriter.Write(s, feed, config.BaseUrl, config.Language, author));
        });
        output.Write(Routes.FeedsOpml, s => OpmlWriter.Write(s, config.Title, site, topics, config.BaseUrl));
        return (topics.Count + 1) * 3;
    }

    /// <summary>Markdown pages from content/pages/, each served at /&lt;file name&gt;/.</summary>
    private static IReadOnlyList<(string Slug, string Markdown)> ContentPages(string contentDir)
    {
        var dir = Path.Combine(contentDir, PagesFolder);
        return Files.RegularFiles.Under(dir, pattern: "*.md", recurse: false)
            .Select(f => (Catalog.Slug.From(Path.GetFileNameWithoutExtension(f)), File.ReadAllText(Path.Combine(dir, f)))).ToList();
    }

    /// <summary>Copies the theme's assets and returns a short hash of them, used to bust caches when they change.</summary>
    private static string CopyAssets(Theme theme, StagedOutput output)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(theme.AssetsDirectory))
        {
            foreach (var file in Files.RegularFiles.Under(theme.AssetsDirectory))
            {
                var bytes = File.ReadAllBytes(Path.Combine(theme.AssetsDirectory, file));
                hash.AppendData(bytes);
                output.Write("assets/" + file, bytes);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..10];
    }
}
