using DigestGen.Curate;

namespace DigestGen.Tests.Curate;

public class HeadlineDeriverTests
{
    [Theory]
    [InlineData("How cost-effectively can strong reasoning be achieved? Driven by this question, we present Tina, a family of tiny reasoning models achieved with high cost-efficiency. More text.", "Tina: A family of tiny reasoning models achieved with high cost-efficiency")]
    [InlineData("We pretrain METAGENE-1, a 7-billion-parameter autoregressive transformer model, which we call a foundation model.", "METAGENE-1: A 7-billion-parameter autoregressive transformer model")]
    [InlineData("We introduce AI University (AI-U), a flexible framework for course content delivery. It works.", "AI University (AI-U): A flexible framework for course content delivery")]
    [InlineData("We introduce Zebra-CoT, a diverse large-scale dataset with 182,384 samples, containing traces.", "Zebra-CoT: A diverse large-scale dataset with 182,384 samples")]
    [InlineData("We answer this question with Resa, a family of 1.5B reasoning models trained cheaply.", "Resa: A family of 1.5B reasoning models trained cheaply")]
    public void Named_system_leads_the_headline(string abstractText, string expected) =>
        Assert.Equal(expected, HeadlineDeriver.Derive(abstractText));

    [Fact]
    public void Otherwise_the_gist_of_the_first_sentence()
    {
        var headline = HeadlineDeriver.Derive("As API access becomes a primary interface to large language models (LLMs), users often interact with black-box systems. More.");
        Assert.Equal("Users often interact with black-box systems", headline);
    }

    [Fact]
    public void Never_longer_than_100_and_never_empty()
    {
        var headline = HeadlineDeriver.Derive(string.Join(' ', Enumerable.Repeat("word", 80)) + ".");
        Assert.InRange(headline.Length, 1, 100);
        Assert.EndsWith("…", headline);
        Assert.NotEmpty(HeadlineDeriver.Derive("   "));
    }

    [Fact]
    public void Trained_with_a_tool_is_not_a_name()
    {
        var headline = HeadlineDeriver.Derive("Models trained with RLHF, which is costly, can drift.");
        Assert.DoesNotContain("RLHF:", headline);
    }
}
