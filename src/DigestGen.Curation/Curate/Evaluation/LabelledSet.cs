namespace DigestGen.Curate.Evaluation;

/// <summary>
/// Reads a labelled set: one paper per line, tab-separated: id, topics (comma-separated), related
/// ("five ids best first | more ids also relevant", or empty) and the title for people reading the
/// file. Lines starting with <c>#</c> are comments.
/// </summary>
public static class LabelledSet
{
    public static IReadOnlyList<LabelledPaper> Parse(string text)
    {
        var papers = new List<LabelledPaper>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.TrimEnd('\r').Split('\t');
            var related = cells.Length > 2 ? cells[2].Split('|') : [];
            papers.Add(new LabelledPaper(
                cells[0],
                Ids(cells[1].Replace(',', ' ')),
                related.Length > 0 ? Ids(related[0]) : [],
                related.Length > 1 ? Ids(related[1]) : []));
        }

        return papers;
    }

    private static string[] Ids(string cell) => cell.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
