using System.Diagnostics;
using DigestGen.Publish;
using DigestGen.Tests.Support;
using Xunit.Abstractions;

namespace DigestGen.Tests.Safety;

/// <summary>
/// One build at a time per output folder, and a build killed at any moment leaves the complete old site or
/// (once its journal is replayed, as the next build does first) the complete new one, never a mix.
/// </summary>
public class ConcurrentBuildTests(ITestOutputHelper log)
{
    private static readonly string[] Words =
        ["sparse", "attention", "retrieval", "agents", "quantized", "vision", "speech", "reward", "graph", "memory", "tokens", "robust"];

    /// <summary>A listing seed of <paramref name="count"/> papers, each with its own title and abstract.</summary>
    private static string Listing(string name, int count) => Seeds.Listing(string.Concat(Enumerable.Range(0, count).Select(i =>
        $"{name} Paper {i}: {Words[i % Words.Length]} {Words[(i * 7 + 3) % Words.Length]} Methods\n\n" +
        $"{Seeds.LongAbstract($"{Words[i % Words.Length]} {name.ToLowerInvariant()} {i}")}\n\n")));

    private static ContentFolder Site() =>
        new ContentFolder("title: Concurrent\nbase_url: https://example.org/a/\nseeds: []\n").WithThemes()
            .With("seeds/a.txt", Listing("Alpha", 40))
            .With("seeds/b.txt", Listing("Beta", 40));

    /// <summary>The other version: a new base URL rewrites every page, a seed more adds pages and one less removes some.</summary>
    private static void ToVersionB(ContentFolder site)
    {
        site.With("digest.yml", "title: Concurrent\nbase_url: https://example.org/b/\nseeds: []\n").With("seeds/c.txt", Listing("Gamma", 40));
        File.Delete(Path.Combine(site.Content, "seeds", "b.txt"));
    }

    private static void ToVersionA(ContentFolder site)
    {
        site.With("digest.yml", "title: Concurrent\nbase_url: https://example.org/a/\nseeds: []\n").With("seeds/b.txt", Listing("Beta", 40));
        File.Delete(Path.Combine(site.Content, "seeds", "c.txt"));
    }

    private static CliRun Build(ContentFolder site, params string[] more) =>
        CliRun.Of(["build", "--content", site.Content, "--output", site.Output, "--build-date", "2026-01-01", .. more]);

    [Fact]
    public async Task A_second_build_waits_for_the_first_or_with_no_wait_exits_2()
    {
        using var site = Site();
        Assert.Equal(0, Build(site).ExitCode);

        var held = BuildLock.Acquire(site.Output, wait: false);
        var refused = Build(site, "--no-wait");
        var waiting = Task.Run(() => Build(site));
        await Task.Delay(1500);
        var waitedMeanwhile = !waiting.IsCompleted;
        held.Dispose();
        var waited = await waiting;

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("another build is writing", refused.Err);
        Assert.Contains("--no-wait", refused.Err);
        Assert.True(waitedMeanwhile, "the build must wait while another holds the lock");
        Assert.Equal(0, waited.ExitCode);
        Assert.Contains("waiting for another build", waited.Err);
    }

    [Fact]
    public async Task Two_builds_at_once_both_succeed_and_leave_one_complete_site()
    {
        using var site = Site();
        using var reference = Site();
        Assert.Equal(0, Build(reference).ExitCode);

        var builds = await Task.WhenAll(Task.Run(() => Build(site)), Task.Run(() => Build(site)));

        Assert.All(builds, b => Assert.Equal(0, b.ExitCode));
        Assert.Equal(FileHashes.Of(reference.Output), FileHashes.Of(site.Output));
    }

    [Fact]
    public void A_lock_file_left_by_a_dead_build_is_taken_over()
    {
        using var site = Site();
        var lockFile = BuildLock.PathFor(site.Output);
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        File.WriteAllText(lockFile, "pid 999999\n");

        var run = Build(site, "--no-wait");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task A_build_killed_at_30_moments_leaves_the_old_or_the_new_site_never_a_mix()
    {
        using var site = Site();
        using var versionA = Site();
        using var versionB = Site();
        ToVersionB(versionB);
        Assert.Equal(0, Build(versionA).ExitCode);
        Assert.Equal(0, Build(versionB).ExitCode);
        var a = FileHashes.Of(versionA.Output);
        var b = FileHashes.Of(versionB.Output);
        Assert.NotEqual(a, b);

        // A fixed seed, so a failure repeats; DIGESTGEN_KILL_SEED explores other moments.
        var random = new Random(int.TryParse(Environment.GetEnvironmentVariable("DIGESTGEN_KILL_SEED"), out var seed) ? seed : 20261127);
        var seen = new Dictionary<string, int> { ["old"] = 0, ["new"] = 0, ["new after replay"] = 0 };
        for (var i = 0; i < 30; i++)
        {
            ToVersionA(site);
            Assert.Equal(0, Build(site).ExitCode);
            Assert.Equal(a, FileHashes.Of(site.Output));

            // Most kills fall around the publish, where a mix could happen; every third anywhere in the build.
            ToVersionB(site);
            var nearPublish = i % 3 != 0;
            await KillBuild(site, nearPublish ? random.Next(0, 60) : random.Next(0, 2500), nearPublish);

            var replayed = PublishJournal.Recover(site.Output);
            var state = FileHashes.Of(site.Output);
            Assert.True(state.SequenceEqual(a) || state.SequenceEqual(b),
                $"kill {i}: output is a mix: {state.Keys.Except(b.Keys).Count()} files of the old site only, {b.Keys.Except(state.Keys).Count()} of the new one missing");
            seen[state.SequenceEqual(a) ? "old" : replayed ? "new after replay" : "new"]++;

            // The next build finishes the job.
            Assert.Equal(0, Build(site).ExitCode);
            Assert.Equal(b, FileHashes.Of(site.Output));
        }

        log.WriteLine(string.Join(", ", seen.Select(s => $"{s.Key}: {s.Value}")));
    }

    /// <summary>Runs <c>digestgen build</c> as a process of its own and kills it (SIGKILL) after a delay.</summary>
    /// <param name="afterSearch">Count the delay from the line announcing the stage before the publish, not from the start.</param>
    private static async Task KillBuild(ContentFolder site, int delayMs, bool afterSearch)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "digestgen.dll"), "build", "--content", site.Content, "--output", site.Output, "--build-date", "2026-01-01" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CI"] = "true";
        start.Environment["DOTNET_TieredCompilation"] = "1";
        using var process = Process.Start(start)!;
        var publishing = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("stage search:", StringComparison.Ordinal) == true)
            {
                publishing.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (afterSearch)
        {
            await Task.WhenAny(publishing.Task, process.WaitForExitAsync());
        }

        await Task.Delay(delayMs);
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }
}
