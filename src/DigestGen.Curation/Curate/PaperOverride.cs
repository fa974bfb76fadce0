namespace DigestGen.Curate;

/// <summary>A curator's correction for one paper; every field is optional.</summary>
public sealed record PaperOverride(string Id, int Line, string? Title, IReadOnlyList<string>? Topics, IReadOnlyList<string>? AddTopics);
