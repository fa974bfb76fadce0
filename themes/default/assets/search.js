// The search page: as-you-type results from the sharded index, filters and sort carried in the URL,
// keyboard navigation, and a live region announcing the count. Every string from the index or the
// query is inserted with textContent, never as HTML.
// search-core.js with this module's own version (?v=…), so a deploy never pairs it with an older copy.
const { SearchIndex, words, stem } = await import(new URL(`search-core.js${new URL(import.meta.url).search}`, import.meta.url));

const PAGE = 10;
const app = document.getElementById("search-app");
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const root = app.dataset.root;
// The page's words, from the theme's strings file (data-prompt, data-results-one, …): no English here.
const say = app.dataset;

// "2025-11-04" in the site's long date format ("November 4, 2025"), as every page writes dates.
const months = say.months.split("|");
function longDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return say.dateFormat.replace("%M", months[m - 1]).replace("%D", String(d)).replace("%Y", String(y));
}
const counted = (n) => (n === 0 ? say.resultsZero : n === 1 ? say.resultsOne : say.resultsOther).replace("{count}", String(n));
const index = SearchIndex.forBrowser(app.dataset.index);
const fields = ["topic", "kind", "sort", "from", "to"];
let shown = 0;
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

/** Appends text to an element, wrapping words whose term the query matched in <mark>. */
function highlighted(element, text, terms, prefix) {
  const parts = text.split(/([\p{L}\p{Nd}]+)/u);
  for (const part of parts) {
    const w = words(part)[0];
    const term = w ? stem(w) : null;
    if (term && (terms.has(term) || (prefix && term.startsWith(prefix)))) {
      const mark = document.createElement("mark");
      mark.textContent = part;
      element.append(mark);
    } else if (part) {
      element.append(document.createTextNode(part));
    }
  }
}

async function renderMore(ticket) {
  const { results, query } = current;
  const terms = new Set([...query.terms, ...query.title]);
  const slice = results.slice(shown, shown + PAGE);
  const docs = await Promise.all(slice.map((r) => index.document(r.doc)));
  if (ticket !== generation) return;
  for (const d of docs) {
    const li = document.createElement("li");
    li.className = "card";
    const h = document.createElement("h2");
    h.className = "card-title";
    const a = document.createElement("a");
    a.href = root + d.url;
    highlighted(a, d.title, terms, query.prefix);
    h.append(a);
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = `${d.isPost ? say.post : ""}${longDate(d.date)}`;
    const snippet = document.createElement("p");
    snippet.className = "snippet";
    highlighted(snippet, d.snippet, terms, query.prefix);
    li.append(h, meta, snippet);
    if (d.topics.length) {
      const chips = document.createElement("ul");
      chips.className = "chips";
      chips.setAttribute("aria-label", say.topics);
      for (const [slug, name] of d.topics) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = `${root}topics/${encodeURIComponent(slug)}/`;
        link.textContent = name;
        item.append(link);
        chips.append(item);
      }
      li.append(chips);
    }
    list.append(li);
  }
  shown += slice.length;
  more.hidden = shown >= results.length;
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
    list.replaceChildren();
    await renderMore(ticket);
    if (ticket !== generation) return;
    status.textContent = result.partial
      ? `${say.partial.replace("{words}", result.query.words.join(", "))} ${counted(result.total)}`
      : counted(result.total);
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
more.addEventListener("click", () => renderMore(generation));
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
