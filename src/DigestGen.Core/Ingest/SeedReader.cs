using System.Text;
using DigestGen.Diagnostics;

namespace DigestGen.Ingest;

/// <summary>
/// Opens a seed as lines of text whatever its encoding (UTF-8 with or without BOM, UTF-16 with BOM,
/// CRLF or LF), and refuses binary files instead of feeding garbage to the parsers.
/// </summary>
public static class SeedReader
{
    private const int SniffBytes = 8192;

    /// <summary>Returns null (with an error in <paramref name="diagnostics"/>) when the bytes are not text.</summary>
    public static TextReader? Open(Stream stream, string displayName, DiagnosticBag diagnostics)
    {
        var head = new byte[SniffBytes];
        var read = stream.ReadAtLeast(head, SniffBytes, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read == 0)
        {
            diagnostics.Error(displayName, 0, "the file is empty");
            return null;
        }

        var encoding = DetectBom(head.AsSpan(0, read));
        if (encoding is null && LooksBinary(head.AsSpan(0, read)))
        {
            diagnostics.Error(displayName, 0, "the file is binary, not text (it contains NUL or control bytes); it was skipped");
            return null;
        }

        // No BOM: UTF-8, with invalid bytes replaced (and reported) rather than thrown on.
        encoding ??= new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
        return new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    /// <summary>Streams the lines with their numbers; a line with undecodable bytes is reported once per file.</summary>
    public static IEnumerable<SeedLine> Lines(TextReader reader, string displayName, DiagnosticBag diagnostics)
    {
        var number = 0;
        var reportedBadBytes = false;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (number == 1 && text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }

            if (!reportedBadBytes && text.Contains('\uFFFD'))
            {
                reportedBadBytes = true;
                diagnostics.Warn(displayName, number, "the line has bytes that are not valid UTF-8; they were replaced with U+FFFD");
            }

            yield return new SeedLine(number, text);
        }
    }

    private static Encoding? DetectBom(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new UTF8Encoding(false, false);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: false);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: false);
        }

        return null;
    }

    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        var control = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b != (byte)'\n' && b != (byte)'\r' && b != (byte)'\t' && b != 0x0C)
            {
                control++;
            }
        }

        return control > head.Length / 20;
    }
}
