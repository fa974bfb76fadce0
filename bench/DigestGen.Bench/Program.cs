using System.Diagnostics;
using DigestGen.Bench;
using DigestGen.Curate;
using DigestGen.Pipeline;

// bench generate N DIR        write a synthetic content folder of N papers
// bench add DIR K             add the K-th extra seed of 500 papers
// bench build DIR OUT         one build, printing wall time per stage, peak memory and files written, then the host probe
// bench probe DIR             the host probe alone: a fixed CPU workload on 1 and all cores, and the disk floor under DIR
// bench micro [--filter X]   BenchmarkDotNet over the hot inner parts (parsers, tokenizer, topics, related papers, one page)
// bench suite ROOT N…         the whole build benchmark (median of three runs per scenario), as a Markdown table
// bench profile DIR           models, renders and related papers timed alone (BENCH_RELATED_ONLY=1: related only, with a hash of the lists)
// bench domdiff A B           compare every HTML page of two built sites as documents (exit 1 when any differs)
// bench curation [--topics F] topics and related papers against the hand-labelled set (tests/fixtures/curation)
if (args.Length >= 3 && args[0] == "generate")
{
    SyntheticCorpus.Write(args[2], int.Parse(args[1]));
    return 0;
}

if (args.Length >= 3 && args[0] == "add")
{
    SyntheticCorpus.AddSeed(args[1], int.Parse(args[2]));
    return 0;
}

if (args.Length >= 1 && args[0] == "micro")
{
    // bench micro [--filter *Tokenize*]: BenchmarkDotNet over the hot inner parts
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromTypes([typeof(HotPaths)]).Run(args.Length > 1 ? args[1..] : ["--filter", "*"]);
    return 0;
}

if (args.Length >= 3 && args[0] == "domdiff")
{
    return DomComparison.Run(args[1], args[2], Console.Out);
}

if (args.Length >= 1 && args[0] == "curation")
{
    return CurationMeasurement.Run(FindRoot(), args.Length >= 3 && args[1] == "--topics" ? args[2] : null, Console.Out);
}

if (args.Length >= 3 && args[0] == "suite")
{
    // bench suite ROOT N [N …]: generate, then full / no-op / one-seed builds, three runs each; a Markdown table of medians
    Directory.CreateDirectory(args[1]);
    using var log = File.CreateText(Path.Combine(args[1], "suite.log"));
    BuildSuite.Execute(Environment.ProcessPath!, args[1], args.Skip(2).Select(int.Parse).ToList(), log);
    return 0;
}

if (args.Length >= 3 && args[0] == "build")
{
    var timings = new StageTimings();
    if (Environment.GetEnvironmentVariable("BENCH_HEAP") == "1")
    {
        // Diagnosis only (it slows the build): what each stage leaves live on the heap.
        timings.StageFinished = (stage, _) => Console.WriteLine($"heap after {stage}: {GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024)} MB live, peak so far {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
    }

    using var gcLog = Environment.GetEnvironmentVariable("BENCH_GC") == "1" ? new GcLog() : null;
    if (gcLog is not null)
    {
        var allocated = 0L;
        var paused = TimeSpan.Zero;
        timings.StageStarted = _ => (allocated, paused) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
        timings.StageFinished = (stage, _) =>
        {
            gcLog.Stage = "after " + stage;
            gcLog.Note($"{stage}: allocated {(GC.GetTotalAllocatedBytes() - allocated) / (1024 * 1024)} MB, paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms");
        };
    }

    var watch = Stopwatch.StartNew();
    // BENCH_INTERPRET=1: every template rendered by Scriban's interpreter, not compiled.
    var result = SiteBuilder.Build(
        new BuildOptions(args[1], args[2], new DateOnly(2030, 1, 1)) { ThemesDir = Path.Combine(FindRoot(), "themes"), CompileTemplates = Environment.GetEnvironmentVariable("BENCH_INTERPRET") != "1" },
        timings);
    watch.Stop();
    var p = result.Publish;
    Console.WriteLine($"papers={result.Summary.Papers} pages={result.Pages} wall_ms={watch.ElapsedMilliseconds} peak_mb={Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} " +
                      $"written={p.Written} unchanged={p.Unchanged} removed={p.Removed} not_rendered={p.NotRendered}");
    Console.WriteLine("stages: " + string.Join(", ", result.Timings.Stages.Select(s => $"{s.Stage}={s.Elapsed.TotalMilliseconds:0}")));
    Console.WriteLine("cpu: " + string.Join(", ", result.Timings.Stages.Select(s => $"{s.Stage}={s.Cpu.TotalMilliseconds:0}")));
    Console.WriteLine($"gc: gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)} pause_ms={GC.GetTotalPauseDuration().TotalMilliseconds:0} allocated_mb={GC.GetTotalAllocatedBytes() / (1024 * 1024)}");
    foreach (var line in gcLog?.Lines ?? [])
    {
        Console.WriteLine(line);
    }

    // After the timed build and its peak memory: the machine of the day, so the figures above can be scaled.
    if (Environment.GetEnvironmentVariable("BENCH_PROBE") != "0")
    {
        Console.WriteLine(HostProbe.Measure(args[2]));
    }

    return 0;
}

if (args.Length >= 2 && args[0] == "probe")
{
    // bench probe DIR: the host probe alone (DIR: where the disk floor is measured, on the output's file system)
    Console.WriteLine(HostProbe.Measure(args[1]));
    return 0;
}

if (args.Length >= 2 && args[0] == "search")
{
    // bench search SITE [COLD_QUERY FOLLOW_UP_QUERY]
    var cold = args.Length > 2 ? args[2] : "kv cache eviction";
    var follow = args.Length > 3 ? args[3] : "speech synthesis";
    var files = Directory.EnumerateFiles(Path.Combine(args[1], "search"), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("index.html")).ToList();
    Console.WriteLine($"index: {files.Count} files, {files.Sum(f => new FileInfo(f).Length) / 1024} KB" +
                      (SearchMeasurement.Network is { } net ? $"; network: {net.RttMs} ms round trip, {net.Mbit} Mbit/s (Chromium emulation)" : "; network: loopback"));
    Console.WriteLine(HostProbe.Measure(args[1]));
    foreach (var r in await SearchMeasurement.RunAsync(args[1], cold, follow))
    {
        Console.WriteLine($"{r.Engine}: cold '{r.Query}' {r.ColdBytes / 1024.0:0.0} KB gz in {r.ColdRequests} requests, {r.ColdMs:0} ms; " +
                          $"follow-up {r.FollowUpBytes / 1024.0:0.0} KB gz in {r.FollowUpRequests} requests, {r.FollowUpMs:0} ms");
        if (r.Engine == "DigestGen")
        {
            Console.WriteLine($"  settled (snippets read from result pages): cold {r.ColdSettledMs:0} ms, {r.ColdPageBytes / 1024.0:0.0} KB of pages; " +
                              $"follow-up {r.FollowUpSettledMs:0} ms, {r.FollowUpPageBytes / 1024.0:0.0} KB of pages");
        }
    }

    return 0;
}

if (args.Length >= 2 && args[0] == "render")
{
    // bench render CONTENT [ROUNDS]: the theme alone, every page rendered into a reused buffer on one thread, ROUNDS times (3 if not given).
    // BENCH_INTERPRET=1 renders every template through Scriban's interpreter, not compiled; the hash of all pages tells whether the two agree.
    var options = new BuildOptions(args[1], "/tmp/unused", new DateOnly(2030, 1, 1));
    var digest = DigestLoader.Load(options, new StageTimings());
    var theme = DigestGen.Render.Theme.Load(
        DigestGen.Render.ThemeChain.Resolve(Path.Combine(FindRoot(), "themes"), "default"), "en", compileTemplates: Environment.GetEnvironmentVariable("BENCH_INTERPRET") != "1");
    var planner = new DigestGen.Site.SitePlanner(digest, theme.Words);
    var pages = planner.Pages([]).ToList();
    var renderer = new DigestGen.Render.PageRenderer(theme, planner.Site, "x");
    var buffer = new DigestGen.Render.PageBuffer();
    var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
    for (var round = 0; round < rounds; round++)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        long bytes = 0;
        var hash = new System.IO.Hashing.XxHash128();
        foreach (var page in pages)
        {
            var html = renderer.Render(page, buffer);
            bytes += html.Length;
            hash.Append(html);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine($"round {round + 1}: {pages.Count} pages in {elapsed.TotalMilliseconds:0} ms ({elapsed.TotalMicroseconds / pages.Count:0.0} µs a page), {(GC.GetAllocatedBytesForCurrentThread() - allocated) / pages.Count / 1024.0:0.0} KB allocated a page, {bytes / 1024 / 1024} MB of UTF-8, hash {Convert.ToHexStringLower(hash.GetCurrentHash())[..12]}");
    }

    Console.WriteLine(theme.Interpreted.Count == 0 ? "every template compiled" : "interpreted: " + string.Join("; ", theme.Interpreted.Select(t => t.Value)));
    Console.WriteLine(HostProbe.Measure(Path.GetTempPath()));
    return 0;
}

if (args.Length >= 2 && args[0] == "profile")
{
    // Where render time goes: planning the pages, rendering them with the theme, encoding.
    var options = new BuildOptions(args[1], "/tmp/unused", new DateOnly(2030, 1, 1));
    var digest = DigestLoader.Load(options, new StageTimings());
    var theme = DigestGen.Render.Theme.Load(Path.Combine(FindRoot(), "themes"), "default");
    var w = Stopwatch.StartNew();
    for (var i = 0; i < 3; i++)
    {
        w.Restart();
        DigestGen.Curate.Topics.TopicCuration.Apply(digest.Papers, digest.Posts, digest.Taxonomy, new Dictionary<string, DigestGen.Curate.PaperOverride>(), new DigestGen.Diagnostics.DiagnosticBag());
        Console.WriteLine($"topics again: {w.ElapsedMilliseconds} ms");
    }

    for (var i = 0; i < 3; i++)
    {
        w.Restart();
        var (related, _) = DigestGen.Curate.Related.RelatedCuration.Apply(digest.Papers, digest.Posts, digest.Terms);
        Console.WriteLine($"related again: {w.ElapsedMilliseconds} ms, lists {ListsHash(related)}");
    }

    // BENCH_RELATED_ONLY=1: stop here, for timing a change to related papers (the hash shows the lists are the same).
    if (Environment.GetEnvironmentVariable("BENCH_RELATED_ONLY") == "1")
    {
        return 0;
    }

    var planner = new DigestGen.Site.SitePlanner(digest, theme.Words);
    w.Restart();
    var pages = planner.Pages([]).ToList();
    Console.WriteLine($"plan {pages.Count} pages: {w.ElapsedMilliseconds} ms");
    var renderer = new DigestGen.Render.PageRenderer(theme, planner.Site, "x");
    w.Restart();
    var html = pages.Select(renderer.Render).ToList();
    Console.WriteLine($"render (1 thread): {w.ElapsedMilliseconds} ms, {html.Sum(h => (long)h.Length) / 1024 / 1024} MB");
    w.Restart();
    html = pages.Select(renderer.Render).ToList();
    Console.WriteLine($"render again (1 thread, warm): {w.ElapsedMilliseconds} ms");
    // Per page kind, one thread: making the page's model from its plan, and rendering it into a reused buffer, as a build does.
    var planMs = new Dictionary<string, double>();
    var planBytes = new Dictionary<string, long>();
    foreach (var plan in new DigestGen.Site.SitePlanner(digest, theme.Words).PagePlans([]))
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        var template = plan.Page().Template;
        planMs[template] = planMs.GetValueOrDefault(template) + Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        planBytes[template] = planBytes.GetValueOrDefault(template) + GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
    }

    var buffer = new DigestGen.Render.PageBuffer();
    foreach (var kind in pages.GroupBy(p => p.Template))
    {
        w.Restart();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var kindBytes = kind.Sum(p => (long)renderer.Render(p, buffer).Length);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine($"  {kind.Key}: {kind.Count()} pages, model {planMs.GetValueOrDefault(kind.Key):0} ms and {planBytes.GetValueOrDefault(kind.Key) / kind.Count() / 1024.0:0.0} KB a page, render {w.ElapsedMilliseconds} ms and {allocated / kind.Count() / 1024.0:0.0} KB a page (1 thread, warm), {kindBytes / 1024 / 1024} MB of UTF-8");
    }

    w.Restart();
    var html2 = new string[pages.Count];
    Parallel.For(0, pages.Count, i => html2[i] = renderer.Render(pages[i]));
    Console.WriteLine($"render again (parallel): {w.ElapsedMilliseconds} ms");
    w.Restart();
    pages = planner.Pages([]).ToList();
    Console.WriteLine($"plan again: {w.ElapsedMilliseconds} ms");
    w.Restart();
    var bytes = html.Sum(h => (long)System.Text.Encoding.UTF8.GetByteCount(h));
    Console.WriteLine($"encode: {w.ElapsedMilliseconds} ms");
    return 0;
}

Console.Error.WriteLine("usage: bench generate N DIR | add DIR K | build DIR OUT | suite ROOT N... | render DIR [ROUNDS] | profile DIR | search SITE [QUERY...] | probe DIR | domdiff A B | curation | micro (bench/README.md)");
return 2;

static string FindRoot() => Repository.Root;

// Every paper's related list, in the digest's order, as one short hash.
static string ListsHash(IEnumerable<Paper> papers) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
    System.Text.Encoding.UTF8.GetBytes(string.Join("\n", papers.Select(p => string.Join(",", p.Related))))))[..12];
