using System.CommandLine;
using DigestGen.Curate;
using DigestGen.Pipeline;

namespace DigestGen.Cli.Commands;

/// <summary>Options shared by the commands that read content.</summary>
internal sealed class CommonOptions
{
    public Option<string> Content { get; } = new("--content") { Description = "The content folder (digest.yml, seeds/, pages/).", DefaultValueFactory = _ => "content" };

    public Option<string> Output { get; } = new("--output", "-o") { Description = "Where the site is written.", DefaultValueFactory = _ => "output" };

    public Option<string?> Themes { get; } = new("--themes") { Description = "The folder of themes (default: themes/ beside the content folder)." };

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "Override base_url from digest.yml (CI passes the Pages URL)." };

    public Option<bool> Strict { get; } = new("--strict") { Description = "Treat warnings as errors (exit code 1)." };

    public Option<string?> BuildDate { get; } = new("--build-date") { Description = "Pin today's date (YYYY-MM-DD) for reproducible output; SOURCE_DATE_EPOCH works too." };

    public void AddTo(Command command, bool withOutput)
    {
        command.Options.Add(Content);
        if (withOutput)
        {
            command.Options.Add(Output);
            command.Options.Add(Themes);
        }

        command.Options.Add(Strict);
        command.Options.Add(BuildDate);
        command.Options.Add(BaseUrl);
    }

    public BuildOptions Read(ParseResult parse) =>
        new(parse.GetValue(Content)!, parse.GetValue(Output) ?? "output", BuildOptions.ResolveBuildDate(parse.GetValue(BuildDate)))
        {
            ThemesDir = parse.GetResult(Themes) is null ? null : parse.GetValue(Themes),
            BaseUrl = parse.GetValue(BaseUrl),
        };
}
