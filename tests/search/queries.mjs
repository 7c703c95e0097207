// Japanese queries against the search index of the built sample site, run the
// way the search page runs them (see themes/default/static/search.js): the
// query is NFKC-normalised, the bundle is fetched over HTTP, the page language
// is ja. Usage: node tests/search/queries.mjs SITE_DIR
// Prints every failure and exits 1 if there is any.
import { loadPagefind, normalise, check, report } from "./harness.mjs";

// [query as a visitor types it, the page that must come first]. Each page is
// the one page about the subject (see content/); where a page and pages
// that merely mention it compete, the page about it must win.
const FIRST = [
  ["テレワーク", "plans/gunma-2025/policies/11.html"],
  ["ﾃﾚﾜｰｸ", "plans/gunma-2025/policies/11.html"],
  ["ストレスチェック", "plans/gunma-2025/items/25.html"],
  ["オープンデータ化", "plans/gunma-2025/items/15.html"],
  ["ＮＥＴＳＵＧＥＮ", "plans/gunma-2025/items/9.html"],
  ["NETSUGEN", "plans/gunma-2025/items/9.html"],
  ["netsugen", "plans/gunma-2025/items/9.html"],
  ["時間外勤務", "plans/gunma-2025/items/25.html"],
  ["年次有給休暇", "plans/gunma-2025/items/25.html"],
  ["９３．２％", "plans/gunma-2025/items/25.html"],
  ["エンゲージメント", "plans/gunma-2025/items/25.html"],
  ["ハラスメント", "plans/gunma-2025/items/25.html"],
  ["メンタルヘルス", "plans/gunma-2025/items/25.html"],
  ["官民共創", "plans/gunma-2025/goals/2.html"],
  ["ダッシュボード", "plans/gunma-2025/items/16.html"],
  ["公用車", "plans/gunma-2025/items/34.html"],
  ["EBPM", "plans/gunma-2025/items/29.html"],
  ["ＥＢＰＭ", "plans/gunma-2025/items/29.html"],
  ["デジタル人材", "plans/gunma-2025/items/5.html"],
  ["財産有効活用課", "divisions/zaisan.html"],
  ["人事課", "divisions/jinji.html"],
  ["人事委員会", "divisions/jinji-iinkai.html"],
  ["ＮＰＯ", "plans/gunma-2025/items/14.html"],
  ["ボランティア", "plans/gunma-2025/items/14.html"],
  ["通信環境", "plans/gunma-2025/items/3.html"],
  ["中期財政見通し", "plans/gunma-2025/items/27.html"],
  ["基礎的財政収支", "plans/gunma-2025/items/28.html"],
  ["長寿命化", "plans/gunma-2025/items/33.html"],
  ["定員管理", "plans/gunma-2025/items/19.html"],
  ["政策提案", "plans/gunma-2025/items/18.html"],
  ["民間開放", "plans/gunma-2025/items/13.html"],
  ["時間外勤務　縮減", "plans/gunma-2025/items/25.html"],
];

const site = process.argv[2];
if (!site) {
  console.error("usage: node tests/search/queries.mjs SITE_DIR");
  process.exit(2);
}
const { pagefind, close } = await loadPagefind(site);
const failures = [];

async function urls(query, filters = {}) {
  const search = await pagefind.search(query === null ? null : normalise(query), { filters });
  const data = await Promise.all(search.results.map((r) => r.data()));
  return data.map((d) => ({ ...d, path: d.url.replace(/^\//, "") }));
}

try {
  // 1. The expected page comes first.
  for (const [query, expected] of FIRST) {
    const results = await urls(query);
    const top = results.slice(0, 3).map((r) => r.path).join(", ") || "nothing";
    check(failures, results[0]?.path === expected, `${query}: expected ${expected} first, got ${top}`);
    check(
      failures,
      !results[0] || results[0].excerpt.includes("<mark>"),
      `${query}: the first result's excerpt marks no match`,
    );
  }

  // 2. Full-width and half-width forms give the same results.
  for (const [wide, narrow] of [["ＮＥＴＳＵＧＥＮ", "NETSUGEN"], ["９３．２％", "93.2%"], ["ＥＢＰＭ", "EBPM"], ["ﾃﾚﾜｰｸ", "テレワーク"]]) {
    const a = (await urls(wide)).map((r) => r.path).join(" ");
    const b = (await urls(narrow)).map((r) => r.path).join(" ");
    check(failures, a === b && a !== "", `${wide} and ${narrow} differ: [${a}] vs [${b}]`);
  }

  // 3. Space-separated words must all occur: these two never meet on one page.
  check(failures, (await urls("テレワーク 公用車")).length === 0, "テレワーク 公用車 should find nothing");

  // 4. The 404 page and the search page are not in the index.
  for (const query of ["お探しのページは移動または削除", "検索する言葉", "ページが見つかりません", "サイト内検索"]) {
    const hit = (await urls(query)).find((r) => r.path === "404.html" || r.path === "search.html");
    check(failures, !hit, `${query}: ${hit?.path} must not be indexed`);
  }

  // 5. Filters: every one the templates set is there, each value counts each
  //    page once, and a filter-only search lists exactly those pages.
  const all = await pagefind.filters();
  for (const name of ["plan", "goal", "policy", "division", "mark"]) {
    check(failures, Object.keys(all[name] ?? {}).length > 0, `filter ${name} has no values`);
  }
  for (const [name, values] of Object.entries(all)) {
    for (const [value, count] of Object.entries(values)) {
      const results = await urls(null, { [name]: value });
      check(failures, results.length === count, `filter ${name}=${value}: count ${count}, but ${results.length} pages`);
      const stray = results.find((r) => !(r.filters[name] ?? []).includes(value));
      check(failures, !stray, `filter ${name}=${value}: ${stray?.path} does not carry it`);
    }
  }
  check(
    failures,
    Object.keys(all.plan ?? {}).length === 2,
    `two plans expected in the plan filter, got ${Object.keys(all.plan ?? {}).join(", ")}`,
  );

  // 6. Filters narrow a query.
  const policy5 = Object.keys(all.policy ?? {}).find((v) => v.startsWith("方針5 "));
  const narrowed = await urls("官民共創", { policy: policy5 });
  check(failures, narrowed[0]?.path === "plans/gunma-2025/items/9.html" || narrowed[0]?.path === "plans/gunma-2025/policies/5.html",
    `官民共創 within ${policy5}: got ${narrowed.map((r) => r.path).join(", ")}`);
  check(failures, narrowed.every((r) => r.filters.policy?.includes(policy5)), `官民共創 within ${policy5}: a page outside it`);
  check(failures, narrowed.length < (await urls("官民共創")).length, "the policy filter did not narrow 官民共創");

  const zaisan = await urls(null, { division: "財産有効活用課" });
  check(failures, zaisan.some((r) => r.path === "divisions/zaisan.html"), "division filter 財産有効活用課 misses its own page");
  check(failures, zaisan.some((r) => r.path.includes("/items/")), "division filter 財産有効活用課 finds no item");

  const starred = await urls(null, { mark: Object.keys(all.mark ?? {})[0] });
  check(failures, starred.length > 0 && starred.every((r) => r.path.includes("/items/")), "the mark filter should list item pages only");
  const item15 = await urls("オープンデータ化", { mark: Object.keys(all.mark ?? {})[0] });
  check(failures, item15[0]?.path === "plans/gunma-2025/items/15.html", "オープンデータ化 with ★: item 15 first");
} finally {
  await close();
}

report(failures, `${FIRST.length} queries and the filters`);
