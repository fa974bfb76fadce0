// Runs queries through the search engine the page runs, on a site built on disk, and prints one JSON line
// per query: { query, total, complete, urls } (every result's URL, in rank order).
//   node tests/js/query.mjs SITE_DIR QUERY...
import { builtSite } from "./built-site.mjs";

const [site, ...queries] = process.argv.slice(2);
if (!site || queries.length === 0) {
  console.error("usage: node tests/js/query.mjs SITE_DIR QUERY...");
  process.exit(2);
}

const index = builtSite(site);
for (const query of queries) {
  const { total, complete, results } = await index.search(query);
  const urls = await Promise.all(results.map(async (r) => (await index.document(r.doc)).url));
  console.log(JSON.stringify({ query, total, complete, urls }));
}
