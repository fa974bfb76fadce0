using DigestGen.Diagnostics;

namespace DigestGen.Ingest;

/// <summary>
/// One kind of seed file: how to recognise it from its opening lines (never from its name) and how to read it
/// into records. A new format is a class of its own and one entry in <see cref="SeedFormats.Default"/>.
/// </summary>
public interface ISeedFormat
{
    /// <summary>The format's name in reports (<c>check</c>, <c>/status/</c>, the build summary).</summary>
    string Name { get; }

    /// <summary>What its records are called in reports ("papers", "posts").</summary>
    string RecordNoun { get; }

    /// <summary>Whether the file is of this format, judged from its first lines (blank ones included).</summary>
    bool Detects(IReadOnlyList<SeedLine> head);

    /// <summary>Reads the whole file; problems go to <paramref name="diagnostics"/> with their lines, never as exceptions.</summary>
    SeedRecords Parse(IEnumerable<SeedLine> lines, string file, DateOnly captureDate, DiagnosticBag diagnostics);
}

/// <summary>What a seed yields: papers from listings or abstract lists, and posts.</summary>
public sealed record SeedRecords(IReadOnlyList<ListingRecord> Listings, IReadOnlyList<AbstractRecord> Abstracts, IReadOnlyList<PostRecord> Posts);
