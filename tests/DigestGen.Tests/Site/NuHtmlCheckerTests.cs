using System.Diagnostics;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Site;

/// <summary>The W3C Nu HTML Checker (vnu-jar, run with Java) on every generated page.</summary>
public class NuHtmlCheckerTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    [Fact]
    public async Task Every_page_is_valid_html()
    {
        var start = new ProcessStartInfo("java", ["-jar", TestTools.VnuJar, "--errors-only", "--skip-non-html", "--format", "text", site.Output])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);

        var errors = (stdout + await stderr).Trim();
        Assert.True(process.ExitCode == 0 && errors.Contains("No errors found", StringComparison.Ordinal), "vnu reported:\n" + errors);
        Assert.True(site.HtmlFiles.Count() > 200);
    }
}
