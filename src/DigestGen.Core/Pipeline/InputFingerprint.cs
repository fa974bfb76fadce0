using System.Security.Cryptography;
using System.Text;

namespace DigestGen.Pipeline;

/// <summary>
/// One hash over everything a build reads: every file under <c>content/</c> and the theme, the
/// options that change output, and the generator's own build. Equal fingerprints mean the site would
/// come out byte for byte the same, so a rebuild can stop after checking <c>output/</c> is intact.
/// </summary>
public static class InputFingerprint
{
    public static string Compute(BuildOptions options, string themeDirectory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        Add("digestgen-inputs/1");
        Add(typeof(InputFingerprint).Assembly.ManifestModule.ModuleVersionId.ToString());
        Add(options.BuildDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add(options.BaseUrl ?? "\0");
        AddFolder(hash, Add, "content", options.ContentDir);
        AddFolder(hash, Add, "theme", themeDirectory);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AddFolder(IncrementalHash hash, Action<string> add, string label, string folder)
    {
        add(label);
        if (!Directory.Exists(folder))
        {
            return;
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var contents = new byte[files.Count][];
        Parallel.For(0, files.Count, i => contents[i] = SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, files[i]))));
        for (var i = 0; i < files.Count; i++)
        {
            add(files[i]);
            hash.AppendData(contents[i]);
        }
    }
}
