using DigestGen.Diagnostics;

namespace DigestGen.Ingest;

/// <summary>
/// Reads an institution's publication list: an institution line, then one <c>Abstract:</c> line
/// per paper. A later short line without the prefix starts a new institution; a long one is taken
/// as the continuation of the abstract before it, so no text is dropped.
/// </summary>
public sealed class AbstractListParser
{
    private const string Prefix = "Abstract:";
    private const int MaxInstitutionLength = 160;

    private readonly string _file;
    private readonly DateOnly _captureDate;
    private readonly DiagnosticBag _diagnostics;

    public AbstractListParser(string file, DateOnly captureDate, DiagnosticBag diagnostics)
    {
        _file = file;
        _captureDate = captureDate;
        _diagnostics = diagnostics;
    }

    public static bool IsAbstractLine(string line) => line.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<AbstractRecord> Parse(IEnumerable<SeedLine> lines)
    {
        string? institution = null;
        AbstractRecord? pending = null;
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                continue;
            }

            var text = line.Text.Trim();
            if (IsAbstractLine(text))
            {
                if (pending is not null)
                {
                    yield return pending;
                }

                var body = text[Prefix.Length..].Trim();
                if (body.Length == 0)
                {
                    _diagnostics.Warn(_file, line.Number, "empty 'Abstract:' line; skipped");
                    pending = null;
                    continue;
                }

                pending = new AbstractRecord(body, institution, new SourceRef(_file, line.Number, _captureDate));
            }
            else if (text.Length <= MaxInstitutionLength)
            {
                if (pending is not null)
                {
                    yield return pending;
                    pending = null;
                }

                institution = text;
            }
            else if (pending is not null)
            {
                _diagnostics.Warn(_file, line.Number, "line without 'Abstract:' joined to the abstract above it");
                pending = pending with { Abstract = pending.Abstract + " " + text };
            }
            else
            {
                _diagnostics.Warn(_file, line.Number, "long line before any 'Abstract:' line taken as an abstract");
                pending = new AbstractRecord(text, institution, new SourceRef(_file, line.Number, _captureDate));
            }
        }

        if (pending is not null)
        {
            yield return pending;
        }
    }
}
