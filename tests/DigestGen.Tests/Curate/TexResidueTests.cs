using DigestGen.Text;

namespace DigestGen.Tests.Curate;

/// <summary>TeX that lost its backslashes in the real seeds, and text that only looks like it.</summary>
public class TexResidueTests
{
    [Theory]
    [InlineData("Inference Scaling scriptsizeFLaws: The Limits of LLM Resampling", "Inference Scaling FLaws: The Limits of LLM Resampling")]
    [InlineData("enabling language models to ``think'' longer", "enabling language models to “think” longer")]
    [InlineData("a new phenomenon termed ``scaling law crossover,'' where", "a new phenomenon termed “scaling law crossover,” where")]
    [InlineData("why ``prompting might be all you need post-LLM compression\". Our", "why “prompting might be all you need post-LLM compression”. Our")]
    [InlineData("the error epsilon_{mathrm{RM}} of the model", "the error ε_RM of the model")]
    [InlineData("when the sampling budget is N=tildeOmega(C^*), the regret of BoM is O(epsilon_{opt}+epsilon_{mathrm{RM}^2C^*/k}), where", "when the sampling budget is N=Ω\u0303(C^*), the regret of BoM is O(ε_opt+ε_{RM^2C^*/k}), where")]
    [InlineData("a textbf{bold} claim", "a bold claim")]
    public void Residue_is_cleaned(string raw, string clean) =>
        Assert.Equal(clean, TexText.Parse(raw).ToPlainText());

    [Theory]
    [InlineData("We emphasize textbook mathematics and scriptsizes.")]
    [InlineData("The mathrm command, as `code` and 'quotes'.")]
    [InlineData("A title with `` nothing closed")]
    [InlineData("The alpha(release) of a beta version; tilde and hat as words; Omega Labs.")]
    public void Words_that_only_look_like_commands_are_kept(string text) =>
        Assert.Equal(text.Replace("``", "“", StringComparison.Ordinal), TexText.Parse(text).ToPlainText());
}
