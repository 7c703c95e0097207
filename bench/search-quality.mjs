// Search quality, kohyo's index against pagefind's, on the same built site
// and the same queries (tests/search/queries.mjs and citizen.mjs, each with
// the page that should come first). Run by bench/search-compare.
// Usage: node bench/search-quality.mjs SITE_DIR   (SITE_DIR/pagefind/ holds
// the bundle pagefind's CLI wrote for the same pages)
import { join, sep } from "node:path";
import { loadSearch } from "../tests/search/harness.mjs";
import { CITIZEN } from "../tests/search/citizen.mjs";
import { FIRST } from "../tests/search/first.mjs";

const site = process.argv[2];
if (!site) {
  console.error("usage: node bench/search-quality.mjs SITE_DIR");
  process.exit(2);
}
const QUERIES = [...FIRST.map((q) => [...q, "existing"]), ...CITIZEN.map((q) => [...q, "citizen"])];

// Ours first: our script looks for `document` to decide it runs in Node.
const ours = await loadSearch(site);
globalThis.document = {
  currentScript: null,
  querySelector: (sel) => (sel === "html" ? { getAttribute: () => "ja" } : null),
};
const url = "file://" + join(site, "pagefind", "pagefind.js").split(sep).map(encodeURIComponent).join("/");
const pagefind = await import(url);
const origin = ours.index.base.replace(/search\/$/, "");
await pagefind.options({ basePath: `${origin}pagefind/`, baseUrl: "/" });
await pagefind.init();

// Pages compared without fragments; pagefind gives folders for index.html.
const page = (p) => p.replace(/^\//, "").replace(/#.*$/, "").replace(/(^|\/)$/, "$1index.html");
const hidden = (p) => p === "404.html" || p === "search.html";
async function theirs(q) {
  const found = await pagefind.search(q.normalize("NFKC").replace(/\s+/g, " ").trim());
  const data = await Promise.all(found.results.slice(0, 6).map((r) => r.data()));
  return data.map((d) => page(d.url)).filter((p) => !hidden(p)).slice(0, 3);
}

const rows = [];
const score = { ours: { top1: 0, top3: 0 }, pagefind: { top1: 0, top3: 0 } };
const bySet = {};
for (const [q, expected, set] of QUERIES) {
  const a = (await ours.search(q)).slice(0, 3).map((r) => page(r.path));
  const b = await theirs(q);
  const want = page(expected);
  bySet[set] ??= { n: 0, ours: [0, 0], pagefind: [0, 0] };
  bySet[set].n++;
  for (const [name, top] of [["ours", a], ["pagefind", b]]) {
    const one = top[0] === want, three = top.includes(want);
    score[name].top1 += one;
    score[name].top3 += three;
    bySet[set][name][0] += one;
    bySet[set][name][1] += three;
  }
  if (a[0] !== want || b[0] !== want) rows.push(`| ${q} | ${want} | ${a.join("<br>") || "–"} | ${b.join("<br>") || "–"} |`);
}
await ours.close();

const n = QUERIES.length;
console.log(`| query set | queries | kohyo first | kohyo top 3 | pagefind first | pagefind top 3 |`);
console.log(`| --- | ---: | ---: | ---: | ---: | ---: |`);
for (const [set, s] of Object.entries(bySet)) {
  console.log(`| ${set} | ${s.n} | ${s.ours[0]} | ${s.ours[1]} | ${s.pagefind[0]} | ${s.pagefind[1]} |`);
}
console.log(`| all | ${n} | ${score.ours.top1} | ${score.ours.top3} | ${score.pagefind.top1} | ${score.pagefind.top3} |`);
console.log("");
console.log("Queries where either misses the expected page first (top 3 of each):");
console.log("");
console.log("| query | expected | kohyo | pagefind |");
console.log("| --- | --- | --- | --- |");
for (const r of rows) console.log(r);
