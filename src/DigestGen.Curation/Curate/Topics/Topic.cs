namespace DigestGen.Curate.Topics;

/// <summary>One topic of the curator's taxonomy.</summary>
public sealed record Topic(string Slug, string Name, string Description, IReadOnlyList<TopicPhrase> Phrases)
{
    public const string OtherSlug = "other";

    public static Topic Other { get; } = new(OtherSlug, "Other", "Papers that no topic rule selects yet.", []);
}
