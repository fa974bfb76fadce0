// The search engine of a site built on disk, as node's tests and `relevance.mjs` read it: the same
// SearchIndex the page runs, with files for fetches. Not part of the site.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SearchIndex } from "../../themes/default/assets/search-core.js";

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'", "#x27": "'" };

/** Text of some HTML of ours: tags dropped, the few entities our escaper writes turned back, numeric ones too. */
export function textOf(html) {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, name) => {
      if (name in ENTITIES) return ENTITIES[name];
      if (name[0] === "#") return String.fromCodePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
      return all;
    });
}

/** What a page says of a paper (its h1 and abstract) or of a post (by its id), as the browser's DOMParser would give it. */
export function readPageHtml(html) {
  return (id) => {
    if (id) {
      const at = html.indexOf(`id="${id}"`);
      const post = at < 0 ? null : /<div class="post-text">([\s\S]*?)<\/div>/.exec(html.slice(at));
      return { title: "", body: post ? textOf(post[1]) : "" };
    }
    const title = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
    const body = /<p class="abstract">([\s\S]*?)<\/p>/.exec(html);
    return { title: title ? textOf(title[1]) : "", body: body ? textOf(body[1]) : "" };
  };
}

/** The search index of the site in `siteDir`, read from its files. */
export function builtSite(siteDir) {
  const file = (path) => readFileSync(join(siteDir, path.split("?")[0]));
  return new SearchIndex(
    "search/",
    async (path) => JSON.parse(file(path).toString("utf8")),
    async (path, first, last) => {
      const bytes = new Uint8Array(file(path));
      return first === undefined ? { whole: true, bytes } : { whole: false, bytes: bytes.slice(first, last + 1) };
    },
    async (path) => readPageHtml(file(join(path, "index.html")).toString("utf8")),
  );
}
