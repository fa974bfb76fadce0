using System.Globalization;
using System.Text;
using System.Xml;

namespace DigestGen.Render.Feeds;

/// <summary>XML writing settings and the date formats the feed specs require.</summary>
internal static class FeedXml
{
    public static XmlWriterSettings Settings { get; } = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    /// <summary>RFC 822 (as RSS 2.0 wants it): <c>Sat, 22 Nov 2026 00:00:00 GMT</c>.</summary>
    public static string Rfc822(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 (Atom, JSON Feed): <c>2026-11-22T00:00:00Z</c>.</summary>
    public static string Rfc3339(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
}
