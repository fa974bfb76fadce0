using System.CommandLine;
using DigestGen.Serve;

namespace DigestGen.Cli.Commands;

/// <summary><c>digestgen serve</c>: build, serve on 127.0.0.1, rebuild on change, reload open tabs.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var port = new Option<int>("--port", "-p") { Description = "Port to listen on (0: a free one).", DefaultValueFactory = _ => 1313 };
        var host = new Option<string>("--host") { Description = "Address to bind; loopback unless you say otherwise.", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("serve", "Build, serve the site locally, and rebuild and reload on every change.\n" + DigestGenCli.ExitCodeHelp);
        common.AddTo(command, withOutput: true);
        command.Options.Add(port);
        command.Options.Add(host);
        command.SetAction(async (parse, cancel) =>
        {
            try
            {
                using var server = new DevServer(common.Read(parse), parse.GetValue(host)!, parse.GetValue(port), line => stdout.WriteLine(line));
                if (server.ListensEverywhere)
                {
                    stderr.WriteLine("digestgen: warning: serving on every network interface: other machines on your network can open the site");
                }

                stdout.WriteLine($"serving {server.Url} (Ctrl+C to stop)");
                await Task.Delay(Timeout.Infinite, cancel).ContinueWith(_ => { }, TaskScheduler.Default);
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                return Report.Fail(stderr, e);
            }
        });
        return command;
    }
}
