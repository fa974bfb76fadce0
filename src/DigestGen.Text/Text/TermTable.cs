using System.Collections.Concurrent;

namespace DigestGen.Text;

/// <summary>
/// Every distinct term of a build, each stored once and known by a number. Tokenising 100,000 abstracts
/// into strings made tens of millions of short-lived copies of the same few hundred thousand words;
/// looking a term up by its characters allocates nothing unless it is new. Safe to use from many
/// threads: lookups take no lock, only a new term does.
/// </summary>
/// <remarks>Numbers depend on which thread met a term first, so nothing written out may depend on them.</remarks>
public sealed class TermTable
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly Lock _adding = new();
    private string[] _terms = new string[1024];
    private int _count;

    public TermTable()
    {
        _bySpan = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>The term numbered <paramref name="id"/>.</summary>
    public string this[int id] => Volatile.Read(ref _terms)[id];

    public int IdOf(ReadOnlySpan<char> term)
    {
        if (_bySpan.TryGetValue(term, out var id))
        {
            return id;
        }

        lock (_adding)
        {
            if (_bySpan.TryGetValue(term, out id))
            {
                return id;
            }

            var text = term.ToString();
            if (_count == _terms.Length)
            {
                var grown = new string[_terms.Length * 2];
                _terms.CopyTo(grown, 0);
                Volatile.Write(ref _terms, grown);
            }

            id = _count;
            _terms[id] = text;

            // The term is readable by number before its number can be found by lookup.
            Volatile.Write(ref _count, id + 1);
            _ids[text] = id;
            return id;
        }
    }

    /// <summary>The number of a term if the table has it.</summary>
    public bool TryGetId(ReadOnlySpan<char> term, out int id) => _bySpan.TryGetValue(term, out id);
}
