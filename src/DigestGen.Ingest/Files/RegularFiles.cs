using System.Runtime.InteropServices;

namespace DigestGen.Files;

/// <summary>
/// The files under a folder that can be read as files. Anything else found there is passed over: a link to
/// nothing (editors leave <c>.#digest.yml</c> while a file is open), a named pipe (opening one waits for a
/// writer forever), a socket or a device. Links to real files are followed.
/// </summary>
public static class RegularFiles
{
    /// <summary>Every regular file under <paramref name="folder"/>, as '/'-separated paths relative to it, in ordinal order.</summary>
    /// <param name="skipped">Told each path passed over, with why.</param>
    public static List<string> Under(string folder, Action<string, string>? skipped = null, string pattern = "*", bool recurse = true)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = recurse, IgnoreInaccessible = true, AttributesToSkip = 0, MatchType = MatchType.Simple };
        var files = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder, pattern, options))
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            if (WhyNotRegular(path) is { } why)
            {
                skipped?.Invoke(relative, why);
            }
            else
            {
                files.Add(relative);
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Null for a regular file (or a link to one); otherwise what the path is instead.</summary>
    public static string? WhyNotRegular(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[256];
            if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0)
            {
                return new FileInfo(path).LinkTarget is { } target
                    ? $"skipped: it is a link to '{target}', which does not exist"
                    : "skipped: it cannot be read";
            }

            // struct statx keeps the file's type in the top bits of stx_mode, at byte 28 on every architecture.
            return (BitConverter.ToUInt16(buffer, 28) & 0xF000) switch
            {
                0x8000 => null,
                0x1000 => "skipped: it is a named pipe, not a file",
                0xC000 => "skipped: it is a socket, not a file",
                0x2000 or 0x6000 => "skipped: it is a device, not a file",
                _ => "skipped: it is not a regular file",
            };
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true })
        {
            return $"skipped: it is a link to '{info.LinkTarget}', which does not exist";
        }

        return info.Exists ? null : "skipped: it cannot be read";
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 1;

    [DllImport("libc", EntryPoint = "statx")]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
