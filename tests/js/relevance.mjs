// Search relevance on a built site, through the engine the search page runs (issue 23, item 7):
//   node tests/js/relevance.mjs SITE_DIR [FIXTURE_TSV]
// Known-item queries: success when the paper is among the first 3 results. Topical queries: precision
// of the first 5. Prints a line per query, then one JSON line of totals (what DigestGen.Tests reads).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { builtSite } from "./built-site.mjs";

const [site, fixture = new URL("../fixtures/search/relevance.tsv", import.meta.url).pathname] = process.argv.slice(2);
if (!site) {
  console.error("usage: node tests/js/relevance.mjs SITE_DIR [FIXTURE_TSV]");
  process.exit(2);
}

// The index's documents are known by URL; the fixture names papers by id: papers.json (or its shards) maps one to the other.
const papers = JSON.parse(readFileSync(join(site, "data", "papers.json"), "utf8")).papers;
const urlOf = new Map(papers.map((p) => [p.id, `papers/${p.slug}/`]));

const rows = readFileSync(fixture, "utf8").split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split("\t"));
const index = builtSite(site);
const known = [];
const topical = [];
for (const [kind, query, ids, about] of rows) {
  const wanted = new Set(ids.split(" ").map((id) => {
    if (!urlOf.has(id)) throw new Error(`${fixture}: no paper ${id}`);
    return urlOf.get(id);
  }));
  const { results } = await index.search(query);
  const top = await Promise.all(results.slice(0, 5).map(async (r) => (await index.document(r.doc)).url));
  if (kind === "known") {
    const rank = (await Promise.all(results.slice(0, 50).map(async (r) => (await index.document(r.doc)).url))).findIndex((u) => wanted.has(u)) + 1;
    known.push({ query, rank });
    console.log(`known    ${rank >= 1 && rank <= 3 ? "ok  " : "MISS"} rank ${rank || "-"}\t${query}\t(${about})`);
  } else {
    const hits = top.filter((u) => wanted.has(u)).length;
    topical.push({ query, hits });
    console.log(`topical  P@5 ${hits}/5\t${query}\t(${wanted.size} relevant)`);
  }
}

const successAt3 = known.filter((k) => k.rank >= 1 && k.rank <= 3).length / known.length;
const successAt1 = known.filter((k) => k.rank === 1).length / known.length;
const topicalHits = topical.reduce((s, t) => s + t.hits, 0);
const precisionAt5 = topicalHits / (5 * topical.length);
console.log(`known-item: ${known.length} queries, success@1 ${(successAt1 * 100).toFixed(0)}%, success@3 ${(successAt3 * 100).toFixed(0)}%; ` +
  `topical: ${topical.length} queries, precision@5 ${(precisionAt5 * 100).toFixed(0)}%`);
const knownAt3 = known.filter((k) => k.rank >= 1 && k.rank <= 3).length;
console.log(JSON.stringify({ known: known.length, knownAt3, successAt1, successAt3, topical: topical.length, topicalHits, precisionAt5 }));
