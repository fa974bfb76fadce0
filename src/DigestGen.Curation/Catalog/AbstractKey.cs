using System.Buffers;
using System.IO.Hashing;
using System.Text;
using System.Runtime.InteropServices;

namespace DigestGen.Catalog;

/// <summary>
/// An abstract as the catalog compares abstracts: equal when their <see cref="TextKey"/> forms are, but
/// held as a hash of that form and the text itself. Every listing's abstract is a key, and copying
/// 100,000 abstracts into normalised strings only to compare them cost hundreds of MB.
/// </summary>
public readonly struct AbstractKey : IEquatable<AbstractKey>
{
    private readonly UInt128 _hash;
    private readonly string _text;

    public AbstractKey(string text)
    {
        _text = text;
        _hash = CoarseHash(text);
    }

    public bool Equals(AbstractKey other)
    {
        if (_hash != other._hash)
        {
            return false;
        }

        // Equal hashes: compare the normalised forms themselves, so a collision can never merge two papers.
        var a = new NormalisedText(_text);
        var b = new NormalisedText(other._text);
        while (true)
        {
            var moreA = a.Next(out var ca);
            var moreB = b.Next(out var cb);
            if (moreA != moreB || ca != cb)
            {
                return false;
            }

            if (!moreA)
            {
                return true;
            }
        }
    }

    public override bool Equals(object? obj) => obj is AbstractKey other && Equals(other);

    public override int GetHashCode() => (int)(ulong)_hash;

    /// <summary>
    /// A hash of the text lowercased, with white space and every other character up to <c>' '</c> left out.
    /// Coarser than the normalised form (texts that differ only in where spaces fall share it, and then
    /// <see cref="Equals(AbstractKey)"/> tells them apart), so equal forms always hash alike; and for
    /// ASCII text, which most abstracts are, it is computed in vector-wide strides instead of a character at a time.
    /// </summary>
    private static UInt128 CoarseHash(string text)
    {
        char[]? rented = null;
        var buffer = text.Length <= 1024 ? stackalloc char[1024] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        var kept = 0;
        if (Ascii.IsValid(text))
        {
            Ascii.ToLower(text, buffer, out _);
            for (var i = 0; i < text.Length; i++)
            {
                var c = buffer[i];
                buffer[kept] = c;
                kept += c > ' ' ? 1 : 0;
            }
        }
        else
        {
            foreach (var c in text)
            {
                if (c > ' ' && !char.IsWhiteSpace(c))
                {
                    buffer[kept++] = char.ToLowerInvariant(c);
                }
            }
        }

        var hash = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(buffer[..kept]));
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return hash;
    }

    /// <summary>The characters of <see cref="TextKey.Of"/>'s result, one at a time, without building it.</summary>
    private ref struct NormalisedText(string text)
    {
        private int _next;
        private bool _space;
        private bool _started;

        public bool Next(out char c)
        {
            while (_next < text.Length)
            {
                var raw = text[_next];
                if (char.IsWhiteSpace(raw))
                {
                    _space = _started;
                    _next++;
                    continue;
                }

                if (_space)
                {
                    _space = false;
                    c = ' ';
                    return true;
                }

                _started = true;
                _next++;
                c = char.ToLowerInvariant(raw);
                return true;
            }

            c = '\0';
            return false;
        }
    }
}
