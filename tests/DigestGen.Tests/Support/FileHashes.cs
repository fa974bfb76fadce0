using System.Security.Cryptography;

namespace DigestGen.Tests.Support;

/// <summary>Every file under a folder with a hash of its bytes: two folders hold the same files exactly when these are equal.</summary>
internal static class FileHashes
{
    public static SortedDictionary<string, string> Of(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
