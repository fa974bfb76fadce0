using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace DigestGen.Site;

/// <summary>
/// Builds a 128-bit hash of the values a page is rendered from. Every value is written with its length
/// or a type tag, so ("ab", "c") and ("a", "bc") hash apart.
/// </summary>
public sealed class InputsHash
{
    private readonly XxHash128 _hash = new();

    public InputsHash Add(string? text)
    {
        if (text is null)
        {
            return Add(-1);
        }

        Add(text.Length);
        _hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        return this;
    }

    public InputsHash Add(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        MemoryMarshal.Write(bytes, in value);
        _hash.Append(bytes);
        return this;
    }

    public InputsHash Add(DateOnly value) => Add(value.DayNumber);

    public InputsHash Add(DateOnly? value) => value is { } v ? Add(1).Add(v) : Add(0);

    public InputsHash Add(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        MemoryMarshal.Write(bytes, in value);
        _hash.Append(bytes);
        return this;
    }

    /// <summary>The hash; never zero, as zero means "inputs not known".</summary>
    public UInt128 Value
    {
        get
        {
            var value = _hash.GetCurrentHashAsUInt128();
            return value == UInt128.Zero ? UInt128.One : value;
        }
    }
}
