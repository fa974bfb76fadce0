using System.Globalization;
using System.CommandLine;
using DigestGen.Cli.Commands;

namespace DigestGen.Cli;

/// <summary>The <c>digestgen</c> command line.</summary>
public static class DigestGenCli
{
    public const string ExitCodeHelp =
        "Exit codes: 0 success; 1 content errors (or warnings with --strict); 2 usage, configuration or file-system errors; 3 internal error (a bug).";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // Output must not depend on the machine's locale (dates, numbers, sorting).
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        var root = new RootCommand("DigestGen: builds a static research-paper digest site from seed files.\n" + ExitCodeHelp);
        root.Subcommands.Add(BuildCommand.Create(stdout, stderr));
        root.Subcommands.Add(CheckCommand.Create(stdout, stderr));
        root.Subcommands.Add(AddCommand.Create(stdout, stderr));
        root.Subcommands.Add(ServeCommand.Create(stdout, stderr));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"digestgen: error: {error.Message}");
            }

            stderr.WriteLine("Run 'digestgen --help' for usage.");
            return ExitCodes.UsageOrConfig;
        }

        // Commands turn their own failures into one line and an exit code (Report.Fail); this catches the rest,
        // so that no stack trace ever reaches a curator.
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return Report.Fail(stderr, e);
        }
    }
}
