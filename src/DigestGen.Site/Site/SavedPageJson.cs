using System.Text.Json.Serialization;

namespace DigestGen.Site;

/// <summary>The reading list page's topic names (slug to name), written without reflection.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]
internal sealed partial class SavedPageJson : JsonSerializerContext;
