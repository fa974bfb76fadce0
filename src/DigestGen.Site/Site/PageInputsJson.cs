using System.Text.Json.Serialization;
using DigestGen.Config;
using DigestGen.Curate;
using DigestGen.Curate.Topics;

namespace DigestGen.Site;

/// <summary>The models a page's inputs hash is made from, serialised by generated code (see <see cref="PageInputs"/>).</summary>
[JsonSerializable(typeof(Paper))]
[JsonSerializable(typeof(Post))]
[JsonSerializable(typeof(DigestConfig))]
[JsonSerializable(typeof(IReadOnlyList<Topic>))]
internal sealed partial class PageInputsJson : JsonSerializerContext;
