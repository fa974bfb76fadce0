using DigestGen.Curate;

namespace DigestGen.Site;

/// <summary>
/// One page's inputs hash, made by its family from what the page shows: papers and posts go in by their
/// whole hashes (<see cref="PageInputs"/>), lists with their lengths, so two pages hash alike only when
/// they are rendered from the same data.
/// </summary>
public sealed class PageHash(PageInputs inputs, InputsHash hash)
{
    public PageHash Add(int value)
    {
        hash.Add(value);
        return this;
    }

    public PageHash Add(string value)
    {
        hash.Add(value);
        return this;
    }

    public PageHash Add(DateOnly? value)
    {
        hash.Add(value);
        return this;
    }

    /// <summary>A paper, or that there is none (a first page's "previous").</summary>
    public PageHash Paper(Paper? paper)
    {
        hash.Add(paper is null ? UInt128.Zero : inputs.PaperHash(paper.Id));
        return this;
    }

    public PageHash Papers(IReadOnlyCollection<Paper> papers) => All(papers.Count, papers.Select(p => inputs.PaperHash(p.Id)));

    public PageHash PaperIds(IReadOnlyList<string> ids) => All(ids.Count, ids.Select(inputs.PaperHash));

    public PageHash Posts(IReadOnlyCollection<Post> posts) => All(posts.Count, posts.Select(p => inputs.PostHash(p.Id)));

    public PageHash PostIds(IReadOnlyList<string> ids) => All(ids.Count, ids.Select(inputs.PostHash));

    public UInt128 Value => hash.Value;

    /// <summary>A list: its length, then each item's hash.</summary>
    private PageHash All(int count, IEnumerable<UInt128> hashes)
    {
        hash.Add(count);
        foreach (var item in hashes)
        {
            hash.Add(item);
        }

        return this;
    }
}
