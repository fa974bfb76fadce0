using System.Globalization;

namespace DigestGen.Curate.Evaluation;

/// <summary>
/// How related lists agree with hand picks: of the five slots of each labelled paper, how many show a
/// paper judged relevant (one of the five picked or the others also judged relevant), and how many
/// show one of the five picked.
/// </summary>
public sealed record RelatedAgreement(int Papers, int Slots, int Shown, int Relevant, int Picked)
{
    public double RelevantShare => Slots == 0 ? 0 : (double)Relevant / Slots;

    public static RelatedAgreement Measure(IReadOnlyList<(LabelledPaper Labels, IReadOnlyList<string> Shown)> papers, int slots)
    {
        var shown = papers.Sum(p => Math.Min(slots, p.Shown.Count));
        var relevant = papers.Sum(p => p.Shown.Take(slots).Count(id => p.Labels.Related.Contains(id) || p.Labels.AlsoRelevant.Contains(id)));
        var picked = papers.Sum(p => p.Shown.Take(slots).Count(p.Labels.Related.Contains));
        return new RelatedAgreement(papers.Count, papers.Count * slots, shown, relevant, picked);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Papers} papers, {Slots} slots: {Shown} shown, {Relevant} judged relevant ({RelevantShare:0%} of the slots), {Picked} of them among the five picked");
}
