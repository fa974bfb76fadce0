using System.Text;
using DigestGen.Site;

namespace DigestGen.Render;

/// <summary>Draws a <see cref="SitePage"/>: its page template inside the theme's layout.</summary>
public sealed class PageRenderer(Theme theme, SiteInfo site, string assetVersion)
{
    public string Render(SitePage page) => theme.RenderLayout(Layout(page));

    /// <summary>
    /// Draws the page as UTF-8 into a reusable buffer and returns its bytes, valid until the buffer's
    /// next use: at 100,000 pages, skipping the page-sized string and its byte copy halves what a build allocates.
    /// </summary>
    public ReadOnlySpan<byte> Render(SitePage page, PageBuffer buffer)
    {
        buffer.Reset();
        theme.RenderLayout(buffer.Writer, Layout(page));
        return buffer.Bytes;
    }

    private LayoutContext Layout(SitePage page)
    {
        var body = theme.RenderPage(page.Template, new PageContext(site, page.Root, page.Model, assetVersion));
        return new LayoutContext(site, page.Root, page.Head, body, page.Section, assetVersion);
    }

    /// <summary>What a page template sees: <c>{{Page.X}}</c>, and <c>{{@root.Root}}</c> to prefix every link.</summary>
    public sealed record PageContext(SiteInfo Site, string Root, object Page, string AssetVersion);

    /// <summary>What the layout sees; <c>Body</c> is the rendered page.</summary>
    public sealed record LayoutContext(SiteInfo Site, string Root, PageHead Head, string Body, string Section, string AssetVersion);
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
