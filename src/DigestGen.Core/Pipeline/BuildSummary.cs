using DigestGen.Diagnostics;
using DigestGen.Ingest;

namespace DigestGen.Pipeline;

/// <summary>
/// What a build reports about its content: counts, seeds and problems. Kept apart from the
/// <see cref="Digest"/> so that a build with nothing to do can report it from the build record.
/// </summary>
public sealed record BuildSummary(int Papers, int Posts, IReadOnlyList<SeedSummary> Seeds, IReadOnlyList<Diagnostic> Problems)
{
    public int ErrorCount => Problems.Count(p => p.Severity == Severity.Error);

    public int WarningCount => Problems.Count(p => p.Severity == Severity.Warning);

    public int SkippedSeeds => Seeds.Count(s => s.Format == SeedFormat.Unknown);

    public static BuildSummary Of(Digest digest) => new(
        digest.Papers.Count,
        digest.Posts.Count,
        digest.Seeds,
        digest.Diagnostics.Items);
}

/// <summary>One seed as the summary shows it.</summary>
public sealed record SeedSummary(string File, SeedFormat Format, DateOnly Captured, int Lines, int Records);
