using DigestGen.Curate;
using DigestGen.Curate.Evaluation;
using DigestGen.Curate.Topics;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Curate;

/// <summary>
/// Topics and related papers of the fixture site, against the hand-labelled set in
/// tests/fixtures/curation (how it was labelled and split is in its README). `bench curation` prints
/// the per-topic tables these figures come from.
/// </summary>
public class CurationQualityTests
{
    /// <summary>
    /// What the held-out part measured when the rules were last tuned (precision 0.86, recall 0.76), less
    /// a margin: a change that costs more than one or two (paper, topic) pairs fails. The wanted
    /// figures (0.90 and 0.85) are not reached yet.
    /// </summary>
    private const double HeldOutPrecisionFloor = 0.85;

    private const double HeldOutRecallFloor = 0.75;

    /// <summary>
    /// Related lists on the 40 papers with hand picks measured 73% of the slots relevant (the issue wants 80%);
    /// this keeps it from dropping.
    /// </summary>
    private const double RelatedRelevantFloor = 0.70;

    private static readonly Lazy<IReadOnlyList<LabelledPaper>> Labels = new(() =>
        LabelledSet.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "fixtures", "curation", "labelled-papers.tsv"))));

    private static readonly Lazy<CurationReport> Report = new(() =>
        CurationReport.Measure(FixtureDigest.Value.Papers, FixtureDigest.Value.Posts, FixtureDigest.Value.Taxonomy, Labels.Value));

    [Fact]
    public void The_labelled_set_covers_the_corpus_with_known_topics()
    {
        var labels = Labels.Value;
        Assert.Equal(FixtureDigest.Value.Papers.Select(p => p.Id).Order(), labels.Select(l => l.Id).Order());
        var slugs = FixtureDigest.Value.Taxonomy.All.Select(t => t.Slug).ToHashSet();
        Assert.All(labels, l => Assert.InRange(l.Topics.Count, 1, 3));
        Assert.All(labels.SelectMany(l => l.Topics), t => Assert.Contains(t, slugs));
        Assert.Equal(40, labels.Count(l => l.HasRelated));
        Assert.All(labels.Where(l => l.HasRelated), l => Assert.Equal(5, l.Related.Count));
        Assert.InRange(labels.Count(l => l.HeldOut), 70, 80);
    }

    [Fact]
    public void Held_out_topics_keep_their_precision_and_recall()
    {
        var heldOut = Report.Value.HeldOut;
        Assert.True(heldOut.MicroPrecision >= HeldOutPrecisionFloor && heldOut.MicroRecall >= HeldOutRecallFloor,
            $"held-out micro precision {heldOut.MicroPrecision:0.000}, recall {heldOut.MicroRecall:0.000}\n{heldOut.Table()}");
    }

    [Fact]
    public void Every_paper_has_five_related_papers_mostly_relevant()
    {
        Assert.Equal(0, Report.Value.PapersWithoutRelated);
        Assert.All(FixtureDigest.Value.Papers, p => Assert.Equal(5, p.Related.Count));
        var related = Report.Value.Related;
        Assert.True(related.RelevantShare >= RelatedRelevantFloor, related.ToString());
    }

    [Fact]
    public void No_rule_phrase_is_one_papers_title()
    {
        // A phrase found in exactly one title and in no other paper's title or abstract was copied from that
        // title: it labels the one paper and carries to no new seed.
        var papers = FixtureDigest.Value.Papers;
        var copied = new List<string>();
        foreach (var topic in TaxonomyLoader.BuiltIn().Topics)
        {
            foreach (var phrase in topic.Phrases)
            {
                var one = new TopicAssigner(new Taxonomy([topic with { Phrases = [phrase] }]));
                var inTitles = papers.Where(p => !p.TitleDerived && one.Score(p.Title, "")[0] > 0).ToList();
                if (inTitles.Count == 1 && !papers.Any(p => p != inTitles[0] && one.Score(TopicCuration.TitleEvidence(p), p.Abstract.ToPlainText())[0] > 0))
                {
                    copied.Add($"{topic.Slug}: '{phrase.Text}' (only in \"{inTitles[0].Title}\")");
                }
            }
        }

        Assert.True(copied.Count == 0, string.Join('\n', copied));
    }
}
