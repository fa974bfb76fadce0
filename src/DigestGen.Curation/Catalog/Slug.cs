using System.Globalization;
using System.Text;

namespace DigestGen.Catalog;

/// <summary>URL slugs: ASCII-folded, lower case, hyphenated, at most 80 characters, cut at a word.</summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static string From(string text, int maxLength = MaxLength)
    {
        var sb = new StringBuilder(Math.Min(text.Length, 256));
        var hyphen = false;
        void Put(char folded)
        {
            if (folded is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (hyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }

                hyphen = false;
                sb.Append(folded);
            }
            else
            {
                hyphen = true;
            }
        }

        if (System.Text.Ascii.IsValid(text))
        {
            // Most titles: ASCII is its own compatibility decomposition, has no marks, and folds only its capitals.
            foreach (var c in text)
            {
                Put(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
                if (sb.Length > maxLength * 2)
                {
                    break;
                }
            }
        }
        else
        {
            foreach (var c in text.Normalize(NormalizationForm.FormKD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }

                foreach (var f in Fold(c))
                {
                    Put(f);
                }

                if (sb.Length > maxLength * 2)
                {
                    break;
                }
            }
        }

        var slug = sb.ToString();
        if (slug.Length > maxLength)
        {
            var cut = slug.LastIndexOf('-', maxLength);
            slug = cut > maxLength / 2 ? slug[..cut] : slug[..maxLength].TrimEnd('-');
        }

        return slug.Length == 0 ? "untitled" : slug;
    }

    private static string Fold(char c) => c switch
    {
        >= 'A' and <= 'Z' => ((char)(c + 32)).ToString(),
        'ß' => "ss",
        'æ' or 'Æ' => "ae",
        'œ' or 'Œ' => "oe",
        'ø' or 'Ø' => "o",
        'ł' or 'Ł' => "l",
        'đ' or 'Đ' => "d",
        'þ' or 'Þ' => "th",
        _ => c.ToString(),
    };
}
