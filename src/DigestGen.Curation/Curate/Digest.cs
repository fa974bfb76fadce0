using DigestGen.Config;
using DigestGen.Curate;
using DigestGen.Curate.Terms;
using DigestGen.Curate.Topics;
using DigestGen.Diagnostics;
using DigestGen.Ingest;

namespace DigestGen.Curate;

/// <summary>Everything the site is made from: configuration, what each seed yielded, the curated papers and posts, and their index terms.</summary>
public sealed record Digest(
    DigestConfig Config,
    DateOnly BuildDate,
    IReadOnlyList<SeedSummary> Seeds,
    IReadOnlyList<Paper> Papers,
    IReadOnlyList<Post> Posts,
    Taxonomy Taxonomy,
    DiagnosticBag Diagnostics,
    CorpusTerms Terms);
