namespace DigestGen.Curate.Evaluation;

/// <summary>
/// A paper as a person labelled it by reading its title and abstract: its topics ("other" when none
/// fits) and, for some papers, the five most related papers of the corpus (best first) and others
/// also judged relevant.
/// </summary>
public sealed record LabelledPaper(string Id, IReadOnlyList<string> Topics, IReadOnlyList<string> Related, IReadOnlyList<string> AlsoRelevant)
{
    /// <summary>
    /// The held-out part: papers whose id ends in 0–5 (six of sixteen hex digits, about 38%). Rules and
    /// weights are tuned looking at the other papers only; these are scored, never studied one by one.
    /// </summary>
    public bool HeldOut => Id[^1] is >= '0' and <= '5';

    public bool HasRelated => Related.Count > 0;
}
