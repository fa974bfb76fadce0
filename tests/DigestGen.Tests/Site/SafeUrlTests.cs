using DigestGen.Site;

namespace DigestGen.Tests.Site;

/// <summary>Which URLs may become links: http(s), mailto, relative; a scheme hidden by characters browsers ignore is still seen.</summary>
public class SafeUrlTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("../../papers/x/", true)]
    [InlineData("papers/a:b/", true)]
    [InlineData("/a:b", true)]
    [InlineData("?q=a:b", true)]
    [InlineData("#x:y", true)]
    [InlineData("https://example.org/?a=1", true)]
    [InlineData("HTTP://example.org", true)]
    [InlineData("mailto:a@example.org", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JavaScript:alert(1)", false)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("java\nscript:alert(1)//", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("data:text/html,<script>", false)]
    [InlineData("data:image/png;base64,AAAA", false)]
    [InlineData("unknown:thing/path", false)]
    public void A_link_is_allowed_only_with_a_safe_scheme_or_none(string url, bool allowed) =>
        Assert.Equal(allowed, SafeUrl.IsAllowed(url));

    [Theory]
    [InlineData("data:image/png;base64,AAAA", true)]
    [InlineData("data:image/svg+xml,<svg onload=x>", false)]
    [InlineData("data:text/html,x", false)]
    public void An_image_may_be_a_data_url_but_not_svg(string url, bool allowed) =>
        Assert.Equal(allowed, SafeUrl.IsAllowed(url, image: true));
}
