// Queries a citizen would type, with the page that must come first on the
// sample site: everyday words and synonyms (content/synonyms.yaml and the
// built-in groups), partial words, one kanji, hiragana for katakana words,
// full-width Latin letters and numbers. Run by queries.mjs with FIRST.
const P = "plans/gunma-2025/";

export const CITIZEN = [
  // Everyday words for the plan's terms (synonyms).
  ["在宅勤務", P + "policies/11.html"],
  ["リモートワーク", P + "policies/11.html"],
  ["残業", P + "items/25.html"],
  ["有給休暇", P + "items/25.html"],
  ["有休", P + "items/25.html"],
  ["年休", P + "items/25.html"],
  ["心の健康", P + "items/25.html"],
  ["パワハラ", P + "items/25.html"],
  ["ネツゲン", P + "items/9.html"],
  // Partial words.
  ["ストレス", P + "items/25.html"],
  ["長寿命", P + "items/33.html"],
  ["財政見通し", P + "items/27.html"],
  ["組織風土", P + "goals/3.html"],
  ["人材育成", P + "items/22.html"],
  ["働き方", P + "items/23.html"],
  ["県税", P + "items/30.html"],
  ["情報発信", P + "items/7.html"],
  ["業務改革", P + "items/4.html"],
  ["黒字", P + "items/28.html"],
  ["定員", P + "items/19.html"],
  ["コミュニティ", P + "items/10.html"],
  ["公営企業", P + "policies/17.html"],
  ["民間資金", P + "policies/15.html"],
  // One kanji.
  ["税", P + "items/30.html"],
  // Hiragana for katakana words.
  ["だっしゅぼーど", P + "items/16.html"],
  ["おーぷんでーた", P + "items/15.html"],
  ["こみゅにてぃ", P + "items/10.html"],
  ["こんぷらいあんす", P + "policies/12.html"],
  ["きゃりあ", P + "policies/10.html"],
  // Full-width and half-width Latin letters.
  ["ＩＣＴ", P + "items/20.html"],
  ["ｉｃｔ", P + "items/20.html"],
  ["ＤＸ", P + "goals/1.html"],
  // Numbers as written or typed full-width.
  ["２０２５", P + "index.html"],
  ["200者", P + "items/9.html"],
  ["６８．９％", P + "items/25.html"],
  ["80人", P + "items/25.html"],
  // Two words, and an indicator of the earlier plan.
  ["公用車 台数", P + "items/34.html"],
  ["キャッシュレス", "plans/gunma-2020/index.html#indicator-cashless-facilities"],
];
