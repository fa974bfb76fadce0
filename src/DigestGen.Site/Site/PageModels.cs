namespace DigestGen.Site;

/// <summary>The newest digest day (its first papers and posts), the week's and month's top papers, then ways to browse.</summary>
public sealed record HomePage(
    string LatestDate,
    string LatestDateUrl,
    IReadOnlyList<PaperCard> Latest,
    int LatestCount,
    IReadOnlyList<PostView> LatestPosts,
    IReadOnlyList<PeriodTop> Tops,
    IReadOnlyList<CountLink> Topics,
    IReadOnlyList<CountLink> RecentDates,
    IReadOnlyList<PaperCard> MostUpvoted,
    int PaperCount,
    int PostCount);

/// <summary>A week's or month's most upvoted papers, under a heading ("This week") and the dates it spans.</summary>
public sealed record PeriodTop(string Heading, string Span, string Url, string AllText, IReadOnlyList<PaperCard> Papers);

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
    IReadOnlyList<LinkView> Related,
    IReadOnlyList<PostView> Posts,
    LinkView? Previous,
    LinkView? Next,
    IReadOnlyList<ExternalLink> Searches,
    IReadOnlyList<ExternalLink> Resources);

/// <summary>A topic's first page (its <paramref name="Stats"/> give the topic's size) or one of its archive pages (they give the dates they cover).</summary>
/// <param name="Archive">An archive page, which lists its papers as rows (title, upvotes, topics): the cards with their snippets are on the
/// topic's first page, and older pages as cards were a tenth of a 100,000-paper site (issue 24).</param>
public sealed record TopicPage(string Name, Html Description, string Stats, IReadOnlyList<PaperCard> Papers, Pager Pager, IReadOnlyList<LinkView> Feeds, bool Archive);

public sealed record TopicsPage(IReadOnlyList<TopicSummary> Topics);

public sealed record TopicSummary(string Url, string Name, int Count, Html Description);

/// <summary>
/// A digest date's page. A day of more than <see cref="DatePages.ListViewFrom"/> papers shows them as one-line
/// rows in <paramref name="Groups"/> by first topic (the theme's script can add each abstract's opening from the
/// search records); a smaller day shows its cards in <paramref name="Papers"/>.
/// </summary>
public sealed record DatePage(string Date, string Heading, int PaperCount, IReadOnlyList<PaperCard> Papers, IReadOnlyList<TopicGroup> Groups,
    IReadOnlyList<PostView> Posts, LinkView? Previous, LinkView? Next, IReadOnlyList<LinkView> Periods)
{
    public int PostCount => Posts.Count;
}

/// <summary>A week's or month's page: its top papers (<paramref name="Papers"/> of <paramref name="PaperCount"/>), its digest dates, and the periods beside it.</summary>
public sealed record PeriodPage(string Title, string Span, string Stats, IReadOnlyList<PaperCard> Papers, int PaperCount, IReadOnlyList<CountLink> Days, LinkView? Previous, LinkView? Next, string NavLabel);

/// <summary>The papers of a list view whose first topic is <paramref name="Name"/>; <paramref name="Id"/> is its anchor.</summary>
public sealed record TopicGroup(string Id, string Name, IReadOnlyList<PaperCard> Papers);

public sealed record DatesPage(IReadOnlyList<ArchiveYear> Years);

public sealed record ArchiveYear(int Year, int Count, Html Heatmap, IReadOnlyList<ArchiveMonth> Months);

public sealed record ArchiveMonth(string Name, string Url, int Count, IReadOnlyList<CountLink> Days, IReadOnlyList<LinkView> Weeks);

public sealed record MarkdownPage(string Title, Html Body);

public sealed record NotFoundPage(string BasePath);

public sealed record FeedsPage(IReadOnlyList<FeedRow> Site, IReadOnlyList<FeedRow> Topics, string OpmlUrl, bool Enabled);

public sealed record FeedRow(string Name, string PageUrl, string RssUrl, string AtomUrl, string JsonUrl);

public sealed record SearchPage;

/// <summary>The reading list; <paramref name="TopicNames"/> is a JSON object of topic slugs to names for the script that fills the page.</summary>
public sealed record SavedPage(string TopicNames);

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
