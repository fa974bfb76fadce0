using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace DigestGen.Bench;

/// <summary>
/// What the machine of the day can do, printed beside every bench result so that a figure from another day
/// or machine can be scaled or questioned (issue 25): a fixed CPU workload shaped like a build's (split words,
/// count them in a dictionary, sort them, gzip the text), timed on one thread and on every core at once, and
/// the file-system floor (create and write 1,000 folders with a small file each, where the output goes).
/// The workload is seeded and allocation-heavy on purpose: the same bytes every run, on any .NET 10 machine.
/// </summary>
public sealed record HostProbe(double CpuOneThreadMs, double CpuAllCoresMs, int Cores, double DiskMsPerThousand, string DiskFolder)
{
    private const int Words = 400_000;

    public static HostProbe Measure(string nearFolder)
    {
        var text = FixedText();
        Work(text); // JIT and warm caches: the first run is not timed.
        var one = Enumerable.Range(0, 3).Min(_ => Time(() => Work(text)));
        var all = Enumerable.Range(0, 3).Min(_ => Time(() => Parallel.For(0, Environment.ProcessorCount, _ => Work(text))));
        var disk = Path.Combine(Directory.Exists(nearFolder) ? nearFolder : Path.GetDirectoryName(Path.GetFullPath(nearFolder))!, ".bench-probe");
        var floor = Enumerable.Range(0, 3).Min(_ => DiskFloor(disk));
        return new HostProbe(one, all, Environment.ProcessorCount, floor, Path.GetDirectoryName(disk)!);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"host probe: cpu {CpuOneThreadMs:0} ms on 1 thread, {CpuAllCoresMs:0} ms on all {Cores} cores at once; " +
            $"disk floor {DiskMsPerThousand:0} ms per 1,000 folders + files under {DiskFolder}; {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}");

    /// <summary>400,000 words from a fixed generator (not System.Random, whose sequence is not promised across versions).</summary>
    private static string FixedText()
    {
        var state = 0x2545F4914F6CDD1DUL;
        var text = new StringBuilder(Words * 8);
        for (var i = 0; i < Words; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            var length = 2 + (int)(state % 9);
            for (var c = 0; c < length; c++)
            {
                text.Append((char)('a' + (int)((state >> (c * 5)) % 12)));
            }

            text.Append(i % 17 == 16 ? ". " : " ");
        }

        return text.ToString();
    }

    private static int Work(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        var keys = counts.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        using var gzip = new GZipStream(Stream.Null, CompressionLevel.Optimal);
        gzip.Write(Encoding.UTF8.GetBytes(text));
        return keys.Length;
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double DiskFloor(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            var folder = Path.Combine(dir, i.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "index.html"), "<!DOCTYPE html>"u8.ToArray());
        }

        var ms = watch.Elapsed.TotalMilliseconds;
        Directory.Delete(dir, recursive: true);
        return ms;
    }
}
