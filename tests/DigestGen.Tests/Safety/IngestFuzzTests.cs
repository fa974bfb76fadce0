using System.Text;
using DigestGen.Diagnostics;
using DigestGen.Ingest;
using DigestGen.Tests.Support;
using DigestGen.Text;

namespace DigestGen.Tests.Safety;

/// <summary>
/// Random bytes, random mutations of real seeds and the known bad cases, thrown at ingestion (and the TeX
/// cleaning curation does next) from a fixed seed, so a failure repeats: no exception escapes, memory stays
/// in proportion to the input, and a stray line between papers costs no paper.
/// </summary>
public class IngestFuzzTests
{
    private static readonly string[] RealSeeds = Directory.GetFiles(Path.Combine(RepoPaths.FixtureContent, "seeds")).Order(StringComparer.Ordinal).ToArray();

    private static readonly string[] Junk =
    [
        "Foo 99, 20x5", "·", "  • 999999999999 authors", "Aug 99", "\u202Egnp.exe", "$$$$", "\\emph{\\emph{\\textbf{",
        "🧵", "(1/N)", "Abstract:", "https://", "Qwen Qwen", "Daily Papers", "\t\t", "}}}}}}", "Sep 27, 2023 9999999",
    ];

    /// <summary>Ingests, then cleans every title and abstract as curation does, and returns the titles; throws nothing.</summary>
    private static (SeedIngestResult Result, long Allocated) Ingest(byte[] bytes)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Seeds.Ingest(bytes, new DiagnosticBag());
        foreach (var listing in result.Listings)
        {
            TexText.Parse(InvisibleCharacters.Strip(listing.Title)).ToPlainText();
            TexText.Parse(listing.Abstract);
        }

        foreach (var record in result.Abstracts)
        {
            TexText.Parse(record.Abstract);
        }

        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void AssertBounded(long allocated, int inputLength, string what) =>
        // Decoding, lines, records and rich text take a few copies of the text; quadratic work takes thousands.
        Assert.True(allocated < 64L * inputLength + (8 << 20), $"{what}: allocated {allocated:N0} bytes for {inputLength:N0} input bytes");

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(1);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, i % 10 == 0 ? 200_000 : 4_000)];
            random.NextBytes(bytes);
            if (i % 2 == 0)
            {
                // Mostly printable, so the text paths run too.
                for (var j = 0; j < bytes.Length; j++)
                {
                    bytes[j] = bytes[j] < 40 ? (byte)'\n' : (byte)(32 + bytes[j] % 95);
                }
            }

            var (_, allocated) = Ingest(bytes);
            AssertBounded(allocated, bytes.Length, $"random input {i}");
        }
    }

    [Fact]
    public void Mutated_real_seeds_never_throw_and_stay_bounded()
    {
        var random = new Random(2);
        foreach (var seed in RealSeeds)
        {
            var original = File.ReadAllBytes(seed);
            for (var i = 0; i < 40; i++)
            {
                var bytes = Mutate(original, random);
                var (_, allocated) = Ingest(bytes);
                AssertBounded(allocated, bytes.Length, $"{Path.GetFileName(seed)} mutation {i}");
            }
        }
    }

    [Fact]
    public void A_stray_line_between_papers_of_a_real_listing_costs_no_paper()
    {
        var random = new Random(3);
        foreach (var seed in RealSeeds)
        {
            var text = File.ReadAllText(seed);
            var original = Ingest(Encoding.UTF8.GetBytes(text)).Result;
            if (original.Format != SeedFormat.Listing)
            {
                continue;
            }

            var titles = original.Listings.Select(l => l.Title).ToList();
            var lines = text.Split('\n').ToList();
            for (var i = 0; i < 20; i++)
            {
                // Before a random paper's title line (1-based line numbers), a junk line of its own.
                var at = original.Listings[random.Next(1, original.Listings.Count)].Source.Line - 1;
                var mutated = lines.Take(at).Append(Junk[random.Next(Junk.Length)]).Append("").Concat(lines.Skip(at));
                var result = Ingest(Encoding.UTF8.GetBytes(string.Join('\n', mutated))).Result;

                Assert.Equal(titles, result.Listings.Select(l => l.Title).Where(titles.Contains));
                Assert.Empty(titles.Except(result.Listings.Select(l => l.Title)));
            }
        }
    }

    [Fact]
    public void The_known_bad_cases_never_throw()
    {
        var cases = new List<byte[]>
        {
            Encoding.UTF8.GetBytes(Seeds.Listing($"A\n\n{Seeds.LongAbstract("a")}\n\n  • 3 authors\n·\nFoo 99, 20x5\n\nB\n\n{Seeds.LongAbstract("b")}\n")),
            Encoding.Latin1.GetBytes(Seeds.Listing($"Caf\u00e9 Paper\n\n{Seeds.LongAbstract("caf\u00e9")}\n")),
            Encoding.UTF8.GetBytes("Dept\nAbstract:" + string.Concat(Enumerable.Repeat("{", 100_000)) + "\n"),
            Encoding.UTF8.GetBytes("Dept\nAbstract:" + string.Concat(Enumerable.Repeat("\\emph{", 100_000)) + "x\n"),
            Encoding.UTF8.GetBytes("Thrilled to share our paper! 🧵\n" + new string('x', 1_000_000) + "\nNew paper! https://t.co/x\n"),
            Encoding.UTF8.GetBytes(Seeds.Listing("\u202Etitle\u202C\n\n" + Seeds.LongAbstract("\u200Bzero") + "\n")),
            new byte[] { 0xEF, 0xBB, 0xBF },
            new byte[] { 0xFF, 0xFE, 0x41 },
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("·\n", 50_000))),
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Aug 19\n", 50_000))),
        };

        foreach (var bytes in cases)
        {
            var (_, allocated) = Ingest(bytes);
            AssertBounded(allocated, bytes.Length, $"case of {bytes.Length} bytes");
        }
    }

    /// <summary>One to five random edits: flipped bytes, lines deleted, doubled or swapped, junk or long lines, a cut.</summary>
    private static byte[] Mutate(byte[] original, Random random)
    {
        var lines = Encoding.UTF8.GetString(original).Split('\n').ToList();
        var bytes = original;
        for (var edits = random.Next(1, 6); edits > 0; edits--)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(9))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[random.Next(lines.Count)]);
                    break;
                case 2:
                    (lines[at], lines[random.Next(lines.Count)]) = (lines[random.Next(lines.Count)], lines[at]);
                    break;
                case 3:
                    lines.Insert(at, Junk[random.Next(Junk.Length)]);
                    break;
                case 4:
                    lines.Insert(at, new string('w', random.Next(1000, 200_000)));
                    break;
                case 5:
                    lines[at] = string.Concat(Enumerable.Repeat("\\textbf{", random.Next(10, 5000))) + lines[at];
                    break;
                case 6:
                    lines = lines.Take(at + 1).ToList();
                    break;
                default:
                    var flipped = Encoding.UTF8.GetBytes(string.Join('\n', lines));
                    for (var n = random.Next(1, 20); n > 0 && flipped.Length > 0; n--)
                    {
                        flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                    }

                    return flipped;
            }

            bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        }

        return bytes;
    }
}
