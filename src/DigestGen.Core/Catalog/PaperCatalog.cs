using DigestGen.Ingest;

namespace DigestGen.Catalog;

/// <summary>
/// Merges records into papers by hashing: a listed paper by its normalised title, an untitled one by
/// its normalised abstract (which also finds it in a listing that carries the same abstract).
/// Linear in the number of records.
/// </summary>
public sealed class PaperCatalog
{
    private readonly Dictionary<string, CatalogEntry> _byTitle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CatalogEntry> _byAbstract = new(StringComparer.Ordinal);
    private readonly List<CatalogEntry> _entries = new();
    private readonly Dictionary<string, PostRecord> _posts = new(StringComparer.Ordinal);

    public IReadOnlyList<CatalogEntry> Entries => _entries;

    public IReadOnlyCollection<PostRecord> Posts => _posts.Values;

    public int DuplicateRecords { get; private set; }

    /// <summary>Seeds must be added listings first, so untitled abstracts can find their listed twin.</summary>
    public void Add(IEnumerable<SeedIngestResult> seeds)
    {
        var ordered = seeds.OrderBy(s => s.CaptureDate).ThenBy(s => s.File, StringComparer.Ordinal).ToList();
        foreach (var record in ordered.SelectMany(s => s.Listings))
        {
            AddListing(record);
        }

        foreach (var record in ordered.SelectMany(s => s.Abstracts))
        {
            AddAbstract(record);
        }

        foreach (var post in ordered.SelectMany(s => s.Posts))
        {
            AddPost(post);
        }
    }

    private void AddListing(ListingRecord record)
    {
        var key = TextKey.Of(record.Title);
        if (!_byTitle.TryGetValue(key, out var entry))
        {
            entry = new CatalogEntry(StableId.For('p', "title:" + key));
            _byTitle[key] = entry;
            _entries.Add(entry);
        }
        else
        {
            DuplicateRecords++;
        }

        entry.Listings.Add(record);
        _byAbstract.TryAdd(TextKey.Of(record.Abstract), entry);
    }

    private void AddAbstract(AbstractRecord record)
    {
        var key = TextKey.Of(record.Abstract);
        if (!_byAbstract.TryGetValue(key, out var entry))
        {
            entry = new CatalogEntry(StableId.For('p', "abstract:" + key));
            _byAbstract[key] = entry;
            _entries.Add(entry);
        }
        else
        {
            DuplicateRecords++;
        }

        entry.Abstracts.Add(record);
    }

    private void AddPost(PostRecord post)
    {
        var key = TextKey.Of(post.Text);
        if (!_posts.TryAdd(key, post))
        {
            DuplicateRecords++;
        }
    }
}
