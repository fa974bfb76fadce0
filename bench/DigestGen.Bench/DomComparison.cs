using AngleSharp.Diffing;
using AngleSharp.Diffing.Core;

namespace DigestGen.Bench;

/// <summary>
/// <c>bench domdiff A B</c>: every HTML page of two built sites compared as documents (AngleSharp.Diffing with
/// its default options: whitespace between elements and attribute order do not count), for a theme change
/// that must render the same site. Prints each page that differs with its first differences.
/// </summary>
public static class DomComparison
{
    public static int Run(string control, string test, TextWriter output)
    {
        var pages = Directory.EnumerateFiles(control, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(control, f))
            .Order(StringComparer.Ordinal)
            .ToList();
        var differing = 0;
        var missing = 0;
        var lockObject = new object();
        Parallel.ForEach(pages, page =>
        {
            var other = Path.Combine(test, page);
            if (!File.Exists(other))
            {
                lock (lockObject)
                {
                    missing++;
                    output.WriteLine($"{page}: missing from {test}");
                }

                return;
            }

            var diffs = DiffBuilder.Compare(File.ReadAllText(Path.Combine(control, page))).WithTest(File.ReadAllText(other)).Build().ToList();
            if (diffs.Count > 0)
            {
                lock (lockObject)
                {
                    differing++;
                    if (differing <= 20)
                    {
                        output.WriteLine($"{page}: {diffs.Count} differences");
                        foreach (var diff in diffs.Take(5))
                        {
                            output.WriteLine("  " + Describe(diff));
                        }
                    }
                }
            }
        });

        var extra = Directory.EnumerateFiles(test, "*.html", SearchOption.AllDirectories).Count() - (pages.Count - missing);
        output.WriteLine($"{pages.Count} pages compared: {pages.Count - differing - missing} DOM-equal, {differing} differ, {missing} missing, {extra} only in {test}");
        return differing + missing + extra == 0 ? 0 : 1;
    }

    private static string Describe(IDiff diff) => diff switch
    {
        NodeDiff d => $"{d.Result} node at {d.Control.Path}: '{Short(d.Control.Node.TextContent)}' vs '{Short(d.Test.Node.TextContent)}'",
        AttrDiff d => $"{d.Result} attribute {d.Control.Path}: '{Short(d.Control.Attribute.Value)}' vs '{Short(d.Test.Attribute.Value)}'",
        MissingNodeDiff d => $"missing node {d.Control.Path}",
        MissingAttrDiff d => $"missing attribute {d.Control.Path}",
        UnexpectedNodeDiff d => $"unexpected node {d.Test.Path}: '{Short(d.Test.Node.TextContent)}'",
        UnexpectedAttrDiff d => $"unexpected attribute {d.Test.Path}",
        _ => diff.ToString() ?? "",
    };

    private static string Short(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
