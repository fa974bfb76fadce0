using DigestGen.Curate;
using DigestGen.Publish;

namespace DigestGen.Pipeline;

/// <summary>The outcome of a build, for the summary and for <c>--json</c>.</summary>
public sealed record BuildResult(BuildSummary Summary, PublishReport Publish, StageTimings Timings, int Pages, int Feeds);
