using DigestGen.Publish;

namespace DigestGen.Pipeline;

/// <summary>The whole build: load the digest, then write every output file through a staged, incremental publish.</summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options)
    {
        var timings = new StageTimings();
        var digest = DigestLoader.Load(options, timings);
        var report = timings.Time("publish", () =>
        {
            using var output = StagedOutput.Begin(options.OutputDir);
            output.Write(PapersJson.Path, stream => PapersJson.Write(stream, digest));
            return output.Commit();
        });

        return new BuildResult(digest, report, timings);
    }
}
