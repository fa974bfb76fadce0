using System.Diagnostics;
using DigestGen.Bench;
using DigestGen.Pipeline;

// bench generate N DIR        write a synthetic content folder of N papers
// bench add DIR K             add the K-th extra seed of 500 papers
// bench build DIR OUT         one full build, printing wall time per stage, peak memory and files written
if (args.Length >= 3 && args[0] == "generate")
{
    var topics = File.ReadAllText(Path.Combine(FindRoot(), "content", "topics.yml"));
    SyntheticCorpus.Write(args[2], int.Parse(args[1]), topics);
    return 0;
}

if (args.Length >= 3 && args[0] == "add")
{
    SyntheticCorpus.AddSeed(args[1], int.Parse(args[2]));
    return 0;
}

if (args.Length >= 3 && args[0] == "build")
{
    var watch = Stopwatch.StartNew();
    var result = SiteBuilder.Build(new BuildOptions(args[1], args[2], new DateOnly(2030, 1, 1)) { ThemesDir = Path.Combine(FindRoot(), "themes") });
    watch.Stop();
    var p = result.Publish;
    Console.WriteLine($"papers={result.Digest.Papers.Count} pages={result.Pages} wall_ms={watch.ElapsedMilliseconds} peak_mb={Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} " +
                      $"written={p.Written} unchanged={p.Unchanged} removed={p.Removed}");
    Console.WriteLine("stages: " + string.Join(", ", result.Timings.Stages.Select(s => $"{s.Stage}={s.Elapsed.TotalMilliseconds:0}")));
    return 0;
}

Console.Error.WriteLine("usage: bench generate N DIR | bench add DIR K | bench build DIR OUT");
return 2;

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DigestGen.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("DigestGen.sln not found");
}
