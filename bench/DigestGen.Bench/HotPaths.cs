using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DigestGen.Curate.Related;
using DigestGen.Curate.Topics;
using DigestGen.Diagnostics;
using DigestGen.Ingest;
using DigestGen.Curate;
using DigestGen.Pipeline;
using DigestGen.Render;
using DigestGen.Site;
using DigestGen.Text;

namespace DigestGen.Bench;

/// <summary>
/// BenchmarkDotNet over the hot inner parts of a build, on a 2,000-paper synthetic corpus: parsing a
/// listing seed, cleaning and tokenising an abstract, assigning topics, related papers, and drawing one paper page.
/// Run with <c>bench micro [filter]</c>; in-process, so it needs no network or generated projects.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class HotPaths
{
    private string _content = "";
    private string _listingSeed = "";
    private Digest _digest = null!;
    private TopicAssigner _assigner = null!;
    private string _title = "";
    private string _abstract = "";
    private List<(string Id, TermCount[] Terms)> _similarityDocs = [];
    private PageRenderer _renderer = null!;
    private SitePage _paperPage = null!;

    [GlobalSetup]
    public void Setup()
    {
        _content = Path.Combine(Path.GetTempPath(), "digestgen-hotpaths");
        if (Directory.Exists(_content))
        {
            Directory.Delete(_content, recursive: true);
        }

        SyntheticCorpus.Write(_content, 2000);
        _listingSeed = Directory.EnumerateFiles(Path.Combine(_content, "seeds"), "listing-*.txt").Order(StringComparer.Ordinal).First();
        _digest = DigestLoader.Load(new BuildOptions(_content, Path.Combine(_content, "out"), new DateOnly(2030, 1, 1)), new StageTimings());
        _assigner = new TopicAssigner(_digest.Taxonomy);
        var paper = _digest.Papers[_digest.Papers.Count / 2];
        _title = paper.Title;
        _abstract = paper.Abstract.ToPlainText();
        _similarityDocs = _digest.Papers.Select(p => (p.Id, _digest.Terms.Of(p).TitleAndAbstract(2))).ToList();
        var theme = Theme.Load(Path.Combine(Repository.Root, "themes"), "default");
        var planner = new SitePlanner(_digest, theme.Words);
        _paperPage = planner.Pages([]).First(p => p.Template == "paper");
        _renderer = new PageRenderer(theme, planner.Site, "bench");
    }

    [Benchmark(Description = "parse a listing seed of 500 papers")]
    public int ParseListingSeed() =>
        SeedIngestor.Ingest(_listingSeed, "seeds/listing.txt", new DateOnly(2030, 1, 1), new DiagnosticBag()).RecordCount;

    [Benchmark(Description = "clean one abstract's TeX residue (curate)")]
    public int ParseAbstractText() => TexText.Parse(_abstract).Inlines.Count;

    [Benchmark(Description = "tokenise one abstract (index terms)")]
    public int TokenizeAbstract() => Tokenizer.IndexTerms(_abstract).Count;

    [Benchmark(Description = "assign topics to one paper")]
    public int AssignTopics() => _assigner.Assign(_title, _abstract).Count;

    [Benchmark(Description = "related papers for 2,000 papers")]
    public int RelatedPapers() => new SimilarityIndex(_similarityDocs, _digest.Terms.Table).AllNeighbours(RelatedCuration.Neighbours).Length;

    [Benchmark(Description = "render one paper page")]
    public int RenderPaperPage() => _renderer.Render(_paperPage).Length;

    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        }
    }
}
