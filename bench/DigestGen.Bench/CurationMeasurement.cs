using DigestGen.Curate.Evaluation;
using DigestGen.Curate.Topics;
using DigestGen.Diagnostics;
using DigestGen.Pipeline;

namespace DigestGen.Bench;

/// <summary>
/// `bench curation`: the built-in topic rules (or a topics.yml given) and the related lists, run over the
/// fixture of the five first seeds and compared with the hand-labelled set. Prints the per-topic tables
/// of the tuning and held-out parts, the related-papers judgement, and the tuning part's misses (the
/// held-out part's are not printed: looking at them would be tuning on them).
/// </summary>
internal static class CurationMeasurement
{
    public static int Run(string root, string? topicsFile, TextWriter o)
    {
        var content = Path.Combine(root, "tests", "fixtures", "first-seeds", "content");
        var labels = LabelledSet.Parse(File.ReadAllText(Path.Combine(root, "tests", "fixtures", "curation", "labelled-papers.tsv")));
        var digest = DigestLoader.Load(new BuildOptions(content, Path.Combine(Path.GetTempPath(), "digestgen-curation-unused"), new DateOnly(2030, 1, 1)), new StageTimings());
        var diagnostics = new DiagnosticBag();
        var taxonomy = topicsFile is null ? TaxonomyLoader.BuiltIn() : TaxonomyLoader.Parse(File.ReadAllText(topicsFile), topicsFile, diagnostics);
        foreach (var d in diagnostics.Items)
        {
            o.WriteLine(d);
        }

        var report = CurationReport.Measure(digest.Papers, digest.Posts, taxonomy, labels);
        o.WriteLine($"## Topics, held-out part ({report.HeldOut.Papers} papers)\n");
        o.WriteLine(report.HeldOut.Table());
        o.WriteLine($"## Topics, tuning part ({report.Tuning.Papers} papers)\n");
        o.WriteLine(report.Tuning.Table());
        o.WriteLine($"All {report.All.Papers} labelled: micro precision {report.All.MicroPrecision:0.00}, recall {report.All.MicroRecall:0.00}, exact set {report.All.ExactMatch:0%}\n");
        o.WriteLine($"## Related papers\n\nAll: {report.Related}\nHeld-out: {report.RelatedHeldOut}\nPapers with no related list: {report.PapersWithoutRelated} of {digest.Papers.Count}\n");
        o.WriteLine($"## Tuning misses ({report.TuningMisses.Count})\n");
        var assigner = new TopicAssigner(taxonomy);
        var papers = digest.Papers.ToDictionary(p => p.Id);
        foreach (var miss in report.TuningMisses)
        {
            var paper = papers[miss.Id];
            var scores = assigner.Score(TopicCuration.TitleEvidence(paper), paper.Abstract.ToPlainText());
            var scored = string.Join(" ", scores.Select((s, t) => (s, t)).Where(x => x.s > 0).OrderByDescending(x => x.s)
                .Select(x => $"{taxonomy.Topics[x.t].Slug}={x.s:0.#}"));
            o.WriteLine($"- {miss.Id} {miss.Title}: labelled {string.Join(",", miss.Labelled)}; assigned {string.Join(",", miss.Assigned)} ({scored})");
        }

        if (Environment.GetEnvironmentVariable("BENCH_RELATED") == "1")
        {
            // Tuning only: each labelled tuning paper's related list, marked relevant (+), picked (*) or not (-).
            var linked = DigestGen.Curate.Related.RelatedCuration.Apply(
                DigestGen.Curate.Topics.TopicCuration.Apply(digest.Papers, digest.Posts, taxonomy, new Dictionary<string, DigestGen.Curate.PaperOverride>(), new DiagnosticBag()).Papers,
                []).Papers.ToDictionary(p => p.Id);
            foreach (var l in labels.Where(l => l.HasRelated && !l.HeldOut))
            {
                o.WriteLine($"{linked[l.Id].Title} [{string.Join(",", linked[l.Id].Topics)}]");
                foreach (var id in linked[l.Id].Related)
                {
                    var mark = l.Related.Contains(id) ? "*" : l.AlsoRelevant.Contains(id) ? "+" : "-";
                    o.WriteLine($"   {mark} {linked[id].Title[..Math.Min(80, linked[id].Title.Length)]} [{string.Join(",", linked[id].Topics)}]");
                }
            }
        }

        if (Environment.GetEnvironmentVariable("BENCH_SCORES") is { } scoresFile)
        {
            // Tuning only: every tuning-part paper's topic scores, for trying thresholds outside.
            using var w = File.CreateText(scoresFile);
            foreach (var l in labels.Where(l => !l.HeldOut || Environment.GetEnvironmentVariable("BENCH_SCORES_ALL") == "1"))
            {
                var paper = papers[l.Id];
                var scores = assigner.Score(TopicCuration.TitleEvidence(paper), paper.Abstract.ToPlainText());
                var evidence = assigner.Explain(TopicCuration.TitleEvidence(paper), paper.Abstract.ToPlainText());
                w.WriteLine($"{l.Id}\t{string.Join(",", l.Topics)}\t{string.Join(",", scores.Select((s, t) => $"{taxonomy.Topics[t].Slug}={s:0.###}"))}\t" +
                            string.Join(";", evidence.Select(e => $"{e.Topic}|{e.Phrase}|{e.Field}|{e.Mentions}|{taxonomy.BySlug[e.Topic].Phrases.First(p => p.Text == e.Phrase).Weight}")));
            }
        }

        return 0;
    }
}
