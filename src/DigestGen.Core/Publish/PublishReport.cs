namespace DigestGen.Publish;

/// <summary>What a publish did to the output folder.</summary>
public sealed record PublishReport(int Written, int Unchanged, int Removed, IReadOnlyList<string> WrittenFiles)
{
    public int Total => Written + Unchanged;
}
