namespace DigestGen.Text;

/// <summary>A run of text with one kind of markup; <see cref="InlineKind.Math"/> holds TeX source.</summary>
public readonly record struct Inline(InlineKind Kind, string Value);
