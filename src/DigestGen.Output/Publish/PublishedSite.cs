namespace DigestGen.Publish;

/// <summary>What the last build published into an output folder: every file, and every folder's time.</summary>
public sealed record PublishedSite(IReadOnlyDictionary<string, PublishedFile> Files, IReadOnlyDictionary<string, long> Folders);
