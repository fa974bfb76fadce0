using DigestGen.Text;

namespace DigestGen.Tests.Curate;

public class TexTextTests
{
    [Theory]
    [InlineData(@"at only \$9 USD", "at only $9 USD")]
    [InlineData(@"reaches 43.33\% Pass@1", "reaches 43.33% Pass@1")]
    [InlineData(@"R\&D", "R&D")]
    [InlineData(@"an average of $103\%$ more", "an average of 103% more")]
    [InlineData(@"reduces by sim75\% in prefill", "reduces by ~75% in prefill")]
    [InlineData(@"of ghost sentences~(ge10).", "of ghost sentences (≥10).")]
    [InlineData("using 2.6times less memory, 2.35times sim 3.47times faster", "using 2.6× less memory, 2.35× ~3.47× faster")]
    [InlineData("sometimes similar", "sometimes similar")]
    [InlineData("le 5 and geq 3 but age10, 5 times, x5timesy and lesim 2", "≤5 and ≥3 but age10, 5 times, x5timesy and lesim 2")]
    [InlineData("sim5", "~5")]
    [InlineData("a plain sentence with 42 in it", "a plain sentence with 42 in it")]
    [InlineData("  white \t space\n\nnormalised  ", "white space normalised")]
    public void Scraped_tex_becomes_reader_text(string raw, string expected)
    {
        Assert.Equal(expected, TexText.Parse(raw).ToPlainText());
    }

    [Fact]
    public void Bold_and_emphasis_become_markup()
    {
        var text = TexText.Parse(@"We introduce $\textbf{Zebra-CoT}$, an \emph{interleaved} set.");

        Assert.Equal("We introduce Zebra-CoT, an interleaved set.", text.ToPlainText());
        Assert.Equal("We introduce <strong>Zebra-CoT</strong>, an <em>interleaved</em> set.", text.ToHtml());
    }

    [Fact]
    public void Real_math_is_kept_as_math()
    {
        var text = TexText.Parse(@"runs in $O(n^2)$ time");

        Assert.True(text.HasMath);
        Assert.Equal("runs in O(n^2) time", text.ToPlainText());
        var html = text.ToHtml();
        Assert.Contains("<math", html);
        Assert.Contains("<msup><mi>n</mi><mn>2</mn></msup>", html);
        Assert.DoesNotContain("$", html);
    }

    [Fact]
    public void Seed_text_is_escaped_in_html()
    {
        var html = TexText.Parse("<script>alert(1)</script> & \\textbf{<b>}").ToHtml();

        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; &amp; <strong>&lt;b&gt;</strong>", html);
    }

    [Fact]
    public void A_lone_dollar_stays_a_dollar()
    {
        Assert.Equal("costs $5 or more", TexText.Parse("costs $5 or more").ToPlainText());
    }
}
