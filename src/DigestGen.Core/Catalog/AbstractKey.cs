using System.IO.Hashing;
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
        var hash = new XxHash128();
        Span<char> chunk = stackalloc char[256];
        var length = 0;
        var normalised = new NormalisedText(text);
        while (normalised.Next(out var c))
        {
            chunk[length++] = c;
            if (length == chunk.Length)
            {
                hash.Append(MemoryMarshal.AsBytes(chunk));
                length = 0;
            }
        }

        hash.Append(MemoryMarshal.AsBytes(chunk[..length]));
        _hash = hash.GetCurrentHashAsUInt128();
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
