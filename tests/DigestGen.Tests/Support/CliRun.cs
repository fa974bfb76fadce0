using DigestGen.Cli;

namespace DigestGen.Tests.Support;

/// <summary>Runs the real CLI in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = DigestGenCli.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
