using System.Collections.Concurrent;
using DigestGen.Text;

namespace DigestGen.Incremental;

/// <summary>
/// A memo's values by <see cref="MemoFile.Key"/> of a paper's title and body: those the last build left,
/// and those this build looked up, which are what it saves (nothing older, so the file does not grow
/// with removed papers). Safe to use from many threads.
/// </summary>
internal sealed class MemoEntries<T>(Dictionary<UInt128, T> remembered)
{
    private readonly ConcurrentDictionary<UInt128, T> _next = ConcurrentTable.Sized<UInt128, T>(remembered.Count);
    private int _hits;

    /// <summary>How many values came from the last build instead of being worked out again.</summary>
    public int Hits => _hits;

    /// <summary>The remembered value for the title and body, else what <paramref name="compute"/> makes of <paramref name="state"/>.</summary>
    public T Get<TState>(string title, string body, TState state, Func<TState, T> compute)
    {
        var key = MemoFile.Key(title, body);
        if (remembered.TryGetValue(key, out var value))
        {
            Interlocked.Increment(ref _hits);
        }
        else
        {
            value = compute(state);
        }

        _next.TryAdd(key, value);
        return value;
    }

    /// <summary>How many entries this build looked up.</summary>
    public int Count => _next.Count;

    /// <summary>This build's entries, sorted by key so the same build writes the same bytes.</summary>
    public IEnumerable<KeyValuePair<UInt128, T>> ToSave() => _next.OrderBy(e => e.Key);
}
