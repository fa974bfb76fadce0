using System.Globalization;

namespace DigestGen.Bench;

/// <summary>
/// What a built site weighs against the hosts it is meant for: GitHub Pages (a published site of at most 1 GB)
/// and Cloudflare Pages (no file over 25 MiB, at most 20,000 files on the free plan).
/// </summary>
internal sealed record OutputSize(long Bytes, int Files, string LargestFile, long LargestBytes)
{
    public const long GitHubPagesSite = 1_000_000_000;
    public const long CloudflareFile = 25L * 1024 * 1024;
    public const int CloudflareFiles = 20_000;

    public static OutputSize Of(string dir)
    {
        var files = new DirectoryInfo(dir).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
        var largest = files.MaxBy(f => f.Length);
        return new OutputSize(files.Sum(f => f.Length), files.Count,
            largest is null ? "" : Path.GetRelativePath(dir, largest.FullName).Replace('\\', '/'), largest?.Length ?? 0);
    }

    public static string Header =>
        "| output | papers | total (apparent) | files | largest file | GitHub Pages: site ≤ 1 GB | Cloudflare Pages: file ≤ 25 MiB, ≤ 20,000 files |\n" +
        "| --- | ---: | ---: | ---: | --- | --- | --- |\n";

    public string Row(int papers) => string.Create(CultureInfo.InvariantCulture,
        $"| full build | {papers:N0} | {Bytes / 1_000_000.0:N0} MB | {Files:N0} | `{LargestFile}` {LargestBytes / 1_000_000.0:N1} MB | " +
        $"{(Bytes <= GitHubPagesSite ? "fits" : "too big")} | {(LargestBytes <= CloudflareFile ? "files fit" : "a file too big")}, {(Files <= CloudflareFiles ? "count fits" : "too many files")} |\n");
}
