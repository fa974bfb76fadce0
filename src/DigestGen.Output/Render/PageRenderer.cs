using System.Text;
using DigestGen.Site;
using Scriban.Runtime;

namespace DigestGen.Render;

/// <summary>Renders a <see cref="SitePage"/>: its page template inside the theme's layout.</summary>
public sealed class PageRenderer(Theme theme, SiteInfo site, string assetVersion)
{
    public string Render(SitePage page)
    {
        using var writer = new StringWriter();
        theme.RenderLayout(writer, Layout(page));
        return writer.ToString();
    }

    /// <summary>
    /// Renders the page as UTF-8 into a reusable buffer and returns its bytes, valid until the buffer's
    /// next use: at 100,000 pages, skipping the page-sized string and its byte copy halves what a build allocates.
    /// </summary>
    public ReadOnlySpan<byte> Render(SitePage page, PageBuffer buffer)
    {
        buffer.Reset();
        theme.RenderLayout(buffer.Writer, Layout(page));
        return buffer.Bytes;
    }

    /// <summary>
    /// What the templates see. A page template: <c>site</c>, <c>root</c> (the prefix from the page to the
    /// site root, for every link), <c>page</c> (the page's model) and <c>asset_version</c>. The layout:
    /// <c>site</c>, <c>root</c>, <c>head</c>, <c>body</c> (the page, rendered where the layout writes it), <c>section</c> and <c>asset_version</c>.
    /// </summary>
    private ScriptObject Layout(SitePage page)
    {
        var body = theme.Body(page.Template, new ScriptObject
        {
            ["site"] = site,
            ["root"] = page.Root,
            ["page"] = page.Model,
            ["asset_version"] = assetVersion,
        });
        return new ScriptObject
        {
            ["site"] = site,
            ["root"] = page.Root,
            ["head"] = page.Head,
            ["body"] = body,
            ["section"] = page.Section,
            ["asset_version"] = assetVersion,
        };
    }
}

/// <summary>A UTF-8 writer over a growable buffer, kept by one rendering thread and reused for every page it renders.</summary>
public sealed class PageBuffer
{
    private readonly MemoryStream _stream = new(64 * 1024);

    public PageBuffer() => Writer = new StreamWriter(_stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 16 * 1024, leaveOpen: true);

    public TextWriter Writer { get; }

    public ReadOnlySpan<byte> Bytes
    {
        get
        {
            Writer.Flush();
            return _stream.GetBuffer().AsSpan(0, (int)_stream.Length);
        }
    }

    public void Reset()
    {
        Writer.Flush();
        _stream.SetLength(0);
    }
}
