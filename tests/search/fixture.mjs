// The index `kohyo::search::write` wrote for tests/fixtures/search/docs.json,
// queried through static/search.js (tests/it/search.rs writes both into
// SITE_DIR, with the Rust tokeniser's tokens of tokens.txt in tokens.json).
// Usage: node tests/search/fixture.mjs SITE_DIR
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSearch, check, report } from "./harness.mjs";

const site = process.argv[2];
if (!site) {
  console.error("usage: node tests/search/fixture.mjs SITE_DIR");
  process.exit(2);
}
const { search, engine, close } = await loadSearch(site);
const failures = [];
const paths = async (q, f) => (await search(q, f)).map((r) => r.path);

try {
  // The tokeniser gives the same tokens in both languages.
  for (const [text, expected] of JSON.parse(readFileSync(join(site, "tokens.json"), "utf8"))) {
    const got = engine.tokens(engine.normalise(text)).map((t) => [t.t, t.p]);
    check(failures, JSON.stringify(got) === JSON.stringify(expected), `tokens of ${text}: ${JSON.stringify(got)} vs Rust ${JSON.stringify(expected)}`);
  }
  const cases = [
    // [query, filters, expected paths in order (a prefix of the results)]
    ["テレワーク", {}, ["items/1.html", "index.html#indicator-a", "policies/1.html"]],
    ["てれわーく", {}, ["items/1.html", "index.html#indicator-a", "policies/1.html"]],
    ["在宅勤務", {}, ["items/1.html", "index.html#indicator-a"]], // synonym of テレワーク
    ["人事課", {}, ["divisions/jinji.html", "divisions/gakko-jinji.html"]], // the exact title first
    ["netsugen", {}, ["items/3.html", "old/items/3.html"]], // the archived plan's page ranks lower
    ["93.2%", {}, ["items/3.html"]],
    ["９３．２％", {}, ["items/3.html"]],
    ["1000", {}, ["items/3.html"]],
    ["2025", {}, ["items/1.html"]],
    ["車", {}, ["items/2.html"]],
    ["用車", {}, ["items/2.html"]],
    ["車公用", {}, []], // a phrase: the characters must be adjacent, in order
    ["テレワーク 公用車", {}, []], // every word must occur
    ["テレワーク", { division: "人事課" }, ["items/1.html", "divisions/jinji.html"]],
    ["", { mark: "★ 官民データ活用推進計画の取組項目" }, ["items/2.html"]],
    ["", { grade: "C 実施" }, ["items/3.html"]],
    ["", { status: "改善" }, ["index.html#indicator-a"]],
    ["", {}, []],
  ];
  for (const [query, filters, expected] of cases) {
    const got = await paths(query, filters);
    const ok = expected.length ? expected.every((p, k) => got[k] === p) : got.length === 0;
    check(failures, ok, `${query} ${JSON.stringify(filters)}: expected ${expected.join(", ") || "nothing"}, got ${got.join(", ") || "nothing"}`);
  }
  const [first] = await search("通信環境");
  check(failures, first?.excerpt.includes("<mark>通信環境</mark>"), `excerpt: ${first?.excerpt}`);
  const [wide] = await search("2025年度");
  check(failures, wide?.excerpt.includes("<mark>２０２５年度</mark>"), `the excerpt marks what was written: ${wide?.excerpt}`);
} finally {
  await close();
}

report(failures, "the fixture index");
