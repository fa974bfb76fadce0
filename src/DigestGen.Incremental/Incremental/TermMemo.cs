using DigestGen.Curate.Terms;
using DigestGen.Publish;
using DigestGen.Text;

namespace DigestGen.Incremental;

/// <summary>
/// Every paper's title and abstract terms from the last build, by a hash of its title and abstract: a
/// rebuild after a new seed counts only the new papers' terms. Counting is a pure function of the text
/// and the generator's build, and the file is only used by the same build, so a hit is what counting
/// would give. Term numbers in the file are those of its own <see cref="Table"/>, which the build then
/// counts new papers into. Kept beside the build record in <c>.digestgen-cache/</c>, never deployed.
/// </summary>
public sealed class TermMemo
{
    private const int FormatVersion = 1;

    private readonly MemoEntries<(TermCount[] Title, TermCount[] Abstract)> _terms;

    private TermMemo(TermTable table, Dictionary<UInt128, (TermCount[] Title, TermCount[] Abstract)> terms)
    {
        Table = table;
        _terms = new MemoEntries<(TermCount[], TermCount[])>(terms);
    }

    /// <summary>The table the remembered terms are numbered in; terms met in this build are added to it.</summary>
    public TermTable Table { get; }

    /// <summary>How many papers' terms came from the last build instead of being counted again.</summary>
    public int Hits => _terms.Hits;

    /// <summary>Term counting, remembered: what <paramref name="counting"/> gives a title and body (counting into <see cref="Table"/>), from the last build when it saw them.</summary>
    public PaperTermCounts Around(PaperTermCounts counting) =>
        (counter, title, body) => _terms.Get(title, body, (counting, counter, title, body), static s => s.counting(s.counter, s.title, s.body));

    public static string PathFor(string outputDir) => CacheFolder.PathFor(outputDir, ".terms.bin");

    /// <summary>The memo the last build left for this output folder; empty when there is none, it cannot be read, or the generator changed.</summary>
    public static TermMemo Load(string outputDir) =>
        MemoFile.Read(PathFor(outputDir), FormatVersion, MemoFile.Context([]), Read) ?? new TermMemo(new TermTable(), []);

    private static TermMemo Read(ref MemoBytes r)
    {
        var table = new TermTable();
        var termCount = r.ReadInt32();
        for (var i = 0; i < termCount; i++)
        {
            if (table.IdOf(r.ReadString()) != i)
            {
                throw new FormatException("a term is listed twice");
            }
        }

        var count = r.ReadInt32();
        var terms = new Dictionary<UInt128, (TermCount[], TermCount[])>(count);
        while (terms.Count < count)
        {
            var key = r.ReadHash();
            terms[key] = (ReadCounts(ref r, termCount), ReadCounts(ref r, termCount));
        }

        return new TermMemo(table, terms);
    }

    /// <summary>Writes the table and what this build looked up, atomically.</summary>
    public void Save(string outputDir) => MemoFile.Write(PathFor(outputDir), FormatVersion, MemoFile.Context([]), writer =>
    {
        var termCount = Table.Count;
        writer.Write(termCount);
        for (var i = 0; i < termCount; i++)
        {
            writer.Write(Table[i]);
        }

        writer.Write(_terms.Count);
        foreach (var (key, (title, body)) in _terms.ToSave())
        {
            MemoFile.WriteKey(writer, key);
            WriteCounts(writer, title);
            WriteCounts(writer, body);
        }
    });

    private static TermCount[] ReadCounts(ref MemoBytes r, int termCount)
    {
        var counts = new TermCount[r.Read7BitEncodedInt()];
        for (var i = 0; i < counts.Length; i++)
        {
            var term = r.Read7BitEncodedInt();
            if ((uint)term >= (uint)termCount)
            {
                throw new FormatException("a term number is out of range");
            }

            counts[i] = new TermCount(term, r.Read7BitEncodedInt());
        }

        return counts;
    }

    private static void WriteCounts(BinaryWriter writer, TermCount[] counts)
    {
        writer.Write7BitEncodedInt(counts.Length);
        foreach (var (term, count) in counts)
        {
            writer.Write7BitEncodedInt(term);
            writer.Write7BitEncodedInt(count);
        }
    }
}
