using System.Diagnostics;
using System.IO.Compression;
using DigestGen.Serve;
using Microsoft.Playwright;

namespace DigestGen.Bench;

/// <summary>
/// Serves a built site on 127.0.0.1 and queries it in headless Chromium, as a reader would: bytes
/// transferred (each response gzipped, as a static host serves it) for a cold first query and a
/// follow-up, and the time from the last keystroke to results on screen. The same for Pagefind when
/// its index is present (<c>pagefind/</c> in the site).
/// </summary>
public static class SearchMeasurement
{
    /// <summary>
    /// One engine's figures. Times are to results on screen; "settled" adds what the page changes after that
    /// (snippets about the query, read from result pages), and "page bytes" are those pages' share of the bytes.
    /// </summary>
    public sealed record Result(string Engine, string Query, long ColdBytes, int ColdRequests, long FollowUpBytes, int FollowUpRequests, double ColdMs, double FollowUpMs,
        double ColdSettledMs = 0, double FollowUpSettledMs = 0, long ColdPageBytes = 0, long FollowUpPageBytes = 0);

    public static async Task<List<Result>> RunAsync(string siteDir, string coldQuery, string followUpQuery)
    {
        using var server = new StaticSiteServer(siteDir, basePath: "/digest/");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        var results = new List<Result> { await Ours(browser, server.Url, coldQuery, followUpQuery) };
        if (Directory.Exists(Path.Combine(siteDir, "pagefind")))
        {
            results.Add(await Pagefind(browser, server.Url, coldQuery, followUpQuery));
        }

        return results;
    }

    private static async Task<Result> Ours(IBrowser browser, string url, string cold, string followUp)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await EmulateNetworkAsync(context, page);
        var counter = new TransferCounter(page, "/digest/search/");
        await page.GotoAsync(url + "search/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // __drawn: the last time cards were added or removed (results on screen); __changed: anything in them (snippets too).
        await page.EvaluateAsync(@"() => { window.__changed = 0; window.__drawn = 0; const list = document.getElementById('search-results');
            new MutationObserver(() => { window.__drawn = performance.now(); }).observe(list, { childList: true });
            new MutationObserver(() => { window.__changed = performance.now(); }).observe(list, { childList: true, subtree: true, characterData: true }); }");

        // Cold: everything the index sends from page load (meta.json) through the first query.
        var (coldMs, coldSettled) = await TypeAndTime(page, cold);
        var (coldBytes, coldRequests, coldPages) = await counter.TotalAsync();

        counter.Reset();
        var (followMs, followSettled) = await TypeAndTime(page, followUp);
        var (followBytes, followRequests, followPages) = await counter.TotalAsync();
        await context.CloseAsync();
        return new Result("DigestGen", cold, coldBytes, coldRequests, followBytes, followRequests, coldMs, followMs, coldSettled, followSettled, coldPages, followPages);
    }

    /// <summary>
    /// A real network instead of loopback when <c>BENCH_RTT</c> (ms) is set, with <c>BENCH_MBIT</c> (Mbit/s, default 20)
    /// each way: Chromium's own emulation (DevTools <c>Network.emulateNetworkConditions</c>), which delays every
    /// request by the round trip and paces its bytes, as issue 23 measured (100 ms, 20 Mbit/s).
    /// </summary>
    public static (int RttMs, double Mbit)? Network =>
        int.TryParse(Environment.GetEnvironmentVariable("BENCH_RTT"), out var rtt)
            ? (rtt, double.TryParse(Environment.GetEnvironmentVariable("BENCH_MBIT"), System.Globalization.CultureInfo.InvariantCulture, out var mbit) ? mbit : 20)
            : null;

    private static async Task EmulateNetworkAsync(IBrowserContext context, IPage page)
    {
        if (Network is not { } network)
        {
            return;
        }

        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        var bytesPerSecond = network.Mbit * 1_000_000 / 8;
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = network.RttMs,
            ["downloadThroughput"] = bytesPerSecond,
            ["uploadThroughput"] = bytesPerSecond,
        });
    }

    /// <summary>
    /// Types the query; the clock starts at the last keystroke and stops when the cards are on screen, and again
    /// when nothing in them has changed for a second (settled).
    /// </summary>
    private static async Task<(double Drawn, double Settled)> TypeAndTime(IPage page, string query)
    {
        var box = page.Locator("#search-q");
        await box.FillAsync(query[..^1]);
        await page.WaitForTimeoutAsync(300);
        var ready = await page.EvaluateAsync<string>("document.getElementById('search-app').dataset.ready ?? ''");
        var start = await page.EvaluateAsync<double>("performance.now()");
        await box.PressAsync(query[^1].ToString());
        await page.WaitForFunctionAsync($"() => (document.getElementById('search-app').dataset.ready ?? '') !== '{ready}'", null, new() { Timeout = 60000 });
        await page.WaitForFunctionAsync("() => performance.now() - window.__changed > 1000", null, new() { Timeout = 60000, PollingInterval = 100 });
        var drawn = await page.EvaluateAsync<double>("window.__drawn");
        var changed = await page.EvaluateAsync<double>("window.__changed");
        return (drawn - start, changed - start);
    }

    private static async Task<Result> Pagefind(IBrowser browser, string url, string cold, string followUp)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await EmulateNetworkAsync(context, page);
        await page.GotoAsync(url + "about/");
        var counter = new TransferCounter(page, "/digest/pagefind/");
        var coldMs = await page.EvaluateAsync<double>(@"async (q) => {
            window.pagefind = await import('../pagefind/pagefind.js');
            await window.pagefind.init();
            const t = performance.now();
            const search = await window.pagefind.search(q);
            await Promise.all(search.results.slice(0, 20).map(r => r.data()));
            return performance.now() - t; }", cold);
        var (coldBytes, coldRequests, _) = await counter.TotalAsync();
        counter.Reset();
        var followMs = await page.EvaluateAsync<double>(@"async (q) => {
            const t = performance.now();
            const search = await window.pagefind.search(q);
            await Promise.all(search.results.slice(0, 20).map(r => r.data()));
            return performance.now() - t; }", followUp);
        var (followBytes, followRequests, _) = await counter.TotalAsync();
        await context.CloseAsync();
        return new Result("Pagefind", cold, coldBytes, coldRequests, followBytes, followRequests, coldMs, followMs);
    }

    /// <summary>Sums the gzip size of every response under a path since the last reset (a byte range: its raw size).</summary>
    private sealed class TransferCounter
    {
        // Every response counted since the last reset: its path, whether it was a page rather than an index file, its size.
        private readonly List<(string Path, bool Page, Task<long> Size)> _responses = new();
        private readonly string _prefix;

        public TransferCounter(IPage page, string prefix)
        {
            _prefix = prefix;
            page.Response += (_, response) =>
            {
                var path = new Uri(response.Url).AbsolutePath;
                // The index's files, and the pages the search reads a result's full text from (phrases, snippets).
                var indexFile = path.StartsWith(_prefix, StringComparison.Ordinal) && !path.EndsWith("/index.html", StringComparison.Ordinal) && !path.EndsWith('/');
                var page = response.Request.ResourceType == "fetch" && !path.Contains("/assets/", StringComparison.Ordinal);
                if (indexFile || page)
                {
                    lock (_responses)
                    {
                        _responses.Add((indexFile ? path[_prefix.Length..] : path, !indexFile, GzipSize(response)));
                    }
                }
            };
        }

        public void Reset()
        {
            lock (_responses)
            {
                _responses.Clear();
            }
        }

        /// <summary>Bytes and requests since the last reset, and the bytes of those that were pages rather than index files.</summary>
        public async Task<(long Bytes, int Requests, long PageBytes)> TotalAsync()
        {
            List<(string Path, bool Page, Task<long> Size)> responses;
            lock (_responses)
            {
                responses = [.. _responses];
            }

            await Task.WhenAll(responses.Select(r => r.Size));
            if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1")
            {
                // What a query fetched, grouped by file: where its bytes go.
                foreach (var group in responses.GroupBy(r => r.Path).OrderByDescending(g => g.Sum(r => r.Size.Result)))
                {
                    Console.WriteLine($"  {group.Key}: {group.Count()} × = {group.Sum(r => r.Size.Result) / 1024.0:0.0} KB");
                }
            }

            return (responses.Sum(r => r.Size.Result), responses.Count, responses.Where(r => r.Page).Sum(r => r.Size.Result));
        }

        private static async Task<long> GzipSize(IResponse response)
        {
            var body = await response.BodyAsync();

            // Hosts send byte ranges as they are: a 206 costs its raw size.
            if (response.Status == 206)
            {
                return body.Length;
            }

            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(body);
            }

            return buffer.Length;
        }
    }
}
