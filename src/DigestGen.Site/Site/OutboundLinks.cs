using DigestGen.Curate;
using DigestGen.Text;

namespace DigestGen.Site;

/// <summary>
/// Where a reader goes from a paper: title searches on arXiv, Hugging Face papers, Semantic Scholar and
/// Google Scholar (the seeds carry no arXiv ids), and the code, model and dataset pages its abstract
/// names (GitHub, GitLab, Hugging Face). A derived headline is searched as words of the abstract.
/// </summary>
public static class OutboundLinks
{
    /// <summary>The four title searches, keyed as <c>papers.json</c> names them.</summary>
    public static IReadOnlyList<OutboundLink> Searches(Paper paper)
    {
        var q = QueryValue(paper.Title);
        return
        [
            new("arxiv", $"https://arxiv.org/search/?query={q}&searchtype={(paper.TitleDerived ? "abstract" : "title")}"),
            new("huggingface", $"https://huggingface.co/papers?q={q}"),
            new("semanticScholar", $"https://www.semanticscholar.org/search?q={q}"),
            new("googleScholar", $"https://scholar.google.com/scholar?q={q}"),
        ];
    }

    /// <summary>The first code, model and dataset address of the abstract, in that order.</summary>
    public static IReadOnlyList<OutboundLink> Resources(Paper paper)
    {
        var text = paper.Abstract.ToPlainText();
        var found = new SortedDictionary<int, string>();
        foreach (var (start, length) in LinkedText.Addresses(text))
        {
            var url = text.Substring(start, length);
            if (Kind(url) is { } kind && !found.ContainsKey(kind))
            {
                found[kind] = url;
            }
        }

        return found.Select(kv => new OutboundLink(ResourceKinds[kv.Key], kv.Value)).ToList();
    }

    /// <summary>As a page shows them: each link's text from the strings file (<c>paper.search_arxiv</c>, <c>paper.code</c> …).</summary>
    public static IReadOnlyList<ExternalLink> Shown(IReadOnlyList<OutboundLink> links, Words words, string keyPrefix) =>
        links.Select(l => new ExternalLink(l.Href, words.Text("paper." + keyPrefix + WordKey(l.Kind)))).ToList();

    private static readonly string[] ResourceKinds = ["code", "model", "dataset"];

    /// <summary>
    /// A query value as an HTML form sends it: spaces as <c>+</c>, and <c>: , ( ) / @</c>, which a query may hold
    /// as they are, left so. Four searches a page, a hundred thousand pages: %20 for every space cost 6 MB.
    /// </summary>
    private static string QueryValue(string text) => Uri.EscapeDataString(text)
        .Replace("%20", "+", StringComparison.Ordinal)
        .Replace("%3A", ":", StringComparison.Ordinal)
        .Replace("%2C", ",", StringComparison.Ordinal)
        .Replace("%28", "(", StringComparison.Ordinal)
        .Replace("%29", ")", StringComparison.Ordinal)
        .Replace("%2F", "/", StringComparison.Ordinal)
        .Replace("%40", "@", StringComparison.Ordinal);

    /// <summary>semanticScholar → semantic_scholar, as keys in the strings file are written.</summary>
    private static string WordKey(string kind) => string.Concat(kind.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>0 code, 1 model, 2 dataset; null for any other address (a Space, a paper page, a project site).</summary>
    private static int? Kind(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var path = uri.AbsolutePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return uri.Host.ToLowerInvariant() switch
        {
            "github.com" or "www.github.com" or "gitlab.com" when path.Length >= 2 => 0,
            "huggingface.co" or "hf.co" when path is ["datasets", _, ..] => 2,
            "huggingface.co" or "hf.co" when path.Length >= 2 && path[0] is not ("spaces" or "papers" or "docs" or "blog" or "collections") => 1,
            _ => null,
        };
    }
}

/// <summary>A link out of the site for a paper: what kind (<c>arxiv</c>, <c>code</c> …) and where.</summary>
public sealed record OutboundLink(string Kind, string Href);
