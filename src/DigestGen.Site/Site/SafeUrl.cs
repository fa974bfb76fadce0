namespace DigestGen.Site;

/// <summary>
/// Which URLs may become links: http(s), mailto and relative ones. Anything else (<c>javascript:</c>,
/// <c>vbscript:</c>, <c>data:</c> but for images, unknown schemes) would run code or load something a
/// reader did not ask for. Browsers ignore tabs, newlines and leading spaces in a scheme
/// (<c>java&#9;script:</c>), so the check does too.
/// </summary>
public static class SafeUrl
{
    private static readonly System.Buffers.SearchValues<char> SchemeOrPath = System.Buffers.SearchValues.Create(":/?#");

    public static bool IsAllowed(string? url, bool image = false)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Whichever of ':', '/', '?' and '#' comes first decides whether there is a scheme; the characters a
        // browser ignores are none of them, so they cannot change which comes first. Most links are relative
        // (every {{ root }} of a page), and this answers them without building the cleaned string below.
        var first = url.AsSpan().IndexOfAny(SchemeOrPath);
        if (first < 0 || url[first] != ':')
        {
            return true;
        }

        // Characters a browser ignores are dropped before the scheme is read; most URLs have none, and keep their string.
        var cleaned = url.AsSpan().ContainsAnyInRange('\0', ' ') || url.Contains('\u007F', StringComparison.Ordinal)
            ? new string(url.Where(c => c > ' ' && c != '\u007F').ToArray())
            : url;
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        var scheme = cleaned.AsSpan(0, colon);
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase) || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase)
            || (image && scheme.Equals("data", StringComparison.OrdinalIgnoreCase) && cleaned.AsSpan(colon + 1).StartsWith("image/", StringComparison.OrdinalIgnoreCase)
                && !cleaned.StartsWith("data:image/svg", StringComparison.OrdinalIgnoreCase));
    }
}
