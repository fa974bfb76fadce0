using System.CommandLine;
using DigestGen.Curate;
using DigestGen.Pipeline;
using DigestGen.Render;

namespace DigestGen.Cli.Commands;

/// <summary><c>digestgen check</c>: reads and curates the content without writing a site, and reports.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var explain = new Option<string?>("--explain") { Description = "Show why a paper (id or slug) has its topics: every phrase found, its points, and the topics that came close." };
        var command = new Command("check", "Check the content: per seed its format and counts, then every problem as file:line: level: message.\n" + DigestGenCli.ExitCodeHelp);
        common.AddTo(command, withOutput: false);
        command.Options.Add(explain);
        command.SetAction(parse => Report.Guard(stderr, () =>
        {
            var options = common.Read(parse);
            var digest = DigestLoader.Load(options, new StageTimings());
            if (parse.GetValue(explain) is { } id)
            {
                return Report.Explain(stdout, stderr, digest, id);
            }

            var theme = CheckTheme(options, digest);
            Report.Seeds(stdout, digest);
            Report.Templates(stdout, theme, Path.GetDirectoryName(options.ThemesFolder)!);
            Report.Topics(stdout, digest);
            var summary = BuildSummary.Of(digest);
            Report.Problems(stdout, summary);
            Report.Totals(stdout, summary);
            return Report.ExitCode(summary, parse.GetValue(common.Strict));
        }));
        return command;
    }

    /// <summary>
    /// The theme's own templates that override nothing in its parents (a misspelt <c>pages/papr.html</c>
    /// changes nothing), and a language without its strings file or with keys missing or misspelt, as warnings; a missing parent theme stops the check as it stops a build. A
    /// content folder without its theme beside it is checked for its content only. The templates are
    /// loaded as a build loads them, so a syntax error stops the check with its file, line and column.
    /// </summary>
    private static Theme? CheckTheme(BuildOptions options, Digest digest)
    {
        var themes = options.ThemesFolder;
        if (!Directory.Exists(Theme.DirectoryFor(themes, digest.Config.Theme)))
        {
            return null;
        }

        var shownFrom = Path.GetDirectoryName(themes)!;
        var chain = ThemeChain.Resolve(themes, digest.Config.Theme);
        foreach (var file in chain.Unmatched())
        {
            digest.Diagnostics.Warn(Report.Shown(shownFrom, Path.Combine(chain.Folders[0], file)), 0,
                $"overrides nothing in the parent theme '{Path.GetFileName(chain.Folders[1])}': is its name misspelt? (a new partial is fine if a template includes it)");
        }

        var strings = ThemeStrings.Load(chain, digest.Config.Language);
        foreach (var (file, message) in strings.Warnings)
        {
            digest.Diagnostics.Warn(Path.IsPathRooted(file) ? Report.Shown(shownFrom, file) : file, 0, message);
        }

        return Theme.Load(chain, strings.Words, options.CompileTemplates);
    }
}
