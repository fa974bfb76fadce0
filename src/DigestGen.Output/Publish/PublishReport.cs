namespace DigestGen.Publish;

/// <summary>
/// What a publish did to the output folder, and the state it left every file in. <see cref="NotRendered"/>
/// counts the unchanged pages a rebuild kept without rendering them (their inputs hash was unchanged).
/// </summary>
/// <see cref="Folders"/> are the output's folders with their last-write times, for the next build's <see cref="OutputListing"/>.
public sealed record PublishReport(
    int Written,
    int Unchanged,
    int Removed,
    IReadOnlyList<string> WrittenFiles,
    IReadOnlyDictionary<string, PublishedFile> Files,
    IReadOnlyDictionary<string, long> Folders,
    int NotRendered = 0)
{
    public int Total => Written + Unchanged;
}
