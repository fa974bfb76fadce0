using DigestGen.Incremental;
using DigestGen.Curate.Terms;
using DigestGen.Tests.Support;
using DigestGen.Text;

namespace DigestGen.Tests.Curate;

/// <summary>What the term memo gives back is exactly what counting would give, term for term.</summary>
public class TermMemoTests
{
    private static readonly DigestGen.Curate.Terms.PaperTermCounts Counting = static (counter, title, body) => (counter.IndexTerms(title), counter.IndexTerms(body));

    private const string Title = "Evicting The KV Cache";
    private const string Body = "Key value cache eviction decides which entries a transformer drops; caches of caches.";

    /// <summary>Terms as words with counts, so results counted into different tables compare.</summary>
    private static string[] Words(TermTable table, TermCount[] counts) => counts.Select(c => $"{table[c.Term]}×{c.Count}").ToArray();

    private static void Remember(string output)
    {
        var memo = TermMemo.Load(output);
        var counter = new TermCounter(memo.Table);
        memo.Around(Counting)(counter, Title, Body);
        memo.Around(Counting)(counter, "Speech Synthesis", "Nothing about caches.");
        memo.Save(output);
    }

    [Fact]
    public void A_second_build_gets_the_same_terms_from_the_memo()
    {
        using var dir = new TempDir();
        var output = dir.Combine("output");
        Remember(output);

        var memo = TermMemo.Load(output);
        var (title, body) = memo.Around(Counting)(new TermCounter(memo.Table), Title, Body);
        var fresh = new TermCounter(new TermTable());
        Assert.Equal(1, memo.Hits);
        Assert.Equal(Words(fresh.Table, fresh.IndexTerms(Title)), Words(memo.Table, title));
        Assert.Equal(Words(fresh.Table, fresh.IndexTerms(Body)), Words(memo.Table, body));
        Assert.Equal(["cache×3", "key×1"], Words(memo.Table, body).Where(w => w.StartsWith("cache") || w.StartsWith("key")).Order());

        // A text the last build did not see is counted into the same table, after the remembered terms.
        var (_, unseen) = memo.Around(Counting)(new TermCounter(memo.Table), "New", "Prefill of speech caches.");
        Assert.Equal(1, memo.Hits);
        Assert.Equal(["prefill×1", "speech×1", "cache×1"], Words(memo.Table, unseen));
    }

    [Fact]
    public void An_unreadable_file_means_no_hits_and_the_right_terms()
    {
        using var dir = new TempDir();
        var output = dir.Combine("output");
        Remember(output);

        var file = TermMemo.PathFor(output);
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..60]);
        var memo = TermMemo.Load(output);
        var (_, body) = memo.Around(Counting)(new TermCounter(memo.Table), Title, Body);
        var fresh = new TermCounter(new TermTable());
        Assert.Equal(0, memo.Hits);
        Assert.Equal(Words(fresh.Table, fresh.IndexTerms(Body)), Words(memo.Table, body));
    }
}
