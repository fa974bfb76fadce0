using System.Text.Json;
using DigestGen.Tests.Support;
using DigestGen.Text;

namespace DigestGen.Tests.Curate;

/// <summary>The C# tokenizer against the vectors its JavaScript twin is tested with too.</summary>
public class TokenizerVectorTests
{
    public static IEnumerable<object[]> Cases()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "vectors", "tokenizer.json")));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            yield return [c.GetProperty("input").GetString()!, c.GetProperty("terms").EnumerateArray().Select(t => t.GetString()!).ToArray()];
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Index_terms_match_the_shared_vectors(string input, string[] terms) =>
        Assert.Equal(terms, Tokenizer.IndexTerms(input));
}
