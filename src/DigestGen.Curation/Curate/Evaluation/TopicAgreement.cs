using System.Globalization;
using System.Text;
using DigestGen.Curate.Topics;

namespace DigestGen.Curate.Evaluation;

/// <summary>One topic's agreement with the labels: pairs (paper, topic) both gave, only the rules gave, only the labels gave.</summary>
public sealed record TopicCounts(string Topic, int Agreed, int OnlyAssigned, int OnlyLabelled)
{
    public int Labelled => Agreed + OnlyLabelled;

    public double Precision => Agreed + OnlyAssigned == 0 ? 1 : (double)Agreed / (Agreed + OnlyAssigned);

    public double Recall => Labelled == 0 ? 1 : (double)Agreed / Labelled;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// How assigned topics agree with hand labels: per topic, micro precision and recall over (paper, topic)
/// pairs ("other" is no topic, so it counts in the table and the exact matches but not in the micro
/// figures), and the share of papers whose topic set is exactly the labelled one.
/// </summary>
public sealed record TopicAgreement(int Papers, IReadOnlyList<TopicCounts> PerTopic, double MicroPrecision, double MicroRecall, double ExactMatch)
{
    public static TopicAgreement Measure(IReadOnlyList<(IReadOnlyList<string> Labelled, IReadOnlyList<string> Assigned)> papers)
    {
        var counts = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var exact = 0;
        foreach (var (labelled, assigned) in papers)
        {
            exact += labelled.Order().SequenceEqual(assigned.Order()) ? 1 : 0;
            foreach (var topic in labelled.Union(assigned))
            {
                if (!counts.TryGetValue(topic, out var c))
                {
                    counts[topic] = c = new int[3];
                }

                c[labelled.Contains(topic) ? assigned.Contains(topic) ? 0 : 2 : 1]++;
            }
        }

        var perTopic = counts.Select(kv => new TopicCounts(kv.Key, kv.Value[0], kv.Value[1], kv.Value[2])).ToList();
        var topics = perTopic.Where(t => t.Topic != Topic.OtherSlug).ToList();
        var agreed = topics.Sum(t => t.Agreed);
        var precision = agreed == 0 ? 0 : (double)agreed / topics.Sum(t => t.Agreed + t.OnlyAssigned);
        var recall = agreed == 0 ? 0 : (double)agreed / topics.Sum(t => t.Labelled);
        return new TopicAgreement(papers.Count, perTopic, precision, recall, papers.Count == 0 ? 0 : (double)exact / papers.Count);
    }

    /// <summary>A Markdown table, one row per topic, then the micro figures.</summary>
    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine("| topic | labelled | precision | recall | F1 |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var t in PerTopic)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {t.Topic} | {t.Labelled} | {t.Precision:0.00} | {t.Recall:0.00} | {t.F1:0.00} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **micro, {Papers} papers** | | **{MicroPrecision:0.00}** | **{MicroRecall:0.00}** | exact set {ExactMatch:0%} |");
        return text.ToString();
    }
}
