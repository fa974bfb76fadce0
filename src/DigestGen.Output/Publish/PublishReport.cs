namespace DigestGen.Publish;

/// <summary>
/// What a publish did to the output folder, and the state it left every file in. <see cref="Undrawn"/>
/// counts the unchanged pages a rebuild kept without drawing them (their source hash was unchanged).
/// </summary>
/// <see cref="Folders"/> are the output's folders with their last-write times, for the next build's <see cref="OutputListing"/>.
public sealed record PublishReport(
    int Written,
    int Unchanged,
    int Removed,
    IReadOnlyList<string> WrittenFiles,
    IReadOnlyDictionary<string, PublishedFile> Files,
    IReadOnlyDictionary<string, long> Folders,
    int Undrawn = 0)
{
    public int Total => Written + Unchanged;
}
