using System.Diagnostics;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Safety;

/// <summary>
/// What a curator can get wrong in content/, driven through the real CLI: each gives one clear line naming
/// file and line, the documented exit code, never a stack trace, and (for content problems) the rest of the
/// site still builds.
/// </summary>
public class CuratorMistakeTests
{
    private const string Digest = "title: Mistakes\nbase_url: https://example.org/m/\nseeds: []\n";

    private static ContentFolder Site(string digestYml = Digest) =>
        new ContentFolder(digestYml).WithThemes()
            .With("seeds/a.txt", Seeds.Listing($"A Paper That Must Survive\n\n{Seeds.LongAbstract("survival")}\n"));

    public static TheoryData<string, string, string, int, string> Cases => new()
    {
        // case, file, its text, exit code, the line printed
        { "digest.yml with an unclosed list", "digest.yml", "title: [unclosed\nbase_url: https://example.org/m/\n", 2,
          "digest.yml:1: error: malformed YAML: a value here is not finished" },
        { "digest.yml with a list for a scalar", "digest.yml", "title: [a, b]\nbase_url: https://example.org/m/\n", 2,
          "digest.yml:1: error: 'title' must be a single value, not a list" },
        { "digest.yml with a map for a scalar", "digest.yml", "title: {a: 1}\n", 2,
          "digest.yml:1: error: 'title' must be a single value, not a mapping" },
        { "digest.yml with a list as a key", "digest.yml", "title: X\n? [a]\n: b\n", 2,
          "digest.yml:2: error: a setting's name must be text, not a list" },
        { "digest.yml with a bad indent", "digest.yml", "title: X\n  base_url: y\n bad: [\n", 2,
          "digest.yml:2: error: malformed YAML" },
        { "topics.yml with an unclosed list", "topics.yml", "topics:\n  - slug: [x\n    name: y\n", 1,
          "topics.yml:2: error: malformed YAML" },
        { "topics.yml with a map for a name", "topics.yml", "topics:\n  - slug: x\n    name: {a: 1}\n    strong: [a]\n", 1,
          "topics.yml:3: error: 'name' must be text, not a mapping" },
        { "an empty topic slug", "topics.yml", "topics:\n  - slug: \"\"\n    name: Y\n    strong: [a]\n", 1,
          "topics.yml:2: error: topic slug '' is not valid" },
        { "a topic slug with a slash", "topics.yml", "topics:\n  - slug: a/b\n    name: Y\n    strong: [a]\n", 1,
          "topics.yml:2: error: topic slug 'a/b' is not valid" },
        { "a topic slug with dots", "topics.yml", "topics:\n  - slug: ../../etc\n    name: Y\n    strong: [a]\n", 1,
          "topics.yml:2: error: topic slug '../../etc' is not valid" },
        { "a topic slug with capitals", "topics.yml", "topics:\n  - slug: Agents\n    name: Y\n    strong: [a]\n", 1,
          "topics.yml:2: error: topic slug 'Agents' is not valid" },
        { "two topics with one slug", "topics.yml", "topics:\n  - slug: a\n    name: Y\n    strong: [a]\n  - slug: a\n    name: Z\n    strong: [b]\n", 1,
          "topics.yml:5: error: topic slug 'a' is used twice" },
        { "overrides.yml with an unclosed list", "overrides.yml", "x: [unclosed\ny: https://example.org\n", 1,
          "overrides.yml:1: error: malformed YAML" },
        { "overrides.yml with a list as a key", "overrides.yml", "? [a]\n: {title: x}\n", 1,
          "overrides.yml:1: error: a paper id must be text, not a list" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_mistake_is_one_line_with_its_exit_code(string which, string file, string text, int exitCode, string line)
    {
        _ = which;
        using var site = Site().With(file, text);

        var run = CliRun.Of("build", "--content", site.Content, "--output", site.Output, "--build-date", "2026-01-01");

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains(line, run.Out + run.Err);
        Assert.DoesNotContain("   at ", run.Out + run.Err);
        if (exitCode == 1)
        {
            // A content error: the rest of the site is still built.
            Assert.Contains("A Paper That Must Survive", File.ReadAllText(Path.Combine(site.Output, "index.html")));
        }
        else
        {
            Assert.False(Directory.Exists(site.Output), "a configuration error stops before anything is written");
        }
    }

    [Fact]
    public void A_dangling_link_in_content_is_skipped_with_a_warning()
    {
        using var site = Site();
        File.CreateSymbolicLink(Path.Combine(site.Content, ".#digest.yml"), "/nonexistent/emacs-lock");
        File.CreateSymbolicLink(Path.Combine(site.Content, "seeds", "gone.txt"), Path.Combine(site.Root, "missing.txt"));

        var run = CliRun.Of("build", "--content", site.Content, "--output", site.Output, "--build-date", "2026-01-01");
        var strict = CliRun.Of("check", "--content", site.Content, "--strict", "--build-date", "2026-01-01");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(".#digest.yml: warning: skipped: it is a link to '/nonexistent/emacs-lock', which does not exist", run.Out);
        Assert.Contains("seeds/gone.txt: warning: skipped: it is a link to", run.Out);
        Assert.Contains("1 papers, 0 posts from 1 seeds", run.Out);
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public async Task A_named_pipe_among_the_seeds_is_skipped_not_waited_on()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var site = Site();
        var fifo = Path.Combine(site.Content, "seeds", "pipe.txt");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        var build = Task.Run(() => CliRun.Of("build", "--content", site.Content, "--output", site.Output, "--build-date", "2026-01-01"));
        var finished = await Task.WhenAny(build, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == build, "the build must not wait for a writer on the pipe");

        var run = await build;
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("seeds/pipe.txt: warning: skipped: it is a named pipe, not a file", run.Out);
        Assert.Contains("1 papers", run.Out);
    }

    [Fact]
    public void An_unforeseen_failure_is_one_line_and_exit_code_3()
    {
        var stderr = new StringWriter();
        var code = DigestGen.Cli.Commands.Report.Fail(stderr, new AggregateException(new NullReferenceException("boom")));

        Assert.Equal(3, code);
        Assert.StartsWith("digestgen: internal error: NullReferenceException: boom", stderr.ToString());
        Assert.DoesNotContain("   at ", stderr.ToString());
    }
}
