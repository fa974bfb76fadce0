using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using DigestGen.Search;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Search;

/// <summary>Issue 23, item 3: hyphenated and joined forms of a word find each other.</summary>
public class JoinedFormsTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    [Fact]
    public void A_hyphenated_word_gives_its_joined_form_as_an_index_term()
    {
        Assert.Equal(["gptoss", "qwen3vl", "stateoftheart", "pretraining", "model"],
            Joined("GPT-OSS beats Qwen3-VL, state-of-the-art pre-training; x - y, -dash, end- and mod-els"));
        Assert.Empty(Joined("a-b-c-d-e-f is too many parts; so is no hyphen at all"));
        Assert.Equal(["gpt4o"], Joined("LLaVA-1.5 and GPT-4 are versions, GPT-4o a name"));
    }

    [Fact]
    public async Task Pretraining_finds_the_papers_that_write_pre_training_and_the_reverse()
    {
        var hyphenated = new Regex(@"\bpre-training\b", RegexOptions.IgnoreCase);
        var joined = new Regex(@"\bpretraining\b", RegexOptions.IgnoreCase);
        var papers = site.Papers.RootElement.GetProperty("papers").EnumerateArray()
            .Select(p => (Url: $"papers/{p.GetProperty("slug").GetString()}/", Text: p.GetProperty("title").GetString() + " " + p.GetProperty("abstract").GetString()))
            .ToList();
        var writesHyphenated = papers.Where(p => hyphenated.IsMatch(p.Text)).Select(p => p.Url).ToList();
        var writesJoined = papers.Where(p => joined.IsMatch(p.Text)).Select(p => p.Url).ToList();
        Assert.True(writesHyphenated.Count >= 5 && writesJoined.Count >= 5, $"{writesHyphenated.Count} and {writesJoined.Count}");

        // Every paper that writes either form is found by either query.
        var results = await QueryAsync("pretraining ", "pre-training");
        Assert.Empty(writesHyphenated.Concat(writesJoined).Except(results["pretraining "]));
        Assert.Empty(writesHyphenated.Concat(writesJoined).Except(results["pre-training"]));
    }

    private static List<string> Joined(string text) => [.. JoinedForms.Forms(text).Select(f => f.Joined)];

    private async Task<Dictionary<string, List<string>>> QueryAsync(params string[] queries)
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "js", "query.mjs");
        var start = new ProcessStartInfo("node", [script, site.Output, .. queries]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "query.mjs failed: " + await stderr);
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(r => r.GetProperty("query").GetString()!, r => r.GetProperty("urls").EnumerateArray().Select(u => u.GetString()!).ToList());
    }
}
