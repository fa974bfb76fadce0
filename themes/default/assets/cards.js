// What the search page and the reading list draw alike: a card with its title link and meta line, dates in
// the site's long format, and a card's topic chips. Every value goes in as text, never as markup.

/**
 * <li class="card"><h2 class="card-title"><a href></a></h2><p class="meta"></p></li>: the link (to root + url)
 * and the meta line are left for the caller to fill.
 */
export function cardFrame(root, url) {
  const li = document.createElement("li");
  li.className = "card";
  const h = document.createElement("h2");
  h.className = "card-title";
  const a = document.createElement("a");
  a.href = root + url;
  h.append(a);
  const meta = document.createElement("p");
  meta.className = "meta";
  li.append(h, meta);
  return { li, a, meta };
}

/**
 * "2025-11-04" in the site's long date format ("November 4, 2025"), as every page writes dates: say is
 * the page's words (data-date-format with %M %D %Y, data-months "January|February|…").
 */
export function longDate(iso, say) {
  const months = say.months.split("|");
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return say.dateFormat.replace("%M", months[m - 1]).replace("%D", String(d)).replace("%Y", String(y));
}

/** A card's topics as links, [[slug, name], …], in a <ul class="chips">, named by label when there is one. */
export function topicChips(root, topics, label = "") {
  const chips = document.createElement("ul");
  chips.className = "chips";
  if (label) chips.setAttribute("aria-label", label);
  for (const [slug, name] of topics) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `${root}topics/${encodeURIComponent(slug)}/`;
    link.textContent = name;
    item.append(link);
    chips.append(item);
  }
  return chips;
}
