using System.Globalization;

namespace DigestGen.Site;

/// <summary>
/// A week (ISO 8601, Monday to Sunday, numbered in its ISO year) or a calendar month of digest dates:
/// what the home page's "this week" and "this month" lists and the week and month pages cover.
/// </summary>
public sealed record DigestPeriod(PeriodKind Kind, DateOnly First, DateOnly Last)
{
    public static DigestPeriod WeekOf(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new DigestPeriod(PeriodKind.Week, monday, monday.AddDays(6));
    }

    public static DigestPeriod MonthOf(DateOnly day)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return new DigestPeriod(PeriodKind.Month, first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>"2026-W47" or "2026-11": the period's folder name.</summary>
    public string Key => Kind == PeriodKind.Week
        ? string.Create(CultureInfo.InvariantCulture, $"{IsoYear}-W{IsoWeek:00}")
        : First.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string Route => Kind == PeriodKind.Week ? Routes.Week(Key) : Routes.Month(Key);

    /// <summary>"Week 47, 2026" or "November 2026", in the site's language.</summary>
    public string Name(Words words) => Kind == PeriodKind.Week
        ? words.Format("period.week", ("week", IsoWeek.ToString(CultureInfo.InvariantCulture)), ("year", IsoYear.ToString(CultureInfo.InvariantCulture)))
        : words.MonthYear(First.Year, First.Month);

    public static DigestPeriod Of(PeriodKind kind, DateOnly day) => kind == PeriodKind.Week ? WeekOf(day) : MonthOf(day);

    public bool Contains(DateOnly day) => day >= First && day <= Last;

    // A week is numbered in its ISO year, which its Monday can precede: 2026-W01 begins on Monday, December 29, 2025.
    private int IsoYear => ISOWeek.GetYear(First.ToDateTime(TimeOnly.MinValue));

    private int IsoWeek => ISOWeek.GetWeekOfYear(First.ToDateTime(TimeOnly.MinValue));
}

public enum PeriodKind
{
    Week,
    Month,
}
