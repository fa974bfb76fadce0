using System.Collections.Concurrent;

namespace DigestGen.Text;

/// <summary>
/// Concurrent dictionaries that both cores fill with about as many entries as the last build had (a
/// page per file, a paper per memo entry). Sized for twice that, since a lock whose share passes its
/// budget grows the whole table under all locks, and striped over many locks so two cores seldom meet.
/// </summary>
public static class ConcurrentTable
{
    private const int Locks = 64;

    public static ConcurrentDictionary<TKey, TValue> Sized<TKey, TValue>(int lastBuild, IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull =>
        new(Locks, (2 * lastBuild) + 1024, comparer);
}
