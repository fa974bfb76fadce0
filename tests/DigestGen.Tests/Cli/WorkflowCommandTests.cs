using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DigestGen.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace DigestGen.Tests.Cli;

/// <summary>The curator's loop: add, the JSON summary, the status page, and the publishing workflow.</summary>
public class WorkflowCommandTests
{
    private static ContentFolder Site() =>
        new ContentFolder("title: T\nbase_url: https://example.org/d/\n# the seeds\nseeds:\n  - file: seeds/a.txt\n    captured: 2025-08-19\n").WithThemes()
            .With("seeds/a.txt", Seeds.Listing($"Known Paper About KV Cache\n\n{Seeds.LongAbstract("kv cache")}\n", "Aug 19"));

    [Fact]
    public void Add_copies_a_new_seed_records_it_and_reports_new_and_merged_papers()
    {
        using var content = Site();
        var file = Path.Combine(content.Root, "incoming.txt");
        File.WriteAllText(file, Seeds.Listing($"Known Paper About KV Cache\n\n{Seeds.LongAbstract("kv cache")}\n\nA Fresh Paper\n\n{Seeds.LongAbstract("fresh")}\n"));

        var run = CliRun.Of("add", file, "--content", content.Content, "--captured", "2025-11-04");

        Assert.Equal(0, run.ExitCode);
        var added = Assert.Single(Directory.GetFiles(Path.Combine(content.Content, "seeds"), "000_*.txt"));
        Assert.Matches(@"000_[0-9a-f]{16}\.txt$", added);
        Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(added));
        Assert.Contains("1 new papers, 1 already known (merged)", run.Out);
        Assert.Contains("new: A Fresh Paper", run.Out);
        var yml = File.ReadAllText(Path.Combine(content.Content, "digest.yml"));
        Assert.Contains("# the seeds", yml);
        Assert.Contains($"  - file: seeds/{Path.GetFileName(added)}\n    captured: 2025-11-04\n", yml);
        Assert.Equal(0, CliRun.Of("check", "--content", content.Content, "--strict").ExitCode);
    }

    [Fact]
    public void Add_refuses_a_seed_already_in_the_digest()
    {
        using var content = Site();
        var copy = Path.Combine(content.Root, "again.txt");
        File.Copy(Path.Combine(content.Content, "seeds", "a.txt"), copy);
        var yml = File.ReadAllText(Path.Combine(content.Content, "digest.yml"));

        var run = CliRun.Of("add", copy, "--content", content.Content);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("already in the digest as seeds/a.txt (same bytes)", run.Err);
        Assert.Single(Directory.GetFiles(Path.Combine(content.Content, "seeds")));
        Assert.Equal(yml, File.ReadAllText(Path.Combine(content.Content, "digest.yml")));
    }

    [Fact]
    public void Add_refuses_a_bad_seed_naming_the_problem()
    {
        using var content = Site();
        var bad = Path.Combine(content.Root, "bad.bin");
        File.WriteAllBytes(bad, [0, 1, 2, 0, 0]);

        var run = CliRun.Of("add", bad, "--content", content.Content);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("bad.bin: error: the file is binary", run.Out);
        Assert.Contains("not added", run.Err);
        Assert.Single(Directory.GetFiles(Path.Combine(content.Content, "seeds")));
    }

    [Fact]
    public void Build_json_summary_and_status_page()
    {
        using var content = Site();
        content.With("seeds/unlisted.txt", "Dept\nAbstract:An unlisted abstract about models.\n");
        var json = Path.Combine(content.Root, "summary.json");

        var run = CliRun.Of("build", "--content", content.Content, "--output", content.Output, "--build-date", "2026-01-02", "--json", json, "--strict");

        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        Assert.Equal(2, root.GetProperty("papers").GetInt32());
        Assert.Equal(1, root.GetProperty("warnings").GetInt32());
        Assert.Equal("seeds/unlisted.txt", root.GetProperty("problems")[0].GetProperty("file").GetString());
        Assert.Equal(root.GetProperty("files").GetProperty("total").GetInt32(), root.GetProperty("files").GetProperty("written").GetInt32());
        Assert.Contains(root.GetProperty("stages").EnumerateArray(), s => s.GetProperty("stage").GetString() == "pages");

        var status = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(content.Output, "status", "index.html")));
        Assert.Contains("January 2, 2026", status.QuerySelector("dl")!.TextContent);
        Assert.Equal(2, status.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("seeds/unlisted.txt: warning: seed is not in the manifest", status.QuerySelector("ul.problems")!.TextContent);
    }

    [Fact]
    public void Redirected_output_gets_plain_stage_lines_and_a_summary()
    {
        using var content = Site();
        var run = CliRun.Of("build", "--content", content.Content, "--output", content.Output, "--build-date", "2026-01-02");
        foreach (var stage in new[] { "ingest", "catalog", "curate", "topics", "related", "pages", "feeds", "search", "publish" })
        {
            Assert.Matches($"(?m)^stage {stage}: \\d+ ms$", run.Out);
        }

        Assert.Contains("1 papers, 0 posts from 1 seeds", run.Out);
        Assert.DoesNotContain("\u001b[", run.Out);
    }

    [Fact]
    public void Help_documents_the_exit_codes()
    {
        var run = CliRun.Of("build", "--help");
        Assert.Contains("0 success; 1 content errors (or warnings with --strict); 2 usage, configuration or file-system errors; 3 internal error (a bug)", run.Out);
    }

    [Fact]
    public void Publish_workflow_is_valid_uses_official_pinned_actions_and_the_readme_commands()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "publish.yml"));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;

        var on = (YamlMappingNode)root["on"];
        var paths = ((YamlSequenceNode)((YamlMappingNode)on["push"])["paths"]).Select(p => p.ToString()).ToList();
        Assert.Equal(["content/**", "themes/**"], paths);
        Assert.True(on.Children.ContainsKey("schedule"));
        Assert.True(on.Children.ContainsKey("workflow_dispatch"));

        var steps = ((YamlMappingNode)root["jobs"]).Children.Values.Cast<YamlMappingNode>()
            .SelectMany(job => ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>()).ToList();
        var uses = steps.Where(s => s.Children.ContainsKey("uses")).Select(s => s["uses"].ToString()).ToList();
        Assert.Contains("actions/deploy-pages@v4", uses);
        Assert.Contains("actions/upload-pages-artifact@v3", uses);
        Assert.All(uses, u => Assert.Matches(@"^actions/[a-z-]+@v\d+$", u));

        // The cache is keyed by what decides the site: a run that changes nothing saves no second copy of it.
        var cache = steps.Single(s => s.Children.ContainsKey("uses") && s["uses"].ToString().StartsWith("actions/cache@", StringComparison.Ordinal));
        var key = ((YamlMappingNode)cache["with"])["key"].ToString();
        Assert.DoesNotContain("run_id", key);
        Assert.Contains("hashFiles('content/**', 'themes/**', ", key);
        // The tool by its source files: not src/** whole, where the test step has just built bin/ and obj/.
        Assert.DoesNotContain("'src/**'", key);
        var hashed = Regex.Matches(key, @"'src/\*\*/\*(\.\w+)'").Select(m => m.Groups[1].Value).ToHashSet();
        var sources = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(RepoPaths.Root, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));
        Assert.All(sources, f => Assert.Contains(Path.GetExtension(f), hashed));

        var runs = steps.Where(s => s.Children.ContainsKey("run")).Select(s => s["run"].ToString()).ToList();
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var commands = Regex.Matches(readme, "```sh\\n(.+?)\\n```").Select(m => m.Groups[1].Value).ToList();
        var build = commands.Single(c => c.Contains(" -- build", StringComparison.Ordinal));
        var test = commands.Single(c => c.Contains("test.sh", StringComparison.Ordinal));
        Assert.Contains(runs, r => r == test);
        Assert.Contains(runs, r => r.StartsWith(build + " --strict", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.EndsWith(" -- check --strict", StringComparison.Ordinal));
        Assert.Equal("bash scripts/test.sh", test);
        Assert.Contains("exec bash scripts/test.sh", File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run")));
    }
}
