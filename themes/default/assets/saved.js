// The reading list page: the saved paper ids from localStorage, shown from the paper briefs
// (data/briefs/<first hex digits of the id>.json, a few small files), exported as Markdown or BibTeX,
// and "you may also like": the papers most often in the saved papers' related lists. Nothing is sent anywhere.

// cards.js with this module's own version (?v=…), so a deploy never pairs it with an older copy; fetched
// beside the briefs, so it adds no round trip.
const cards = import(new URL(`cards.js${new URL(import.meta.url).search}`, import.meta.url));

const SAVED_KEY = "digestgen-saved";
const app = document.getElementById("saved-app");
const say = app.dataset;
const root = say.root;
const topics = JSON.parse(say.topics);
const briefsUrl = root + "data/briefs/";

function readSaved() {
  try {
    const ids = JSON.parse(localStorage.getItem(SAVED_KEY) || "[]");
    return Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : [];
  } catch { return []; }
}

function writeSaved(ids) {
  try { localStorage.setItem(SAVED_KEY, JSON.stringify(ids)); } catch { /* storage may be disabled */ }
}

async function json(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

let digits;
const shards = new Map();

// Each id's brief, fetching every shard needed at once (never one request after another).
async function briefs(ids) {
  digits ??= (await json(briefsUrl + "index.json")).digits;
  const keys = [...new Set(ids.map((id) => id.slice(1, 1 + digits)))].filter((k) => /^[0-9a-f]+$/.test(k) && !shards.has(k));
  await Promise.all(keys.map(async (k) => shards.set(k, await json(`${briefsUrl}${k}.json`).catch(() => ({})))));
  const found = new Map();
  for (const id of ids) {
    const b = shards.get(id.slice(1, 1 + digits))?.[id];
    if (Array.isArray(b)) found.set(id, { id, title: b[0], url: b[1], date: b[2], upvotes: b[3], topics: b[4], related: b[5] });
  }
  return found;
}

// A paper as a card; every value goes in as text, never as markup. kit: cards.js.
function card(kit, paper, extra) {
  const { li, a, meta } = kit.cardFrame(root, paper.url);
  a.textContent = paper.title;
  meta.textContent = kit.longDate(paper.date, say) + (paper.upvotes > 0 ? ` · ▲ ${paper.upvotes}` : "") + (extra ? ` · ${extra}` : "");
  const names = paper.topics.filter((t) => topics[t]).map((t) => [t, topics[t]]);
  if (names.length) li.append(kit.topicChips(root, names));
  return li;
}

function removeButton(id, onRemoved) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "save";
  button.setAttribute("aria-pressed", "true");
  button.textContent = say.remove;
  button.addEventListener("click", () => {
    writeSaved(readSaved().filter((x) => x !== id));
    document.getElementById("save-status").textContent = say.removed;
    onRemoved();
  });
  return button;
}

const absolute = (url) => new URL(root + url, location.href).href;
const bibtex = (text) => text.replace(/[{}\\]/g, (c) => `\\${c}`);

function exportText(papers, format, longDate) {
  if (format === "bibtex") {
    return papers.map((p) => `@misc{${p.id},\n  title = {${bibtex(p.title)}},\n  year = {${p.date.slice(0, 4)}},\n  url = {${absolute(p.url)}},\n  note = {${say.bibNote.replace("{date}", longDate(p.date, say))}}\n}`).join("\n\n") + "\n";
  }
  return papers.map((p) => `- [${p.title.replace(/[[\]]/g, (c) => `\\${c}`)}](${absolute(p.url)}) (${longDate(p.date, say)})`).join("\n") + "\n";
}

async function render() {
  const ids = readSaved().slice().reverse();
  const list = document.getElementById("saved-list");
  const empty = document.getElementById("saved-empty");
  const exporter = document.getElementById("saved-export");
  const more = document.getElementById("saved-more");
  empty.hidden = ids.length > 0;
  exporter.hidden = more.hidden = ids.length === 0;
  list.replaceChildren();
  if (ids.length === 0) return;

  let found;
  let kit;
  try { [found, kit] = await Promise.all([briefs(ids), cards]); } catch { empty.hidden = false; empty.textContent = say.failed; return; }
  const papers = ids.map((id) => found.get(id)).filter(Boolean);
  for (const id of ids) {
    const paper = found.get(id);
    const li = paper ? card(kit, paper) : Object.assign(document.createElement("li"), { className: "card", textContent: say.gone.replace("{id}", id) });
    li.prepend(removeButton(id, render));
    list.append(li);
  }

  const format = document.getElementById("saved-format");
  const text = document.getElementById("saved-text");
  const fill = () => { text.value = exportText(papers, format.value, kit.longDate); };
  format.onchange = fill;
  fill();

  // The papers most often in the saved papers' related lists, first-named first on a tie.
  const counts = new Map();
  const saved = new Set(ids);
  for (const p of papers) for (const r of p.related) if (!saved.has(r)) counts.set(r, (counts.get(r) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
  const liked = await briefs(top.map(([id]) => id)).catch(() => new Map());
  const moreList = document.getElementById("saved-more-list");
  moreList.replaceChildren(...top.filter(([id]) => liked.has(id)).map(([id, n]) => card(kit, liked.get(id), say.why.replace("{count}", String(n)))));
  more.hidden = moreList.children.length === 0;
}

document.getElementById("saved-copy").addEventListener("click", async () => {
  const text = document.getElementById("saved-text");
  try { await navigator.clipboard.writeText(text.value); } catch { text.select(); document.execCommand?.("copy"); }
  document.getElementById("save-status").textContent = say.copied;
});

window.addEventListener("storage", (event) => { if (event.key === SAVED_KEY) render(); });
render();

// Offline after the first visit: a service worker whose scope is this page alone keeps a copy of the page,
// its styles and scripts, and the briefs it fetched, and serves them when the network is gone.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("sw.js").then(async (registration) => {
    await navigator.serviceWorker.ready;
    const scripts = [...document.querySelectorAll("link[rel=stylesheet], link[rel=icon], script[src]")].map((e) => e.href || e.src);
    // Files read beside a script, with its version: site.js's words (assets/words.json?v=…), this script's cards.js.
    const beside = (script, file) => scripts.map((u) => new URL(u)).filter((u) => u.pathname.endsWith(`/${script}`))
      .map((u) => Object.assign(u, { pathname: u.pathname.slice(0, -script.length) + file }).href);
    const urls = [location.href.split("#")[0], ...scripts, ...beside("site.js", "words.json"), ...beside("saved.js", "cards.js")];
    (registration.active ?? navigator.serviceWorker.controller)?.postMessage({ cache: urls });
  }).catch(() => { /* no offline copy: the page still works online */ });
}
