using DigestGen.Curate;
using DigestGen.Pipeline;

namespace DigestGen.Tests.Support;

/// <summary>The frozen copy of the real content (tests/fixtures/real-site) loaded once (ingest, catalog, curate) for the tests that only read it.</summary>
internal static class RealDigest
{
    private static readonly Lazy<Digest> Loaded = new(() =>
        DigestLoader.Load(new BuildOptions(RepoPaths.FixtureContent, "unused", new DateOnly(2026, 11, 22)), new StageTimings()));

    public static Digest Value => Loaded.Value;
}
