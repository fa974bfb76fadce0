using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace DigestGen.Site;

/// <summary>
/// Every word a reader sees that is not content: the theme's strings file for the site's language
/// (<c>themes/default/strings/en.yml</c>), by dotted key (<c>site.nav.topics</c>). Site code takes
/// titles, counts, dates and bylines from here, and templates take the rest (<c>{{ words.site.nav.topics }}</c>),
/// so a site changes language with <c>language:</c> in <c>digest.yml</c> and no code.
/// <para>
/// A value may hold <c>{name}</c> placeholders, filled in by <see cref="Format"/>. A count (<c>counts.papers</c>)
/// has a form for <c>one</c> and for <c>other</c> numbers, and may have one for <c>zero</c>. A key ending in
/// <c>_html</c> holds markup the theme's author wrote; every other value is text, escaped where it is written.
/// </para>
/// </summary>
public sealed class Words
{
    /// <summary>The suffix of a key whose value is markup, not text.</summary>
    public const string MarkupSuffix = "_html";

    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly string[] _months;
    private readonly string[] _monthsShort;

    // A site has a few hundred distinct dates and writes each one thousands of times (cards, lists, feeds).
    private readonly ConcurrentDictionary<DateOnly, string> _longDates = new();

    /// <param name="values">Every string by dotted key; a list's items are keyed by their position from 0 (<c>calendar.months.0</c>).</param>
    /// <param name="source">Where the values came from, for messages (<c>themes/default/strings/en.yml</c>).</param>
    public Words(string language, IReadOnlyDictionary<string, string> values, string source)
    {
        Language = language;
        Source = source;
        _values = values;
        _months = Enumerable.Range(0, 12).Select(m => Text($"calendar.months.{m}")).ToArray();
        _monthsShort = Enumerable.Range(0, 12).Select(m => Text($"calendar.months_short.{m}")).ToArray();
    }

    public string Language { get; }

    public string Source { get; }

    /// <summary>Every key and its value.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>A string; a key the strings file lacks is a configuration error naming the file.</summary>
    public string Text(string key) =>
        _values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"{Source}: error: no string '{key}' (every theme's strings file must have it)");

    /// <summary>A string with its <c>{name}</c> placeholders filled in; a placeholder with no value is left as it is.</summary>
    public string Format(string key, params ReadOnlySpan<(string Name, string Value)> values) => Fill(Text(key), values);

    /// <summary>"1 paper", "3 papers": <c>counts.{key}.one</c> for 1, <c>.zero</c> (if given) for 0, <c>.other</c> for the rest, with <c>{count}</c> filled in.</summary>
    public string Count(string key, long n)
    {
        var form = n == 1 ? "one" : n == 0 && _values.ContainsKey($"counts.{key}.zero") ? "zero" : "other";
        return Fill(Text($"counts.{key}.{form}"), [("count", n.ToString(CultureInfo.InvariantCulture))]);
    }

    public string MonthName(int month) => _months[month - 1];

    public string MonthShort(int month) => _monthsShort[month - 1];

    /// <summary>"March 3, 2026", in the form of <c>calendar.long</c>.</summary>
    public string LongDate(DateOnly d) => _longDates.GetOrAdd(d, static (x, words) => words.DateIn("calendar.long", x), this);


    /// <summary>"March 2026".</summary>
    public string MonthYear(int year, int month) =>
        Format("calendar.month_year", ("month", MonthName(month)), ("year", year.ToString(CultureInfo.InvariantCulture)));

    /// <summary>"March 3, 2026", or "March 3 – April 4, 2026" for a range (the start without its year when both share one).</summary>
    public string DateSpan(DateOnly from, DateOnly to) =>
        from == to ? LongDate(from)
        : Format("calendar.span", ("from", from.Year == to.Year ? DateIn("calendar.span_start", from) : LongDate(from)), ("to", LongDate(to)));

    private string DateIn(string key, DateOnly d) => Format(
        key,
        ("day", d.Day.ToString(CultureInfo.InvariantCulture)),
        ("month", MonthName(d.Month)),
        ("month_short", MonthShort(d.Month)),
        ("year", d.Year.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A string's parts in order: its text, and the names of its placeholders (<c>{date}</c> gives "date").</summary>
    public static IEnumerable<(string Text, bool IsPlaceholder)> Parts(string pattern)
    {
        var i = 0;
        while (i < pattern.Length)
        {
            var open = pattern.IndexOf('{', i);
            var close = open < 0 ? -1 : pattern.IndexOf('}', open + 1);
            if (close < 0)
            {
                yield return (pattern[i..], false);
                yield break;
            }

            if (open > i)
            {
                yield return (pattern[i..open], false);
            }

            yield return (pattern[(open + 1)..close], true);
            i = close + 1;
        }
    }

    private static string Fill(string pattern, ReadOnlySpan<(string Name, string Value)> values)
    {
        if (!pattern.Contains('{'))
        {
            return pattern;
        }

        var sb = new StringBuilder(pattern.Length + 32);
        foreach (var (text, isPlaceholder) in Parts(pattern))
        {
            sb.Append(!isPlaceholder ? text : Lookup(values, text) ?? $"{{{text}}}");
        }

        return sb.ToString();
    }

    private static string? Lookup(ReadOnlySpan<(string Name, string Value)> values, string name)
    {
        foreach (var (n, v) in values)
        {
            if (n == name)
            {
                return v;
            }
        }

        return null;
    }
}
