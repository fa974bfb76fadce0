using System.Text.Json.Serialization;
using DigestGen.Curate.Topics;
using DigestGen.Diagnostics;
using DigestGen.Ingest;

namespace DigestGen.Incremental;

/// <summary>What the memos store or key by, serialised by generated code (see <see cref="Text.ModelJson"/>).</summary>
[JsonSerializable(typeof(SeedMemo.Remembered))]
[JsonSerializable(typeof(IReadOnlyList<Topic>))]
internal sealed partial class MemoJson : JsonSerializerContext;
