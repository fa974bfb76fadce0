using DigestGen.Curate;
using DigestGen.Pipeline;

namespace DigestGen.Tests.Support;

/// <summary>
/// The fixture site of the five first seeds (tests/fixtures/first-seeds), copied into a temp folder and
/// loaded once (ingest, catalog, curate, topics, terms, related) for the tests that only read the digest.
/// </summary>
internal static class FixtureDigest
{
    public static readonly DateOnly BuildDate = new(2026, 11, 22);

    private static readonly Lazy<Digest> Loaded = new(() =>
    {
        using var site = ContentFolder.FromFixture();
        return DigestLoader.Load(new BuildOptions(site.Content, site.Output, BuildDate), new StageTimings());
    });

    public static Digest Value => Loaded.Value;
}
