namespace DigestGen.Text;

/// <summary>A term (its number in a <see cref="TermTable"/>) and how often it occurs in a text.</summary>
public readonly record struct TermCount(int Term, int Count);
