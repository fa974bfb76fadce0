using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DigestGen.Text;

/// <summary>
/// How the caches serialise the models: through a source-generated context, so the set of fields written
/// is the compiler's, never a list kept by hand. A field added to a model is in every key and memo
/// at once; the few a cache must not see are named in <see cref="Without"/>, each by its owner.
/// </summary>
public static class ModelJson
{
    /// <summary>Options over <paramref name="generated"/> that write stored fields only, less the ones <paramref name="exclusions"/> remove.</summary>
    public static JsonSerializerOptions Options(IJsonTypeInfoResolver generated, params Action<JsonTypeInfo>[] exclusions)
    {
        var resolver = generated.WithAddedModifier(StoredOnly);
        foreach (var exclusion in exclusions)
        {
            resolver = resolver.WithAddedModifier(exclusion);
        }

        var options = new JsonSerializerOptions { TypeInfoResolver = resolver };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The properties of <typeparamref name="T"/> named, left out. A name that is not a property throws, so a rename cannot quietly put a field back.</summary>
    public static Action<JsonTypeInfo> Without<T>(params string[] names) => type =>
    {
        if (type.Type != typeof(T))
        {
            return;
        }

        foreach (var name in names)
        {
            var property = type.Properties.FirstOrDefault(p => p.Name == name)
                ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {name} to leave out");
            type.Properties.Remove(property);
        }
    };

    /// <summary>
    /// Leaves out what is worked out from other fields (a property with no setter that no constructor parameter
    /// fills, such as <c>PostRecord.Text</c>): it is neither read back nor needed in a hash.
    /// </summary>
    private static void StoredOnly(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i] is { Set: null, AssociatedParameter: null })
            {
                type.Properties.RemoveAt(i);
            }
        }
    }
}
