using DigestGen.Text;

namespace DigestGen.Search;

/// <summary>What the search index knows of one paper or post.</summary>
public sealed record SearchDocument(
    bool IsPost,
    string Title,
    string Url,
    DateOnly Date,
    IReadOnlyList<int> Topics,
    string Snippet,
    int Upvotes,
    TermCount[] TitleTerms,
    TermCount[][] BodyTerms)
{
    /// <summary>The joined forms of the title's and the text's hyphenated words (<see cref="JoinedForms"/>), counted apart from the document's length.</summary>
    public TermCount[] JoinedTitleTerms { get; init; } = [];

    /// <inheritdoc cref="JoinedTitleTerms"/>
    public TermCount[] JoinedBodyTerms { get; init; } = [];
}
