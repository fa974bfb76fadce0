namespace DigestGen.Bench;

/// <summary>Where the repository is, for its themes and topics: DIGESTGEN_ROOT, or the folder above the binary that holds DigestGen.sln.</summary>
public static class Repository
{
    public static string Root => FindRoot();

    private static string FindRoot()
    {
        // DIGESTGEN_ROOT: the repository, when the benchmark runs from a copy of its binaries (so a long run is not disturbed by rebuilds).
        if (Environment.GetEnvironmentVariable("DIGESTGEN_ROOT") is { Length: > 0 } root)
        {
            return root;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DigestGen.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DigestGen.sln not found");
    }
}
