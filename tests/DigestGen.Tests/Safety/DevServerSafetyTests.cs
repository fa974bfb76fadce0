using System.Net;
using System.Net.Sockets;
using System.Text;
using DigestGen.Serve;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Safety;

/// <summary>
/// The local server serves the site folder and nothing beside it, never redirects off the site, and a port or
/// address it cannot have is one line and exit code 2.
/// </summary>
public class DevServerSafetyTests
{
    /// <summary>A site folder "output" with private siblings whose names start the same way.</summary>
    private sealed class Siblings : IDisposable
    {
        private readonly TempDir _dir = new();

        public Siblings()
        {
            Directory.CreateDirectory(Site);
            File.WriteAllText(Path.Combine(Site, "index.html"), "<p>home</p>");
            File.WriteAllText(Path.Combine(Site, "404.html"), "<p>not found</p>");
            Directory.CreateDirectory(Path.Combine(Site, "papers"));
            File.WriteAllText(Path.Combine(Site, "papers", "index.html"), "<p>papers</p>");
            Directory.CreateDirectory(_dir.Combine("output-private"));
            File.WriteAllText(_dir.Combine("output-private", "secret.txt"), "SECRET-1");
            File.WriteAllText(_dir.Combine("output.bak"), "SECRET-2");
            Directory.CreateDirectory(_dir.Combine("evil.example"));
            File.WriteAllText(_dir.Combine("evil.example", "index.html"), "SECRET-3");
        }

        public string Site => _dir.Combine("output");

        public string Root => _dir.Path;

        public void Dispose() => _dir.Dispose();
    }

    /// <summary>Sends a request line as written (no client normalises the path) and returns the raw response.</summary>
    private static async Task<string> Raw(int port, string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    public static TheoryData<string> Escapes => new()
    {
        "/..%2foutput-private/secret.txt",
        "/..%2Foutput.bak",
        "/%2e%2e/output-private/secret.txt",
        "/..%5coutput-private%5csecret.txt",
        "/papers/..%2f..%2foutput-private/secret.txt",
        "/%2ftmp%2f..%2foutput.bak",
        "//evil.example/..%2f",
        "/sub/../../output.bak",
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public async Task Nothing_beside_the_site_folder_is_served(string target)
    {
        using var folders = new Siblings();
        using var server = new StaticSiteServer(folders.Site);

        var response = await Raw(server.Port, target);

        Assert.DoesNotContain("SECRET", response);
        Assert.DoesNotContain("Location: //", response);
    }

    [Fact]
    public async Task Absolute_paths_to_siblings_are_not_served()
    {
        using var folders = new Siblings();
        using var server = new StaticSiteServer(folders.Site);

        foreach (var target in new[] { Path.Combine(folders.Root, "output-private", "secret.txt"), Path.Combine(folders.Root, "output.bak") })
        {
            var response = await Raw(server.Port, "/" + Uri.EscapeDataString(target));
            Assert.DoesNotContain("SECRET", response);
        }
    }

    [Theory]
    [InlineData("//evil.example/papers")]
    [InlineData("//evil.example/..%2fpapers")]
    [InlineData("/\\evil.example/papers")]
    [InlineData("///evil.example/papers")]
    [InlineData("//evil.example/..%2f..%2f{site}/papers")]
    [InlineData("//evil.example/..%2f..%2f..%2f..%2f..%2f..%2f..%2f{site}/papers")]
    public async Task A_redirect_never_leaves_the_site(string target)
    {
        using var folders = new Siblings();
        using var server = new StaticSiteServer(folders.Site);

        var response = await Raw(server.Port, target.Replace("{site}", folders.Site.TrimStart('/').Replace("/", "%2f")));

        var location = response.Split("\r\n").FirstOrDefault(l => l.StartsWith("Location:", StringComparison.OrdinalIgnoreCase));
        if (location is not null)
        {
            var value = location["Location:".Length..].Trim();
            Assert.StartsWith("/", value);
            Assert.False(value.StartsWith("//", StringComparison.Ordinal) || value.StartsWith("/\\", StringComparison.Ordinal), $"redirects off the site: {value}");
        }
    }

    [Fact]
    public async Task Folders_still_redirect_to_their_slash_and_files_are_served()
    {
        using var folders = new Siblings();
        using var server = new StaticSiteServer(folders.Site);

        var folder = await Raw(server.Port, "/papers");
        var file = await Raw(server.Port, "/papers/");

        Assert.StartsWith("HTTP/1.1 301", folder);
        Assert.Contains("Location: /papers/", folder);
        Assert.Contains("<p>papers</p>", file);
    }

    [Fact]
    public void Serve_on_a_port_in_use_is_one_line_and_exit_code_2()
    {
        using var site = new ContentFolder().WithThemes();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = CliRun.Of("serve", "--content", site.Content, "--output", site.Output, "--port", port, "--build-date", "2026-01-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"digestgen: error: port {port} on 127.0.0.1 is already in use by another program; choose another with --port, or --port 0 for any free port", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }

    [Fact]
    public void Serve_into_a_dangerous_folder_is_refused_before_building()
    {
        using var site = new ContentFolder().WithThemes();

        var run = CliRun.Of("serve", "--content", site.Content, "--output", site.Content, "--port", "0", "--build-date", "2026-01-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("refusing to write the site into", run.Err);
    }

    [Fact]
    public async Task Serve_on_every_interface_works()
    {
        using var site = new ContentFolder().WithThemes().With("seeds/a.txt", Seeds.Listing($"Served Everywhere\n\n{Seeds.LongAbstract("serving")}\n"));
        using var server = new DevServer(new DigestGen.Pipeline.BuildOptions(site.Content, site.Output, new DateOnly(2026, 1, 1)), "0.0.0.0", 0, _ => { });

        Assert.True(server.ListensEverywhere);
        Assert.StartsWith("http://127.0.0.1:", server.Url);
        using var http = new HttpClient();
        Assert.Contains("Served Everywhere", await http.GetStringAsync(server.Url));
    }
}
