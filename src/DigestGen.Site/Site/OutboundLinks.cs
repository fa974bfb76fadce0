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
    public static IReadOnlyList<ExternalLink> Searches(Paper paper, Words words)
    {
        var q = Uri.EscapeDataString(paper.Title);
        return
        [
            new($"https://arxiv.org/search/?query={q}&searchtype={(paper.TitleDerived ? "abstract" : "title")}", words.Text("paper.search_arxiv")),
            new($"https://huggingface.co/papers?q={q}", words.Text("paper.search_huggingface")),
            new($"https://www.semanticscholar.org/search?q={q}", words.Text("paper.search_semantic_scholar")),
            new($"https://scholar.google.com/scholar?q={q}", words.Text("paper.search_google_scholar")),
        ];
    }

    /// <summary>The first code, model and dataset address of the abstract, in that order.</summary>
    public static IReadOnlyList<ExternalLink> Resources(Paper paper, Words words)
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

        string[] names = ["paper.code", "paper.model", "paper.dataset"];
        return found.Select(kv => new ExternalLink(kv.Value, words.Text(names[kv.Key]))).ToList();
    }

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
