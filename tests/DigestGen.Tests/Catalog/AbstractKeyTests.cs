using DigestGen.Catalog;

namespace DigestGen.Tests.Catalog;

public class AbstractKeyTests
{
    [Theory]
    [InlineData("We quantize the KV cache.", "  we quantize\tthe kv\n\ncache. ", true)]
    [InlineData("We quantize the KV cache.", "We quantise the KV cache.", false)]
    [InlineData("a b", "ab", false)]
    [InlineData("", "   ", true)]
    [InlineData("Über\u00A0die  KV-Caches", "über die\u2003kv-caches", true)]
    [InlineData("Über die KV-Caches", "Überdie KV-Caches", false)]
    [InlineData("ab\u0001c", "AB\u0001C", true)]
    [InlineData("ab\u0001c", "abc", false)]
    public void Abstracts_are_equal_exactly_when_their_text_keys_are(string a, string b, bool equal)
    {
        Assert.Equal(TextKey.Of(a) == TextKey.Of(b), equal);
        Assert.Equal(equal, new AbstractKey(a).Equals(new AbstractKey(b)));
        if (equal)
        {
            Assert.Equal(new AbstractKey(a).GetHashCode(), new AbstractKey(b).GetHashCode());
        }
    }

    [Fact]
    public void Long_abstracts_compare_past_the_hashing_chunk()
    {
        var text = string.Concat(Enumerable.Repeat("Attention  reads fewer keys. ", 40));
        Assert.Equal(new AbstractKey(text), new AbstractKey(text.ToUpperInvariant().Replace("  ", " ")));
        Assert.NotEqual(new AbstractKey(text), new AbstractKey(text + "!"));
    }

    [Fact]
    public void Equal_keys_hash_alike_whether_or_not_the_text_is_ascii()
    {
        // ASCII text is hashed a block at a time, other text a character at a time: both must agree.
        var random = new Random(8);
        for (var i = 0; i < 2000; i++)
        {
            // Without "é", only the white space keeps the text from being ASCII, and its key is ASCII.
            var alphabet = i % 2 == 0 ? "aB zQ\t\n\u00A0é\u2009." : "aB zQ\t\n\u00A0\u2009.";
            var text = new string(Enumerable.Range(0, random.Next(0, 2100)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var twin = TextKey.Of(text);
            Assert.Equal(new AbstractKey(text), new AbstractKey(twin));
            Assert.Equal(new AbstractKey(text).GetHashCode(), new AbstractKey(twin).GetHashCode());
        }
    }
}
