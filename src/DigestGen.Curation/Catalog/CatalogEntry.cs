using DigestGen.Ingest;

namespace DigestGen.Catalog;

/// <summary>One paper before curation: every record that carries it, from any number of seeds.</summary>
public sealed class CatalogEntry
{
    public CatalogEntry(string id) => Id = id;

    public string Id { get; }

    public List<ListingRecord> Listings { get; } = new();

    public List<AbstractRecord> Abstracts { get; } = new();

    public bool HasTitle => Listings.Count > 0;

    public IEnumerable<SourceRef> Sources =>
        Listings.Select(l => l.Source).Concat(Abstracts.Select(a => a.Source))
            .OrderBy(s => s.CaptureDate).ThenBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.Line);
}
