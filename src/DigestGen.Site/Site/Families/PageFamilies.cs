namespace DigestGen.Site;

/// <summary>The page families a site has, in the order their pages are planned.</summary>
public static class PageFamilies
{
    public static IReadOnlyList<IPageFamily> Default { get; } = [new PaperPages(), new TopicPages(), new DatePages(), new PeriodPages(PeriodKind.Week), new PeriodPages(PeriodKind.Month)];
}
