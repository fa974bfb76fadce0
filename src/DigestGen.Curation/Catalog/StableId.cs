using System.Security.Cryptography;
using System.Text;

namespace DigestGen.Catalog;

/// <summary>
/// Ids derived from what a record *is* (its normalised title or abstract), never from file names or
/// positions, so adding seeds or renaming files does not change them.
/// </summary>
public static class StableId
{
    public static string For(char prefix, string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return prefix + Convert.ToHexStringLower(hash[..6]);
    }
}
