namespace DigestGen.Catalog;

/// <summary>
/// Makes slugs unique. When titles collide, the paper with the smallest id keeps the plain slug and
/// the others get a suffix from their own id, so a slug never depends on how many others collide.
/// </summary>
public static class SlugAllocator
{
    public static IReadOnlyDictionary<string, string> Allocate(IEnumerable<(string Id, string Title)> items)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in items.GroupBy(i => Slug.From(i.Title), StringComparer.Ordinal))
        {
            var first = true;
            foreach (var item in group.OrderBy(i => i.Id, StringComparer.Ordinal))
            {
                if (first)
                {
                    result[item.Id] = group.Key;
                    first = false;
                    continue;
                }

                var suffix = "-" + item.Id[1..];
                result[item.Id] = Slug.From(group.Key, Slug.MaxLength - suffix.Length) + suffix;
            }
        }

        return result;
    }
}
