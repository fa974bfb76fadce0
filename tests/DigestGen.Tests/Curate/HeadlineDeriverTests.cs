using DigestGen.Curate;
using DigestGen.Tests.Support;

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

    /// <summary>A dozen abstracts written for this test: named things, stated contributions, long clauses, background openings.</summary>
    [Theory]
    [InlineData("Serving large models is costly. We present the first open cache layer termed KVShare that lets requests share prefixes across tenants.", "KVShare: The first open cache layer that lets requests share prefixes across tenants")]
    [InlineData("Speech recognisers fail on accents. We propose a data augmentation called AccentMix, which blends accents at training time.", "AccentMix: A data augmentation that blends accents at training time")]
    [InlineData("Reward models are brittle. We show that a reward model trained on rubrics resists length hacking on three benchmarks.", "A reward model trained on rubrics resists length hacking on three benchmarks")]
    [InlineData("Benchmarks saturate quickly. In this paper, we introduce HardMath, a benchmark of 2,000 olympiad problems written by mathematicians.", "HardMath: A benchmark of 2,000 olympiad problems written by mathematicians")]
    [InlineData("Large language models are increasingly used by students, yet little is known about how they change study habits, homework quality or exam preparation across disciplines and countries.", "Large language models are increasingly used by students")]
    [InlineData("We study whether instruction tuning changes what a model knows or only how it answers, using probes on twelve model families and four tasks of increasing difficulty.", "Whether instruction tuning changes what a model knows or only how it answers, using probes")]
    [InlineData("Quantization saves memory. We propose a method that quantizes both weights and activations of diffusion transformers to four bits with a rotation that removes outliers before rounding.", "A method that quantizes both weights and activations of diffusion transformers to four bits")]
    [InlineData("We release OpenFold-2, an open reproduction of a protein structure model, with training code and weights.", "OpenFold-2: An open reproduction of a protein structure model")]
    [InlineData("In recent years, retrieval has become central to question answering. We investigate how retrieval depth affects answer quality for small models.", "How retrieval depth affects answer quality for small models")]
    [InlineData("Agents fail at long tasks. We design a planner that decomposes web tasks into verified subgoals and recovers from errors without human help.", "A planner that decomposes web tasks into verified subgoals and recovers from errors")]
    [InlineData("Recently, (1) privacy attacks and (2) copyright claims have grown. We demonstrate that membership can be inferred from a model's outputs alone.", "Membership can be inferred from a model's outputs alone")]
    [InlineData("Introducing Lumen, a 3B vision-language model for documents, trained on synthetic pages.", "Lumen: A 3B vision-language model for documents")]
    public void Written_abstracts_get_headlines_that_name_the_contribution(string abstractText, string expected) =>
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
        Assert.DoesNotContain("…", headline);
        Assert.NotEmpty(HeadlineDeriver.Derive("   "));
    }

    [Fact]
    public void Trained_with_a_tool_is_not_a_name()
    {
        var headline = HeadlineDeriver.Derive("Models trained with RLHF, which is costly, can drift.");
        Assert.DoesNotContain("RLHF:", headline);
    }

    /// <summary>The 16 papers of the first seeds that came without a title, each headline read and judged (issue 21).</summary>
    [Fact]
    public void The_untitled_papers_of_the_first_seeds_get_whole_headlines()
    {
        var derived = FixtureDigest.Value.Papers.Where(p => p.TitleDerived).Select(p => p.Title).Order(StringComparer.Ordinal).ToList();

        string[] expected =
        [
        "A \"memoization-aware\" Bayesian Optimization algorithm, EEIPU",
        "A rank-based uniformity test that can verify the behavioral equality of a black-box LLM",
        "AI University (AI-U): A flexible framework for AI-driven course content delivery",
        "An active learning approach to efficiently select prompt and preference pairs",
        "Current practices for uncertainty quantification in LLMs are not optimal for developing useful UQ",
        "Geoperception: A benchmark designed to evaluate an MLLM's ability",
        "LLM360 K2-65B: Scaling up our 360-degree OPEN SOURCE approach",
        "LiveBench: The first benchmark that contains frequently-updated questions",
        "LogIX: A software package that can transform existing training code into data valuation code",
        "METAGENE-1: A 7-billion-parameter autoregressive transformer model",
        "Political-LLM: The first principled framework",
        "Probabilistic graphical modeling is a branch of machine learning",
        "Resa: A family of 1.5B reasoning models trained via a novel and efficient sparse autoencoder tuning",
        "Tina: A family of tiny reasoning models achieved with high cost-efficiency",
        "Whether MLLMs can be steered using vectors derived from their text-only LLM backbone",
        "Zebra-CoT: A diverse large-scale dataset with 182,384 samples",
        ];
        Assert.Equal(expected, derived);
        Assert.All(derived, h => Assert.InRange(h.Length, 20, HeadlineDeriver.MaxLength));
        Assert.All(derived, h => Assert.DoesNotContain("…", h));
    }

    [Theory]
    [InlineData("Large language models are widely used. To tackle this problem, we propose a rank-based uniformity test that can verify the behavioral equality of a black-box model to a locally deployed authentic model.", "A rank-based uniformity test that can verify the behavioral equality of a black-box model")]
    [InlineData("Uncertainty matters. We argue that current practices for uncertainty quantification are not optimal for users making decisions in real-world tasks with many steps.", "Current practices for uncertainty quantification are not optimal for users making decisions")]
    [InlineData("Benchmarks age fast. We introduce LiveBench, the first benchmark that (1) contains frequently-updated questions from recent information sources and (2) scores answers automatically.", "LiveBench: The first benchmark that contains frequently-updated questions")]
    [InlineData("We propose a memoization-aware Bayesian optimization algorithm, EEIPU, that works in tandem with a pipeline caching system, allowing it to evaluate many more candidates.", "A memoization-aware Bayesian optimization algorithm, EEIPU")]
    public void The_contribution_is_the_headline_cut_where_a_phrase_ends(string abstractText, string expected) =>
        Assert.Equal(expected, HeadlineDeriver.Derive(abstractText));
}
