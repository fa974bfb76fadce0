// The search page: as-you-type results from the sharded index, filters and sort carried in the URL,
// keyboard navigation, and a live region announcing the count. Every string from the index or the
// query is inserted with textContent, never as HTML.
// search-core.js and cards.js with this module's own version (?v=…), so a deploy never pairs it with older
// copies; both at once, so they cost one round trip.
const sibling = (file) => new URL(`${file}${new URL(import.meta.url).search}`, import.meta.url);
const [{ SearchIndex, matcher, snippetAround }, { cardFrame, longDate, topicChips }] = await Promise.all([import(sibling("search-core.js")), import(sibling("cards.js"))]);

const PAGE = 10;
// At most this many candidates of a phrase query are checked in one round.
const MAX_BATCH = 40;
// The stored snippet is the abstract's first 120 characters; one about the query is as long (SearchIndexWriter.SnippetLength).
const SNIPPET = 120;
const app = document.getElementById("search-app");
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const root = app.dataset.root;
// The page's words, from the theme's strings file (data-prompt, data-results-one, …): no English here.
const say = app.dataset;

const counted = (n) => (n === 0 ? say.resultsZero : n === 1 ? say.resultsOne : say.resultsOther).replace("{count}", String(n));
const index = SearchIndex.forBrowser(app.dataset.index);
const fields = ["topic", "kind", "sort", "from", "to"];
let shown = 0;
// How far down the results the phrase check has read (all of them are shown when the query has no phrase).
let checked = 0;
let current = null;
let generation = 0;

async function fillTopics() {
  const select = form.elements.topic;
  const { topics } = await index.meta();
  for (const [slug, name] of topics) select.add(new Option(name, slug));
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  // What a reader typed while this module was still loading (it awaits search-core.js) is kept and searched.
  if (input.value === "") input.value = params.get("q") ?? "";
  for (const f of fields) if (params.has(f)) form.elements[f].value = params.get(f);
}

function writeUrl() {
  const params = new URLSearchParams();
  if (input.value) params.set("q", input.value);
  for (const f of fields) if (form.elements[f].value) params.set(f, form.elements[f].value);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function filters() {
  return Object.fromEntries(fields.map((f) => [f, form.elements[f].value]));
}

/** Appends text to an element, wrapping the words the query matched in <mark>. */
function highlighted(element, text, matches) {
  for (const part of text.split(/([\p{L}\p{Nd}]+)/u)) {
    if (part && matches(part)) {
      const mark = document.createElement("mark");
      mark.textContent = part;
      element.append(mark);
    } else if (part) {
      element.append(document.createTextNode(part));
    }
  }
}

function card(d, matches) {
  const { li, a, meta } = cardFrame(root, d.url);
  highlighted(a, d.title, matches);
  meta.textContent = `${d.isPost ? say.post : ""}${longDate(d.date, say)}`;
  const snippet = document.createElement("p");
  snippet.className = "snippet";
  highlighted(snippet, d.snippet, matches);
  li.append(snippet);
  if (d.topics.length) li.append(topicChips(root, d.topics, say.topics));
  return li;
}

/**
 * Where the stored snippet (the abstract's opening) shows no matched word, the part of the full text
 * around them takes its place, read from the document's page. It keeps the first one's height,
 * dropping words at its end if it must, so nothing in view moves when it arrives.
 */
async function aboutTheQuery(element, doc, matches, ticket) {
  let text;
  try {
    text = snippetAround((await index.text(doc)).body, matches, SNIPPET);
  } catch {
    return;
  }
  if (!text || ticket !== generation) return;
  const height = element.getBoundingClientRect().height;
  element.style.minHeight = `${height}px`;
  let cut = text;
  for (;;) {
    element.replaceChildren();
    highlighted(element, cut, matches);
    if (element.getBoundingClientRect().height <= height + 0.5) break;
    const shorter = cut.replace(/\s*\S+…?$/u, "…");
    if (shorter === cut || shorter.length < 20) break;
    cut = shorter;
  }
}

/**
 * The next page of results. A query with a "quoted phrase" shows only documents that have it word
 * for word: each candidate's text is read and checked, in rank order, until a page is full.
 */
async function renderMore(ticket) {
  const { results, query } = current;
  const matches = matcher(query);
  const page = [];
  const from = checked;
  while (page.length < PAGE && checked < results.length) {
    // Each round costs two round trips (records, then pages): when few candidates have the phrase, check more at once.
    const needed = PAGE - page.length;
    const tried = checked - from;
    const batch = tried === 0 ? needed : Math.min(MAX_BATCH, Math.ceil(needed / Math.max(page.length / tried, needed / MAX_BATCH)));
    const slice = results.slice(checked, checked + batch);
    checked += slice.length;
    const found = await Promise.all(slice.map(async (r) => ((await index.hasPhrases(r.doc, query)) ? [r.doc, await index.document(r.doc)] : null)));
    if (ticket !== generation) return;
    // A larger round may find more than a page needs: they are shown too, rather than checked again later.
    page.push(...found.filter((f) => f !== null));
  }
  const cards = page.map(([doc, d]) => [doc, card(d, matches)]);
  list.append(...cards.map(([, li]) => li));
  shown += page.length;
  more.hidden = checked >= results.length;
  for (const [doc, li] of cards) {
    const snippet = li.querySelector(".snippet");
    if (snippet.querySelector("mark") === null) later(snippet, () => aboutTheQuery(snippet, doc, matches, ticket));
  }
}

// Snippets about the query are read only for cards that come into view: a phone reading three results
// fetches three pages, not ten.
const waiting = new Map();
const inView = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    inView.unobserve(entry.target);
    waiting.get(entry.target)?.();
    waiting.delete(entry.target);
  }
});

function later(element, action) {
  waiting.set(element, action);
  inView.observe(element);
}

/** What the status line says of the results: their count, or for a phrase how many have it so far. */
function summary(result) {
  if (result.query.phraseWords.length === 0) {
    const count = counted(result.total);
    const words = result.query.words.join(", ");
    if (result.partial) return `${say.partial.replace("{words}", words)} ${count}`;
    return result.complete < result.total ? `${say.some.replace("{words}", words)} ${count}` : count;
  }
  if (checked < result.total) return say.atLeast.replace("{results}", counted(shown));
  if (shown === 0 && result.total > 0) return say.phraseNone.replace("{count}", String(result.total));
  return counted(shown);
}

async function run() {
  const ticket = ++generation;
  writeUrl();
  const hasQuery = input.value.trim() !== "" || fields.some((f) => f !== "sort" && form.elements[f].value);
  if (!hasQuery) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = say.prompt;
    return;
  }
  try {
    const result = await index.search(input.value, filters());
    if (ticket !== generation) return;
    current = result;
    shown = 0;
    checked = 0;
    inView.disconnect();
    waiting.clear();
    list.replaceChildren();
    await renderMore(ticket);
    if (ticket !== generation) return;
    status.textContent = summary(result);
    app.dataset.ready = String(ticket);
  } catch (error) {
    status.textContent = error.name === "IndexVersionError" ? say.reload : say.failed;
    console.error(error);
  }
}

function links() { return [...list.querySelectorAll(".card-title a")]; }

form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
input.addEventListener("input", run);
for (const f of fields) form.elements[f].addEventListener("change", run);
more.addEventListener("click", async () => {
  const ticket = generation;
  await renderMore(ticket);
  if (ticket === generation) status.textContent = summary(current);
});
document.addEventListener("keydown", (event) => {
  const all = links();
  const at = all.indexOf(document.activeElement);
  if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
    all[Math.min(at + 1, all.length - 1)]?.focus();
    event.preventDefault();
  } else if (event.key === "ArrowUp" && at >= 0) {
    (at === 0 ? input : all[at - 1]).focus();
    event.preventDefault();
  } else if (event.key === "Escape") {
    if (at >= 0) input.focus();
    else if (input.value) { input.value = ""; run(); }
  }
});

readUrl();
await fillTopics().catch(() => {});
readUrl();
run();
