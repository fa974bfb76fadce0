using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using DigestGen.Config;
using DigestGen.Diagnostics;
using DigestGen.Ingest;
using DigestGen.Curate;
using DigestGen.Pipeline;

namespace DigestGen.Cli.Commands;

/// <summary>
/// <c>digestgen add FILE…</c>: copies new seeds into content/seeds/ under a stable name
/// (<c>NNN_&lt;first 16 hex of SHA-256&gt;.txt</c>, like the first seeds), records their capture date in
/// the manifest, and reports what they add. A seed already in the digest (same bytes), or one that
/// fits no format, is refused and nothing is written for it.
/// </summary>
internal static class AddCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("files") { Description = "Seed files to add.", Arity = ArgumentArity.OneOrMore };
        var content = new Option<string>("--content") { Description = "The content folder.", DefaultValueFactory = _ => "content" };
        var captured = new Option<string?>("--captured") { Description = "Capture date YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH)." };
        var command = new Command("add", "Add seed files to the digest and report what they add.\n" + DigestGenCli.ExitCodeHelp);
        command.Arguments.Add(files);
        command.Options.Add(content);
        command.Options.Add(captured);
        command.SetAction(parse => Report.Guard(stderr, () =>
        {
            var contentDir = parse.GetValue(content)!;
            DateOnly date;
            try
            {
                date = BuildOptions.ResolveBuildDate(parse.GetValue(captured));
                DigestConfigLoader.Load(contentDir);
            }
            catch (FormatException)
            {
                stderr.WriteLine($"digestgen: error: --captured must be a date as YYYY-MM-DD, not '{parse.GetValue(captured)}'");
                return ExitCodes.UsageOrConfig;
            }
            catch (ConfigException e)
            {
                stderr.WriteLine(e.Message);
                return ExitCodes.UsageOrConfig;
            }

            var before = DigestLoader.Load(new BuildOptions(contentDir, "", date), new StageTimings());
            var seedsDir = Path.Combine(contentDir, DigestLoader.SeedsFolder);
            Directory.CreateDirectory(seedsDir);
            var known = Directory.EnumerateFiles(seedsDir).ToDictionary(Hash, f => Path.GetFileName(f), StringComparer.Ordinal);
            var refused = 0;
            var added = new List<string>();
            foreach (var file in parse.GetValue(files)!)
            {
                if (!File.Exists(file))
                {
                    stderr.WriteLine($"{file}: error: no such file");
                    refused++;
                    continue;
                }

                var hash = Hash(file);
                if (known.TryGetValue(hash, out var existing))
                {
                    stderr.WriteLine($"{file}: error: already in the digest as seeds/{existing} (same bytes); not added");
                    refused++;
                    continue;
                }

                var check = new DiagnosticBag();
                var result = SeedIngestor.Ingest(file, Path.GetFileName(file), date, check);
                foreach (var problem in check.Items)
                {
                    stdout.WriteLine(problem.ToString());
                }

                if (result.Format == SeedFormat.Unknown)
                {
                    stderr.WriteLine($"{file}: error: not added: it is not a seed DigestGen can read");
                    refused++;
                    continue;
                }

                var name = $"{NextNumber(seedsDir):D3}_{hash[..16]}.txt";
                File.Copy(file, Path.Combine(seedsDir, name));
                SeedManifest.Append(Path.Combine(contentDir, DigestConfigLoader.FileName), $"{DigestLoader.SeedsFolder}/{name}", date);
                known[hash] = name;
                added.Add($"{DigestLoader.SeedsFolder}/{name}");
                stdout.WriteLine($"added {file} as {DigestLoader.SeedsFolder}/{name} ({result.Format}, {result.RecordCount} records, captured {date:yyyy-MM-dd})");
            }

            if (added.Count > 0)
            {
                var after = DigestLoader.Load(new BuildOptions(contentDir, "", date), new StageTimings());
                var old = before.Papers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
                var fromNew = after.Papers.Where(p => p.Sources.Any(s => added.Contains(s.File))).ToList();
                var fresh = fromNew.Where(p => !old.Contains(p.Id)).ToList();
                stdout.WriteLine($"{fresh.Count} new papers, {fromNew.Count - fresh.Count} already known (merged), {after.Posts.Count - before.Posts.Count} new posts");
                foreach (var paper in fresh.Take(20))
                {
                    stdout.WriteLine($"  new: {paper.Title}");
                }
            }

            return refused > 0 ? ExitCodes.ContentErrors : ExitCodes.Success;
        }));
        return command;
    }

    private static string Hash(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static int NextNumber(string seedsDir) =>
        Directory.EnumerateFiles(seedsDir)
            .Select(f => Path.GetFileName(f).Split('_')[0])
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1)
            .DefaultIfEmpty(-1)
            .Max() + 1;
}
