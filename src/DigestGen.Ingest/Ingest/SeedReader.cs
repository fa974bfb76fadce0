using System.Text;
using System.Text.Unicode;
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

        if (encoding is null && !IsUtf8(stream))
        {
            // Text saved by a Windows program in its "ANSI" code page: every byte means a character there, and
            // decoding it as UTF-8 would turn accents and quotes into U+FFFD (or worse, into new papers' titles).
            diagnostics.Warn(displayName, 0, "the file is not valid UTF-8; it was read as Windows-1252");
            encoding = Windows1252;
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

    private static readonly Encoding Windows1252 = CodePage1252();

    private static Encoding CodePage1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// <summary>Whether the whole stream is valid UTF-8 (read once in chunks, checked with the vectorised <see cref="Utf8.IsValid(ReadOnlySpan{byte})"/>, then rewound).</summary>
    private static bool IsUtf8(Stream stream)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var carried = 0;
            int read;
            while ((read = stream.Read(buffer, carried, buffer.Length - carried)) > 0)
            {
                var filled = carried + read;

                // A character cut by the chunk's end is checked with the next chunk: back up to its first byte.
                var end = filled;
                for (var back = 1; back <= 3 && back <= filled; back++)
                {
                    if ((buffer[filled - back] & 0xC0) != 0x80)
                    {
                        end = buffer[filled - back] >= 0xC0 ? filled - back : filled;
                        break;
                    }
                }

                if (!Utf8.IsValid(buffer.AsSpan(0, end)))
                {
                    return false;
                }

                carried = filled - end;
                buffer.AsSpan(end, carried).CopyTo(buffer);
            }

            return carried == 0 || Utf8.IsValid(buffer.AsSpan(0, carried));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            stream.Position = 0;
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
