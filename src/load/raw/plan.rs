//! `content/plans/<id>/plan.yaml`: the plan, its levels, judgements, period,
//! marks, grades, goals, policies and rates.

use super::*;

/// `content/plans/<plan-id>/plan.yaml`: a plan 大綱・実施計画 and its structure.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    /// Title of the plan.
    pub title: String,
    /// Subtitle or slogan.
    #[serde(default)]
    pub subtitle: Option<String>,
    /// The fiscal years the plan runs.
    #[schemars(with = "RawPeriod")]
    pub period: Spanned<RawPeriod>,
    /// When the plan was adopted, `YYYY-MM` or `YYYY-MM-DD`; leave out when
    /// the source does not give it (shown as 不明).
    #[serde(default)]
    #[schemars(with = "Option<String>", pattern(MONTH_OR_DATE_PATTERN))]
    pub adopted: Option<Spanned<String>>,
    /// `current` or `archived`.
    #[schemars(with = "String", extend("enum" = ["current", "archived"]))]
    pub status: Spanned<String>,
    /// What the plan is for (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// Where the plan's facts come from (Markdown), shown on the plan page.
    #[serde(default)]
    pub source: Option<String>,
    /// `true` when the plan's prose on this site (the summaries of the plan,
    /// its goals, policies and items, and the projects' 現状・課題 and 取組内容)
    /// is the site's own summary of the source documents, not their words:
    /// each such text is then labelled 「要約」 with a link to the source.
    #[serde(default)]
    pub summarised: bool,
    /// How sure the structure table is (Markdown), shown on the plan page.
    #[serde(default)]
    pub structure_note: Option<String>,
    /// Marks items may carry, such as ★.
    #[serde(default)]
    pub marks: Vec<RawMark>,
    /// The evaluation scale, best grade first.
    pub grades: Vec<RawGrade>,
    /// Where the evaluation scale comes from (Markdown).
    #[serde(default)]
    pub grades_note: Option<String>,
    /// Rates published per cycle, e.g. 計画実施率 = share of A and B.
    #[serde(default)]
    pub rates: Vec<RawRate>,
    /// The levels of the structure, top first; the last is the level the
    /// items sit at. 1 to 4 levels, e.g. 目標 → 方針 → 実施項目 (the default
    /// when left out), 基本方針 → 取組項目, 柱 → 施策 → 事業 → 取組, or
    /// 実施項目 alone.
    #[serde(default)]
    #[schemars(example = serde_json::json!([{"name": "基本方針"}, {"name": "取組項目"}]))]
    pub levels: Vec<RawLevel>,
    /// Judgements a result may give instead of a number, e.g. 達成, 概ね達成, 未達成.
    #[serde(default)]
    #[schemars(example = serde_json::json!([{"label": "達成", "outcome": "met"}, {"label": "概ね達成", "outcome": "partly"}, {"label": "未達成", "outcome": "not-met"}]))]
    pub judgements: Vec<RawJudgement>,
    /// Nodes of the first level (目標 in Gunma's plan), each with the nodes of
    /// the second level under it in `policies`; the key names stay the same
    /// whatever the plan calls its levels. Left out for a one-level plan.
    #[serde(default)]
    pub goals: Vec<RawGoal>,
    /// Indicators of the plan as a whole (e.g. KGIs not tied to one goal).
    #[serde(default)]
    pub indicators: Vec<RawIndicator>,
    /// Committee meetings, proposals 提言 and news that belong to the plan
    /// rather than to one fiscal year's results, e.g. the committee that
    /// drafted the plan before its period or a proposal after it ended.
    /// Shown on the plan page in date order.
    #[serde(default)]
    #[schemars(example = serde_json::json!([{"date": "2025-11-20", "kind": "proposal", "title": "次期行財政改革への提言", "url": "https://example.jp/teigen.pdf"}]))]
    pub events: Vec<RawEvent>,
}

/// A meeting, proposal or piece of news of the plan as a whole.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    /// Date, `YYYY-MM-DD`, or `YYYY-MM` when the source gives only the month.
    #[schemars(with = "String", pattern(MONTH_OR_DATE_PATTERN))]
    pub date: Spanned<String>,
    /// `meeting` 会議, `proposal` 提言 or `news` お知らせ.
    #[schemars(with = "String", extend("enum" = ["meeting", "proposal", "news"]))]
    pub kind: Spanned<String>,
    /// Name, e.g. 第1回行財政改革推進委員会 or 行財政改革に関する提言.
    pub title: String,
    /// What it was about (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// Link to the minutes, the proposal or the announcement.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
}

/// A level of the plan's structure.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLevel {
    /// The plan's name for the level, e.g. 基本方針, 重点取組, 実施項目.
    #[schemars(with = "String", length(min = 1))]
    pub name: Spanned<String>,
    /// How its nodes are numbered: `arabic` (目標1, the default: the name
    /// then the number), `roman` (Ⅰ, Ⅱ …) or `circled` (①, ② …); the last two
    /// are written without the name, as plans print them.
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("enum" = ["arabic", "roman", "circled", null]))]
    pub numbering: Option<Spanned<String>>,
}

/// A judgement a result may give instead of a number.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawJudgement {
    /// The words as the plan writes them, e.g. 達成, 概ね達成, 順調.
    #[schemars(with = "String", length(min = 1))]
    pub label: Spanned<String>,
    /// What it says about the target: `met`, `partly` or `not-met`; leave
    /// out when the plan does not say.
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("enum" = ["met", "partly", "not-met", null]))]
    pub outcome: Option<Spanned<String>>,
    /// What the judgement means.
    #[serde(default)]
    pub meaning: Option<String>,
}

/// A span of fiscal years, both ends included.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    /// First fiscal year.
    #[schemars(range(min = crate::years::FIRST_YEAR, max = crate::years::LAST_YEAR))]
    pub from: i64,
    /// Last fiscal year.
    #[schemars(range(min = crate::years::FIRST_YEAR, max = crate::years::LAST_YEAR))]
    pub to: i64,
}

/// A mark an item may carry.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMark {
    /// URL-safe id that items use.
    #[schemars(with = "String", pattern(ID_PATTERN))]
    pub id: Spanned<String>,
    /// The symbol printed beside an item title, e.g. ★.
    pub symbol: String,
    /// What the mark means.
    pub label: String,
}

/// A grade on the evaluation scale.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawGrade {
    /// Short key, e.g. `A`.
    #[schemars(with = "String", length(min = 1))]
    pub key: Spanned<String>,
    /// Label, e.g. 大きな成果あり.
    pub label: String,
    /// What the grade means.
    #[serde(default)]
    pub meaning: Option<String>,
}

/// A goal 目標.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawGoal {
    /// Goal number, unique in the plan.
    #[schemars(with = "u32")]
    pub number: Spanned<u32>,
    /// Title.
    pub title: String,
    /// Summary (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// Policies under this goal.
    #[serde(default)]
    pub policies: Vec<RawPolicy>,
    /// Indicators of the goal (e.g. KGIs).
    #[serde(default)]
    pub indicators: Vec<RawIndicator>,
}

/// A policy 方針.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPolicy {
    /// Policy number, unique in the plan (numbered across goals).
    #[schemars(with = "u32")]
    pub number: Spanned<u32>,
    /// Title.
    pub title: String,
    /// Summary (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// Nodes of the third level under this policy, in a plan of four levels
    /// (e.g. 事業 in 柱 → 施策 → 事業 → 取組); items then name one of them
    /// as their `parent`.
    #[serde(default)]
    #[schemars(example = serde_json::json!([{"number": 1, "title": "窓口のオンライン化"}]))]
    pub nodes: Vec<RawNode>,
}

/// A node of the third level, in a plan of four levels.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    /// Number, unique in the plan (numbered across policies).
    #[schemars(with = "u32")]
    pub number: Spanned<u32>,
    /// Title.
    pub title: String,
    /// Summary (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
}

/// A rate published for each cycle, computed from the grade counts.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRate {
    /// Name, e.g. 計画実施率.
    pub name: String,
    /// Grades counted in the numerator; the denominator is every graded item.
    #[schemars(with = "Vec<String>")]
    pub grades: Vec<Spanned<String>>,
    /// What the rate tells (Markdown).
    #[serde(default)]
    pub meaning: Option<String>,
}
