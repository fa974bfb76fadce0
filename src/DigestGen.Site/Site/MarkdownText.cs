using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DigestGen.Site;

/// <summary>
/// Curator Markdown (about page, topic descriptions) to HTML. Raw HTML in it is escaped, not passed through,
/// and a link or image whose URL is not a <see cref="SafeUrl"/> (<c>javascript:</c> …) is kept as its text only.
/// </summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .DisableHtml()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !SafeUrl.IsAllowed(l.Url, l.IsImage)).ToList())
        {
            // The link's text (an image's alternative text) stays where the link was.
            while (link.FirstChild is { } child)
            {
                child.Remove();
                link.InsertBefore(child);
            }

            link.Remove();
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !l.IsEmail && !SafeUrl.IsAllowed(l.Url)).ToList())
        {
            link.ReplaceBy(new LiteralInline(link.Url));
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString().Trim();
    }

    /// <summary>The text of the first level-one heading, if any, and the Markdown without it.</summary>
    public static (string? Title, string Body) SplitTitle(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith("# ", StringComparison.Ordinal));
        if (index < 0)
        {
            return (null, markdown);
        }

        return (lines[index][2..].Trim(), string.Join('\n', lines.Where((_, i) => i != index)));
    }
}
