using DigestGen.Ingest;
using DigestGen.Tests.Support;

namespace DigestGen.Tests.Ingest;

public class AbstractListParserTests
{
    [Fact]
    public void Reads_institution_and_one_paper_per_abstract_line()
    {
        var result = Seeds.Ingest("Department of Computer Science, Example University\nAbstract:First abstract text.\nAbstract: Second abstract text.\n");

        Assert.Equal(SeedFormat.AbstractList, result.Format);
        Assert.Equal(2, result.Abstracts.Count);
        Assert.Equal("First abstract text.", result.Abstracts[0].Abstract);
        Assert.Equal("Second abstract text.", result.Abstracts[1].Abstract);
        Assert.All(result.Abstracts, a => Assert.Equal("Department of Computer Science, Example University", a.Institution));
        Assert.Equal(3, result.Abstracts[1].Source.Line);
    }
}
