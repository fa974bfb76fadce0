namespace DigestGen.Publish;

/// <summary>
/// What a publish did to the output folder, and the state it left every file in. <see cref="Undrawn"/>
/// counts the unchanged pages a rebuild kept without drawing them (their source hash was unchanged).
/// </summary>
public sealed record PublishReport(int Written, int Unchanged, int Removed, IReadOnlyList<string> WrittenFiles, IReadOnlyDictionary<string, PublishedFile> Files, int Undrawn = 0)
{
    public int Total => Written + Unchanged;
}
