namespace DigestGen.Ingest;

/// <summary>A forward-only walk over lines with a small look-ahead, so parsers can stream.</summary>
internal sealed class LineCursor : IDisposable
{
    private readonly IEnumerator<SeedLine> _source;
    private readonly List<SeedLine> _ahead = new();
    private bool _exhausted;

    public LineCursor(IEnumerable<SeedLine> lines) => _source = lines.GetEnumerator();

    public SeedLine? Peek(int offset)
    {
        while (_ahead.Count <= offset && !_exhausted)
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

        return offset < _ahead.Count ? _ahead[offset] : null;
    }

    public SeedLine? Next()
    {
        var line = Peek(0);
        if (line is not null)
        {
            _ahead.RemoveAt(0);
        }

        return line;
    }

    /// <summary>Puts already-consumed lines back in front, in order.</summary>
    public void Rewind(IReadOnlyList<SeedLine> lines) => _ahead.InsertRange(0, lines);

    public void Dispose() => _source.Dispose();
}
