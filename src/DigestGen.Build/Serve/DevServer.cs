using System.Net;
using System.Text;
using System.Text.Json;
using DigestGen.Pipeline;

namespace DigestGen.Serve;

/// <summary>
/// <c>digestgen serve</c>: builds the site, serves it on loopback, watches content/ and the themes, and
/// rebuilds on change. Open tabs reload by themselves (server-sent events); a failed build shows an
/// overlay naming file and line, and the last good site keeps being served, because a failed build
/// never touches the output folder.
/// </summary>
public sealed class DevServer : IDisposable
{
    public const string EndpointPrefix = "/__digestgen/";
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);

    private readonly BuildOptions _options;
    private readonly Action<string> _log;
    private readonly StaticSiteServer _server;
    private readonly List<FileSystemWatcher> _watchers = new();
    private readonly List<HttpListenerResponse> _clients = new();
    private readonly Lock _gate = new();
    private readonly Timer _timer;
    private IReadOnlyList<string> _problems = [];
    private int _generation;

    public DevServer(BuildOptions options, string host, int port, Action<string> log)
    {
        _options = options;
        _log = log;
        _timer = new Timer(_ => Rebuild());

        // A folder that must not be written, or a port that cannot be had, ends `serve` at once; a failed build does not.
        Publish.OutputFolder.Check(options.OutputDir, [options.ContentDir, ThemesDir]);
        _server = new StaticSiteServer(options.OutputDir, host, port) { Intercept = Endpoint, HtmlInjection = $"<script src=\"{EndpointPrefix}live.js\"></script>" };
        Rebuild();
        foreach (var dir in new[] { options.ContentDir, ThemesDir }.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(dir) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            watcher.Changed += (_, _) => Schedule();
            watcher.Created += (_, _) => Schedule();
            watcher.Deleted += (_, _) => Schedule();
            watcher.Renamed += (_, _) => Schedule();
            _watchers.Add(watcher);
        }
    }

    public string Url => _server.Url;

    /// <summary>Reachable from other machines (<c>--host 0.0.0.0</c>), not only this one.</summary>
    public bool ListensEverywhere => _server.ListensEverywhere;

    /// <summary>Completed builds so far (tests wait on it).</summary>
    public int Generation => Volatile.Read(ref _generation);

    private string ThemesDir => _options.ThemesFolder;

    public void Dispose()
    {
        foreach (var w in _watchers)
        {
            w.Dispose();
        }

        _timer.Dispose();
        lock (_gate)
        {
            foreach (var c in _clients)
            {
                try
                {
                    c.Abort();
                }
                catch (Exception)
                {
                }
            }
        }

        _server.Dispose();
    }

    private void Schedule() => _timer.Change(Debounce, Timeout.InfiniteTimeSpan);

    private void Rebuild()
    {
        lock (_gate)
        {
            try
            {
                var result = SiteBuilder.Build(_options);
                var errors = result.Summary.Problems.Where(d => d.Severity == Diagnostics.Severity.Error).Select(d => d.ToString()).ToList();
                foreach (var d in result.Summary.Problems)
                {
                    _log(d.ToString());
                }

                _problems = errors;
                _log($"built {result.Pages} pages: {result.Publish.Written} files written");
            }
            catch (Exception e)
            {
                // Whatever broke this build, keep serving the last good one and say why.
                _problems = [e.Message];
                _log(e.Message);
                _log("build failed; still serving the last good site");
            }

            Interlocked.Increment(ref _generation);
            Broadcast(JsonSerializer.Serialize(new { reload = true, problems = _problems }));
        }
    }

    private void Broadcast(string data)
    {
        var bytes = Encoding.UTF8.GetBytes($"data: {data}\n\n");
        foreach (var client in _clients.ToList())
        {
            try
            {
                client.OutputStream.Write(bytes);
                client.OutputStream.Flush();
            }
            catch (Exception)
            {
                _clients.Remove(client);
            }
        }
    }

    private bool Endpoint(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        if (!path.StartsWith(EndpointPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var response = context.Response;
        switch (path[EndpointPrefix.Length..])
        {
            case "events":
                response.ContentType = "text/event-stream";
                response.Headers["Cache-Control"] = "no-cache";
                response.SendChunked = true;
                var hello = Encoding.UTF8.GetBytes($"data: {JsonSerializer.Serialize(new { reload = false, problems = _problems })}\n\n");
                response.OutputStream.Write(hello);
                response.OutputStream.Flush();
                lock (_gate)
                {
                    _clients.Add(response);
                }

                return true;
            case "live.js":
                var script = Encoding.UTF8.GetBytes(LiveScript);
                response.ContentType = "text/javascript; charset=utf-8";
                response.ContentLength64 = script.Length;
                response.OutputStream.Write(script);
                response.Close();
                return true;
            default:
                response.StatusCode = 404;
                response.Close();
                return true;
        }
    }

    /// <summary>Reloads on every rebuild; shows build problems in an overlay, inserted as text.</summary>
    private const string LiveScript = """
        (() => {
          const source = new EventSource("/__digestgen/events");
          const show = (problems) => {
            document.getElementById("digestgen-overlay")?.remove();
            if (!problems.length) return;
            const box = document.createElement("div");
            box.id = "digestgen-overlay";
            box.setAttribute("role", "alert");
            box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;z-index:9999;background:#2b0b0b;color:#ffd7d7;font:14px/1.4 ui-monospace,monospace;padding:1rem;border-radius:8px;max-height:50vh;overflow:auto;white-space:pre-wrap";
            box.textContent = "Build failed: the last good site is shown.\n\n" + problems.join("\n");
            document.body.append(box);
          };
          source.onmessage = (event) => {
            const message = JSON.parse(event.data);
            if (message.reload) location.reload();
            else show(message.problems);
          };
        })();
        """;
}
