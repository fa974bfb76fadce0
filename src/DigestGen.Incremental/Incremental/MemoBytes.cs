using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace DigestGen.Incremental;

/// <summary>
/// Reads what a <see cref="BinaryWriter"/> wrote from bytes in memory. <see cref="BinaryReader"/> decodes a
/// string longer than 128 bytes through a <c>StringBuilder</c>, which for a seed's abstracts allocated more
/// than parsing the seed again; here each string is decoded straight from the bytes.
/// </summary>
internal ref struct MemoBytes(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _at;

    /// <summary>Reads a whole file into a pooled buffer and hands <paramref name="read"/> its bytes.</summary>
    public static T ReadFile<T>(string path, Func<ReadOnlySpan<byte>, T> read)
    {
        using var handle = File.OpenHandle(path);
        var length = checked((int)RandomAccess.GetLength(handle));
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var filled = 0;
            while (filled < length)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan(filled, length - filled), filled);
                if (n == 0)
                {
                    throw new EndOfStreamException(path);
                }

                filled += n;
            }

            return read(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public bool ReadBoolean() => _bytes[_at++] != 0;

    public byte ReadByte() => _bytes[_at++];

    public int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(_bytes[_at..]);
        _at += 4;
        return value;
    }

    public UInt128 ReadHash()
    {
        var low = BinaryPrimitives.ReadUInt64LittleEndian(_bytes[_at..]);
        var high = BinaryPrimitives.ReadUInt64LittleEndian(_bytes[(_at + 8)..]);
        _at += 16;
        return new UInt128(high, low);
    }

    public string ReadString()
    {
        var length = Read7BitEncodedInt();
        var text = Encoding.UTF8.GetString(_bytes.Slice(_at, length));
        _at += length;
        return text;
    }

    public int Read7BitEncodedInt()
    {
        var value = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 28)
            {
                throw new FormatException("bad 7-bit encoded number");
            }

            var b = _bytes[_at++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
