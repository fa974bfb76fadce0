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

    public PageHash Papers(IReadOnlyCollection<Paper> papers)
    {
        hash.Add(papers.Count);
        foreach (var paper in papers)
        {
            hash.Add(inputs.PaperHash(paper.Id));
        }

        return this;
    }

    public PageHash PaperIds(IReadOnlyList<string> ids)
    {
        hash.Add(ids.Count);
        foreach (var id in ids)
        {
            hash.Add(inputs.PaperHash(id));
        }

        return this;
    }

    public PageHash Posts(IReadOnlyCollection<Post> posts)
    {
        hash.Add(posts.Count);
        foreach (var post in posts)
        {
            hash.Add(inputs.PostHash(post.Id));
        }

        return this;
    }

    public PageHash PostIds(IReadOnlyList<string> ids)
    {
        hash.Add(ids.Count);
        foreach (var id in ids)
        {
            hash.Add(inputs.PostHash(id));
        }

        return this;
    }

    public UInt128 Value => hash.Value;
}
