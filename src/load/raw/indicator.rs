//! Indicators as items write them: kind, measure, direction, baseline,
//! targets and target series, and the indicator an indicator continues.

use super::*;

/// An indicator 指標.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    /// URL-safe id, unique in the plan.
    #[schemars(with = "String", pattern(ID_PATTERN))]
    pub id: Spanned<String>,
    /// Name.
    pub name: String,
    /// `target` (数値目標) or `reference` (参考指標).
    #[schemars(with = "String", extend("enum" = ["target", "reference"]))]
    pub kind: Spanned<String>,
    /// What is measured: `quantity` (default), `rank` (a place such as
    /// 全国順位: a positive whole number, lower is better) or `judgement`
    /// (results are words from the plan's `judgements`, not numbers).
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("enum" = names(&Measure::NAMES, true)), example = &"rank")]
    pub measure: Option<Spanned<String>>,
    /// Unit, e.g. 時間, %, 者, 位; may be left out for judgements.
    #[serde(default)]
    pub unit: String,
    /// `higher` or `lower` is better, or `neither`. Required for quantities;
    /// a rank is always better when lower.
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("enum" = names(&Direction::NAMES, true)))]
    pub direction: Option<Spanned<String>>,
    /// The value when the plan was made; leave out when the plan never
    /// published one (change since the baseline is then shown as not applicable).
    #[serde(default)]
    pub baseline: Option<RawYearValue>,
    /// Target values by fiscal year: shorthand for one series of `target_kind`.
    #[serde(default)]
    pub targets: Vec<RawYearValue>,
    /// How `targets` are read: `reach` (default, a yearly target), `ceiling`
    /// (a cap for lower-is-better, a floor for higher-is-better) or
    /// `cumulative` (a running total). Kept for existing content; new content
    /// can write `target_series` instead.
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("enum" = names(&TargetKind::NAMES, true)))]
    pub target_kind: Option<Spanned<String>>,
    /// One or more target series, each with its kind, the main one first.
    #[serde(default)]
    #[schemars(example = serde_json::json!([{"kind": "cumulative", "label": "4年間の財政効果額（累計）", "targets": [{"year": 2014, "value": 985000}, {"year": 2017, "value": 5787000}]}, {"kind": "cap", "targets": [{"year": 2030, "value": 1200}]}]))]
    pub target_series: Vec<RawTargetSeries>,
    /// Decimal places to show; by default as many as the data have.
    #[serde(default)]
    #[schemars(with = "Option<u8>", range(max = 6))]
    pub precision: Option<Spanned<u8>>,
    /// Where the numbers come from.
    #[serde(default)]
    pub source: Option<String>,
    /// Notes (Markdown).
    #[serde(default)]
    pub notes: Option<String>,
    /// The indicator of an earlier plan this one continues, so its page shows
    /// the whole series across plans.
    #[serde(default)]
    pub continues: Option<RawContinues>,
}

/// The indicator of an earlier plan that an indicator continues.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawContinues {
    /// Id of the earlier plan (its folder name).
    #[schemars(with = "String", example = &"gunma-2020")]
    pub plan: Spanned<String>,
    /// Id of the indicator in that plan.
    #[schemars(with = "String", example = &"netsugen-members-2020")]
    pub indicator: Spanned<String>,
    /// What changed between the plans, e.g. a change of definition.
    #[serde(default)]
    pub note: Option<String>,
}

/// A series of targets of one kind.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTargetSeries {
    /// `yearly` (a value to reach in each year), `cumulative` (a running
    /// total to reach by each year), `cap` (stay at or below), `floor` (stay
    /// at or above) or `range` (stay between `value` and `high`).
    #[schemars(with = "String", extend("enum" = names(&SeriesKind::NAMES, false)))]
    pub kind: Spanned<String>,
    /// The plan's own name for the series, e.g. 財政効果額（4年間の累計）.
    #[serde(default)]
    pub label: Option<String>,
    /// The targets by fiscal year.
    pub targets: Vec<RawTargetPoint>,
    /// For a cumulative series: the yearly amounts the running totals were
    /// built from, when the plan publishes them.
    #[serde(default)]
    pub amounts: Vec<RawYearValue>,
}

/// One target of a series.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTargetPoint {
    /// Fiscal year.
    #[schemars(with = "i64", range(min = crate::years::FIRST_YEAR, max = crate::years::LAST_YEAR))]
    pub year: Spanned<i64>,
    /// The target; for a range, its lower end.
    #[schemars(with = "f64")]
    pub value: Spanned<f64>,
    /// For a range only: its upper end.
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub high: Option<Spanned<f64>>,
}

/// A value for one fiscal year.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawYearValue {
    /// Fiscal year.
    #[schemars(with = "i64", range(min = crate::years::FIRST_YEAR, max = crate::years::LAST_YEAR))]
    pub year: Spanned<i64>,
    /// The value, a finite number.
    #[schemars(with = "f64")]
    pub value: Spanned<f64>,
}
