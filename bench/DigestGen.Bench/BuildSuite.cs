using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DigestGen.Bench;

/// <summary>
/// The build benchmark of issue 8: for each corpus size, a fresh synthetic corpus, then three runs of
/// each scenario (full build into an empty folder, no-op rebuild, one new seed of 500 papers), every
/// build in its own process so peak memory is per build. Prints a Markdown table of medians, and the
/// disk's own cost of creating as many folders and files, so what is ours and what is the disk's shows.
/// </summary>
public static class BuildSuite
{
    public const int Runs = 3;

    public sealed record Run(long WallMs, long PeakMb, int Written, int Unchanged, string Stages);

    public static void Execute(string bench, string root, IReadOnlyList<int> sizes, TextWriter log)
    {
        var table = new StringBuilder();
        var weights = new StringBuilder(OutputSize.Header);
        // The machine before and after the runs: a suite takes minutes, and a noisy host shows as two different probes.
        var before = HostProbe.Measure(root);
        table.AppendLine("| work | papers | wall (median of 3) | runs | peak memory | files written | stages (median run, ms) |");
        table.AppendLine("| --- | ---: | ---: | --- | ---: | ---: | --- |");
        foreach (var n in sizes)
        {
            var dir = Path.Combine(root, $"b{n}");
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }

            var content = Path.Combine(dir, "content");
            Child(bench, log, "generate", n.ToString(CultureInfo.InvariantCulture), content);

            var full = new List<Run>();
            for (var i = 0; i < Runs; i++)
            {
                full.Add(Build(bench, log, content, Path.Combine(dir, $"full{i}")));
            }

            // The last full build's output is the site the later scenarios start from.
            var output = Path.Combine(dir, $"full{Runs - 1}");
            weights.Append(OutputSize.Of(output).Row(n));
            var noop = Enumerable.Range(0, Runs).Select(_ => Build(bench, log, content, output)).ToList();
            var oneSeed = new List<Run>();
            for (var k = 1; k <= Runs; k++)
            {
                Child(bench, log, "add", content, k.ToString(CultureInfo.InvariantCulture));
                oneSeed.Add(Build(bench, log, content, output));
            }

            Row(table, "full build", n, full);
            Row(table, "no-op rebuild", n, noop);
            Row(table, "one new seed of 500", n, oneSeed);
            var floor = FileSystemFloor(Path.Combine(dir, "floor"), n);
            table.AppendLine($"| disk floor: {n:N0} empty folders + files | {n:N0} | {floor:N0} ms | | | {n:N0} | |");
            log.WriteLine(table);
        }

        table.AppendLine().AppendLine("before: " + before).AppendLine("after: " + HostProbe.Measure(root));
        log.WriteLine(table);
        Console.WriteLine(table);
        Console.WriteLine(weights);
        log.WriteLine(weights);
    }

    private static void Row(StringBuilder table, string work, int n, List<Run> runs)
    {
        var sorted = runs.OrderBy(r => r.WallMs).ToList();
        var median = sorted[sorted.Count / 2];
        table.AppendLine($"| {work} | {n:N0} | {median.WallMs:N0} ms | {string.Join(" / ", runs.Select(r => r.WallMs.ToString("N0", CultureInfo.InvariantCulture)))} | " +
                         $"{runs.Max(r => r.PeakMb):N0} MB | {median.Written:N0} | {median.Stages} |");
    }

    private static Run Build(string bench, TextWriter log, string content, string output)
    {
        var watch = Stopwatch.StartNew();
        var text = Child(bench, log, "build", content, output);
        watch.Stop();
        string Field(string name) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).First(t => t.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
        var stages = text.Split('\n').First(l => l.StartsWith("stages: ", StringComparison.Ordinal))["stages: ".Length..].Trim();
        return new Run(watch.ElapsedMilliseconds, long.Parse(Field("peak_mb"), CultureInfo.InvariantCulture),
            int.Parse(Field("written"), CultureInfo.InvariantCulture), int.Parse(Field("unchanged"), CultureInfo.InvariantCulture), stages);
    }

    private static string Child(string bench, TextWriter log, params string[] args)
    {
        var info = new ProcessStartInfo(bench) { RedirectStandardOutput = true, UseShellExecute = false };
        info.Environment["BENCH_PROBE"] = "0"; // the suite probes the host itself, once before and once after
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        log.WriteLine($"$ bench {string.Join(' ', args)}\n{text}");
        log.Flush();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bench {string.Join(' ', args)} exited {process.ExitCode}");
        }

        return text;
    }

    /// <summary>What this disk needs to create N folders with one small file each, with nothing of ours in the way.</summary>
    private static long FileSystemFloor(string dir, int n)
    {
        var watch = Stopwatch.StartNew();
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var folder = Path.Combine(dir, i.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "index.html"), "<!DOCTYPE html>"u8.ToArray());
        });
        return watch.ElapsedMilliseconds;
    }
}
