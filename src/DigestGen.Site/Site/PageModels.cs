namespace DigestGen.Site;

public sealed record HomePage(
    string LatestDate,
    string LatestDateUrl,
    IReadOnlyList<PaperCard> Latest,
    IReadOnlyList<CountLink> Topics,
    IReadOnlyList<CountLink> RecentDates,
    IReadOnlyList<PaperCard> MostUpvoted,
    int PaperCount,
    int PostCount);

public sealed record PaperPage(
    string Id,
    string Title,
    bool TitleDerived,
    Html Abstract,
    string? Authors,
    string? Organisation,
    string? Published,
    int? Upvotes,
    IReadOnlyList<LinkView> DigestDates,
    IReadOnlyList<string> Origins,
    IReadOnlyList<string> Sources,
    IReadOnlyList<TopicChip> Topics,
    IReadOnlyList<PaperCard> Related,
    IReadOnlyList<PostView> Posts,
    LinkView? Previous,
    LinkView? Next,
    IReadOnlyList<ExternalLink> Searches,
    IReadOnlyList<ExternalLink> Resources);

/// <summary>A topic's first page (its <paramref name="Stats"/> give the topic's size) or one of its archive pages (they give the dates they cover).</summary>
public sealed record TopicPage(string Name, Html Description, string Stats, IReadOnlyList<PaperCard> Papers, Pager Pager, IReadOnlyList<LinkView> Feeds);

public sealed record TopicsPage(IReadOnlyList<TopicSummary> Topics);

public sealed record TopicSummary(string Url, string Name, int Count, Html Description);

public sealed record DatePage(string Date, string Heading, IReadOnlyList<PaperCard> Papers, IReadOnlyList<PostView> Posts, LinkView? Previous, LinkView? Next)
{
    public int PaperCount => Papers.Count;

    public int PostCount => Posts.Count;
}

public sealed record DatesPage(IReadOnlyList<ArchiveYear> Years);

public sealed record ArchiveYear(int Year, int Count, Html Heatmap, IReadOnlyList<ArchiveMonth> Months);

public sealed record ArchiveMonth(string Name, int Count, IReadOnlyList<CountLink> Days);

public sealed record MarkdownPage(string Title, Html Body);

public sealed record NotFoundPage(string BasePath);

public sealed record FeedsPage(IReadOnlyList<FeedRow> Site, IReadOnlyList<FeedRow> Topics, string OpmlUrl, bool Enabled);

public sealed record FeedRow(string Name, string PageUrl, string RssUrl, string AtomUrl, string JsonUrl);

public sealed record SearchPage;

public sealed record StatusPage(
    string BuiltOn,
    string NewestDate,
    string NewestDateUrl,
    int DaysSinceNewest,
    int PaperCount,
    int PostCount,
    IReadOnlyList<StatusSeed> Seeds,
    IReadOnlyList<string> Problems,
    int Errors,
    int Warnings);

public sealed record StatusSeed(string File, string Format, string Captured, int Lines, int Records);
