namespace DigestGen.Publish;

/// <summary>A file as the last build left it in <c>output/</c>: size and time to notice outside edits, and a hash of its bytes.</summary>
public sealed record PublishedFile(long Length, long Modified, UInt128 Hash)
{
    /// <summary>True when the file on disk is still as published: same size, not written since.</summary>
    public bool Describes((long Length, long Modified) present) => present.Length == Length && present.Modified == Modified;
}
