namespace DigestGen.Tests.Support;

/// <summary>Where the tools that scripts/test.sh installs live; a missing one fails with the fix in the message.</summary>
internal static class TestTools
{
    public const string Chromium = "/usr/bin/chromium";

    public static string NodeModules => Path.Combine(RepoPaths.Root, "tests", "js", "node_modules");

    public static string VnuJar => Require(Path.Combine(NodeModules, "vnu-jar", "build", "dist", "vnu.jar"));

    public static string AxeScript => Require(Path.Combine(NodeModules, "axe-core", "axe.min.js"));

    public static string ChromiumPath => Require(Chromium);

    private static string Require(string path) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: run 'bash scripts/test.sh', which installs the test tools");
}
