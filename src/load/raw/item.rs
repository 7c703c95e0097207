//! `content/plans/<id>/items/*.yaml`: an item, its projects, links, roadmap
//! rows and evaluation rows.

use super::*;

/// `content/plans/<plan-id>/items/*.yaml`: one implementation item 実施項目.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    /// Item number, unique in the plan.
    #[schemars(with = "u32")]
    pub number: Spanned<u32>,
    /// Title.
    pub title: String,
    /// Number of the node of the level just above items that the item sits
    /// under (with Gunma's levels, its 方針; in a four-level plan, a node of
    /// the third level). Left out in a one-level plan.
    #[serde(default)]
    #[schemars(with = "Option<u32>", example = 5)]
    pub parent: Option<Spanned<u32>>,
    /// Number of the policy the item serves: the same as `parent`, kept for
    /// three-level plans written before `parent` existed.
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    pub policy: Option<Spanned<u32>>,
    /// Mark ids from the plan's `marks`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub marks: Vec<Spanned<String>>,
    /// Responsible divisions 取組所属: ids, names or aliases.
    #[schemars(with = "Vec<String>")]
    pub divisions: Vec<Spanned<String>>,
    /// `confirmed` (or `documented`) when the source states the item's place
    /// in the structure, `inferred` when it was read from meaning, `unknown`
    /// when the source does not tell.
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("enum" = ["confirmed", "documented", "inferred", "unknown", null]))]
    pub placement: Option<Spanned<String>>,
    /// Summary (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// Editorial note (Markdown), e.g. what the source leaves out.
    #[serde(default)]
    pub note: Option<String>,
    /// Projects 事業.
    #[serde(default)]
    pub projects: Vec<RawProject>,
    /// Indicators 指標.
    #[serde(default)]
    pub indicators: Vec<RawIndicator>,
}

/// A project 事業 of an item.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProject {
    /// Title.
    pub title: String,
    /// Responsible divisions 取組所属.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub divisions: Vec<Spanned<String>>,
    /// Related divisions 関係所属.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub related_divisions: Vec<Spanned<String>>,
    /// Situation and issues 現状・課題 (Markdown).
    #[serde(default)]
    pub situation: Option<String>,
    /// Actions 取組内容 (Markdown).
    #[serde(default)]
    pub actions: Option<String>,
    /// Related information 関連情報.
    #[serde(default)]
    pub links: Vec<RawLink>,
    /// Roadmap rows 工程表.
    #[serde(default)]
    pub roadmap: Vec<RawRoadmapRow>,
    /// What is evaluated 評価.
    #[serde(default)]
    pub evaluation: Vec<RawEvaluationRow>,
}

/// A related link; without `url` it is shown as plain text.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    /// Text shown.
    pub title: String,
    /// http, https or mailto address, or a path inside the site.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
}

/// A roadmap row 工程表: a planned action over a span of fiscal years, or
/// with `undated: true` when the source gives the row but not its years.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRoadmapRow {
    /// What is planned.
    #[schemars(with = "String")]
    pub label: Spanned<String>,
    /// First fiscal year; required unless `undated`.
    #[serde(default)]
    #[schemars(with = "Option<i64>", range(min = crate::years::FIRST_YEAR, max = crate::years::LAST_YEAR))]
    pub from: Option<Spanned<i64>>,
    /// Last fiscal year; required unless `undated`.
    #[serde(default)]
    #[schemars(with = "Option<i64>", range(min = crate::years::FIRST_YEAR, max = crate::years::LAST_YEAR))]
    pub to: Option<Spanned<i64>>,
    /// `true` when the source gives the row without year positions: the
    /// row then says 年度の記載なし instead of drawing bars across the
    /// period (leave out `from` and `to`).
    #[serde(default)]
    #[schemars(with = "bool", example = true)]
    pub undated: Option<Spanned<bool>>,
    /// A line of detail.
    #[serde(default)]
    pub detail: Option<String>,
}

/// A row of what is evaluated 評価.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEvaluationRow {
    /// What is evaluated.
    pub label: String,
    /// A line of detail.
    #[serde(default)]
    pub detail: Option<String>,
}
