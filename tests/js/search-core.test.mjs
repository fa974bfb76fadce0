// node --test: the JavaScript half of the search (tokenizer twin, query language, index engine).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { indexTerms, parseQuery, withinOneEdit, SearchIndex, decodePostings, hasPhrase, matcher, snippetAround } from "../../themes/default/assets/search-core.js";

const vectors = JSON.parse(readFileSync(new URL("../vectors/tokenizer.json", import.meta.url), "utf8"));

test("tokenizer agrees with the shared vectors", () => {
  for (const { input, terms } of vectors.cases) assert.deepEqual(indexTerms(input), terms, input);
});

test("query language: prefix, phrase, exclude, qualifiers", () => {
  const q = parseQuery('"kv cache" -speech title:llava topic:Multimodal quant');
  assert.deepEqual(q.phrases, [["kv", "cache"]]);
  assert.deepEqual(q.terms, ["kv", "cache"]);
  assert.deepEqual(q.exclude, ["speech"]);
  assert.deepEqual(q.title, ["llava"]);
  assert.deepEqual(q.topics, ["multimodal"]);
  assert.equal(q.prefix, "quant");
  assert.equal(parseQuery("quant ").prefix, null);
});

test("one edit", () => {
  assert.ok(withinOneEdit("quantizaton", "quantization"));
  assert.ok(withinOneEdit("quantisation", "quantization"));
  assert.ok(!withinOneEdit("quantizatn", "quantization"));
});

const postingVectors = JSON.parse(readFileSync(new URL("../vectors/postings.json", import.meta.url), "utf8"));

test("postings decode as the C# codec encodes them", () => {
  for (const { postings, encoded } of postingVectors.cases) {
    assert.deepEqual([...decodePostings(encoded)], postings.map(([doc, impact, inTitle]) => [doc, impact * 2 + (inTitle ? 1 : 0)]), encoded);
  }
});

/** Test fixtures only: [doc, impact*2+inTitle] pairs (doc ascending) in the shard encoding. */
function encode(pairs) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  let out = "";
  let previous = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    let value = (pairs[i] - previous) * 2 + (pairs[i + 1] & 1);
    do {
      const chunk = value & 31;
      value >>= 5;
      out += alphabet[chunk | (value > 0 ? 32 : 0)];
    } while (value > 0);
    out += alphabet[pairs[i + 1] >> 1];
    previous = pairs[i];
  }
  return out;
}

// A two-shard index written by hand: docs 0-1 papers (2025-01-01), doc 2 a post (2025-02-01).
// Postings as absolute [doc, impact*2+inTitle] pairs, impacts ≤ 63. The records of docs/0.txt: each
// document's display data as a JSON array padded with spaces to recordBytes.
const RECORD = 96;
const display = [["KIVI", "papers/kivi/", "2025-01-01", [0], "kv cache quantization", 0], ["Speech", "papers/speech/", "2025-01-01", [], "speech cache", 0], ["Post", "dates/2025-02-01/#s1", "2025-02-01", [0], "<img src=x>", 1]];
const shard = new TextEncoder().encode(display.map((d) => JSON.stringify(d).padEnd(RECORD, " ")).join(""));
const files = {
  "meta.json": { version: 3, docs: 3, papers: 2, docsPerShard: 64, recordBytes: RECORD, shards: ["aaa", "q"], topics: [["speed", "Speed"], ["other", "Other"]], dates: [["2025-01-01", 0], ["2025-02-01", 2]] },
  "terms/0.json": { cache: encode([0, 100, 1, 20]), kv: encode([0, 101]) },
  "terms/1.json": { quantization: encode([0, 60, 2, 80]), quantized: encode([1, 10]), speech: encode([1, 50]), "topic:speed": encode([0, 2, 2, 2]) },
  "upvotes.json": [1, 9, 0],
};
// A host that serves ranges (ranges = true) or one that ignores them and sends the whole file.
const bytesFrom = (requests, ranges = true) => async (url, first, last) => {
  requests.push([url, first, last]);
  assert.equal(url.split("?")[0], "docs/0.txt");
  return ranges && first !== undefined ? { whole: false, bytes: shard.slice(first, last + 1) } : { whole: true, bytes: shard.slice() };
};
const index = () => new SearchIndex("", async (path) => structuredClone(files[path]), bytesFrom([]));

test("ranks by impact, every word first, forgives a typo, expands a prefix", async () => {
  const kvCache = await index().search("kv cache ");
  // Doc 1 has "cache" only: it follows, because fewer than a page of documents has both words.
  assert.deepEqual(kvCache.results.map((r) => [r.doc, r.all]), [[0, true], [1, false]]);
  assert.equal(kvCache.complete, 1);
  assert.equal(kvCache.partial, false);
  assert.deepEqual((await index().search("cache ")).results.map((r) => r.doc), [0, 1]);
  assert.deepEqual((await index().search("quantizaton ")).results.map((r) => r.doc).sort(), [0, 2]);
  assert.deepEqual((await index().search("quant")).results.map((r) => r.doc).sort(), [0, 1, 2]);
});

test("filters and sorts", async () => {
  assert.deepEqual((await index().search("quant", { kind: "post" })).results.map((r) => r.doc), [2]);
  assert.deepEqual((await index().search("quant", { topic: "speed" })).results.map((r) => r.doc).sort(), [0, 2]);
  assert.deepEqual((await index().search("quant", { from: "2025-01-15" })).results.map((r) => r.doc), [2]);
  assert.deepEqual((await index().search("quant", { sort: "upvotes" })).results.map((r) => r.doc), [1, 0, 2]);
  assert.deepEqual((await index().search("quant", { sort: "newest" })).results[0].doc, 2);
  assert.deepEqual((await index().search("cache -speech")).results.map((r) => r.doc), [0]);
  assert.deepEqual((await index().search("kv cache", { sort: "upvotes" })).results.map((r) => r.doc), [0, 1], "every word first, in any sort");
});

test("documents come back as data", async () => {
  const doc = await index().document(2);
  assert.equal(doc.snippet, "<img src=x>");
  assert.deepEqual(doc.topics, [["speed", "Speed"]]);
  assert.equal(doc.isPost, true);
});

test("with ranges, a result costs one record, each request its own URL, all at once", async () => {
  const requests = [];
  const fetched = [];
  const idx = new SearchIndex("", async (path) => { fetched.push(path); return structuredClone(files[path]); }, bytesFrom(requests));
  const docs = await Promise.all([2, 0].map((d) => idx.document(d)));
  assert.deepEqual(docs.map((d) => d.title), ["Post", "KIVI"]);
  assert.equal(docs[0].snippet, "<img src=x>");
  assert.deepEqual(requests, [["docs/0.txt?r=2", 2 * RECORD, 3 * RECORD - 1], ["docs/0.txt?r=0", 0, RECORD - 1]]);
  assert.deepEqual(fetched, ["meta.json"]);
});

test("a host without ranges sends the whole shard, and then each shard is read once", async () => {
  const requests = [];
  const idx = new SearchIndex("", async (path) => structuredClone(files[path]), bytesFrom(requests, false));
  assert.equal((await idx.document(1)).title, "Speech");
  const docs = await Promise.all([0, 1, 2].map((d) => idx.document(d)));
  assert.deepEqual(docs.map((d) => d.title), ["KIVI", "Speech", "Post"]);
  assert.equal(requests.length, 1);
});

test("a day's papers come from whole shards, posts left out", async () => {
  const requests = [];
  const idx = new SearchIndex("", async (path) => structuredClone(files[path]), bytesFrom(requests));
  assert.deepEqual((await idx.papersOf("2025-01-01")).map((d) => d.title), ["KIVI", "Speech"]);
  assert.deepEqual(await idx.papersOf("2025-02-01"), []);
  assert.deepEqual(requests, [["docs/0.txt", undefined, undefined]]);
});

test("an index of another format says so, once, instead of failing later", async () => {
  const old = { ...files, "meta.json": { ...files["meta.json"], version: 2 } };
  const idx = new SearchIndex("", async (path) => structuredClone(old[path]), bytesFrom([]));
  await assert.rejects(idx.search("cache "), { name: "IndexVersionError" });
});

test("when no document has every word, any word will do, and the result says so", async () => {
  const all = await index().search("kv cache ");
  assert.equal(all.partial, false);
  const some = await index().search("kv speech ");
  assert.equal(some.partial, true);
  assert.deepEqual(some.query.words, ["kv", "speech"]);
  assert.deepEqual(some.results.map((r) => r.doc).sort(), [0, 1]);
});

test("a phrase is its words one after the other, plurals allowed, stop words kept", () => {
  assert.deepEqual(parseQuery('"state of the art" cache').phraseWords, [["state", "of", "the", "art"]]);
  assert.deepEqual(parseQuery('"kivi"').phraseWords, []);
  assert.ok(hasPhrase("Long-context models fail.", ["long", "context"]));
  assert.ok(hasPhrase("over long contexts", ["long", "context"]));
  assert.ok(!hasPhrase("long and short context", ["long", "context"]));
  assert.ok(!hasPhrase("context long", ["long", "context"]));
  assert.ok(hasPhrase("beats the state of the art.", ["state", "of", "the", "art"]));
  assert.ok(!hasPhrase("the state of art", ["state", "of", "the", "art"]));
});

test("a phrase query keeps only the documents whose page has the phrase", async () => {
  const pages = {
    "papers/kivi/": { title: "KIVI", body: "A tuning-free KV cache quantization." },
    "papers/speech/": { title: "Speech", body: "The cache of a kv store for speech." },
  };
  const idx = new SearchIndex("", async (path) => structuredClone(files[path]), bytesFrom([]), async (path) => () => pages[path]);
  const { results, query } = await idx.search('"kv cache"');
  assert.deepEqual(results.filter((r) => r.all).map((r) => r.doc), [0]);
  const both = await idx.search("cache ");
  const kept = [];
  for (const r of both.results) if (await idx.hasPhrases(r.doc, query)) kept.push(r.doc);
  assert.deepEqual(kept, [0]);
});

test("a snippet is the part of the text around the matched words, cut at words", () => {
  const text = "Large language models are everywhere. They are slow at long inputs. " +
    "We propose a method that evicts entries from the KV cache by attention score. It halves memory with no loss.";
  const snippet = snippetAround(text, matcher(parseQuery("cache eviction ")), 120);
  assert.ok(snippet.startsWith("…We propose a method"), snippet);
  assert.ok(snippet.includes("KV cache"), snippet);
  assert.ok(snippet.length <= 122, snippet);
  assert.match(snippet, /(\w|\.)…?$/u);
  assert.equal(snippetAround(text, matcher(parseQuery("speech ")), 120), null);
  // A short text is itself, without ellipses.
  assert.equal(snippetAround("KV cache quantization.", matcher(parseQuery("cache ")), 120), "KV cache quantization.");
});

test("a hyphenated word matches its parts or its joined form; a joined word matches its parts", async () => {
  const q = parseQuery("kv-cache quant");
  assert.deepEqual(q.compounds, [{ parts: ["kv", "cache"], joined: "kvcache" }]);
  assert.deepEqual(q.terms, []);
  assert.deepEqual((await index().search("kv-cache ")).results.filter((r) => r.all).map((r) => r.doc), [0]);
  assert.deepEqual((await index().search("kvcache ")).results.map((r) => r.doc), [0]);
  const joined = { ...files, "terms/0.json": { ...files["terms/0.json"], kvcache: encode([1, 40]) } };
  const idx = new SearchIndex("", async (path) => structuredClone(joined[path]), bytesFrom([]));
  assert.deepEqual((await idx.search("kv-cache ")).results.filter((r) => r.all).map((r) => r.doc).sort(), [0, 1]);
  assert.ok(matcher(q)("KV"), "the parts are highlighted");
});
