namespace DigestGen.Catalog;

/// <summary>
/// Makes slugs unique. When titles collide, the paper with the smallest id keeps the plain slug and
/// the others get a suffix from their own id, so a slug never depends on how many others collide.
/// </summary>
public static class SlugAllocator
{
    public static IReadOnlyDictionary<string, string> Allocate(IEnumerable<(string Id, string Title)> items)
    {
        var all = items.ToArray();
        var slugs = new string[all.Length];
        Parallel.For(0, all.Length, i => slugs[i] = Slug.From(all[i].Title));

        var owners = new Dictionary<string, string>(all.Length, StringComparer.Ordinal);
        for (var i = 0; i < all.Length; i++)
        {
            if (!owners.TryGetValue(slugs[i], out var owner) || string.CompareOrdinal(all[i].Id, owner) < 0)
            {
                owners[slugs[i]] = all[i].Id;
            }
        }

        var result = new Dictionary<string, string>(all.Length, StringComparer.Ordinal);
        for (var i = 0; i < all.Length; i++)
        {
            var (id, slug) = (all[i].Id, slugs[i]);
            if (owners[slug] == id)
            {
                result[id] = slug;
            }
            else
            {
                var suffix = "-" + id[1..];
                result[id] = Slug.From(slug, Slug.MaxLength - suffix.Length) + suffix;
            }
        }

        return result;
    }
}
