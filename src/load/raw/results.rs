//! `content/plans/<id>/results/<year>.yaml`: one fiscal year's evaluation:
//! figures, meetings, item results, actuals and revisions.

use super::*;

/// `content/plans/<plan-id>/results/<year>.yaml`: one fiscal year's evaluation.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawResults {
    /// The fiscal year evaluated.
    #[schemars(with = "i64", range(min = crate::years::FIRST_YEAR, max = crate::years::LAST_YEAR))]
    pub year: Spanned<i64>,
    /// When the results were published, `YYYY-MM-DD`; leave out when unknown.
    #[serde(default)]
    #[schemars(with = "Option<String>", pattern(DATE_PATTERN))]
    pub published: Option<Spanned<String>>,
    /// `published` (the default) or `draft`: a draft 公表前の案 is shown by
    /// `kohyo serve` and `kohyo build --drafts` under a banner, and left out
    /// of a normal build (pages, feed, sitemap, search and open data).
    /// Publishing is changing this one key.
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("enum" = ["published", "draft", null]))]
    pub status: Option<Spanned<String>>,
    /// Overview of the cycle (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// Meetings of the external committee 行財政改革評価・推進委員会.
    #[serde(default)]
    pub committee: Vec<RawMeeting>,
    /// Each item's evaluation.
    #[serde(default)]
    pub items: Vec<RawItemResult>,
    /// Indicator actuals for the year.
    #[serde(default)]
    pub indicators: Vec<RawActual>,
    /// Revisions decided in this cycle.
    #[serde(default)]
    pub revisions: Vec<RawRevision>,
    /// Aggregate figures as the government published them, e.g. 計画実施率
    /// given as "26 of 29 items", when per-item grades were not published.
    /// Shown as published, apart from the rates kohyo computes.
    #[serde(default)]
    #[schemars(example = serde_json::json!([{"name": "計画実施率", "count": 26, "of": 29, "counter": "項目", "value": 89.7, "unit": "%"}]))]
    pub figures: Vec<RawFigure>,
}

/// An aggregate figure published for the cycle.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    /// Name as published, e.g. 計画実施率 or 「順調」と評価した項目.
    pub name: String,
    /// How many items it counts, when published.
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    pub count: Option<Spanned<u32>>,
    /// Out of how many items, when published.
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    pub of: Option<Spanned<u32>>,
    /// The published value, e.g. 89.7, as printed by the source (never recomputed).
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub value: Option<Spanned<f64>>,
    /// Unit of `value`, e.g. %.
    #[serde(default)]
    pub unit: Option<String>,
    /// Counter for `count` and `of`, e.g. 項目 (default 件).
    #[serde(default)]
    pub counter: Option<String>,
    /// A note, e.g. where the figure is printed.
    #[serde(default)]
    pub note: Option<String>,
}

/// A committee meeting.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMeeting {
    /// Date, `YYYY-MM-DD`.
    #[schemars(with = "String", pattern(DATE_PATTERN))]
    pub date: Spanned<String>,
    /// Name of the meeting, e.g. 第1回行財政改革評価・推進委員会.
    #[serde(default)]
    pub title: Option<String>,
    /// What was discussed (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// Link to the minutes.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub minutes: Option<Spanned<String>>,
}

/// One item's evaluation in a cycle.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawItemResult {
    /// Item number.
    #[schemars(with = "u32")]
    pub item: Spanned<u32>,
    /// Grade key from the plan's scale.
    #[schemars(with = "String")]
    pub grade: Spanned<String>,
    /// Achievements 実績 per roadmap row.
    #[serde(default)]
    pub achievements: Vec<RawAchievement>,
    /// Self-evaluation 自己評価 (Markdown).
    #[serde(default)]
    pub self_evaluation: Option<String>,
    /// Factor analysis 要因分析 (Markdown).
    #[serde(default)]
    pub analysis: Option<String>,
    /// Issues 課題 (Markdown).
    #[serde(default)]
    pub issues: Option<String>,
    /// Next year's response 次年度に向けた対応 (Markdown).
    #[serde(default)]
    pub next_response: Option<String>,
    /// Committee opinions with the division's response.
    #[serde(default)]
    pub opinions: Vec<RawOpinion>,
}

/// What was achieved on one roadmap row.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAchievement {
    /// Project number within the item, from 1.
    #[schemars(with = "u32", range(min = 1))]
    pub project: Spanned<u32>,
    /// Roadmap row number within the project, from 1.
    #[schemars(with = "u32", range(min = 1))]
    pub row: Spanned<u32>,
    /// `done` 実施, `partial` 一部実施 or `not-done` 未実施.
    #[schemars(with = "String", extend("enum" = ["done", "partial", "not-done"]))]
    pub status: Spanned<String>,
    /// What was done (Markdown).
    #[serde(default)]
    pub text: Option<String>,
}

/// A committee opinion and the division's response.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOpinion {
    /// The committee's opinion.
    pub opinion: String,
    /// The responsible division's response.
    #[serde(default)]
    pub response: Option<String>,
}

/// An indicator's actual value for the year, or why there is none.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawActual {
    /// Indicator id.
    #[schemars(with = "String")]
    pub indicator: Spanned<String>,
    /// The value (for a cumulative target, the year's own amount).
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub value: Option<Spanned<f64>>,
    /// For a cumulative target: the running total the source publishes for
    /// the period so far, with or without the year's own `value`.
    #[serde(default)]
    #[schemars(with = "Option<f64>", example = 8147000)]
    pub total: Option<Spanned<f64>>,
    /// A judgement in words instead of a number: one of the plan's
    /// `judgements`, e.g. 達成 or 概ね達成.
    #[serde(default)]
    #[schemars(with = "Option<String>", example = &"概ね達成")]
    pub judgement: Option<Spanned<String>>,
    /// Why no value is available (instead of `value`).
    #[serde(default)]
    pub unavailable: Option<String>,
    /// `true` when the source gives the value without its fiscal year (e.g.
    /// a plan's final result): it is kept in this file's year but shown
    /// without a year and not placed on the chart's year axis.
    #[serde(default)]
    pub undated: bool,
    /// A note on the value.
    #[serde(default)]
    pub note: Option<String>,
}

/// A revision of items, roadmaps or indicators decided in the cycle.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRevision {
    /// `item`, `roadmap`, `indicator`, `indicator-added` or `indicator-retired`.
    #[schemars(with = "String", extend("enum" = ["item", "roadmap", "indicator", "indicator-added", "indicator-retired"]))]
    pub kind: Spanned<String>,
    /// The item concerned.
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    pub item: Option<Spanned<u32>>,
    /// The indicator concerned (for indicator kinds).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub indicator: Option<Spanned<String>>,
    /// The first fiscal year the change applies to.
    #[schemars(with = "i64", range(min = crate::years::FIRST_YEAR, max = crate::years::LAST_YEAR))]
    pub from: Spanned<i64>,
    /// What changed.
    pub change: String,
    /// Why.
    pub reason: String,
}
