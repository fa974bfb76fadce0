using System.CommandLine;
using DigestGen.Curate;
using DigestGen.Pipeline;

namespace DigestGen.Cli.Commands;

/// <summary><c>digestgen build</c>: content/ in, a complete static site out.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var command = new Command("build", "Build the site from the content folder into the output folder.\n" + DigestGenCli.ExitCodeHelp);
        common.AddTo(command, withOutput: true);
        var json = new Option<string?>("--json") { Description = "Also write the build summary as JSON to this file." };
        command.Options.Add(json);
        var noWait = new Option<bool>("--no-wait") { Description = "Fail at once (exit code 2) when another build is writing the same output folder, instead of waiting for it." };
        command.Options.Add(noWait);
        command.SetAction(parse => Report.Guard(stderr, () =>
        {
            var result = BuildProgress.Run(() => common.Read(parse) with { WaitForLock = !parse.GetValue(noWait), Waiting = stderr.WriteLine }, stdout);
            Report.Problems(stdout, result.Summary);
            Report.Totals(stdout, result.Summary);
            var p = result.Publish;
            stdout.WriteLine($"{result.Pages} pages, {result.Feeds} feeds; {p.Total} files: {p.Written} written, {p.Unchanged} unchanged{(p.NotRendered > 0 ? $" ({p.NotRendered} pages not rendered again)" : "")}, {p.Removed} removed");
            stdout.WriteLine("time: " + string.Join(", ", result.Timings.Stages.Select(s => $"{s.Stage} {s.Elapsed.TotalMilliseconds:0} ms")));
            var exitCode = Report.ExitCode(result.Summary, parse.GetValue(common.Strict));
            if (parse.GetValue(json) is { } jsonPath)
            {
                BuildSummaryJson.Write(jsonPath, result, exitCode);
            }

            return exitCode;
        }));
        return command;
    }
}
