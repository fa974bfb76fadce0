using DigestGen.Text;

namespace DigestGen.Tests.Ingest;

public class LinkedTextTests
{
    [Theory]
    [InlineData("Code at https://github.com/a/b.", "Code at <a href=\"https://github.com/a/b\" rel=\"noopener\">https://github.com/a/b</a>.")]
    [InlineData("(see https://github.com/a/b)", "(see <a href=\"https://github.com/a/b\" rel=\"noopener\">https://github.com/a/b</a>)")]
    [InlineData("wiki https://en.wikipedia.org/wiki/Foo_(bar), more", "wiki <a href=\"https://en.wikipedia.org/wiki/Foo_(bar)\" rel=\"noopener\">https://en.wikipedia.org/wiki/Foo_(bar)</a>, more")]
    [InlineData("q http://x.org/?a=1&b=2 end", "q <a href=\"http://x.org/?a=1&amp;b=2\" rel=\"noopener\">http://x.org/?a=1&amp;b=2</a> end")]
    [InlineData("No address, a < b.", "No address, a &lt; b.")]
    public void Web_addresses_become_escaped_links(string text, string html) =>
        Assert.Equal(html, LinkedText.ToHtml(text));

    [Theory]
    [InlineData("javascript:alert(1)//https")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://example.org/file")]
    [InlineData("https://")]
    public void Nothing_but_http_and_https_becomes_a_link(string text) =>
        Assert.DoesNotContain("<a ", LinkedText.ToHtml(text));

    [Fact]
    public void A_quote_or_angle_bracket_ends_the_address_so_no_attribute_comes_from_the_text()
    {
        var html = LinkedText.ToHtml("https://x.org/\"onmouseover=\"alert(1) and https://y.org/<script>");
        Assert.Contains("<a href=\"https://x.org/\" rel=\"noopener\">https://x.org/</a>&quot;onmouseover=&quot;alert(1)", html);
        Assert.Contains("<a href=\"https://y.org/\" rel=\"noopener\">https://y.org/</a>&lt;script&gt;", html);
    }

    [Fact]
    public void Rich_text_links_addresses_in_plain_runs_only()
    {
        var text = TexText.Parse("See https://github.com/a/b and \\emph{https://not.linked/x}.");
        var html = text.ToHtml();
        Assert.Contains("<a href=\"https://github.com/a/b\" rel=\"noopener\">", html);
        Assert.Equal(1, html.Split("<a ").Length - 1);
    }
}
