using System.Net;
using System.Net.Sockets;

namespace DigestGen.Serve;

/// <summary>
/// Serves a built site folder over HTTP on loopback, under an optional sub-path (<c>/digest/</c>), the
/// way a static host would: folders answer with their <c>index.html</c>, unknown paths with
/// <c>404.html</c> and status 404. Byte ranges (<c>Range: bytes=a-b</c>) are answered with 206, as
/// static hosts do; the search page fetches result records that way.
/// </summary>
public sealed class StaticSiteServer : IDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json",
        [".xml"] = "application/xml",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".opml"] = "text/x-opml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".bin"] = "application/octet-stream",
    };

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile string _root;

    public StaticSiteServer(string root, string host = "127.0.0.1", int port = 0, string basePath = "/")
    {
        _root = Path.GetFullPath(root);
        BasePath = "/" + basePath.Trim('/') + (basePath.Trim('/').Length > 0 ? "/" : "");
        Port = port == 0 ? FreePort() : port;

        // HttpListener names "every address" '*', not 0.0.0.0 (nor '::').
        var everywhere = host is "0.0.0.0" or "*" or "::" or "[::]";
        try
        {
            _listener.Prefixes.Add($"http://{(everywhere ? "*" : host)}:{Port}/");
            _listener.Start();
        }
        catch (HttpListenerException e) when (e.ErrorCode == 98 || e.Message.Contains("in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new Config.ConfigException($"digestgen: error: port {Port} on {host} is already in use by another program; choose another with --port, or --port 0 for any free port");
        }
        catch (Exception e) when (e is HttpListenerException or ArgumentException)
        {
            throw new Config.ConfigException($"digestgen: error: cannot listen on {host}:{Port}: {e.Message} (use --host 127.0.0.1, or 0.0.0.0 for every network interface)");
        }

        Url = $"http://{(everywhere ? "127.0.0.1" : host)}:{Port}{BasePath}";
        ListensEverywhere = everywhere;
        _loop = Task.Run(Loop);
    }

    public int Port { get; }

    /// <summary>Bound to every network interface, so other machines can reach it too.</summary>
    public bool ListensEverywhere { get; }

    public string BasePath { get; }

    /// <summary>The site's address, ending in '/'.</summary>
    public string Url { get; }

    /// <summary>Optional hook: answers a request before files are looked up (live reload uses it).</summary>
    public Func<HttpListenerContext, bool>? Intercept { get; set; }

    /// <summary>Whether <c>Range</c> requests get 206 and the range; off, the whole file comes back, as from a host without ranges.</summary>
    public bool ServesRanges { get; set; } = true;

    /// <summary>Optional markup added before <c>&lt;/body&gt;</c> of every HTML response (not to the files).</summary>
    public string? HtmlInjection { get; set; }

    /// <summary>Points the server at another folder, such as a newly built site; takes effect for the next request.</summary>
    public void SwitchRoot(string root) => _root = Path.GetFullPath(root);

    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                continue;
            }

            // A thread of its own per request: a build in the same process (tests, `serve`) blocks pool
            // threads while it waits on its own tasks, and a page request must not queue behind them.
            _ = Task.Factory.StartNew(() => Handle(context), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    private void Handle(HttpListenerContext context)
    {
        try
        {
            if (Intercept?.Invoke(context) == true)
            {
                return;
            }

            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            if (!path.StartsWith(BasePath, StringComparison.Ordinal))
            {
                Send(context, 404, Path.Combine(_root, "404.html"));
                return;
            }

            var relative = path[BasePath.Length..].TrimStart('/', '\\');
            var file = Path.GetFullPath(Path.Combine(_root, relative));
            if (!Publish.OutputFolder.IsSameOrInside(file, _root))
            {
                // Whole path segments are compared: "output-private" or "output.bak" beside the site is not inside it.
                Send(context, 404, Path.Combine(_root, "404.html"));
                return;
            }

            if (Directory.Exists(file))
            {
                if (!path.EndsWith('/'))
                {
                    // Built from the escaped path with one leading slash: "//host/…" would send the browser to another site.
                    context.Response.StatusCode = 301;
                    context.Response.RedirectLocation = "/" + context.Request.Url.AbsolutePath.TrimStart('/', '\\') + "/";
                    context.Response.Close();
                    return;
                }

                file = Path.Combine(file, "index.html");
            }

            if (ServesRanges && File.Exists(file) && context.Request.Headers["Range"] is { } range && SendRange(context, file, range))
            {
                return;
            }

            Send(context, File.Exists(file) ? 200 : 404, File.Exists(file) ? file : Path.Combine(_root, "404.html"), HtmlInjection);
        }
        catch (Exception) when (!_stop.IsCancellationRequested)
        {
            try
            {
                context.Response.StatusCode = 500;
                context.Response.Close();
            }
            catch (Exception)
            {
            }
        }
    }

    /// <summary>A single range <c>bytes=first-last</c> (or <c>first-</c>); false for any other form, which then gets the whole file.</summary>
    private static bool SendRange(HttpListenerContext context, string file, string header)
    {
        var spec = header.StartsWith("bytes=", StringComparison.Ordinal) ? header["bytes=".Length..].Split('-') : [];
        if (spec.Length != 2 || !long.TryParse(spec[0], out var first))
        {
            return false;
        }

        using var stream = File.OpenRead(file);
        var length = stream.Length;
        var last = spec[1].Length == 0 ? length - 1 : long.TryParse(spec[1], out var l) ? Math.Min(l, length - 1) : -1;
        var response = context.Response;
        response.Headers["Cache-Control"] = "no-cache";
        if (first >= length || last < first)
        {
            response.StatusCode = 416;
            response.Headers["Content-Range"] = $"bytes */{length}";
            response.Close();
            return true;
        }

        var bytes = new byte[last - first + 1];
        stream.Position = first;
        stream.ReadExactly(bytes);
        response.StatusCode = 206;
        response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        response.Headers["Content-Range"] = $"bytes {first}-{last}/{length}";
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
        return true;
    }

    private static void Send(HttpListenerContext context, int status, string file, string? injection = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers["Cache-Control"] = "no-cache";
        if (!File.Exists(file))
        {
            response.Close();
            return;
        }

        response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        var bytes = File.ReadAllBytes(file);
        if (injection is not null && file.EndsWith(".html", StringComparison.Ordinal))
        {
            var html = System.Text.Encoding.UTF8.GetString(bytes);
            var at = html.LastIndexOf("</body>", StringComparison.Ordinal);
            bytes = System.Text.Encoding.UTF8.GetBytes(at < 0 ? html + injection : html[..at] + injection + html[at..]);
        }

        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }
}
