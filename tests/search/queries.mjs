// Japanese queries against the search index of the built sample site, run
// through the site's own static/search.js as the search page runs them.
// Usage: node tests/search/queries.mjs SITE_DIR
// Prints every failure and exits 1 if there is any.
import { loadSearch, check, report } from "./harness.mjs";

// The queries: the page that must come first for each (first.mjs: the
// original 32; citizen.mjs: what a citizen types).
import { FIRST } from "./first.mjs";
import { CITIZEN } from "./citizen.mjs";

const site = process.argv[2];
if (!site) {
  console.error("usage: node tests/search/queries.mjs SITE_DIR");
  process.exit(2);
}
const { search, meta, close } = await loadSearch(site);
const failures = [];
const paths = async (q, f) => (await search(q, f)).map((r) => r.path);

try {
  // 1. The expected page comes first, and its excerpt marks the match.
  for (const [query, expected] of [...FIRST, ...CITIZEN]) {
    const results = await search(query);
    const top = results.slice(0, 3).map((r) => r.path).join(", ") || "nothing";
    check(failures, results[0]?.path === expected, `${query}: expected ${expected} first, got ${top}`);
    check(
      failures,
      !results[0] || results[0].excerpt.includes("<mark>") || results[0].marked.includes("<mark>"),
      `${query}: the first result marks no match: ${results[0]?.title} / ${results[0]?.excerpt}`,
    );
  }

  // 2. Full-width and half-width forms, and hiragana and katakana, give the same results.
  for (const [a, b] of [["ＮＥＴＳＵＧＥＮ", "NETSUGEN"], ["９３．２％", "93.2%"], ["ＥＢＰＭ", "EBPM"], ["ﾃﾚﾜｰｸ", "テレワーク"], ["はらすめんと", "ハラスメント"]]) {
    const x = (await paths(a)).join(" ");
    const y = (await paths(b)).join(" ");
    check(failures, x === y && x !== "", `${a} and ${b} differ: [${x}] vs [${y}]`);
  }

  // 3. Space-separated words must all occur: these two never meet on one page.
  check(failures, (await paths("テレワーク 公用車")).length === 0, "テレワーク 公用車 should find nothing");
  // A phrase is matched as written: 公用 and 車 apart do not make 公用車.
  check(failures, (await paths("車公用")).length === 0, "車公用 should find nothing");

  // 4. The 404 page and the search page are not in the index.
  for (const query of ["お探しのページは移動または削除", "検索する言葉", "ページが見つかりません", "サイト内検索"]) {
    const hit = (await paths(query)).find((p) => p === "404.html" || p === "search.html");
    check(failures, !hit, `${query}: ${hit} must not be indexed`);
  }

  // 5. Filters: every one is there, and a filter-only search lists as many
  //    pages as the menu says, each once.
  const all = meta.filters;
  for (const name of ["plan", "goal", "policy", "division", "mark", "status"]) {
    check(failures, (all[name] ?? []).length > 0, `filter ${name} has no values`);
  }
  for (const [name, values] of Object.entries(all)) {
    for (const [value, count] of values) {
      const results = await paths(null, { [name]: value });
      check(failures, results.length === count, `filter ${name}=${value}: count ${count}, but ${results.length} pages`);
      check(failures, new Set(results).size === results.length, `filter ${name}=${value}: a page twice`);
    }
  }
  check(failures, (all.plan ?? []).length === 2, `two plans expected in the plan filter, got ${JSON.stringify(all.plan)}`);

  // 6. Filters narrow a query.
  const policy5 = (all.policy ?? []).map((v) => v[0]).find((v) => v.startsWith("方針5 "));
  const narrowed = await search("官民共創", { policy: policy5 });
  check(failures, narrowed[0]?.path === "plans/gunma-2025/items/9.html" || narrowed[0]?.path === "plans/gunma-2025/policies/5.html",
    `官民共創 within ${policy5}: got ${narrowed.map((r) => r.path).join(", ")}`);
  check(failures, narrowed.every((r) => r.title === policy5 || r.context.includes(policy5)), `官民共創 within ${policy5}: a page outside it`);
  check(failures, narrowed.length < (await paths("官民共創")).length, "the policy filter did not narrow 官民共創");

  const zaisan = await paths(null, { division: "財産有効活用課" });
  check(failures, zaisan.includes("divisions/zaisan.html"), "division filter 財産有効活用課 misses its own page");
  check(failures, zaisan.some((p) => p.includes("/items/")), "division filter 財産有効活用課 finds no item");

  const star = (all.mark ?? [])[0]?.[0];
  const starred = await paths(null, { mark: star });
  check(failures, starred.length > 0 && starred.every((p) => p.includes("/items/")), "the mark filter should list item pages only");
  const item15 = await paths("オープンデータ化", { mark: star });
  check(failures, item15[0] === "plans/gunma-2025/items/15.html", "オープンデータ化 with ★: item 15 first");
  const improved = await search(null, { status: "改善" });
  check(failures, improved.every((r) => r.path.includes("#indicator-")), "the status filter should list indicators only");
} finally {
  await close();
}

report(failures, `${FIRST.length + CITIZEN.length} queries and the filters`);
