using System.Text;

namespace DigestGen.Bench;

/// <summary>
/// Writes a deterministic synthetic content/ folder of N papers: mostly listing pages of 500 papers
/// (one digest date each), plus abstract lists and a posts file, so every parser and every stage is
/// exercised. Abstracts draw from topic word clusters, so topics and related papers have structure.
/// </summary>
public static class SyntheticCorpus
{
    public const int PapersPerListing = 500;

    private static readonly string[][] Clusters =
    [
        ["kv", "cache", "eviction", "long", "context", "attention", "memory", "serving", "throughput", "latency", "prefill", "decoding", "speculative", "draft", "tokens"],
        ["quantization", "low-bit", "weights", "activations", "outliers", "pruning", "distillation", "compression", "sparsity", "low-rank", "lora", "precision", "calibration"],
        ["reasoning", "chain", "thought", "reinforcement", "learning", "reward", "policy", "verifier", "math", "test-time", "scaling", "grpo", "rollouts"],
        ["multimodal", "vision", "language", "image", "video", "visual", "tokens", "encoder", "llava", "grounding", "captions", "pixels"],
        ["retrieval", "augmented", "generation", "rag", "retriever", "documents", "knowledge", "graph", "search", "passages", "embedding"],
        ["agents", "tool", "use", "planning", "web", "navigation", "environment", "actions", "workflow", "function", "calling"],
        ["speech", "audio", "recognition", "synthesis", "voice", "acoustic", "speaker", "prosody", "spoken"],
        ["alignment", "safety", "preference", "optimization", "rlhf", "harmful", "jailbreak", "refusal", "human", "feedback"],
        ["privacy", "membership", "inference", "attack", "leakage", "federated", "encryption", "watermark", "copyright"],
        ["multilingual", "translation", "cross-lingual", "low-resource", "languages", "vocabulary", "transfer", "dialects"],
        ["benchmark", "evaluation", "judge", "contamination", "leaderboard", "metrics", "human", "study"],
        ["pretraining", "scaling", "laws", "optimizer", "data", "mixture", "tokens", "compute", "curriculum"],
    ];

    private static readonly string[] Common =
        ["we", "propose", "a", "novel", "method", "that", "improves", "the", "performance", "of", "large", "language", "models",
         "on", "several", "tasks", "while", "reducing", "cost", "and", "show", "results", "across", "settings", "our", "approach",
         "outperforms", "baselines", "experiments", "demonstrate", "analysis", "framework", "training", "model", "in", "with", "for"];

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static void Write(string contentDir, int papers, string themesNote = "")
    {
        var seedsDir = Path.Combine(contentDir, "seeds");
        Directory.CreateDirectory(seedsDir);
        var random = new Random(20251104);
        var manifest = new StringBuilder();
        var start = new DateOnly(2024, 1, 1);
        var abstractPapers = Math.Max(1, papers / 50);
        var listingPapers = papers - abstractPapers;
        var file = 0;
        var id = 0;

        for (var written = 0; written < listingPapers; written += PapersPerListing, file++)
        {
            var count = Math.Min(PapersPerListing, listingPapers - written);
            var captured = start.AddDays(file);
            var name = $"seeds/listing-{file:D4}.txt";
            File.WriteAllText(Path.Combine(contentDir, name), Listing(random, captured, count, ref id));
            manifest.Append($"  - file: {name}\n    captured: {captured:yyyy-MM-dd}\n");
        }

        var abstractsName = "seeds/abstracts.txt";
        var sb = new StringBuilder("Department of Synthetic Studies, Example University\n");
        for (var i = 0; i < abstractPapers; i++)
        {
            sb.Append("Abstract:").Append(Abstract(random, $"Synth{id++}")).Append('\n');
        }

        File.WriteAllText(Path.Combine(contentDir, abstractsName), sb.ToString());
        manifest.Append($"  - file: {abstractsName}\n    captured: {start.AddDays(file):yyyy-MM-dd}\n");

        var postsName = "seeds/posts.txt";
        var posts = new StringBuilder();
        for (var i = 0; i < Math.Max(5, papers / 200); i++)
        {
            posts.Append($"New paper! We introduce Synth{random.Next(id)}: {Sentence(random, Clusters[random.Next(Clusters.Length)], 12)}\n");
            posts.Append($"Work with @author{i} and @coauthor{i}! #ML https://t.co/x{i}\n");
        }

        File.WriteAllText(Path.Combine(contentDir, postsName), posts.ToString());
        manifest.Append($"  - file: {postsName}\n    captured: {start.AddDays(file):yyyy-MM-dd}\n");

        File.WriteAllText(Path.Combine(contentDir, "digest.yml"),
            $"title: Synthetic Digest ({papers} papers)\ndescription: A generated corpus for benchmarks.\nbase_url: https://bench.example/digest/\nseeds:\n{manifest}");
        Directory.CreateDirectory(Path.Combine(contentDir, "pages"));
        File.WriteAllText(Path.Combine(contentDir, "pages", "about.md"), "# About\n\nA synthetic digest for benchmarks." + themesNote);
    }

    /// <summary>One extra listing of 500 new papers, as the "one seed added" rebuild uses.</summary>
    public static void AddSeed(string contentDir, int seedNumber)
    {
        var random = new Random(seedNumber);
        var captured = new DateOnly(2030, 1, 1).AddDays(seedNumber);
        var id = 10_000_000 + (seedNumber * PapersPerListing);
        var name = $"seeds/added-{seedNumber:D4}.txt";
        File.WriteAllText(Path.Combine(contentDir, name), Listing(random, captured, PapersPerListing, ref id));
        File.AppendAllText(Path.Combine(contentDir, "digest.yml"), $"  - file: {name}\n    captured: {captured:yyyy-MM-dd}\n");
    }

    private static string Listing(Random random, DateOnly captured, int count, ref int id)
    {
        var sb = new StringBuilder($"new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\n{Months[captured.Month - 1]} {captured.Day}\n\n");
        for (var i = 0; i < count; i++)
        {
            var name = $"Synth{id++}";
            var cluster = Clusters[random.Next(Clusters.Length)];
            sb.Append(name).Append(": ").Append(Title(random, cluster)).Append("\n\n");
            sb.Append(Abstract(random, name, cluster)).Append("\n\n");
            if (random.Next(4) > 0)
            {
                sb.Append($"  • {random.Next(1, 15)} authors\n·\n");
                var published = captured.AddDays(-random.Next(0, 400));
                sb.Append($"{Months[published.Month - 1]} {published.Day}");
                if (published.Year != captured.Year)
                {
                    sb.Append($", {published.Year}");
                }

                if (random.Next(3) == 0)
                {
                    sb.Append(' ').Append(random.Next(1, 200));
                }

                sb.Append("\n\n");
            }
        }

        return sb.ToString();
    }

    private static string Title(Random random, string[] cluster)
    {
        var words = Enumerable.Range(0, random.Next(4, 9)).Select(_ => cluster[random.Next(cluster.Length)]);
        var title = string.Join(' ', words);
        return char.ToUpperInvariant(title[0]) + title[1..];
    }

    private static string Abstract(Random random, string name, string[]? cluster = null)
    {
        cluster ??= Clusters[random.Next(Clusters.Length)];
        var second = Clusters[random.Next(Clusters.Length)];
        var sb = new StringBuilder($"We present {name}, a {Sentence(random, cluster, 8)}. ");
        for (var s = 0; s < random.Next(4, 8); s++)
        {
            sb.Append(char.ToUpperInvariant('o')).Append("ur ").Append(Sentence(random, random.Next(4) == 0 ? second : cluster, random.Next(12, 24))).Append(". ");
        }

        return sb.ToString().TrimEnd();
    }

    private static string Sentence(Random random, string[] cluster, int words)
    {
        var parts = new string[words];
        for (var i = 0; i < words; i++)
        {
            parts[i] = random.Next(3) == 0 ? cluster[random.Next(cluster.Length)] : Common[random.Next(Common.Length)];
        }

        return string.Join(' ', parts);
    }
}
