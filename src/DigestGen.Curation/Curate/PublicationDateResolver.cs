using DigestGen.Diagnostics;
using DigestGen.Ingest;

namespace DigestGen.Curate;

/// <summary>
/// Gives seed dates their year: a date written without one is the latest such date not after the
/// capture date (<c>Dec 30</c> on a page captured on 5 January is in the previous year).
/// </summary>
public static class PublicationDateResolver
{
    public static DateOnly? Resolve(RawDate raw, DateOnly captured, string file, DiagnosticBag diagnostics)
    {
        if (raw.Year is { } year)
        {
            if (IsValid(year, raw.Month, raw.Day))
            {
                return new DateOnly(year, raw.Month, raw.Day);
            }

            diagnostics.Warn(file, raw.Line, $"impossible date '{raw.Text}'; the paper is kept without it");
            return null;
        }

        if (!IsValid(2000, raw.Month, raw.Day))
        {
            diagnostics.Warn(file, raw.Line, $"impossible date '{raw.Text}'; the paper is kept without it");
            return null;
        }

        // 2000 is a leap year, so that test passes Feb 29. It exists only in leap years: step back until the date exists and is not after capture.
        for (var y = captured.Year; y > captured.Year - 8; y--)
        {
            if (IsValid(y, raw.Month, raw.Day))
            {
                var candidate = new DateOnly(y, raw.Month, raw.Day);
                if (candidate <= captured)
                {
                    return candidate;
                }
            }
        }

        diagnostics.Warn(file, raw.Line, $"impossible date '{raw.Text}'; the paper is kept without it");
        return null;
    }

    private static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
