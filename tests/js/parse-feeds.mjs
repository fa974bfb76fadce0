// Parses feeds with a real feed-reading library (@extractus/feed-extractor) and prints what a
// reader would see, as JSON, for the .NET tests to assert on. Usage: node parse-feeds.mjs FILE...
import { readFileSync } from "node:fs";
import { extractFromXml, extractFromJson } from "@extractus/feed-extractor";

const options = { normalization: true, descriptionMaxLen: 0, getExtraEntryFields: (entry) => ({ raw: entry }) };
const results = [];
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  const feed = file.endsWith(".json") ? extractFromJson(JSON.parse(text), options) : extractFromXml(text, options);
  results.push({
    file,
    title: feed.title,
    link: feed.link,
    entries: feed.entries.map((e) => ({ id: e.id, title: e.title, link: e.link, published: e.published })),
  });
}
process.stdout.write(JSON.stringify(results));
