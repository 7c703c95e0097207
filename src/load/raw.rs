//! Raw content records: serde structs that mirror the YAML files one to one.
//!
//! Every struct denies unknown keys, so a misspelt key is an error instead of
//! being silently ignored. Values that other records refer to, or that need a
//! range check, are wrapped in [`Spanned`] so validation can point at their
//! line and column. Nothing here checks meaning: that is `validate`'s job.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// A URL-safe id: lowercase ASCII letters, digits and `-`, starting with a
/// letter or digit, not ending with `-`, at most 64 characters.
pub const ID_PATTERN: &str = "^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$";

/// A date written `YYYY-MM-DD`.
pub const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// A month `YYYY-MM` or a date `YYYY-MM-DD`.
pub const MONTH_OR_DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$";

/// An absolute `http://` or `https://` address.
pub const HTTP_URL_PATTERN: &str = "^https?://";

/// `content/site.yaml`: settings that apply to the whole site.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    /// Site title, shown in every page title and header.
    pub title: String,
    /// The organisation that publishes the plan, e.g. 群馬県.
    pub organisation: String,
    /// Absolute URL the site is served from; used only for sitemap and canonical links.
    #[serde(default)]
    #[schemars(with = "Option<String>", pattern(HTTP_URL_PATTERN))]
    pub base_url: Option<Spanned<String>>,
    /// Language of the interface; only `ja` for now.
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("enum" = ["ja", null]))]
    pub language: Option<Spanned<String>>,
    /// Show the Japanese era beside fiscal years: 2025年度（令和7年度）.
    #[serde(default)]
    pub era_years: bool,
    /// One-sentence description used in page metadata.
    #[serde(default)]
    pub description: Option<String>,
    /// Who to contact about the plan (Markdown).
    #[serde(default)]
    pub contact: Option<String>,
    /// A notice shown at the top of every page, on screen and in print
    /// (Markdown), e.g. that the site is a sample and not the official one.
    #[serde(default)]
    pub notice: Option<String>,
    /// Whether the organisation itself publishes this site; only then is it
    /// shown as the publisher (発行).
    #[serde(default)]
    pub official: bool,
    /// Licence of the published data (also accepted as `license`), shown in
    /// every page footer, on the data page and in `data/catalog.jsonld`.
    /// Left out, CC BY 4.0. For `CC BY 4.0` and 公共データ利用規約（第1.0版）
    /// (`PDL1.0`) the link to the licence text is filled in when `url` is
    /// left out.
    #[serde(default, alias = "license")]
    #[schemars(example = serde_json::json!({"name": "公共データ利用規約（第1.0版）"}))]
    pub licence: Option<RawLicence>,
}

/// A licence: its name and where its text lives.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLicence {
    /// Short name, e.g. `CC BY 4.0`.
    pub name: String,
    /// Link to the licence text.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
}

/// `content/divisions.yaml`: every division (所属) that items may name.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDivisions {
    /// The divisions, in display order.
    pub divisions: Vec<RawDivision>,
}

/// One division 所属.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDivision {
    /// URL-safe id (ASCII letters, digits, `-`), used in page addresses.
    #[schemars(with = "String", pattern(ID_PATTERN))]
    pub id: Spanned<String>,
    /// Official name, e.g. デジタルトランスフォーメーション課.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Bureau 部局 the division belongs to.
    #[serde(default)]
    pub bureau: Option<String>,
    /// Other spellings found in documents, e.g. （総）総務課; items may use them.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
}

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
    #[schemars(range(min = 1900, max = 2200))]
    pub from: i64,
    /// Last fiscal year.
    #[schemars(range(min = 1900, max = 2200))]
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
    #[schemars(with = "Option<i64>", range(min = 1900, max = 2200))]
    pub from: Option<Spanned<i64>>,
    /// Last fiscal year; required unless `undated`.
    #[serde(default)]
    #[schemars(with = "Option<i64>", range(min = 1900, max = 2200))]
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
    #[schemars(with = "Option<String>", extend("enum" = ["quantity", "rank", "judgement", null]), example = &"rank")]
    pub measure: Option<Spanned<String>>,
    /// Unit, e.g. 時間, %, 者, 位; may be left out for judgements.
    #[serde(default)]
    pub unit: String,
    /// `higher` or `lower` is better, or `neither`. Required for quantities;
    /// a rank is always better when lower.
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("enum" = ["higher", "lower", "neither", null]))]
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
    #[schemars(with = "Option<String>", extend("enum" = ["reach", "ceiling", "cumulative", null]))]
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
    #[schemars(with = "String", extend("enum" = ["yearly", "cumulative", "cap", "floor", "range"]))]
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
    #[schemars(with = "i64", range(min = 1900, max = 2200))]
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
    #[schemars(with = "i64", range(min = 1900, max = 2200))]
    pub year: Spanned<i64>,
    /// The value, a finite number.
    #[schemars(with = "f64")]
    pub value: Spanned<f64>,
}

/// Front matter of a Markdown page in `content/pages/`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPageMeta {
    /// Page title.
    pub title: String,
    /// Position in navigation; lower first.
    #[serde(default)]
    pub order: Option<i64>,
    /// Date of the page, `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(with = "Option<String>", pattern(DATE_PATTERN))]
    pub date: Option<Spanned<String>>,
    /// One-sentence description for metadata.
    #[serde(default)]
    pub description: Option<String>,
}

/// `content/plans/<plan-id>/results/<year>.yaml`: one fiscal year's evaluation.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawResults {
    /// The fiscal year evaluated.
    #[schemars(with = "i64", range(min = 1900, max = 2200))]
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
    #[schemars(with = "i64", range(min = 1900, max = 2200))]
    pub from: Spanned<i64>,
    /// What changed.
    pub change: String,
    /// Why.
    pub reason: String,
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
