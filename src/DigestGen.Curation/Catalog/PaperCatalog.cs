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
    private readonly Dictionary<AbstractKey, CatalogEntry> _byAbstract = new();
    private readonly List<CatalogEntry> _entries = new();
    private readonly Dictionary<string, PostRecord> _posts = new(StringComparer.Ordinal);

    public IReadOnlyList<CatalogEntry> Entries => _entries;

    public IReadOnlyCollection<PostRecord> Posts => _posts.Values;

    public int DuplicateRecords { get; private set; }

    /// <summary>Seeds must be added listings first, so untitled abstracts can find their listed twin.</summary>
    public void Add(IEnumerable<SeedIngestResult> seeds)
    {
        var ordered = seeds.OrderBy(s => s.CaptureDate).ThenBy(s => s.File, StringComparer.Ordinal).ToList();

        // Keys and ids (normalising and hashing every title and abstract) are computed in parallel; only the merge is sequential.
        var listings = ordered.SelectMany(s => s.Listings).ToArray();
        var abstracts = ordered.SelectMany(s => s.Abstracts).ToArray();

        // Sized once: growing them step by step rehashed every entry at each step (100,000 papers).
        _byTitle.EnsureCapacity(_byTitle.Count + listings.Length);
        _byAbstract.EnsureCapacity(_byAbstract.Count + listings.Length + abstracts.Length);
        _entries.EnsureCapacity(_entries.Count + listings.Length + abstracts.Length);
        var listingKeys = new (string Title, AbstractKey Abstract, string Id)[listings.Length];
        Parallel.For(0, listings.Length, i =>
        {
            var title = TextKey.Of(listings[i].Title);
            listingKeys[i] = (title, new AbstractKey(listings[i].Abstract), StableId.For('p', "title:" + title));
        });
        for (var i = 0; i < listings.Length; i++)
        {
            AddListing(listings[i], listingKeys[i]);
        }

        var abstractKeys = new (AbstractKey Abstract, string Id)[abstracts.Length];
        Parallel.For(0, abstracts.Length, i =>
        {
            abstractKeys[i] = (new AbstractKey(abstracts[i].Abstract), StableId.For('p', "abstract:" + TextKey.Of(abstracts[i].Abstract)));
        });
        for (var i = 0; i < abstracts.Length; i++)
        {
            AddAbstract(abstracts[i], abstractKeys[i]);
        }

        foreach (var post in ordered.SelectMany(s => s.Posts))
        {
            AddPost(post);
        }
    }

    private void AddListing(ListingRecord record, (string Title, AbstractKey Abstract, string Id) key)
    {
        if (!_byTitle.TryGetValue(key.Title, out var entry))
        {
            entry = new CatalogEntry(key.Id);
            _byTitle[key.Title] = entry;
            _entries.Add(entry);
        }
        else
        {
            DuplicateRecords++;
        }

        entry.Listings.Add(record);
        _byAbstract.TryAdd(key.Abstract, entry);
    }

    private void AddAbstract(AbstractRecord record, (AbstractKey Abstract, string Id) key)
    {
        if (!_byAbstract.TryGetValue(key.Abstract, out var entry))
        {
            entry = new CatalogEntry(key.Id);
            _byAbstract[key.Abstract] = entry;
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
