namespace DigestGen.Site;

/// <summary>
/// How a topic's papers, newest first, fall into pages. Archive pages are counted from the oldest
/// paper and always hold exactly <see cref="Routes.PageSize"/> papers; the topic's first page holds
/// the rest, one to two pages' worth. New papers therefore change only the first page (and, each time
/// a page's worth has gathered, add an archive page and relink the one before it) instead of shifting
/// every page of the topic: an archive URL keeps its papers, and a deploy moves only what changed.
/// </summary>
public readonly record struct TopicPagination(int Count)
{
    /// <summary>How many archive pages there are; 0 while the first page can hold everything.</summary>
    public int Archived => Math.Max(0, (Count / Routes.PageSize) - 1);

    /// <summary>How many papers the first page shows: the newest ones.</summary>
    public int FirstPageCount => Count - (Archived * Routes.PageSize);

    /// <summary>Where archive page <paramref name="page"/> (1 = the oldest papers) starts in the newest-first list.</summary>
    public int Start(int page) => Count - (page * Routes.PageSize);
}
