using System.Text;

namespace DigestGen.Search;

/// <summary>
/// How a term's postings travel in a term shard: one JSON string of base64url characters, about two
/// per posting, where the JSON number pairs they replace took about seven. Per posting, in doc order:
/// a varint of <c>docDelta * 2 + inTitle</c> (5 bits a character, low bits first, 32 = more follows),
/// then one character for the impact (1–63). Its JavaScript twin is <c>decodePostings</c> in
/// <c>search-core.js</c>; both are checked against <c>tests/vectors/postings.json</c>.
/// </summary>
public static class PostingsCodec
{
    public const int MaxImpact = 63;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <param name="postings">(doc, impact 1–63, in title) in ascending doc order.</param>
    public static void Encode(StringBuilder sb, IReadOnlyList<(int Doc, int Impact, bool InTitle)> postings)
    {
        var previous = 0;
        foreach (var (doc, impact, inTitle) in postings)
        {
            Append(sb, ref previous, doc, impact, inTitle);
        }
    }

    /// <summary>One posting after the one at <paramref name="previous"/> (0 before the first), which it then becomes.</summary>
    public static void Append(StringBuilder sb, ref int previous, int doc, int impact, bool inTitle)
    {
        if (doc < previous || impact is < 1 or > MaxImpact)
        {
            throw new ArgumentException($"posting ({doc}, {impact}) is out of order or range", nameof(doc));
        }

        var value = ((doc - previous) * 2) + (inTitle ? 1 : 0);
        do
        {
            var chunk = value & 31;
            value >>= 5;
            sb.Append(Alphabet[chunk | (value > 0 ? 32 : 0)]);
        }
        while (value > 0);

        sb.Append(Alphabet[impact]);
        previous = doc;
    }

    public static string Encode(IReadOnlyList<(int Doc, int Impact, bool InTitle)> postings)
    {
        var sb = new StringBuilder();
        Encode(sb, postings);
        return sb.ToString();
    }
}
