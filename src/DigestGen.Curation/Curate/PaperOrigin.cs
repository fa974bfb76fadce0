namespace DigestGen.Curate;

/// <summary>
/// Where a paper was found, as a reader is told it: on a daily papers listing page, or in an institution's
/// abstract list, captured on a day. The seed file and line stay in <see cref="Paper.Sources"/> for curators.
/// </summary>
public sealed record PaperOrigin(OriginKind Kind, DateOnly Captured, string? Institution);

public enum OriginKind
{
    ListingPage,
    AbstractList,
}
