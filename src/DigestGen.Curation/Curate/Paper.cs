using DigestGen.Ingest;
using DigestGen.Text;

namespace DigestGen.Curate;

/// <summary>A paper as the site shows it: merged, cleaned, dated and titled.</summary>
public sealed record Paper
{
    public required string Id { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    /// <summary>True when the title was written by <see cref="HeadlineDeriver"/> rather than found in a seed.</summary>
    public required bool TitleDerived { get; init; }

    public required RichText Abstract { get; init; }

    public int? AuthorCount { get; init; }

    public string? Organisation { get; init; }

    public DateOnly? Published { get; init; }

    public int? Upvotes { get; init; }

    /// <summary>The day the paper entered the digest: the earliest capture date among its sources.</summary>
    public required DateOnly DigestDate { get; init; }

    public required IReadOnlyList<SourceRef> Sources { get; init; }

    /// <summary>The kinds of page the paper was found on, oldest first, each kind and day once.</summary>
    public IReadOnlyList<PaperOrigin> Origins { get; init; } = [];

    /// <summary>Topic slugs, best first (filled in by topic assignment).</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Ids of the most similar papers, most similar first.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>Ids of posts that name this paper.</summary>
    public IReadOnlyList<string> DiscussedIn { get; init; } = [];
}
