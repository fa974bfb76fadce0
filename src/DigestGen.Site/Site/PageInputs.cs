using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DigestGen.Config;
using DigestGen.Curate;
using DigestGen.Curate.Topics;
using DigestGen.Text;

namespace DigestGen.Site;

/// <summary>
/// The inputs hash of every page a rebuild may keep without rendering it (paper, topic and date pages: all but a
/// few hundred of the site's pages). A page's hash covers the site-wide context (generator build,
/// theme files, configuration, taxonomy) and each paper and post the page shows, whole: every field
/// of their JSON (<see cref="ModelJson"/>), so a field added to a model is in the hash without a
/// change here. The integration tests compare rebuilt sites with clean builds byte for byte to hold this to account.
/// </summary>
public sealed class PageInputs
{
    /// <summary>
    /// What the hashes leave out, and why: a paper's related papers and posts are added by their own
    /// hashes on the pages that show them (a topic or date page does not, and must not be rendered again
    /// when a new paper joins a related list); the seed list shows only on <c>/status/</c>, which is
    /// always rendered; topic phrases act on pages only through the topics papers get.
    /// </summary>
    private static readonly JsonSerializerOptions Json = ModelJson.Options(PageInputsJson.Default,
        ModelJson.Without<Paper>(nameof(Paper.Related), nameof(Paper.DiscussedIn)),
        ModelJson.Without<DigestConfig>(nameof(DigestConfig.Seeds)),
        ModelJson.Without<Topic>(nameof(Topic.Phrases)));

    private static readonly JsonTypeInfo<Paper> PaperJson = JsonHash.TypeIn<Paper>(Json);
    private static readonly JsonTypeInfo<Post> PostJson = JsonHash.TypeIn<Post>(Json);

    private readonly UInt128 _context;
    private readonly Dictionary<string, UInt128> _papers;
    private readonly Dictionary<string, UInt128> _posts;

    public PageInputs(Digest digest, string themeFingerprint)
    {
        _context = new InputsHash()
            .Add("digestgen-page-inputs/2")
            .Add(GeneratorBuild.Id)
            .Add(themeFingerprint)
            .Add(JsonHash.Of(digest.Config, JsonHash.TypeIn<DigestConfig>(Json)))
            .Add(JsonHash.Of(digest.Taxonomy.All, JsonHash.TypeIn<IReadOnlyList<Topic>>(Json)))
            .Value;

        var papers = new UInt128[digest.Papers.Count];
        Parallel.For(0, papers.Length, i => papers[i] = JsonHash.Of(digest.Papers[i], PaperJson));
        _papers = new Dictionary<string, UInt128>(papers.Length, StringComparer.Ordinal);
        for (var i = 0; i < papers.Length; i++)
        {
            _papers[digest.Papers[i].Id] = papers[i];
        }

        _posts = digest.Posts.ToDictionary(p => p.Id, Own, StringComparer.Ordinal);
    }
    /// <summary>The start of a page's hash: the site-wide context and the page's family.</summary>
    public PageHash Page(string family) => new(this, new InputsHash().Add(_context).Add(family));

    /// <summary>A paper's own hash (every field but its related papers and posts).</summary>
    public UInt128 PaperHash(string id) => _papers[id];

    /// <summary>A post's own hash, with the papers it names or is about.</summary>
    public UInt128 PostHash(string id) => _posts[id];

    private UInt128 Own(Post post)
    {
        var hash = new InputsHash().Add(JsonHash.Of(post, PostJson));
        AddPapers(hash, post.Mentions);
        AddPapers(hash, post.Related);
        return hash.Value;
    }

    private void AddPapers(InputsHash hash, IReadOnlyList<string> ids)
    {
        hash.Add(ids.Count);
        foreach (var id in ids)
        {
            hash.Add(_papers[id]);
        }
    }
}
