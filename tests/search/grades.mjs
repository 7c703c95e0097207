// The grade filter, on the `cycles` fixture (two items evaluated in 2025 and
// 2026): each item carries its latest grade, and only items do.
// Usage: node tests/search/grades.mjs SITE_DIR
import { loadSearch, check, report } from "./harness.mjs";

const site = process.argv[2];
if (!site) {
  console.error("usage: node tests/search/grades.mjs SITE_DIR");
  process.exit(2);
}
const { search, meta, close } = await loadSearch(site);
const failures = [];
const paths = async (q, f) => (await search(q, f)).map((r) => r.path);

try {
  const grades = (meta.filters.grade ?? []).map((v) => v[0]).sort();
  check(failures, JSON.stringify(grades) === JSON.stringify(["A 大きな成果あり", "C 実施"]), `grade values: ${JSON.stringify(grades)}`);
  // Item 1 was graded B in 2025 and A in 2026: the latest grade counts.
  const a = await paths(null, { grade: "A 大きな成果あり" });
  check(failures, a.join(" ") === "plans/demo/items/1.html", `grade A: ${a.join(" ")}`);
  const c = await paths(null, { grade: "C 実施" });
  check(failures, c.join(" ") === "plans/demo/items/2.html", `grade C: ${c.join(" ")}`);
  const b = await paths(null, { grade: "B" });
  check(failures, b.length === 0, `grade B is no item's latest grade, yet: ${b.join(" ")}`);
  // A query within a grade.
  const overtime = await paths("時間外勤務", { grade: "A 大きな成果あり" });
  check(failures, overtime.join(" ") === "plans/demo/items/1.html", `時間外勤務 within grade A: ${overtime.join(" ")}`);
} finally {
  await close();
}

report(failures, "the grade filter");
