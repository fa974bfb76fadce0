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
    TermCount[][] BodyTerms);
