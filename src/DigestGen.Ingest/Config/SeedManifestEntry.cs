namespace DigestGen.Config;

/// <summary>A seed the curator registered, with the day it was captured.</summary>
public sealed record SeedManifestEntry(string File, DateOnly Captured);
