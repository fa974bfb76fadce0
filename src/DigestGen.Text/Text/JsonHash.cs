using System.Buffers;
using System.IO.Hashing;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DigestGen.Text;

/// <summary>A 128-bit hash of a value's JSON (see <see cref="ModelJson"/>): two values hash alike only when every field written is equal.</summary>
public static class JsonHash
{
    // Hashing 100,000 papers serialises each one: a buffer and writer per thread, reused, instead of an array per paper.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    public static UInt128 Of<T>(T value, JsonTypeInfo<T> type)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1 << 14);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, type);
        writer.Flush();
        return XxHash128.HashToUInt128(buffer.WrittenSpan);
    }

    /// <summary>The type's contract in <paramref name="options"/> (built by <see cref="ModelJson.Options"/>).</summary>
    public static JsonTypeInfo<T> TypeIn<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
