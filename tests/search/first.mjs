// Japanese queries with the page that must come first on the sample site
// (run by queries.mjs and compared with pagefind by bench/search-quality.mjs).
// [query as a visitor types it, the page that must come first]. Each page is
// the one page about the subject (see content/); where a page and pages
// that merely mention it compete, the page about it must win.
export const FIRST = [
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

