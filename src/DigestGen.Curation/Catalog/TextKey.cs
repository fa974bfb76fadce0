using System.Text;

namespace DigestGen.Catalog;

/// <summary>The form two texts are compared in when deciding they are the same paper: case and white space don't matter.</summary>
public static class TextKey
{
    public static string Of(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
