namespace DigestGen.Curate.Topics;

/// <summary>The topics in the curator's order, plus "other".</summary>
public sealed class Taxonomy
{
    public Taxonomy(IReadOnlyList<Topic> topics)
    {
        Topics = topics;
        All = [.. topics, Topic.Other];
        BySlug = All.ToDictionary(t => t.Slug, StringComparer.Ordinal);
    }

    public static Taxonomy Empty { get; } = new([]);

    /// <summary>The curator's topics, without "other".</summary>
    public IReadOnlyList<Topic> Topics { get; }

    public IReadOnlyList<Topic> All { get; }

    public IReadOnlyDictionary<string, Topic> BySlug { get; }
}
