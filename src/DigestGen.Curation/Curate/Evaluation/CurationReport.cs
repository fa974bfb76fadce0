using DigestGen.Curate.Related;
using DigestGen.Curate.Topics;
using DigestGen.Diagnostics;

namespace DigestGen.Curate.Evaluation;

/// <summary>A labelled paper the rules disagree with: what the labels say and what the rules gave.</summary>
public sealed record TopicMiss(string Id, string Title, IReadOnlyList<string> Labelled, IReadOnlyList<string> Assigned);

/// <summary>
/// Curation measured against a labelled set: topics on the tuning part, on the held-out part and on
/// all labelled papers; related lists on the papers with picks (all, and the held-out ones); papers left
/// without a related list.
/// </summary>
public sealed record CurationReport(
    TopicAgreement Tuning,
    TopicAgreement HeldOut,
    TopicAgreement All,
    RelatedAgreement Related,
    RelatedAgreement RelatedHeldOut,
    int PapersWithoutRelated,
    IReadOnlyList<TopicMiss> TuningMisses)
{
    /// <summary>Topics and related papers as a build gives them (no overrides), over the whole corpus, then compared with the labels.</summary>
    public static CurationReport Measure(IReadOnlyList<Paper> papers, IReadOnlyList<Post> posts, Taxonomy taxonomy, IReadOnlyList<LabelledPaper> labels)
    {
        var (tagged, taggedPosts) = TopicCuration.Apply(papers, posts, taxonomy, new Dictionary<string, PaperOverride>(), new DiagnosticBag());
        var (linked, _) = RelatedCuration.Apply(tagged, taggedPosts);
        var byId = linked.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var missing = labels.Where(l => !byId.ContainsKey(l.Id)).Select(l => l.Id).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"labelled papers not in the corpus: {string.Join(", ", missing)}");
        }

        TopicAgreement Topics(Func<LabelledPaper, bool> which) =>
            TopicAgreement.Measure(labels.Where(which).Select(l => (l.Topics, byId[l.Id].Topics)).ToList());

        var misses = labels
            .Where(l => !l.HeldOut && !l.Topics.Order().SequenceEqual(byId[l.Id].Topics.Order()))
            .Select(l => new TopicMiss(l.Id, byId[l.Id].Title, l.Topics, byId[l.Id].Topics))
            .ToList();
        return new CurationReport(
            Topics(l => !l.HeldOut),
            Topics(l => l.HeldOut),
            Topics(_ => true),
            RelatedAgreement.Measure(labels.Where(l => l.HasRelated).Select(l => (l, byId[l.Id].Related)).ToList(), RelatedCuration.Neighbours),
            RelatedAgreement.Measure(labels.Where(l => l.HasRelated && l.HeldOut).Select(l => (l, byId[l.Id].Related)).ToList(), RelatedCuration.Neighbours),
            linked.Count(p => p.Related.Count == 0),
            misses);
    }
}
