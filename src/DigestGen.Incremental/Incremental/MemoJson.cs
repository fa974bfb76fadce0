using System.Text.Json.Serialization;
using DigestGen.Curate.Topics;

namespace DigestGen.Incremental;

/// <summary>What the memos store or key by, serialised by generated code (see <see cref="Text.ModelJson"/>).</summary>
[JsonSerializable(typeof(IReadOnlyList<Topic>))]
internal sealed partial class MemoJson : JsonSerializerContext;
