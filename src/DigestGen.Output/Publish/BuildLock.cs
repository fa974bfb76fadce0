using DigestGen.Config;

namespace DigestGen.Publish;

/// <summary>
/// One build at a time per output folder. The lock is a file beside the build record, held open without
/// sharing: the operating system releases it when the process ends however it ends, so the lock of a
/// killed build is simply taken over by the next one.
/// </summary>
public sealed class BuildLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly FileStream _held;

    private BuildLock(FileStream held) => _held = held;

    public static string PathFor(string outputDir) => CacheFolder.PathFor(outputDir, ".lock");

    /// <param name="wait">False: another build holding the lock is an error (exit code 2) instead of a wait.</param>
    /// <param name="waiting">Told once, with a line for the user, when the build has to wait.</param>
    public static BuildLock Acquire(string outputDir, bool wait, Action<string>? waiting = null)
    {
        var path = PathFor(outputDir);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"digestgen: error: cannot write beside the output folder '{OutputFolder.Full(outputDir)}': {e.Message}");
        }

        var told = false;
        while (true)
        {
            try
            {
                return new BuildLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (UnauthorizedAccessException e)
            {
                throw new ConfigException($"digestgen: error: cannot write the build lock '{path}': {e.Message}");
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!wait)
                {
                    throw new ConfigException(
                        $"digestgen: error: another build is writing '{OutputFolder.Full(outputDir)}' (lock: {path}); run again when it has finished, or leave out --no-wait to wait for it");
                }

                if (!told)
                {
                    waiting?.Invoke($"waiting for another build of '{OutputFolder.Full(outputDir)}' to finish (lock: {path})");
                    told = true;
                }

                Thread.Sleep(Poll);
            }
        }
    }

    public void Dispose() => _held.Dispose();
}
