using System.Globalization;
using System.Text;

namespace DigestGen.Site;

/// <summary>
/// A year of papers per day, drawn at build time as small month calendars (from the year's first to its last month
/// with papers; a column per weekday, Monday first; a row per week) in five shades, which wrap to the width of a
/// phone instead of scrolling.
/// Each day with papers is a link to its date page named by its date and count; no script.
/// </summary>
public static class CalendarHeatmap
{
    private const int Cell = 12;
    private const int Gap = 2;
    private const int Top = 30;
    private const int Width = (7 * (Cell + Gap)) - Gap;
    private const int Height = Top + (6 * (Cell + Gap)) - Gap;

    /// <param name="datesFolder">The way from the page showing the calendar to the date pages' folder ("" on <c>/dates/</c>).</param>
    public static string Html(int year, IReadOnlyDictionary<DateOnly, int> counts, Words words, string datesFolder)
    {
        // From the year's first month with papers to its last: a digest that began in November shows no empty spring.
        var months = counts.Where(kv => kv.Key.Year == year && kv.Value > 0).Select(kv => kv.Key.Month).ToList();
        var sb = new StringBuilder();
        sb.Append("<div class=\"heatmap\">");
        for (var month = months.Count == 0 ? 1 : months.Min(); month <= (months.Count == 0 ? 0 : months.Max()); month++)
        {
            Month(sb, new DateOnly(year, month, 1), counts, words, datesFolder);
        }

        return sb.Append("</div>").ToString();
    }

    private static void Month(StringBuilder sb, DateOnly first, IReadOnlyDictionary<DateOnly, int> counts, Words words, string datesFolder)
    {
        var name = words.MonthYear(first.Year, first.Month);
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"group\" aria-label=\"{Site.Html.Escape(name)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"11\" class=\"m\">{Site.Html.Escape(words.MonthShort(first.Month))}</text>");
        for (var d = 0; d < 7; d++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{(d * (Cell + Gap)) + (Cell / 2)}\" y=\"26\" aria-hidden=\"true\">{Site.Html.Escape(words.Text($"calendar.weekdays_short.{d}"))}</text>");
        }

        var offset = ((int)first.DayOfWeek + 6) % 7;
        var days = DateTime.DaysInMonth(first.Year, first.Month);
        for (var d = 0; d < days; d++)
        {
            var date = first.AddDays(d);
            var slot = offset + d;
            var x = slot % 7 * (Cell + Gap);
            var y = Top + (slot / 7 * (Cell + Gap));
            var count = counts.GetValueOrDefault(date);
            var rect = string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{Cell}\" height=\"{Cell}\" rx=\"2\" class=\"l{Level(count)}\"/>");
            if (count > 0)
            {
                var label = words.Format("dates.heatmap_day", ("date", words.LongDate(date)), ("papers", words.Count("papers", count)));
                sb.Append(CultureInfo.InvariantCulture, $"<a href=\"{datesFolder}{date:yyyy-MM-dd}/\" aria-label=\"{Site.Html.Escape(label)}\"><title>{Site.Html.Escape(label)}</title>{rect}</a>");
            }
            else
            {
                sb.Append(rect);
            }
        }

        sb.Append("</svg>");
    }

    /// <summary>The shade of a day: 0 for none, then 1–4, 5–19, 20–99 and 100 or more papers.</summary>
    private static int Level(int count) => count switch
    {
        0 => 0,
        < 5 => 1,
        < 20 => 2,
        < 100 => 3,
        _ => 4,
    };
}
