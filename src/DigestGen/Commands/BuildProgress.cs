using DigestGen.Curate;
using DigestGen.Pipeline;
using Spectre.Console;

namespace DigestGen.Cli.Commands;

/// <summary>
/// Shows the build's stages as they run: a live Spectre.Console display on a terminal, plain lines
/// when output is redirected or <c>CI=true</c> (so logs stay readable).
/// </summary>
internal static class BuildProgress
{
    public static bool Interactive(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") != "true";

    public static BuildResult Run(Func<BuildOptions> options, TextWriter stdout)
    {
        var timings = new StageTimings();
        if (!Interactive(stdout))
        {
            timings.StageFinished = (stage, elapsed) => stdout.WriteLine($"stage {stage}: {elapsed.TotalMilliseconds:0} ms");
            return SiteBuilder.Build(options(), timings);
        }

        BuildResult? result = null;
        AnsiConsole.Status().Spinner(Spinner.Known.Dots).Start("building", context =>
        {
            timings.StageStarted = stage => context.Status($"[bold]{stage}[/]…");
            timings.StageFinished = (stage, elapsed) => AnsiConsole.MarkupLine($"[green]✓[/] {stage} [grey]{elapsed.TotalMilliseconds:0} ms[/]");
            result = SiteBuilder.Build(options(), timings);
        });

        var table = new Table().AddColumns("papers", "posts", "pages", "feeds", "files written", "unchanged", "removed", "warnings", "errors");
        var r = result!;
        table.AddRow(
            r.Summary.Papers.ToString(), r.Summary.Posts.ToString(), r.Pages.ToString(), r.Feeds.ToString(),
            r.Publish.Written.ToString(), r.Publish.Unchanged.ToString(), r.Publish.Removed.ToString(),
            r.Summary.WarningCount.ToString(), r.Summary.ErrorCount.ToString());
        AnsiConsole.Write(table);
        return r;
    }
}
