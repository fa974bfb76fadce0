namespace DigestGen.Curate;

/// <summary>The names of the files in content/ that diagnostics point at.</summary>
public static class ContentFiles
{
    public const string Config = DigestGen.Config.DigestConfigLoader.FileName;
    public const string Overrides = Curate.OverridesLoader.FileName;
    public const string Topics = Curate.Topics.TaxonomyLoader.FileName;
}
