using Markdig;

namespace DigestGen.Site;

/// <summary>Curator Markdown (about page, topic descriptions) to HTML. Raw HTML in it is escaped, not passed through.</summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .DisableHtml()
        .Build();

    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline).Trim();

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
