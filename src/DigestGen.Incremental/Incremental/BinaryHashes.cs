namespace DigestGen.Incremental;

/// <summary>How the binary files in <c>.digestgen-cache/</c> hold a 128-bit hash: the low half first.</summary>
internal static class BinaryHashes
{
    public static UInt128 ReadHash(this BinaryReader reader)
    {
        var low = reader.ReadUInt64();
        return new UInt128(reader.ReadUInt64(), low);
    }

    public static void WriteHash(this BinaryWriter writer, UInt128 hash)
    {
        writer.Write((ulong)hash);
        writer.Write((ulong)(hash >> 64));
    }
}
