namespace DigestGen.Publish;

/// <summary>
/// A file as the last build left it in <c>output/</c>: size and time to notice outside edits, a hash
/// of its bytes, and the inputs hash of the page it was rendered from (zero for files that have none).
/// </summary>
public sealed record PublishedFile(long Length, long Modified, UInt128 Hash, UInt128 Inputs = default)
{
    /// <summary>True when the file on disk is still as published: same size, not written since.</summary>
    public bool Describes((long Length, long Modified) present) => present.Length == Length && present.Modified == Modified;
}
