// DigestGen search engine: the tokenizer (twin of DigestGen.Text.Tokenizer in C#; both are checked
// against tests/vectors/tokenizer.json), the query language, and a sharded index loaded on demand.
// No DOM here, so node's test runner can run it.

export const STOP_WORDS = new Set(("a about above after again against all also am an and any are as at be because been " +
  "before being below between both but by can could did do does doing down during each few for from further had has have " +
  "having he her here hers him his how however i if in into is it its itself just may me might more most much must my no " +
  "nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs " +
  "them then there these they this those through thus to too under until up upon us very via was we were what when where " +
  "whether which while who whom why will with within without would yet you your").split(" "));

const WORD = /[\p{L}\p{Nd}]+/gu;

export function fold(text) {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase() : text.normalize("NFKD").replace(/\p{Mn}/gu, "").toLowerCase();
}

export function words(text) {
  return fold(text).match(WORD) ?? [];
}

/** The S-stemmer (Harman 1991): undoes plurals only. */
export function stem(word) {
  if (word.length <= 3 || !/\p{L}$/u.test(word)) return word;
  if (word.endsWith("ies") && !word.endsWith("eies") && !word.endsWith("aies")) return word.slice(0, -3) + "y";
  if (word.endsWith("es") && !word.endsWith("aes") && !word.endsWith("ees") && !word.endsWith("oes")) return word.slice(0, -1);
  if (word.endsWith("s") && !word.endsWith("us") && !word.endsWith("ss") && !word.endsWith("is")) return word.slice(0, -1);
  return word;
}

/** Terms as the index stores them: folded, stop words and one-letter words dropped, stemmed. */
export function indexTerms(text) {
  return words(text).filter((w) => w.length > 1 && !STOP_WORDS.has(w)).map(stem);
}

/**
 * Parses a query: words, "exact phrases", -excluded words, title:word and topic:slug.
 * The last bare word is a prefix unless the query ends with a space.
 */
export function parseQuery(input) {
  // words: what the query asks for as the reader typed it (folded), to say so when no document has them all.
  // phraseWords: each "quoted phrase" as its folded words, stop words kept, to check it word for word (hasPhrase).
  // compounds: hyphenated words (gpt-oss, Qwen3-VL) as their parts and their joined form, either of which matches.
  const query = { terms: [], phrases: [], phraseWords: [], compounds: [], exclude: [], title: [], topics: [], prefix: null, words: [] };
  const re = /(-?)(?:(title|topic):)?(?:"([^"]*)"?|(\S+))/g;
  let match;
  let last = null;
  while ((match = re.exec(input)) !== null) {
    const [, minus, qualifier, phrase, word] = match;
    if (qualifier === "topic") {
      const slug = (phrase ?? word ?? "").trim().toLowerCase();
      if (slug) query.topics.push(slug);
      last = null;
      continue;
    }
    const text = phrase ?? word ?? "";
    const terms = indexTerms(text);
    if (terms.length === 0) { last = null; continue; }
    if (minus) { query.exclude.push(...terms); last = null; continue; }
    const folded = words(text);
    query.words.push(...folded);
    if (phrase !== undefined) {
      query.phrases.push(terms);
      query.terms.push(...terms);
      if (folded.length > 1) query.phraseWords.push(folded);
      last = null;
      continue;
    }
    if (qualifier === "title") { query.title.push(...terms); last = null; continue; }
    if (terms.length > 1 && /^[\p{L}\p{Nd}]+(-[\p{L}\p{Nd}]+)+$/u.test(text)) {
      query.compounds.push({ parts: terms, joined: stem(folded.join("")) });
      last = null;
      continue;
    }
    query.terms.push(...terms);
    last = terms.length === 1 && match.index + match[0].length === input.length ? terms[0] : null;
  }
  if (last !== null && !/\s$/.test(input)) {
    query.terms.pop();
    query.prefix = last;
  }
  return query;
}

/** True when a and b differ by one insertion, deletion or substitution (or are equal). */
export function withinOneEdit(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { i++; j++; continue; }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (a.length < b.length) j++;
    else { i++; j++; }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * True when text holds the phrase's words one after the other, each word as itself or its plural
 * ("long context" is in "long-context models" and "long contexts"; not in "long and short context").
 */
export function hasPhrase(text, phraseWords) {
  const want = phraseWords.map(stem);
  const have = words(text).map(stem);
  for (let i = 0; i + want.length <= have.length; i++) {
    let j = 0;
    while (j < want.length && have[i + j] === want[j]) j++;
    if (j === want.length) return true;
  }
  return false;
}

/** Whether a word of the text is one the query matched: its term, or one the last word starts. */
export function matcher(query) {
  const terms = new Set([...query.terms, ...query.title, ...query.compounds.flatMap((c) => [...c.parts, c.joined])]);
  return (word) => {
    const w = words(word)[0];
    if (!w) return false;
    const term = stem(w);
    return terms.has(term) || (query.prefix !== null && term.startsWith(query.prefix));
  };
}

const SNIPPET_WORD = /[\p{L}\p{Nd}]+/gu;

/**
 * The part of a text, at most about `length` characters, around the words the query matched: the
 * window with the most different matched words, starting at its sentence when that fits, on word
 * boundaries, with "…" where it cuts. Null when no word of the text matches.
 */
export function snippetAround(text, matches, length) {
  const spans = [...text.matchAll(SNIPPET_WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, hit: matches(m[0]), key: stem(fold(m[0])) }));
  const hits = spans.filter((s) => s.hit);
  if (hits.length === 0) return null;
  let best = null;
  for (const anchor of hits) {
    // Start a little before the match (the words that lead to it), or at its sentence if that is close.
    const dot = text.lastIndexOf(". ", anchor.start);
    const sentence = dot < 0 ? 0 : dot + 2;
    const start = anchor.start - sentence <= length / 2 ? sentence : spans.find((s) => s.start >= anchor.start - length / 4).start;
    const first = spans.find((s) => s.start >= start) ?? anchor;
    const inside = spans.filter((s) => s.start >= first.start && s.end <= first.start + length);
    const last = inside.at(-1) ?? anchor;
    const score = new Set(inside.filter((s) => s.hit).map((s) => s.key)).size;
    if (best === null || score > best.score) best = { score, start: first.start, end: last.end };
  }
  // What is left after the last word may be only its full stop: then the snippet is the text's end.
  const end = /^[\s\p{P}]*$/u.test(text.slice(best.end)) ? text.length : best.end;
  return (best.start > 0 ? "…" : "") + text.slice(best.start, end).trimEnd() + (end < text.length ? "…" : "");
}

/** The index format this code reads: meta.json's version (SearchIndexWriter.FormatVersion). */
export const INDEX_VERSION = 3;

/** meta.json is of another format: the site was rebuilt since this page loaded its scripts. */
export class IndexVersionError extends Error {
  constructor(found) {
    super(`search index format ${found}, this page reads ${INDEX_VERSION}`);
    this.name = "IndexVersionError";
  }
}

const PREFIX_EXPANSIONS = 12;
// Below this many documents with every word (a page of results), documents with some of them follow.
const FILL_BELOW = 10;
const TYPO_MIN_LENGTH = 5;

export class SearchIndex {
  /**
   * @param {string} base URL of the index folder, ending in "/"
   * @param {(url: string) => Promise<any>} fetchJson
   * @param {(url: string, first?: number, last?: number) => Promise<{ whole: boolean, bytes: Uint8Array }>} fetchBytes
   *   bytes first..last of a file by a Range request (the whole file when first is undefined); whole is true
   *   when the whole file came, asked or not (a host that ignores Range)
   * @param {(path: string) => Promise<(id: string) => { title: string, body: string }>} readPage
   *   a page of the site (path from the site root): what it says of a paper (title and abstract; id empty) or of a post (id)
   */
  constructor(base, fetchJson, fetchBytes, readPage = null) {
    this.base = base;
    this.fetchJson = fetchJson;
    this.fetchBytes = fetchBytes;
    this.readPage = readPage;
    this.wholeShards = false;
    this.cache = new Map();
  }

  load(path) {
    if (!this.cache.has(path)) this.cache.set(path, this.fetchJson(this.base + path));
    return this.cache.get(path);
  }

  /** An index read over the network by the browser's fetch. */
  static forBrowser(base) {
    const json = (url) => fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      return r.json();
    });
    const bytes = async (url, first, last) => {
      const r = await fetch(url, first === undefined ? {} : { headers: { Range: `bytes=${first}-${last}` } });
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      return { whole: r.status !== 206, bytes: new Uint8Array(await r.arrayBuffer()) };
    };
    // A document's full text is on its page: the search reads it there instead of shipping every abstract twice.
    const page = async (path) => {
      const r = await fetch(`${base}../${path}`);
      if (!r.ok) throw new Error(`${path}: ${r.status}`);
      const html = new DOMParser().parseFromString(await r.text(), "text/html");
      return (id) => {
        const post = id ? html.getElementById(id)?.querySelector(".post-text") : null;
        if (id) return { title: "", body: post?.textContent ?? "" };
        return { title: html.querySelector("h1")?.textContent ?? "", body: html.querySelector(".abstract")?.textContent ?? "" };
      };
    };
    return new SearchIndex(base, json, bytes, page);
  }

  /** A document's title and full text ({ title, body }), read from its page; each page is fetched once. */
  async text(doc) {
    const { url } = await this.document(doc);
    const [path, id = ""] = url.split("#");
    const key = `page:${path}`;
    if (!this.cache.has(key)) this.cache.set(key, this.readPage(path));
    return (await this.cache.get(key))(id);
  }

  /** True when the document has every "quoted phrase" of the query word for word, in its title or its text. */
  async hasPhrases(doc, query) {
    if (query.phraseWords.length === 0) return true;
    const { title, body } = await this.text(doc);
    return query.phraseWords.every((p) => hasPhrase(title, p) || hasPhrase(body, p));
  }

  meta() {
    this.checkedMeta ??= this.load("meta.json").then((meta) => {
      if (meta.version !== INDEX_VERSION) throw new IndexVersionError(meta.version);
      return meta;
    });
    return this.checkedMeta;
  }

  async shardIndex(term) {
    const { shards } = await this.meta();
    let lo = 0;
    let hi = shards.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (shards[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  async shard(i) { return this.load(`terms/${i}.json`); }

  /** Decoded postings of a term: Map doc → impact*2+inTitle. */
  async postings(term) {
    const shard = await this.shard(await this.shardIndex(term));
    return decodePostings(shard[term]);
  }

  /** The index terms a query word stands for, with a weight: itself, its completions, or one-typo neighbours. */
  async expand(term, { prefix = false } = {}) {
    const { shards } = await this.meta();
    const first = await this.shardIndex(term);
    const shard = await this.shard(first);
    const found = [];
    if (term in shard) found.push([term, 1]);
    if (prefix) {
      const candidates = [];
      for (let i = first; i < shards.length && i <= first + 1; i++) {
        if (i > first && !shards[i].startsWith(term)) break;
        const s = await this.shard(i);
        for (const t in s) if (t !== term && t.startsWith(term) && !t.startsWith("topic:")) candidates.push([t, s[t].length]);
      }
      candidates.sort((a, b) => b[1] - a[1]);
      for (const [t] of candidates.slice(0, PREFIX_EXPANSIONS)) found.push([t, 0.9]);
    }
    if (found.length === 0) found.push(...(await this.splits(term)));
    if (found.length === 0 && term.length >= TYPO_MIN_LENGTH) {
      for (const t in shard) if (withinOneEdit(term, t)) found.push([t, 0.7]);
    }
    return found;
  }

  /** A joined word the index does not have ("gptoss") as two words it has ("gpt" and "oss"): [[left, right], weight] pairs. */
  async splits(term) {
    const pairs = [];
    for (let i = 2; i <= term.length - 2; i++) pairs.push([term.slice(0, i), stem(term.slice(i))]);
    const has = async (t) => t in (await this.shard(await this.shardIndex(t)));
    const known = await Promise.all(pairs.map(async ([left, right]) => !STOP_WORDS.has(left) && !STOP_WORDS.has(right) && (await has(left)) && (await has(right))));
    return pairs.filter((_, i) => known[i]).map((pair) => [pair, 0.8]);
  }

  /** Documents with both terms, each valued by the lesser of the two. */
  async both([left, right]) {
    const a = await this.postings(left);
    const both = new Map();
    for (const [doc, value] of await this.postings(right)) if (a.has(doc)) both.set(doc, Math.min(value, a.get(doc)));
    return both;
  }

  /** Postings of a group of alternatives: best weighted value per doc. */
  async group(alternatives, titleOnly = false) {
    const merged = new Map();
    for (const [term, weight] of alternatives) {
      for (const [doc, value] of await (Array.isArray(term) ? this.both(term) : this.postings(term))) {
        if (titleOnly && (value & 1) === 0) continue;
        const score = (value >> 1) * weight;
        if (score > (merged.get(doc) ?? 0)) merged.set(doc, score);
      }
    }
    return merged;
  }

  /** Doc ids allowed by kind and date filters, as a predicate; null when unfiltered. */
  async allowed({ kind = "", from = "", to = "" }) {
    if (!kind && !from && !to) return null;
    const meta = await this.meta();
    const ranges = [];
    meta.dates.forEach(([date, start], i) => {
      const end = i + 1 < meta.dates.length ? meta.dates[i + 1][1] : meta.docs;
      const isPost = start >= meta.papers;
      if (kind === "paper" && isPost) return;
      if (kind === "post" && !isPost) return;
      if (from && date < from) return;
      if (to && date > to) return;
      ranges.push([start, end]);
    });
    return (doc) => ranges.some(([s, e]) => doc >= s && doc < e);
  }

  async dateOf(doc) {
    const { dates } = await this.meta();
    let found = dates[0][0];
    for (const [date, start] of dates) { if (start <= doc) found = date; else break; }
    return found;
  }

  /**
   * Runs a query. Every word must match (any of its completions or typo neighbours); when that leaves
   * fewer than a page, documents with some of the words follow. Returns { total, complete, partial,
   * results: [{ doc, score, all }] }, those with every word (all) first, each part sorted as asked.
   */
  async search(input, filters = {}) {
    const query = parseQuery(input);
    const topics = [...query.topics, ...(filters.topic ? [filters.topic] : [])];
    const groups = [];
    for (const term of query.terms) groups.push(await this.group(await this.expand(term)));
    if (query.prefix) groups.push(await this.group(await this.expand(query.prefix, { prefix: true })));
    for (const term of query.title) groups.push(await this.group(await this.expand(term), true));
    // A hyphenated word: its parts together, or its joined form. For the fill-up (some words), each part counts alone.
    const loose = [...groups];
    for (const { parts, joined } of query.compounds) {
      const partGroups = await Promise.all(parts.map(async (p) => this.group(await this.expand(p))));
      loose.push(...partGroups);
      const split = combine(partGroups, true);
      const whole = await this.group([[joined, 1]]);
      for (const [doc, score] of whole) if (score > (split.get(doc) ?? 0)) split.set(doc, score);
      groups.push(split);
    }

    const allowed = await this.allowed(filters);
    const excluded = new Set();
    for (const term of query.exclude) for (const doc of (await this.postings(term)).keys()) excluded.add(doc);
    const topicSets = [];
    for (const slug of topics) topicSets.push(await this.postings(`topic:${slug}`));

    let scores = combine(groups, true);
    if (groups.length === 0 && topicSets.length > 0) scores = new Map([...topicSets[0].keys()].map((d) => [d, 0]));
    if (groups.length === 0 && topicSets.length === 0 && allowed) {
      const meta = await this.meta();
      scores = new Map();
      for (let d = 0; d < meta.docs; d++) if (allowed(d)) scores.set(d, 0);
    }
    const kept = (doc) => !excluded.has(doc) && !(allowed && !allowed(doc)) && !topicSets.some((s) => !s.has(doc));

    // Documents with every word come first. When they are fewer than a page, documents with some of the
    // words follow them (most words first), and the result says so: "partial" when none has them all,
    // "complete" the count of those that do.
    let results = [];
    for (const [doc, score] of scores) if (kept(doc)) results.push({ doc, score, all: true });
    const complete = results.length;
    if (complete < FILL_BELOW && loose.length > 1) {
      for (const [doc, score] of combine(loose, false)) if (!scores.has(doc) && kept(doc)) results.push({ doc, score, all: false });
    }
    const partial = complete === 0 && results.length > 0;

    const sort = filters.sort || "relevance";
    const first = (a, b) => Number(b.all) - Number(a.all);
    if (sort === "upvotes") {
      const upvotes = await this.load("upvotes.json");
      results.sort((a, b) => first(a, b) || upvotes[b.doc] - upvotes[a.doc] || b.score - a.score || b.doc - a.doc);
    } else if (sort === "newest") {
      for (const r of results) r.date = await this.dateOf(r.doc);
      results.sort((a, b) => first(a, b) || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || b.score - a.score || b.doc - a.doc);
    } else {
      results.sort((a, b) => first(a, b) || b.score - a.score || b.doc - a.doc);
    }
    return { total: results.length, results, query, partial, complete };
  }

  /**
   * Display data of a document: { title, url, date, topics: [[slug, name]], snippet, isPost }. Its record is
   * recordBytes of JSON at a fixed place in its shard (docs/N.txt): one small Range request, sent at once
   * beside the others. Each has its own URL (?r=doc): Chromium queues requests for one URL behind each
   * other. A host that ignores Range sends the whole shard, which holds the record too; from then on
   * shards are read whole, each once.
   */
  async document(doc) {
    const meta = await this.meta();
    const { shard, offset } = place(doc, meta);
    if (this.wholeShards) return display(recordAt(await this.recordShard(shard), offset, meta), meta);
    return display(recordAt(await this.record(shard, doc, offset, meta.recordBytes), 0, meta), meta);
  }

  /** A record's bytes by Range; a host that ignores Range sends the whole shard, kept for the records after. */
  record(shard, doc, offset, size) {
    const key = `record:${doc}`;
    if (!this.cache.has(key)) {
      this.cache.set(key, this.fetchBytes(`${this.base}${shard}?r=${doc}`, offset, offset + size - 1).then(({ whole, bytes }) => {
        if (!whole) return bytes;
        this.wholeShards = true;
        if (!this.cache.has(shard)) this.cache.set(shard, Promise.resolve(bytes));
        return bytes.subarray(offset, offset + size);
      }));
    }
    return this.cache.get(key);
  }

  /** A whole shard of records, fetched without Range so the host can compress it (about a quarter of its 49 KB). */
  recordShard(shard) {
    if (!this.cache.has(shard)) this.cache.set(shard, this.fetchBytes(this.base + shard).then((r) => r.bytes));
    return this.cache.get(shard);
  }

  /**
   * Display data of the papers that entered the digest on a date (YYYY-MM-DD), in doc order: their ids are one
   * range, so a few whole shards hold them all (four for a day of 500 papers).
   */
  async papersOf(date) {
    const meta = await this.meta();
    const at = meta.dates.findIndex(([d, start]) => d === date && start < meta.papers);
    if (at < 0) return [];
    const first = meta.dates[at][1];
    const end = Math.min(at + 1 < meta.dates.length ? meta.dates[at + 1][1] : meta.docs, meta.papers);
    const docs = Array.from({ length: end - first }, (_, i) => first + i);
    const shards = new Map(docs.map((doc) => place(doc, meta).shard).map((s) => [s, this.recordShard(s)]));
    return Promise.all(docs.map(async (doc) => {
      const { shard, offset } = place(doc, meta);
      return display(recordAt(await shards.get(shard), offset, meta), meta);
    }));
  }
}

const DECODER = new TextDecoder();

/** Where a document's record is: its shard (docsPerShard records a file) and its offset there. */
function place(doc, meta) {
  return { shard: `docs/${Math.floor(doc / meta.docsPerShard)}.txt`, offset: (doc % meta.docsPerShard) * meta.recordBytes };
}

/** The record at an offset of some bytes: JSON padded with spaces to recordBytes. */
function recordAt(bytes, offset, meta) {
  return JSON.parse(DECODER.decode(bytes.subarray(offset, offset + meta.recordBytes)));
}

function display([title, url, date, topics, snippet, isPost], meta) {
  return { title, url, date, topics: topics.map((t) => meta.topics[t]), snippet, isPost: isPost === 1 };
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const CODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) CODE[ALPHABET.charCodeAt(i)] = i;

/**
 * A term's postings from their shard string (twin of DigestGen.Search.PostingsCodec, both checked
 * against tests/vectors/postings.json): per posting a varint of docDelta*2+inTitle, 5 bits a
 * character with 32 meaning more follows, then one character of impact. Map doc → impact*2+inTitle.
 */
export function decodePostings(text) {
  const map = new Map();
  if (!text) return map;
  let doc = 0;
  for (let i = 0; i < text.length;) {
    let value = 0;
    let shift = 0;
    let c;
    do {
      c = CODE[text.charCodeAt(i++)];
      value += (c & 31) * 2 ** shift;
      shift += 5;
    } while (c & 32);
    doc += Math.floor(value / 2);
    map.set(doc, CODE[text.charCodeAt(i++)] * 2 + (value % 2));
  }
  return map;
}

function combine(groups, all) {
  const scores = new Map();
  if (groups.length === 0) return scores;
  const [first, ...rest] = [...groups].sort((a, b) => a.size - b.size);
  const base = all ? first : new Map(groups.flatMap((g) => [...g]));
  for (const [doc] of base) {
    let score = 0;
    let matched = 0;
    for (const g of groups) {
      const s = g.get(doc);
      if (s !== undefined) { score += s; matched++; }
    }
    if (!all || matched === groups.length) scores.set(doc, score * (all ? 1 : matched / groups.length));
  }
  void rest;
  return scores;
}
