using System.CommandLine;
using DigestGen.Curate;
using DigestGen.Pipeline;

namespace DigestGen.Cli.Commands;

/// <summary><c>digestgen check</c>: reads and curates the content without writing a site, and reports.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var command = new Command("check", "Check the content: per seed its format and counts, then every problem as file:line: level: message.\n" + DigestGenCli.ExitCodeHelp);
        common.AddTo(command, withOutput: false);
        command.SetAction(parse => Report.Guard(stderr, () =>
        {
            var digest = DigestLoader.Load(common.Read(parse), new StageTimings());
            Report.Seeds(stdout, digest);
            Report.Topics(stdout, digest);
            var summary = BuildSummary.Of(digest);
            Report.Problems(stdout, summary);
            Report.Totals(stdout, summary);
            return Report.ExitCode(summary, parse.GetValue(common.Strict));
        }));
        return command;
    }
}
