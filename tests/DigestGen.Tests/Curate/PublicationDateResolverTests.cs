using DigestGen.Curate;
using DigestGen.Diagnostics;
using DigestGen.Ingest;

namespace DigestGen.Tests.Curate;

public class PublicationDateResolverTests
{
    private static DateOnly? Resolve(int month, int day, int? year, DateOnly captured, DiagnosticBag? bag = null) =>
        PublicationDateResolver.Resolve(new RawDate(month, day, year, 7, "raw"), captured, "seeds/x.txt", bag ?? new DiagnosticBag());

    [Fact]
    public void Explicit_year_is_kept() =>
        Assert.Equal(new DateOnly(2024, 7, 30), Resolve(7, 30, 2024, new DateOnly(2025, 11, 4)));

    [Fact]
    public void Missing_year_comes_from_capture_date() =>
        Assert.Equal(new DateOnly(2025, 8, 7), Resolve(8, 7, null, new DateOnly(2025, 11, 4)));

    [Fact]
    public void Date_after_capture_is_in_the_previous_year() =>
        Assert.Equal(new DateOnly(2025, 12, 30), Resolve(12, 30, null, new DateOnly(2026, 1, 5)));

    [Fact]
    public void Capture_day_itself_counts() =>
        Assert.Equal(new DateOnly(2025, 11, 4), Resolve(11, 4, null, new DateOnly(2025, 11, 4)));

    [Fact]
    public void Feb_29_goes_back_to_a_leap_year() =>
        Assert.Equal(new DateOnly(2024, 2, 29), Resolve(2, 29, null, new DateOnly(2025, 11, 4)));

    [Fact]
    public void Impossible_date_is_a_warning_and_no_date()
    {
        var bag = new DiagnosticBag();
        Assert.Null(Resolve(2, 30, null, new DateOnly(2025, 11, 4), bag));
        var warning = Assert.Single(bag.Items);
        Assert.Equal("seeds/x.txt:7: warning: impossible date 'raw'; the paper is kept without it", warning.ToString());
    }
}
