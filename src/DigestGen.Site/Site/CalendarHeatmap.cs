using System.Globalization;
using System.Text;

namespace DigestGen.Site;

/// <summary>
/// A year of papers per day as an SVG drawn at build time: a column per week, a row per weekday,
/// five shades. No script; each day with papers has a title, and the whole has an accessible name.
/// </summary>
public static class CalendarHeatmap
{
    private const int Cell = 11;
    private const int Gap = 2;
    private const int Left = 28;
    private const int Top = 14;

    public static string Svg(int year, IReadOnlyDictionary<DateOnly, int> counts, Words words)
    {
        var first = new DateOnly(year, 1, 1);
        var offset = (int)first.DayOfWeek;
        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        var weeks = (offset + days + 6) / 7;
        var width = Left + (weeks * (Cell + Gap));
        var height = Top + (7 * (Cell + Gap));
        var total = counts.Where(kv => kv.Key.Year == year).Sum(kv => kv.Value);

        var label = words.Format("dates.heatmap_label", ("year", PageViews.Number(year)), ("total", PageViews.Number(total)));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"heatmap\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Html.Escape(label)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var m = 1; m <= 12; m++)
        {
            var week = (offset + new DateOnly(year, m, 1).DayOfYear - 1) / 7;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + (week * (Cell + Gap))}\" y=\"10\">{Html.Escape(words.MonthShort(m))}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{Top + (1 * (Cell + Gap)) + 9}\">{Html.Escape(words.Text("calendar.monday"))}</text><text x=\"0\" y=\"{Top + (5 * (Cell + Gap)) + 9}\">{Html.Escape(words.Text("calendar.friday"))}</text>");
        for (var d = 0; d < days; d++)
        {
            var date = first.AddDays(d);
            var slot = offset + d;
            var x = Left + (slot / 7 * (Cell + Gap));
            var y = Top + (slot % 7 * (Cell + Gap));
            var count = counts.GetValueOrDefault(date);
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{Cell}\" height=\"{Cell}\" class=\"l{Level(count)}\">");
            if (count > 0)
            {
                var day = words.Format("dates.heatmap_day", ("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("papers", words.Count("papers", count)));
                sb.Append("<title>").Append(Html.Escape(day)).Append("</title>");
            }

            sb.Append("</rect>");
        }

        return sb.Append("</svg>").ToString();
    }

    private static int Level(int count) => count switch
    {
        0 => 0,
        < 5 => 1,
        < 20 => 2,
        < 100 => 3,
        _ => 4,
    };
}
