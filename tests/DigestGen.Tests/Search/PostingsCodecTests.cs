using System.Text.Json;
using DigestGen.Search;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Search;

/// <summary>The postings encoding against the vectors its JavaScript decoder is tested with too.</summary>
public class PostingsCodecTests
{
    public static IEnumerable<object[]> Cases()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "vectors", "postings.json")));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var postings = c.GetProperty("postings").EnumerateArray()
                .Select(p => $"{p[0].GetInt32()}:{p[1].GetInt32()}:{p[2].GetBoolean()}").ToArray();
            yield return [postings, c.GetProperty("encoded").GetString()!];
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encodes_the_shared_vectors(string[] postings, string encoded)
    {
        var parsed = postings.Select(p => p.Split(':')).Select(p => (int.Parse(p[0]), int.Parse(p[1]), bool.Parse(p[2]))).ToList();
        Assert.Equal(encoded, PostingsCodec.Encode(parsed));
    }

    [Fact]
    public void Refuses_postings_out_of_order_or_range()
    {
        Assert.Throws<ArgumentException>(() => PostingsCodec.Encode([(5, 1, false), (4, 1, false)]));
        Assert.Throws<ArgumentException>(() => PostingsCodec.Encode([(1, 64, false)]));
        Assert.Throws<ArgumentException>(() => PostingsCodec.Encode([(1, 0, false)]));
    }
}
