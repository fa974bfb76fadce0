namespace DigestGen.Ingest;

/// <summary>A forward-only walk over lines with a look-ahead, so parsers can stream.</summary>
internal sealed class LineCursor : IDisposable
{
    private readonly IEnumerator<SeedLine> _source;

    // Lines read ahead start at _head: consuming a line moves the index instead of shifting the list,
    // as parsers that peek far ahead (to the end of an abstract) would otherwise shift it once per line.
    private readonly List<SeedLine> _ahead = new();
    private int _head;
    private bool _exhausted;

    public LineCursor(IEnumerable<SeedLine> lines) => _source = lines.GetEnumerator();

    public SeedLine? Peek(int offset)
    {
        while (_ahead.Count - _head <= offset && !_exhausted)
        {
            if (_source.MoveNext())
            {
                _ahead.Add(_source.Current);
            }
            else
            {
                _exhausted = true;
            }
        }

        return _head + offset < _ahead.Count ? _ahead[_head + offset] : null;
    }

    public SeedLine? Next()
    {
        var line = Peek(0);
        if (line is not null)
        {
            _head++;
            if (_head == _ahead.Count)
            {
                _ahead.Clear();
                _head = 0;
            }
        }

        return line;
    }

    /// <summary>Puts already-consumed lines back in front, in order.</summary>
    public void Rewind(IReadOnlyList<SeedLine> lines)
    {
        _ahead.RemoveRange(0, _head);
        _head = 0;
        _ahead.InsertRange(0, lines);
    }

    public void Dispose() => _source.Dispose();
}
