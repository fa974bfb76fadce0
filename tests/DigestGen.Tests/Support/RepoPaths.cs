namespace DigestGen.Tests.Support;

/// <summary>Locates the repository (its themes/ and test fixtures) from the test binary. No test reads the live content/.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The fixture site of the five first seeds (tests/fixtures/first-seeds/content), frozen: curators' new seeds never change it.</summary>
    public static string FixtureContent => Path.Combine(Root, "tests", "fixtures", "first-seeds", "content");

    public static string Themes => Path.Combine(Root, "themes");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DigestGen.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DigestGen.sln not found above " + AppContext.BaseDirectory);
    }
}
