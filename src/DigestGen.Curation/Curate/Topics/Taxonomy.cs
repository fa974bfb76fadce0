namespace DigestGen.Curate.Topics;

/// <summary>The topics in the curator's order, plus "other".</summary>
public sealed class Taxonomy
{
    /// <param name="other">The topic of papers no rule selects, as the site names it; <see cref="Topic.Other"/> when not given.</param>
    public Taxonomy(IReadOnlyList<Topic> topics, Topic? other = null)
    {
        Topics = topics;
        All = [.. topics, other ?? Topic.Other];
        BySlug = All.ToDictionary(t => t.Slug, StringComparer.Ordinal);
    }

    public static Taxonomy Empty { get; } = new([]);

    /// <summary>The curator's topics, without "other".</summary>
    public IReadOnlyList<Topic> Topics { get; }

    public IReadOnlyList<Topic> All { get; }

    public IReadOnlyDictionary<string, Topic> BySlug { get; }

    /// <summary>The same topics with "other" named and described in the site's language.</summary>
    public Taxonomy WithOther(string name, string description) => new(Topics, Topic.Other with { Name = name, Description = description });
}
