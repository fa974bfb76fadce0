using DigestGen.Diagnostics;
using DigestGen.Ingest;
using DigestGen.Curate;
using DigestGen.Curate.Topics;
using DigestGen.Pipeline;
using DigestGen.Render;

namespace DigestGen.Cli.Commands;

/// <summary>The text the commands print about a digest: plain lines, so CI logs and editors can read them.</summary>
internal static class Report
{
    public static void Seeds(TextWriter o, Digest digest)
    {
        o.WriteLine("Seeds:");
        foreach (var seed in digest.Seeds)
        {
            var counts = seed.Format == SeedFormat.Unknown ? "skipped" : $"{seed.Records} {SeedFormats.Named(seed.Format)?.RecordNoun ?? "records"}";
            o.WriteLine($"  {seed.File}  {seed.Format}  captured {seed.Captured:yyyy-MM-dd}  {seed.Lines} lines  {counts}");
        }
    }

    /// <summary>
    /// Which templates Scriban's interpreter renders, and why: they work as written, but a page template
    /// rendered for every paper is several times slower that way (themes/default/README.md says what compiles).
    /// </summary>
    public static void Templates(TextWriter o, Theme? theme, string shownFrom)
    {
        if (theme is null || theme.Interpreted.Count == 0)
        {
            return;
        }

        o.WriteLine("Templates rendered by Scriban's interpreter, with the first construct not compiled (the others are compiled):");
        foreach (var (file, reason) in theme.Interpreted.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            // The reason starts with the template's full path; shown from the project, as other problems are.
            var shown = Shown(shownFrom, file);
            o.WriteLine($"  {(reason.StartsWith(file, StringComparison.Ordinal) ? shown + reason[file.Length..] : $"{shown}: {reason}")}");
        }
    }

    /// <summary>A file's path as problems show it: from <paramref name="from"/> (the folder holding content and themes), with forward slashes.</summary>
    public static string Shown(string from, string path) => Path.GetRelativePath(from, path).Replace('\\', '/');

    /// <summary>Topic, paper count, and by name the papers no rule selected, so the curator can extend the rules.</summary>
    public static void Topics(TextWriter o, Digest digest)
    {
        if (digest.Taxonomy.Topics.Count == 0)
        {
            return;
        }

        var counts = digest.Papers.SelectMany(p => p.Topics).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        o.WriteLine("Topics:");
        var width = digest.Taxonomy.All.Max(t => t.Slug.Length);
        foreach (var topic in digest.Taxonomy.All)
        {
            o.WriteLine($"  {topic.Slug.PadRight(width)}  {counts.GetValueOrDefault(topic.Slug),6}  {topic.Name}");
        }

        foreach (var paper in digest.Papers.Where(p => p.Topics.Contains(Topic.OtherSlug)).OrderBy(p => p.Title, StringComparer.Ordinal))
        {
            o.WriteLine($"  other: {paper.Id}  {paper.Title}");
        }

        // Thin evidence: the curator may want to confirm these in overrides.yml, or widen the rules.
        var assigner = new TopicAssigner(digest.Taxonomy);
        foreach (var paper in digest.Papers.Where(p => !p.Topics.Contains(Topic.OtherSlug)).OrderBy(p => p.Title, StringComparer.Ordinal))
        {
            var scores = assigner.Score(TopicCuration.TitleEvidence(paper), paper.Abstract.ToPlainText());
            var best = scores.Max();
            if (TopicExplanation.IsWeak(best))
            {
                o.WriteLine($"  weak: {paper.Id}  {paper.Title}  (best topic {digest.Taxonomy.Topics[Array.IndexOf(scores, best)].Slug}, {best:0.#} points; see check --explain {paper.Id})");
            }
        }

        // A topic page of one or two papers is thin for a reader and a hint that the topic's phrases miss.
        foreach (var topic in digest.Taxonomy.Topics.Where(t => counts.GetValueOrDefault(t.Slug) < SmallTopic))
        {
            o.WriteLine($"  few papers: {topic.Slug} has {counts.GetValueOrDefault(topic.Slug)} (fewer than {SmallTopic}): widen its phrases in topics.yml, or merge it into another topic");
        }
    }

    /// <summary>
    /// <c>check --explain ID</c>: a paper's topics and why, from the rules' evidence: every phrase found in the
    /// title and abstract with its mentions and points, each topic's total, and the topics that came close.
    /// </summary>
    public static int Explain(TextWriter o, TextWriter stderr, Digest digest, string idOrSlug)
    {
        var paper = digest.Papers.FirstOrDefault(p => p.Id == idOrSlug || p.Slug == idOrSlug);
        if (paper is null)
        {
            stderr.WriteLine($"digestgen: error: no paper has the id or slug '{idOrSlug}' (ids are on each paper page and in output/data/papers/)");
            return ExitCodes.UsageOrConfig;
        }

        var why = TopicExplanation.Of(new TopicAssigner(digest.Taxonomy), digest.Taxonomy, paper);
        o.WriteLine($"{paper.Id}  {paper.Title}{(paper.TitleDerived ? "  (derived headline: no title evidence)" : "")}");
        o.WriteLine($"topics: {string.Join(", ", paper.Topics)}" +
                    (paper.Topics.SequenceEqual(why.Assigned) ? "" : $"  (set in overrides.yml; the rules give {string.Join(", ", why.Assigned)})"));
        o.WriteLine($"rules: a topic needs {TopicAssigner.MinScore:0} points and {TopicAssigner.RunnerUpShare:0%} of the best topic's or {TopicAssigner.SideTopicScore:0} of its own; " +
                    $"a title phrase counts {TopicAssigner.TitleFactor}× its weight, an abstract phrase weight × (1 + ln mentions)");
        foreach (var score in why.Scores)
        {
            o.WriteLine($"  {score.Topic}: {score.Points:0.#} points, {(score.Kept ? "kept" : "not kept: " + score.WhyNot)}");
            foreach (var e in why.Evidence.Where(e => e.Topic == score.Topic))
            {
                o.WriteLine($"    {e.Field} '{e.Phrase}' ×{e.Mentions}: {e.Points:0.#}");
            }
        }

        if (why.Scores.Count == 0)
        {
            o.WriteLine("  no topic phrase found: the paper is in 'other'");
        }

        return ExitCodes.Success;
    }

    /// <summary>Fewer papers than this make a topic worth the curator's look.</summary>
    public const int SmallTopic = 3;

    public static void Problems(TextWriter o, BuildSummary summary)
    {
        // On GitHub Actions, problems also become annotations that name file and line in the run's summary.
        var annotate = Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";
        foreach (var d in summary.Problems)
        {
            o.WriteLine(d.ToString());
            if (annotate)
            {
                var level = d.Severity == Severity.Error ? "error" : "warning";
                o.WriteLine($"::{level} file=content/{d.File},line={Math.Max(1, d.Line)}::{d.Message}");
            }
        }
    }

    public static void Totals(TextWriter o, BuildSummary summary)
    {
        o.WriteLine($"{summary.Papers} papers, {summary.Posts} posts from {summary.Seeds.Count} seeds ({summary.SkippedSeeds} skipped); " +
                    $"{summary.ErrorCount} errors, {summary.WarningCount} warnings");
    }

    /// <summary>
    /// Runs a command body, turning configuration and usage problems into exit code 2 with the message, and
    /// anything unforeseen into one line and exit code 3: a curator never sees a stack trace.
    /// </summary>
    public static int Guard(TextWriter stderr, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e)
        {
            return Fail(stderr, e);
        }
    }

    /// <summary>The one line (and exit code) for an exception that ended a command.</summary>
    public static int Fail(TextWriter stderr, Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            e = aggregate.InnerExceptions[0];
        }

        switch (e)
        {
            case Config.ConfigException:
                stderr.WriteLine(e.Message);
                return ExitCodes.UsageOrConfig;
            case FormatException:
                stderr.WriteLine($"digestgen: error: {e.Message}");
                return ExitCodes.UsageOrConfig;
            case IOException or UnauthorizedAccessException:
                // The file system refused: a folder that cannot be written, a disk that is full.
                stderr.WriteLine($"digestgen: error: {e.Message}");
                return ExitCodes.UsageOrConfig;
            default:
                stderr.WriteLine($"digestgen: internal error: {e.GetType().Name}: {e.Message}");
                stderr.WriteLine("This is a bug in DigestGen; please report it with the command you ran. Set DIGESTGEN_TRACE=1 to print where it happened.");
                if (Environment.GetEnvironmentVariable("DIGESTGEN_TRACE") == "1")
                {
                    stderr.WriteLine(e.ToString());
                }

                return ExitCodes.InternalError;
        }
    }

    public static int ExitCode(BuildSummary summary, bool strict) =>
        summary.ErrorCount > 0 || (strict && summary.WarningCount > 0) ? ExitCodes.ContentErrors : ExitCodes.Success;
}
