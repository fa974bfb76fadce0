namespace DigestGen.Diagnostics;

/// <summary>Collects problems from every stage; thread-safe because seeds are ingested in parallel.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();
    private readonly Lock _gate = new();

    public void Warn(string file, int line, string message) => Add(new Diagnostic(Severity.Warning, file, line, message));

    public void Error(string file, int line, string message) => Add(new Diagnostic(Severity.Error, file, line, message));

    public void Add(Diagnostic diagnostic)
    {
        lock (_gate)
        {
            _items.Add(diagnostic);
        }
    }

    /// <summary>Sorted by file, then line, so output does not depend on thread scheduling.</summary>
    public IReadOnlyList<Diagnostic> Items
    {
        get
        {
            lock (_gate)
            {
                return _items
                    .OrderBy(d => d.File, StringComparer.Ordinal)
                    .ThenBy(d => d.Line)
                    .ThenBy(d => d.Message, StringComparer.Ordinal)
                    .ToList();
            }
        }
    }

    public int ErrorCount => Count(Severity.Error);

    public int WarningCount => Count(Severity.Warning);

    private int Count(Severity severity)
    {
        lock (_gate)
        {
            return _items.Count(d => d.Severity == severity);
        }
    }
}
