namespace DigestGen.Curate.Topics;

/// <summary>One rule phrase found in a paper: the topic it speaks for, where, how often and the points it gave.</summary>
public sealed record TopicEvidence(string Topic, string Phrase, string Field, int Mentions, double Points)
{
    public const string Title = "title";
    public const string Abstract = "abstract";
}
