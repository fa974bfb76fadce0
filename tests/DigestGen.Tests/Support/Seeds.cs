using System.Text;
using DigestGen.Diagnostics;
using DigestGen.Ingest;

namespace DigestGen.Tests.Support;

/// <summary>Runs the real ingest on inline seed text.</summary>
internal static class Seeds
{
    public static readonly DateOnly Captured = new(2025, 11, 4);

    public static SeedIngestResult Ingest(string text, DiagnosticBag? diagnostics = null, DateOnly? captured = null) =>
        Ingest(Encoding.UTF8.GetBytes(text), diagnostics, captured);

    public static SeedIngestResult Ingest(byte[] bytes, DiagnosticBag? diagnostics = null, DateOnly? captured = null)
    {
        using var stream = new MemoryStream(bytes);
        return SeedIngestor.Ingest(stream, "seeds/test.txt", captured ?? Captured, diagnostics ?? new DiagnosticBag());
    }

    /// <summary>A listing page's header followed by the given body.</summary>
    public static string Listing(string body, string pageDate = "Nov 4") =>
        $"new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\n{pageDate}\n\n{body}";

    public static string LongAbstract(string topic) =>
        $"We study {topic} in large language models and show that a careful method improves results across many benchmarks while using fewer resources than prior work, which matters for practitioners.";
}
