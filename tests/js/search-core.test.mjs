// node --test: the JavaScript half of the search (tokenizer twin, query language, index engine).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { indexTerms, parseQuery, withinOneEdit, SearchIndex } from "../../themes/default/assets/search-core.js";

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

// A two-shard index written by hand: docs 0-1 papers (2025-01-01), doc 2 a post (2025-02-01).
const files = {
  "meta.json": { version: 1, docs: 3, papers: 2, docsPerShard: 64, shards: ["aaa", "q"], topics: [["speed", "Speed"], ["other", "Other"]], dates: [["2025-01-01", 0], ["2025-02-01", 2]] },
  "terms/0.json": { cache: [0, 100, 1, 20], kv: [0, 101] },
  "terms/1.json": { quantization: [0, 60, 2, 80], quantized: [1, 10], speech: [1, 50], "topic:speed": [0, 2, 2, 2] },
  "docs/0.json": [["KIVI", "papers/kivi/", "2025-01-01", [0], "kv cache quantization", 0], ["Speech", "papers/speech/", "2025-01-01", [], "speech cache", 0], ["Post", "dates/2025-02-01/#s1", "2025-02-01", [0], "<img src=x>", 1]],
  "upvotes.json": [1, 9, 0],
};
const index = () => new SearchIndex("", async (path) => structuredClone(files[path]));

test("ranks by impact, requires every word, forgives a typo, expands a prefix", async () => {
  assert.deepEqual((await index().search("kv cache ")).results.map((r) => r.doc), [0]);
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
});

test("documents come back as data", async () => {
  const doc = await index().document(2);
  assert.equal(doc.snippet, "<img src=x>");
  assert.deepEqual(doc.topics, [["speed", "Speed"]]);
  assert.equal(doc.isPost, true);
});
