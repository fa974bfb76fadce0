namespace DigestGen.Text;

/// <summary>The start of a text, cut at a word and marked with "…", for cards, descriptions and search results.</summary>
public static class Snippet
{
    public static string Cut(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text[..cut] : text[..(max - 1)]).TrimEnd(',', ';', ':', '.') + "…";
    }
}
