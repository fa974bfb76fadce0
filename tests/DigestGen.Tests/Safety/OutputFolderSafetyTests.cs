using DigestGen.Tests.Support;

namespace DigestGen.Tests.Safety;

/// <summary>
/// DigestGen replaces and removes files only in a folder it wrote itself. Every dangerous <c>--output</c> is
/// refused before any work with exit code 2 and a message naming the folder, and every file is still there.
/// </summary>
public class OutputFolderSafetyTests
{
    /// <summary>A curator's repository in miniature: .git, README, content/ with a seed, themes/.</summary>
    private sealed class Repository : IDisposable
    {
        private readonly ContentFolder _folder;

        public Repository()
        {
            _folder = new ContentFolder("title: Safe\nbase_url: https://example.org/s/\nseeds: []\n").WithThemes()
                .With("seeds/a.txt", Seeds.Listing($"A Paper Worth Keeping\n\n{Seeds.LongAbstract("safety")}\n"));
            Directory.CreateDirectory(Path.Combine(Root, ".git", "objects"));
            File.WriteAllText(Path.Combine(Root, ".git", "HEAD"), "ref: refs/heads/main\n");
            File.WriteAllText(Path.Combine(Root, "README.md"), "# my digest\n");
        }

        public string Root => _folder.Root;

        public string Content => _folder.Content;

        public string Themes => _folder.Themes;

        public SortedDictionary<string, string> Snapshot() => FileHashes.Of(Root);

        public void Dispose() => _folder.Dispose();
    }

    public static TheoryData<string, string> Refused => new()
    {
        // case, what the message must say
        { "repository root", "which the build reads" },
        { "content", "which the build reads" },
        { "inside content", "which the build reads" },
        { "a theme", "which the build reads" },
        { "parent of the repository", "which the build reads" },
        { "folder of someone's files", "holds files DigestGen did not write (such as 'notes.txt')" },
        { "a git repository", "it is a git repository" },
        { "a file", "it is a file, not a folder" },
        { "inside a file", "is a file, so no folder can be made inside it" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_dangerous_output_folder_is_refused_and_nothing_is_touched(string which, string message)
    {
        using var repo = new Repository();
        var other = Path.Combine(repo.Root, "elsewhere");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "notes.txt"), "my notes\n");
        Directory.CreateDirectory(Path.Combine(repo.Root, "project", ".git"));
        File.WriteAllText(Path.Combine(repo.Root, "project", "main.c"), "int main;\n");
        File.WriteAllText(Path.Combine(repo.Root, "a-file.txt"), "text\n");
        var output = which switch
        {
            "repository root" => repo.Root,
            "content" => repo.Content,
            "inside content" => Path.Combine(repo.Content, "site"),
            "a theme" => Path.Combine(repo.Themes, "default"),
            "parent of the repository" => Path.GetDirectoryName(repo.Root)!,
            "folder of someone's files" => other,
            "a git repository" => Path.Combine(repo.Root, "project"),
            "a file" => Path.Combine(repo.Root, "a-file.txt"),
            "inside a file" => Path.Combine(repo.Root, "a-file.txt", "site"),
            _ => throw new ArgumentOutOfRangeException(nameof(which)),
        };
        var before = repo.Snapshot();

        var run = CliRun.Of("build", "--content", repo.Content, "--output", output, "--build-date", "2026-01-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"refusing to write the site into '{output}'", run.Err);
        Assert.Contains(message, run.Err);
        Assert.DoesNotContain("   at ", run.Err);
        Assert.Equal(before, repo.Snapshot());
    }

    [Fact]
    public void The_root_and_the_home_folder_are_refused()
    {
        using var repo = new Repository();
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        var root = CliRun.Of("build", "--content", repo.Content, "--output", "/", "--build-date", "2026-01-01");
        var homeRun = CliRun.Of("build", "--content", repo.Content, "--output", home, "--build-date", "2026-01-01");

        Assert.Equal(2, root.ExitCode);
        Assert.Contains("it is the root of the file system", root.Err);
        Assert.Equal(2, homeRun.ExitCode);
        Assert.Contains($"refusing to write the site into '{home}': it is your home folder", homeRun.Err);
    }

    [Fact]
    public void A_staging_folder_that_is_not_ours_is_left_alone()
    {
        using var repo = new Repository();
        var output = Path.Combine(repo.Root, "output");
        Directory.CreateDirectory(output + ".staging");
        File.WriteAllText(Path.Combine(output + ".staging", "draft.txt"), "mine\n");
        var before = repo.Snapshot();

        var run = CliRun.Of("build", "--content", repo.Content, "--output", output, "--build-date", "2026-01-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("output.staging' is in the way", run.Err);
        var after = repo.Snapshot();
        Assert.All(before, file => Assert.Equal(file.Value, after.GetValueOrDefault(file.Key)));
    }

    [Fact]
    public void New_empty_placeholder_and_marked_folders_are_accepted_and_marked()
    {
        using var repo = new Repository();
        var placeholder = Path.Combine(repo.Root, "output");
        Directory.CreateDirectory(placeholder);
        File.WriteAllText(Path.Combine(placeholder, ".gitkeep"), "");
        var fresh = Path.Combine(repo.Root, "public", "site");

        foreach (var output in new[] { placeholder, fresh })
        {
            var first = CliRun.Of("build", "--content", repo.Content, "--output", output, "--build-date", "2026-01-01");
            Assert.Equal(0, first.ExitCode);
            Assert.True(File.Exists(Path.Combine(output, ".digestgen-output")), "every output folder carries the marker");

            // Marked: a second build with other inputs may replace its files.
            var second = CliRun.Of("build", "--content", repo.Content, "--output", output, "--build-date", "2026-01-02");
            Assert.Equal(0, second.ExitCode);
        }

        Assert.True(File.Exists(Path.Combine(placeholder, ".gitkeep")), "the repository's placeholder stays");
    }
}
