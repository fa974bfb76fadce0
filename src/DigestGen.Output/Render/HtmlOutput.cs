using DigestGen.Site;
using Scriban.Runtime;

namespace DigestGen.Render;

/// <summary>
/// Where a template's output goes (a page writer, or a buffer for a partial), and what the template has just
/// written: whether the next value starts the value of a URL attribute (<c>href="</c>, <c>src="</c>, …).
/// A value written there is the start of a link, and one with a scheme other than http(s) or mailto
/// (<c>javascript:</c>) is written as <c>#</c> (see <see cref="ThemeContext"/>).
/// </summary>
internal sealed class HtmlOutput(TextWriter writer) : IScriptOutput
{
    private static readonly string[] UrlAttributes = ["href=\"", "src=\"", "action=\"", "formaction=\"", "poster=\"", "cite=\"", "href='", "src='", "action='"];

    public TextWriter Writer => writer;

    /// <summary>True right after a URL attribute's opening quote, until anything else is written.</summary>
    public bool AtUrlStart { get; private set; }

    /// <summary>Template text, as written in the template.</summary>
    public void Write(string text, int offset, int count)
    {
        if (count == 0)
        {
            return;
        }

        var span = text.AsSpan(offset, count);
        writer.Write(span);
        AtUrlStart = EndsWithUrlAttribute(span);
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>A text value as a template writes it: escaped, and <c>#</c> in place of a URL with an unsafe scheme where a link starts.</summary>
    public void WriteText(string text) => WriteEscaped(AtUrlStart && !SafeUrl.IsAllowed(text) ? "#" : text);

    /// <summary>A text value, escaped on its way to the writer (see <see cref="Html.Escape(string)"/>).</summary>
    public void WriteEscaped(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        Html.Escape(text, writer);
        AtUrlStart = false;
    }

    /// <summary>A value, already escaped or markup we made.</summary>
    public void WriteValue(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        writer.Write(text);
        AtUrlStart = false;
    }

    /// <summary>Empty: Scriban asks for the output as a string after every render, and the writer's owner reads it instead.</summary>
    public override string ToString() => "";

    private static bool EndsWithUrlAttribute(ReadOnlySpan<char> text)
    {
        // Every attribute below ends in =" or ='.
        if (text.Length < 2 || text[^1] is not ('"' or '\'') || text[^2] != '=')
        {
            return false;
        }

        foreach (var attribute in UrlAttributes)
        {
            if (text.EndsWith(attribute, StringComparison.OrdinalIgnoreCase) && (text.Length == attribute.Length || !char.IsAsciiLetterOrDigit(text[^(attribute.Length + 1)]) && text[^(attribute.Length + 1)] != '-'))
            {
                return true;
            }
        }

        return false;
    }
}
