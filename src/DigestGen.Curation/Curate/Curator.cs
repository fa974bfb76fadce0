using DigestGen.Catalog;
using DigestGen.Diagnostics;
using DigestGen.Ingest;
using DigestGen.Text;

namespace DigestGen.Curate;

/// <summary>
/// Turns catalog entries into papers a reader can use: cleaned text, resolved dates, the richest
/// metadata among sources, a title for every paper (derived where the seeds have none), unique
/// slugs, and the curator's overrides on top.
/// </summary>
public static class Curator
{
    public static IReadOnlyList<Paper> CuratePapers(
        IReadOnlyList<CatalogEntry> entries,
        IReadOnlyDictionary<string, PaperOverride> overrides,
        string overridesFile,
        DiagnosticBag diagnostics)
    {
        var ordered = entries.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var drafts = new Paper[ordered.Count];
        Parallel.For(0, ordered.Count, i => drafts[i] = Draft(ordered[i], overrides, diagnostics));
        MakeDerivedTitlesUnique(drafts);

        var known = overrides.Count == 0 ? [] : entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var o in overrides.Values.Where(o => !known.Contains(o.Id)).OrderBy(o => o.Line))
        {
            diagnostics.Warn(overridesFile, o.Line, $"override for unknown paper id '{o.Id}' was ignored");
        }

        var slugs = SlugAllocator.Allocate(drafts.Select(d => (d.Id, d.Title)));
        return drafts.Select(d => d with { Slug = slugs[d.Id] }).ToList();
    }

    public static IReadOnlyList<Post> CuratePosts(IEnumerable<PostRecord> records) =>
        records
            .Select(r => new Post
            {
                Id = StableId.For('s', TextKey.Of(r.Text)),
                Text = r.Text,
                Links = r.Links,
                Handles = r.Handles,
                Hashtags = r.Hashtags,
                DigestDate = r.Source.CaptureDate,
                Source = r.Source,
                LastLine = r.LastLine,
            })
            .OrderBy(p => p.DigestDate).ThenBy(p => p.Source.File, StringComparer.Ordinal).ThenBy(p => p.Source.Line)
            .ToList();

    private static Paper Draft(CatalogEntry entry, IReadOnlyDictionary<string, PaperOverride> overrides, DiagnosticBag diagnostics)
    {
        // Loops, not LINQ: this runs once per paper, and nearly every paper has one listing.
        var listings = entry.Listings.Count > 1
            ? entry.Listings.OrderBy(l => l.Source.CaptureDate).ThenBy(l => l.Source.File, StringComparer.Ordinal).ToList()
            : entry.Listings;
        var abstractText = TexText.Parse(InvisibleCharacters.Strip(LongestAbstract(entry)), out var tooDeep);
        if (tooDeep)
        {
            var source = entry.Sources.First();
            diagnostics.Warn(source.File, source.Line, $"the abstract nests TeX groups more than {TexText.MaxNesting} deep; past that depth its text is kept as written");
        }

        var titleDerived = listings.Count == 0;
        var title = titleDerived
            ? HeadlineDeriver.Derive(abstractText.ToPlainText())
            : TexText.Parse(InvisibleCharacters.Strip(listings[0].Title)).ToPlainText();

        if (overrides.TryGetValue(entry.Id, out var o) && o.Title is not null)
        {
            title = TexText.Normalise(InvisibleCharacters.Strip(o.Title));
            titleDerived = false;
        }

        // The first listing whose date has a year, else the first with any date.
        DateOnly? published = null;
        foreach (var listing in listings)
        {
            if (listing.Published is { Year: not null } raw)
            {
                published ??= PublicationDateResolver.Resolve(raw, listing.Source.CaptureDate, listing.Source.File, diagnostics);
            }
        }

        foreach (var listing in listings)
        {
            if (listing.Published is { Year: null } raw)
            {
                published ??= PublicationDateResolver.Resolve(raw, listing.Source.CaptureDate, listing.Source.File, diagnostics);
            }
        }

        int? authorCount = null;
        string? organisation = null;
        int? upvotes = null;
        foreach (var listing in listings)
        {
            if (listing.AuthorCount is { } authors && (authorCount is null || authors > authorCount))
            {
                authorCount = authors;
            }

            organisation ??= listing.Organisation;
            upvotes = listing.Upvotes ?? upvotes;
        }

        foreach (var record in entry.Abstracts)
        {
            organisation ??= record.Institution;
        }

        var sources = entry.Sources.ToList();
        var digestDate = sources[0].CaptureDate;
        foreach (var source in sources)
        {
            digestDate = source.CaptureDate < digestDate ? source.CaptureDate : digestDate;
        }

        return new Paper
        {
            Id = entry.Id,
            Slug = "",
            Title = title,
            TitleDerived = titleDerived,
            Abstract = abstractText,
            AuthorCount = authorCount,
            Organisation = organisation is null ? null : InvisibleCharacters.Strip(organisation),
            Published = published,
            Upvotes = upvotes,
            DigestDate = digestDate,
            Sources = sources,
            Origins = Origins(listings, entry.Abstracts),
        };
    }

    private static List<PaperOrigin> Origins(IReadOnlyList<ListingRecord> listings, IReadOnlyList<AbstractRecord> abstracts) =>
        listings.Select(l => new PaperOrigin(OriginKind.ListingPage, l.Source.CaptureDate, null))
            .Concat(abstracts.Select(a => new PaperOrigin(OriginKind.AbstractList, a.Source.CaptureDate, a.Institution is null ? null : InvisibleCharacters.Strip(a.Institution))))
            .Distinct()
            .OrderBy(o => o.Captured).ThenBy(o => o.Kind).ThenBy(o => o.Institution, StringComparer.Ordinal)
            .ToList();

    /// <summary>The longest of a paper's abstracts (equal lengths: the ordinal first), listings' and abstract lists' alike.</summary>
    private static string LongestAbstract(CatalogEntry entry)
    {
        string? longest = null;
        foreach (var text in entry.Listings.Select(l => l.Abstract).Concat(entry.Abstracts.Select(a => a.Abstract)))
        {
            if (longest is null || text.Length > longest.Length || (text.Length == longest.Length && string.CompareOrdinal(text, longest) < 0))
            {
                longest = text;
            }
        }

        return longest!;
    }

    /// <summary>Two abstracts can yield the same headline; number the later ones (by id) so each title is unique.</summary>
    private static void MakeDerivedTitlesUnique(Paper[] drafts)
    {
        if (!drafts.Any(d => d.TitleDerived))
        {
            return;
        }

        var keys = new string?[drafts.Length];
        Parallel.For(0, drafts.Length, i => keys[i] = drafts[i].TitleDerived ? null : TextKey.Of(drafts[i].Title));
        var taken = new HashSet<string>(drafts.Length, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key is not null)
            {
                taken.Add(key);
            }
        }

        for (var i = 0; i < drafts.Length; i++)
        {
            if (!drafts[i].TitleDerived)
            {
                continue;
            }

            var title = drafts[i].Title;
            for (var n = 2; !taken.Add(TextKey.Of(title)); n++)
            {
                title = $"{drafts[i].Title} ({n})";
            }

            drafts[i] = drafts[i] with { Title = title };
        }
    }
}
