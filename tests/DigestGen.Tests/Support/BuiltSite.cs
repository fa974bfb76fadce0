using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DigestGen.Tests.Support;

/// <summary>The fixture site of the five first seeds built once into a temp folder, with helpers to read pages back.</summary>
public sealed class BuiltSite : IDisposable
{
    public const string BuildDate = "2026-11-22";

    private readonly ContentFolder _folder;
    private readonly HtmlParser _parser = new();

    public BuiltSite()
    {
        _folder = ContentFolder.FromFixture();
        var run = CliRun.Of("build", "--content", _folder.Content, "--output", _folder.Output, "--build-date", BuildDate);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"build failed ({run.ExitCode}): {run.Out}{run.Err}");
        }

        Papers = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "data", "papers.json")));
    }

    public string Output => _folder.Output;

    public JsonDocument Papers { get; }

    public IEnumerable<string> HtmlFiles =>
        Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public IDocument Page(string relativeFile) => _parser.ParseDocument(File.ReadAllText(Path.Combine(Output, relativeFile)));

    public void Dispose()
    {
        Papers.Dispose();
        _folder.Dispose();
    }
}
