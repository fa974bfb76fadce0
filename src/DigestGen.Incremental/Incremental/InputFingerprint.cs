using System.Security.Cryptography;
using System.Text;

namespace DigestGen.Incremental;

/// <summary>
/// One hash over everything a build reads: every file under <c>content/</c> and the theme, the
/// options that change output, and the generator's own build. Equal fingerprints mean the site would
/// come out byte for byte the same, so a rebuild can stop after checking <c>output/</c> is intact.
/// </summary>
public static class InputFingerprint
{
    /// <param name="buildDate">The date the build treats as today.</param>
    /// <param name="baseUrl">The base URL given on the command line, if any (the configured one is part of the content).</param>
    /// <param name="contentFingerprint">The content folder's <see cref="OfFolder"/>.</param>
    /// <param name="themeFingerprint">The theme folder's <see cref="OfFolder"/>, which pages' inputs hashes use too.</param>
    /// <param name="extensions">The seed formats and page families in use, by type: a build given other ones is not the same build.</param>
    public static string Compute(DateOnly buildDate, string? baseUrl, string contentFingerprint, string themeFingerprint, IEnumerable<string> extensions)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        Add("digestgen-inputs/3");
        Add(Text.GeneratorBuild.Id);
        Add(buildDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add(baseUrl ?? "\0");
        Add("content");
        Add(contentFingerprint);
        Add("theme");
        Add(themeFingerprint);
        foreach (var extension in extensions)
        {
            Add(extension);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A hash of every file under a folder, by relative path and content ("" for a missing folder).</summary>
    public static string OfFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return "";
        }

        // Only what a build can read: a pipe or a dangling link (which the build reports) is no input.
        var files = Files.RegularFiles.Under(folder);
        var contents = new byte[files.Count][];
        Parallel.For(0, files.Count, i =>
        {
            // Streamed: a seed read whole is a large-object allocation, and 200 of them set off a full GC each.
            using var stream = new FileStream(Path.Combine(folder, files[i]), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            contents[i] = SHA256.HashData(stream);
        });
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < files.Count; i++)
        {
            var path = Encoding.UTF8.GetBytes(files[i]);
            hash.AppendData(BitConverter.GetBytes(path.Length));
            hash.AppendData(path);
            hash.AppendData(contents[i]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
