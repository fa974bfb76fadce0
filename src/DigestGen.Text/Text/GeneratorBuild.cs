using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;

namespace DigestGen.Text;

/// <summary>
/// Which build of DigestGen is running: a hash of the module version ids of all its assemblies (the layers
/// beside this one). Caches and page hashes include it, so a new generator never reuses what an older one
/// computed. Deterministic builds give the same ids for the same code.
/// </summary>
public static class GeneratorBuild
{
    public static string Id { get; } = Compute();

    private static string Compute()
    {
        var folder = Path.GetDirectoryName(typeof(GeneratorBuild).Assembly.Location);
        var files = folder is null
            ? []
            : Directory.EnumerateFiles(folder, "*.dll")
                .Where(f => Path.GetFileName(f).StartsWith("DigestGen.", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(f) == "digestgen.dll")
                .Order(StringComparer.Ordinal)
                .ToList();
        var text = new StringBuilder();
        foreach (var file in files)
        {
            using var reader = new PEReader(File.OpenRead(file));
            var metadata = reader.GetMetadataReader();
            text.Append(Path.GetFileName(file)).Append(' ').Append(metadata.GetGuid(metadata.GetModuleDefinition().Mvid)).Append('\n');
        }

        // Without the files (a single-file publish), this assembly's own id is what there is.
        text.Append(typeof(GeneratorBuild).Assembly.ManifestModule.ModuleVersionId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}
