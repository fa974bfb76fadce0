// DigestGen default theme: dark-mode toggle and keyboard navigation of lists.
// Plain ES module, no dependencies; the site works without it.

const STORAGE_KEY = "digestgen-theme";
const root = document.documentElement;

/** A file beside this module, with its version (?v=…), so a deploy never pairs it with an older copy. */
const besideThis = (file) => new URL(`${file}${new URL(import.meta.url).search}`, import.meta.url);

// The live region that announces a save: in the page before anything is said in it, so screen readers hear it.
const status = document.createElement("p");
status.id = "save-status";
status.className = "visually-hidden";
status.setAttribute("role", "status");
document.body.append(status);

// The words of the controls only script can work (assets/words.json, from the strings file's "script"
// section, with this module's version): made here, so no page's HTML carries a button it cannot use.
const words = await fetch(besideThis("words.json"))
  .then((r) => (r.ok ? r.json() : {}), () => ({}));

function systemPrefersDark() {
  return window.matchMedia("(prefers-color-scheme: dark)").matches;
}

function currentTheme() {
  return root.dataset.theme || (systemPrefersDark() ? "dark" : "light");
}

function setUpThemeToggle() {
  const bar = document.querySelector(".site-header .bar");
  if (!bar || !words.dark_mode) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "theme-toggle";
  button.id = "theme-toggle";
  button.textContent = words.dark_mode;
  bar.append(button);
  const sync = () => button.setAttribute("aria-pressed", String(currentTheme() === "dark"));
  sync();
  button.addEventListener("click", () => {
    const next = currentTheme() === "dark" ? "light" : "dark";
    root.dataset.theme = next;
    try { localStorage.setItem(STORAGE_KEY, next); } catch { /* storage may be disabled */ }
    sync();
  });
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", sync);
}

function isTyping(event) {
  const t = event.target;
  return t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
}

// j/k move between the items of the page's first list; Enter follows the focused item's link.
function setUpListKeys() {
  const items = [...document.querySelectorAll("[data-nav-list] > li")];
  if (items.length === 0) return;
  let index = -1;
  const select = (i) => {
    if (index >= 0) items[index].classList.remove("is-current");
    index = Math.max(0, Math.min(items.length - 1, i));
    const item = items[index];
    item.classList.add("is-current");
    const link = item.querySelector("a");
    if (link) link.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
  };
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event)) return;
    if (event.key === "j") { select(index + 1); event.preventDefault(); }
    else if (event.key === "k") { select(index - 1); event.preventDefault(); }
  });
}

// "/" and Ctrl/Cmd+K jump to the search box (the search page's own box when there is one).
function setUpSearchKeys() {
  document.addEventListener("keydown", (event) => {
    const box = document.getElementById("search-q") ?? document.getElementById("site-search-q");
    if (!box) return;
    const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event);
    const ctrlK = event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey);
    if (slash || ctrlK) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });
}

// A paper page writes its arXiv title search; the same query on three more sites is added here, from the
// arXiv link's own query (so it is encoded as the build encodes it, and papers.json and the feeds hold the
// same four links). Four written in full were 57 MB of 100,000 pages with long titles (issue 24).
const SEARCHES = [
  ["search_huggingface", "https://huggingface.co/papers?q="],
  ["search_semantic_scholar", "https://www.semanticscholar.org/search?q="],
  ["search_google_scholar", "https://scholar.google.com/scholar?q="],
];

function addSearchLinks() {
  const list = document.querySelector("ul.links-out[data-searches]");
  const query = list?.querySelector("a")?.getAttribute("href")?.match(/[?&]query=([^&]*)/)?.[1];
  if (!query) return;
  for (const [key, prefix] of SEARCHES) {
    if (!words[key]) continue;
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = prefix + query;
    link.rel = "noopener";
    link.textContent = words[key];
    item.append(link);
    list.append(item);
  }
}

// The keys below work only with script, so only script says so.
function addKeyboardHint() {
  const footer = document.querySelector(".site-footer");
  if (!footer || !words.keyboard_html) return;
  const hint = document.createElement("p");
  hint.className = "hint";
  hint.innerHTML = words.keyboard_html; // the theme's own words, with their <kbd> markup
  footer.append(hint);
}

setUpThemeToggle();
setUpListKeys();
setUpSearchKeys();
addKeyboardHint();
addSearchLinks();

// A list view grouped by topic can be shown as one list, most upvoted first, and back; rows keep their links.
function setUpRowSort() {
  const section = document.querySelector("[data-sortable]");
  const button = section?.querySelector(".sort-toggle");
  if (!button) return;
  const groups = [...section.querySelectorAll(".group")];
  const flat = document.createElement("ol");
  flat.className = "rows";
  flat.hidden = true;
  groups[groups.length - 1].after(flat);
  button.hidden = false;
  button.addEventListener("click", () => {
    const sorted = button.getAttribute("aria-pressed") !== "true";
    if (sorted) {
      const rows = groups.flatMap((g) => [...g.querySelectorAll("li.row")]);
      rows.sort((a, b) => Number(b.dataset.upvotes ?? 0) - Number(a.dataset.upvotes ?? 0));
      flat.replaceChildren(...rows.map((r) => r.cloneNode(true)));
    }
    flat.hidden = !sorted;
    for (const g of groups) g.hidden = sorted;
    section.querySelector(".jump").hidden = sorted;
    button.setAttribute("aria-pressed", String(sorted));
  });
}

setUpRowSort();

// A day's list can show the opening of each paper's abstract under its row, read from the search index's
// records (the day's papers are one range of them: a few whole shards). The cards are not written twice.
function setUpSnippets() {
  const section = document.querySelector("[data-snippets]");
  const button = section?.querySelector(".snippets-toggle");
  if (!button) return;
  // true once the snippets are in the rows; a failed load is tried again on the next click.
  let loading = null;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const on = button.getAttribute("aria-pressed") !== "true";
    if (on) {
      loading ??= addSnippets(section).then(() => true, () => { loading = null; return false; });
      if (!(await loading)) return;
    }
    button.setAttribute("aria-pressed", String(on));
    section.classList.toggle("with-snippets", on);
  });
}

async function addSnippets(section) {
  const { SearchIndex } = await import(besideThis("search-core.js"));
  const papers = await SearchIndex.forBrowser(new URL(section.dataset.snippets, location.href).href).papersOf(section.dataset.date);
  const byUrl = new Map(papers.map((p) => [p.url, p.snippet]));
  for (const link of section.querySelectorAll("li.row > a:first-child")) {
    const snippet = byUrl.get(link.getAttribute("href").replace(/^(\.\.\/)+/, ""));
    if (!snippet) continue;
    const p = document.createElement("p");
    p.className = "snippet";
    p.textContent = snippet;
    link.parentElement.append(p);
  }
}

setUpSnippets();

// The reading list: a "Save" toggle on paper cards and pages keeps paper ids in localStorage (nothing leaves
// the browser); /saved/ lists them. The status line is a live region, so a screen reader hears the change.
const SAVED_KEY = "digestgen-saved";

function readSaved() {
  try {
    const ids = JSON.parse(localStorage.getItem(SAVED_KEY) || "[]");
    return Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : [];
  } catch { return []; }
}

// The buttons are made here, after the title of each card or paper that names its paper in data-save. On a
// card the button's name also says which paper: a list of buttons all called "Save" tells a screen reader nothing.
function addSaveButtons(label) {
  for (const host of document.querySelectorAll("li.card[data-save], header.paper-header[data-save]")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "save";
    button.dataset.save = host.dataset.save;
    button.textContent = label;
    const title = host.querySelector(".card-title, h1");
    if (title && host.matches("li")) button.setAttribute("aria-label", `${label}: ${title.textContent.trim()}`);
    (title ?? host.firstChild).after(button);
  }
}

function setUpSaveButtons() {
  if (!words.save) return;
  addSaveButtons(words.save);
  const buttons = [...document.querySelectorAll("button.save[data-save]")];
  if (buttons.length === 0) return;
  const sync = () => {
    const saved = new Set(readSaved());
    for (const b of buttons) b.setAttribute("aria-pressed", String(saved.has(b.dataset.save)));
  };
  for (const button of buttons) {
    button.addEventListener("click", () => {
      const ids = readSaved();
      const at = ids.indexOf(button.dataset.save);
      if (at >= 0) ids.splice(at, 1); else ids.push(button.dataset.save);
      try { localStorage.setItem(SAVED_KEY, JSON.stringify(ids)); } catch { return; }
      sync();
      status.textContent = at >= 0 ? words.removed : words.saved;
    });
  }
  sync();
  window.addEventListener("storage", (event) => { if (event.key === SAVED_KEY) sync(); });
}

setUpSaveButtons();
