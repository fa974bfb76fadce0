using System.Diagnostics;
using System.Text;
using DigestGen.Diagnostics;
using DigestGen.Ingest;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Ingest;

public class BadInputTests
{
    [Fact]
    public void Empty_file_is_an_error_naming_the_file()
    {
        var diagnostics = new DiagnosticBag();
        var result = Seeds.Ingest([], diagnostics);

        Assert.Equal(SeedFormat.Unknown, result.Format);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("seeds/test.txt: error: the file is empty", error.ToString());
    }

    [Fact]
    public void Binary_bytes_are_refused()
    {
        var diagnostics = new DiagnosticBag();
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48 };
        var result = Seeds.Ingest(bytes, diagnostics);

        Assert.Equal(0, result.RecordCount);
        Assert.Contains("binary", Assert.Single(diagnostics.Items).Message);
    }

    [Fact]
    public void Utf16_with_bom_is_read()
    {
        var text = "Dept of Things\nAbstract:An abstract in UTF-16 with café.\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        var result = Seeds.Ingest(bytes);

        Assert.Equal("An abstract in UTF-16 with café.", Assert.Single(result.Abstracts).Abstract);
    }

    [Fact]
    public void Utf8_bom_and_crlf_are_read()
    {
        var text = Seeds.Listing($"A Title\r\n\r\n{Seeds.LongAbstract("x")}\r\n\r\n  • 3 authors\r\n·\r\nAug 7 2\r\n").Replace("\n", "\r\n").Replace("\r\r\n", "\r\n");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var diagnostics = new DiagnosticBag();
        var result = Seeds.Ingest(bytes, diagnostics);

        var paper = Assert.Single(result.Listings);
        Assert.Equal("A Title", paper.Title);
        Assert.Equal(3, paper.AuthorCount);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Ten_megabyte_single_line_is_rejected_quickly()
    {
        var diagnostics = new DiagnosticBag();
        var bytes = Encoding.ASCII.GetBytes(new string('a', 10 * 1024 * 1024));
        var watch = Stopwatch.StartNew();
        var result = Seeds.Ingest(bytes, diagnostics);

        Assert.Equal(SeedFormat.Unknown, result.Format);
        Assert.Contains("fits no known seed format", Assert.Single(diagnostics.Items).Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "a pathological file must not hang the build");
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_read_as_windows_1252_with_a_warning()
    {
        // A listing saved by a Windows program: "é" is the single byte 0xE9 and the bullet 0x95.
        var diagnostics = new DiagnosticBag();
        var text = Seeds.Listing($"Caf\u00e9 Models Need Better Benchmarks\n\n{Seeds.LongAbstract("caf\u00e9")}\n\n  \u2022 3 authors\n\u00b7\nAug 7 2\n");
        var bytes = Encoding.Latin1.GetBytes(text.Replace('\u2022', '\u0095'));
        var result = Seeds.Ingest(bytes, diagnostics);

        var paper = Assert.Single(result.Listings);
        Assert.Equal("Caf\u00e9 Models Need Better Benchmarks", paper.Title);
        Assert.Equal(3, paper.AuthorCount);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal("seeds/test.txt: warning: the file is not valid UTF-8; it was read as Windows-1252", warning.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_utf8_seed_with_a_character_cut_by_a_read_chunk_is_read_as_utf8(int bytesBeforeTheCut)
    {
        // The check reads 64 KiB at a time. It once took a bullet (3 bytes) cut by a chunk's end for invalid
        // UTF-8 and read a whole 600 KB listing as Windows-1252, so "• 3 authors" lines became titles.
        const int chunk = 65536;
        var body = new StringBuilder();
        for (var i = 0; body.Length < chunk + 4096; i++)
        {
            body.Append($"Paper Title Number {i:D5}\n\n{Seeds.LongAbstract("chunks")}\n\n  \u2022 3 authors\n\u00b7\nAug 7 2\n\n");
        }

        var bullet = Encoding.UTF8.GetBytes("\u2022");
        var unpadded = Encoding.UTF8.GetBytes(Seeds.Listing(body.ToString()));
        var before = unpadded.AsSpan(0, chunk - 3).LastIndexOf(bullet);
        var padding = new string(' ', chunk - bytesBeforeTheCut - before);
        var bytes = Encoding.UTF8.GetBytes(Seeds.Listing(padding + body));
        Assert.Equal(bullet, bytes[(chunk - bytesBeforeTheCut)..(chunk - bytesBeforeTheCut + 3)]);

        var diagnostics = new DiagnosticBag();
        var result = Seeds.Ingest(bytes, diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.True(result.Listings.Count > 100);
        Assert.All(result.Listings, l => Assert.Equal(3, l.AuthorCount));
    }

    [Fact]
    public void Prose_that_fits_no_format_is_reported_not_guessed()
    {
        var diagnostics = new DiagnosticBag();
        var result = Seeds.Ingest("Shopping list\n\nMilk and bread and some eggs.\n\nCall the plumber on Tuesday.\n", diagnostics);

        Assert.Equal(SeedFormat.Unknown, result.Format);
        Assert.Equal(Severity.Error, Assert.Single(diagnostics.Items).Severity);
    }
}
