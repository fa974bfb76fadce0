namespace DigestGen.Publish;

/// <summary>What a publish did to the output folder, and the state it left every file in.</summary>
public sealed record PublishReport(int Written, int Unchanged, int Removed, IReadOnlyList<string> WrittenFiles, IReadOnlyDictionary<string, PublishedFile> Files)
{
    public int Total => Written + Unchanged;
}
