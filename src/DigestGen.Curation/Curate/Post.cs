using DigestGen.Ingest;

namespace DigestGen.Curate;

/// <summary>A social post about papers, with the lines of the seed it came from.</summary>
public sealed record Post
{
    public required string Id { get; init; }

    public required string Text { get; init; }

    public required IReadOnlyList<string> Links { get; init; }

    public required IReadOnlyList<string> Handles { get; init; }

    public required IReadOnlyList<string> Hashtags { get; init; }

    public required DateOnly DigestDate { get; init; }

    public required SourceRef Source { get; init; }

    public required int LastLine { get; init; }

    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Papers the post is most about, by similarity.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>Papers the post names outright (by title or by the system it introduces).</summary>
    public IReadOnlyList<string> Mentions { get; init; } = [];
}
