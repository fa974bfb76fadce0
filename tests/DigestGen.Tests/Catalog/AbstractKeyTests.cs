using DigestGen.Catalog;

namespace DigestGen.Tests.Catalog;

public class AbstractKeyTests
{
    [Theory]
    [InlineData("We quantize the KV cache.", "  we quantize\tthe kv\n\ncache. ", true)]
    [InlineData("We quantize the KV cache.", "We quantise the KV cache.", false)]
    [InlineData("a b", "ab", false)]
    [InlineData("", "   ", true)]
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
}
