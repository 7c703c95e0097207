//! The checked content model: plain data with resolved references.
//!
//! Built by `validate` from the raw records once every rule holds, so code
//! that reads it can trust it: every policy, division and mark an item names
//! exists, years lie in range and numbers are finite. It knows nothing of
//! templates or output paths.

pub mod cycles;

/// The whole site: settings, divisions, plans and pages.
#[derive(Debug, Clone)]
pub struct Site {
    /// Site-wide settings.
    pub settings: Settings,
    /// Divisions in the order of `divisions.yaml`.
    pub divisions: Vec<Division>,
    /// Plans: the current one first, then archived ones, newest first.
    pub plans: Vec<Plan>,
    /// Markdown pages, by `order` then slug.
    pub pages: Vec<Page>,
    /// Synonym groups of the site search (built-in and `content/synonyms.yaml`).
    pub synonyms: Vec<Vec<String>>,
    /// Position of each division id in [`Site::divisions`].
    /// Built by [`Site::index_divisions`] once the divisions are in place.
    pub division_index: std::collections::HashMap<String, usize>,
}

impl Site {
    /// The division with this id.
    ///
    /// Looked up in [`Site::division_index`]; if the index does not have it
    /// (not built, or `divisions` changed since), found by a search instead.
    pub fn division(&self, id: &str) -> Option<&Division> {
        self.division_index
            .get(id)
            .and_then(|&i| self.divisions.get(i))
            .filter(|d| d.id == id)
            .or_else(|| self.divisions.iter().find(|d| d.id == id))
    }

    /// Fills [`Site::division_index`] from [`Site::divisions`]; the first of
    /// two divisions with the same id wins, as in a search from the start.
    pub fn index_divisions(&mut self) {
        let mut index = std::collections::HashMap::with_capacity(self.divisions.len());
        for (i, d) in self.divisions.iter().enumerate() {
            index.entry(d.id.clone()).or_insert(i);
        }
        self.division_index = index;
    }

    /// The plan shown on the home page: the current one, else the newest.
    pub fn main_plan(&self) -> Option<&Plan> {
        self.plans.first()
    }
}

/// Site-wide settings from `site.yaml`.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Site title.
    pub title: String,
    /// Publishing organisation.
    pub organisation: String,
    /// Absolute base URL, ending in `/`, if set.
    pub base_url: Option<String>,
    /// Interface language (`ja`).
    pub language: String,
    /// Whether fiscal years also show their Japanese era.
    pub era_years: bool,
    /// Description for page metadata.
    pub description: Option<String>,
    /// Contact paragraph (Markdown).
    pub contact: Option<String>,
    /// Notice on every page (Markdown).
    pub notice: Option<String>,
    /// Whether the organisation publishes the site itself.
    pub official: bool,
    /// Licence of the published data.
    pub licence: Licence,
}

/// A licence.
#[derive(Debug, Clone)]
pub struct Licence {
    /// Short name.
    pub name: String,
    /// Link to its text.
    pub url: Option<String>,
}

/// A division 所属.
#[derive(Debug, Clone)]
pub struct Division {
    /// URL-safe id.
    pub id: String,
    /// Official name.
    pub name: String,
    /// Bureau 部局, when known.
    pub bureau: Option<String>,
    /// Other spellings.
    pub aliases: Vec<String>,
}

/// Whether a plan is in force or kept for the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanStatus {
    /// The plan in force.
    Current,
    /// An earlier plan kept for the record.
    Archived,
}

/// Fiscal years from `from` to `to`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First fiscal year.
    pub from: i32,
    /// Last fiscal year.
    pub to: i32,
}

impl Period {
    /// Whether `year` lies in the period.
    pub fn contains(&self, year: i32) -> bool {
        (self.from..=self.to).contains(&year)
    }

    /// Every fiscal year of the period, in order.
    pub fn years(&self) -> impl Iterator<Item = i32> + use<> {
        self.from..=self.to
    }
}

/// A plan with its structure and items.
#[derive(Debug, Clone)]
pub struct Plan {
    /// URL-safe id (its folder name).
    pub id: String,
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Fiscal years it runs.
    pub period: Period,
    /// Adoption date as written (`YYYY-MM` or `YYYY-MM-DD`); `None` when unknown.
    pub adopted: Option<String>,
    /// Current or archived.
    pub status: PlanStatus,
    /// What the plan is for (Markdown).
    pub summary: Option<String>,
    /// Where its facts come from (Markdown).
    pub source: Option<String>,
    /// How sure the structure table is (Markdown).
    pub structure_note: Option<String>,
    /// Marks items may carry.
    pub marks: Vec<Mark>,
    /// Evaluation scale, best first.
    pub grades: Vec<Grade>,
    /// Where the scale comes from (Markdown).
    pub grades_note: Option<String>,
    /// Rates published per cycle.
    pub rates: Vec<Rate>,
    /// Levels of the structure, top first; the last is the items' level.
    pub levels: Vec<Level>,
    /// Judgements a result may give instead of a number.
    pub judgements: Vec<Judgement>,
    /// Nodes of the first level (goals) in number order, each with the
    /// nodes of the second level (policies); empty in a one-level plan.
    pub goals: Vec<Goal>,
    /// Indicators of the plan as a whole.
    pub indicators: Vec<Indicator>,
    /// Items in number order.
    pub items: Vec<Item>,
    /// Evaluation cycles in fiscal-year order.
    pub cycles: Vec<Cycle>,
    /// Meetings, proposals and news of the plan as a whole, in date order.
    pub events: Vec<PlanEvent>,
    /// Where each indicator id is: its owner and position in the owner's list.
    /// Built by [`Plan::index_indicators`] once the items are in place.
    pub indicator_index: std::collections::HashMap<String, (Owner, usize)>,
}

impl Plan {
    /// The level at `depth` (0 is the top), or the items' level when the
    /// plan has fewer levels.
    pub fn level(&self, depth: usize) -> &Level {
        self.levels
            .get(depth)
            .or(self.levels.last())
            .unwrap_or(&DEFAULT_LEVEL)
    }

    /// The items' level: the last one.
    pub fn item_level(&self) -> &Level {
        self.levels.last().unwrap_or(&DEFAULT_LEVEL)
    }

    /// How a goal (first-level node) is labelled, e.g. 目標1 or Ⅰ.
    pub fn goal_label(&self, number: u32) -> String {
        self.level(0).label(number)
    }

    /// How a policy (second-level node) is labelled, e.g. 方針5.
    pub fn policy_label(&self, number: u32) -> String {
        self.level(1).label(number)
    }

    /// How an item is labelled, e.g. 実施項目9.
    pub fn item_label(&self, number: u32) -> String {
        self.item_level().label(number)
    }

    /// The name of the level items are placed in: the one just above them
    /// (方針 in Gunma's plan), or 体系 when the plan has one level.
    pub fn placement_level(&self) -> &str {
        match self.levels.len() {
            0 | 1 => "体系",
            n => &self.level(n - 2).name,
        }
    }

    /// The words shown beside an item whose place in the structure is not
    /// stated by the source, e.g. 方針への位置付けは推定; empty when it is.
    pub fn placement_words(&self, placement: Placement) -> String {
        let level = self.placement_level();
        match placement {
            Placement::Documented => String::new(),
            Placement::Inferred => format!("{level}への位置付けは推定"),
            Placement::Unknown => format!("{level}への位置付けは資料に記載なし"),
        }
    }

    /// How a third-level node is labelled (plans of four levels), e.g. 事業3.
    pub fn node_label(&self, number: u32) -> String {
        self.level(2).label(number)
    }

    /// The third-level node with this number, with its goal and policy.
    pub fn node(&self, number: u32) -> Option<(&Goal, &Policy, &Node)> {
        self.goals.iter().find_map(|g| {
            g.policies.iter().find_map(|p| {
                p.nodes
                    .iter()
                    .find(|n| n.number == number)
                    .map(|n| (g, p, n))
            })
        })
    }

    /// Items under the third-level node with this number.
    pub fn items_of_node(&self, number: u32) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.node == Some(number))
    }

    /// Number of third-level nodes across the plan.
    pub fn node_count(&self) -> usize {
        self.goals
            .iter()
            .flat_map(|g| &g.policies)
            .map(|p| p.nodes.len())
            .sum()
    }

    /// The judgement with these words.
    pub fn judgement(&self, label: &str) -> Option<&Judgement> {
        self.judgements.iter().find(|j| j.label == label)
    }

    /// The policy with this number, with the goal it belongs to.
    pub fn policy(&self, number: u32) -> Option<(&Goal, &Policy)> {
        self.goals.iter().find_map(|g| {
            g.policies
                .iter()
                .find(|p| p.number == number)
                .map(|p| (g, p))
        })
    }

    /// Items under the policy with this number.
    pub fn items_of_policy(&self, number: u32) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.policy == Some(number))
    }

    /// Items that sit directly under the goal with this number (two-level plans).
    pub fn items_of_goal(&self, number: u32) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(move |i| i.policy.is_none() && i.goal == Some(number))
    }

    /// The mark with this id.
    pub fn mark(&self, id: &str) -> Option<&Mark> {
        self.marks.iter().find(|m| m.id == id)
    }

    /// Number of policies across all goals.
    pub fn policy_count(&self) -> usize {
        self.goals.iter().map(|g| g.policies.len()).sum()
    }

    /// Number of indicators: the plan's, its goals' and its items'.
    pub fn indicator_count(&self) -> usize {
        self.all_indicators().count()
    }

    /// Every indicator with where it belongs, in page order: plan, goals, items.
    pub fn all_indicators(&self) -> impl Iterator<Item = (Owner, &Indicator)> {
        let plan = self.indicators.iter().map(|i| (Owner::Plan, i));
        let goals = self
            .goals
            .iter()
            .flat_map(|g| g.indicators.iter().map(move |i| (Owner::Goal(g.number), i)));
        let items = self.items.iter().flat_map(|it| {
            it.indicators
                .iter()
                .map(move |i| (Owner::Item(it.number), i))
        });
        plan.chain(goals).chain(items)
    }

    /// The item with this number (items are kept in number order).
    pub fn item(&self, number: u32) -> Option<&Item> {
        self.items
            .binary_search_by_key(&number, |i| i.number)
            .ok()
            .map(|i| &self.items[i])
    }

    /// Fills [`Plan::indicator_index`] from the plan's, goals' and items' indicators.
    pub fn index_indicators(&mut self) {
        let mut index = std::collections::HashMap::new();
        for (i, ind) in self.indicators.iter().enumerate() {
            index.entry(ind.id.clone()).or_insert((Owner::Plan, i));
        }
        for g in &self.goals {
            for (i, ind) in g.indicators.iter().enumerate() {
                index
                    .entry(ind.id.clone())
                    .or_insert((Owner::Goal(g.number), i));
            }
        }
        for it in &self.items {
            for (i, ind) in it.indicators.iter().enumerate() {
                index
                    .entry(ind.id.clone())
                    .or_insert((Owner::Item(it.number), i));
            }
        }
        self.indicator_index = index;
    }

    /// The indicator with this id and where it belongs.
    pub fn indicator(&self, id: &str) -> Option<(Owner, &Indicator)> {
        let (owner, i) = *self.indicator_index.get(id)?;
        let list = match owner {
            Owner::Plan => &self.indicators,
            Owner::Goal(n) => &self.goals.iter().find(|g| g.number == n)?.indicators,
            Owner::Item(n) => &self.item(n)?.indicators,
        };
        list.get(i).map(|ind| (owner, ind))
    }

    /// The grade with this key.
    pub fn grade(&self, key: &str) -> Option<&Grade> {
        self.grades.iter().find(|g| g.key == key)
    }

    /// Actuals of an indicator across cycles, in year order.
    pub fn actuals(&self, indicator: &str) -> Vec<(i32, &Actual)> {
        self.cycles
            .iter()
            .filter_map(|c| c.actual(indicator).map(|a| (c.year, a)))
            .collect()
    }

    /// Years in which an indicator was revised (any indicator revision kind).
    pub fn revision_years(&self, indicator: &str) -> Vec<i32> {
        self.cycles
            .iter()
            .flat_map(|c| &c.revisions)
            .filter(|r| r.indicator.as_deref() == Some(indicator))
            .map(|r| r.from)
            .collect()
    }

    /// The latest evaluation cycle.
    pub fn latest_cycle(&self) -> Option<&Cycle> {
        self.cycles.last()
    }
}

/// A level of the plan's structure: its name and how its nodes are numbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Level {
    /// The plan's name, e.g. 目標, 基本方針, 実施項目.
    pub name: String,
    /// How numbers are written.
    pub numbering: Numbering,
}

/// The level used when a plan declares none and has no structure.
static DEFAULT_LEVEL: Level = Level {
    name: String::new(),
    numbering: Numbering::Arabic,
};

impl Level {
    /// A node of this level, labelled: 目標1, or Ⅰ for roman numbering.
    pub fn label(&self, number: u32) -> String {
        match self.numbering {
            Numbering::Arabic => format!("{}{number}", self.name),
            Numbering::Roman => roman(number),
            Numbering::Circled => circled(number),
        }
    }
}

/// How the nodes of a level are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbering {
    /// The name then 1, 2, 3: 目標1.
    Arabic,
    /// Ⅰ, Ⅱ, Ⅲ, alone.
    Roman,
    /// ①, ②, ③, alone.
    Circled,
}

/// `n` in roman numerals: the single characters Ⅰ–Ⅻ up to 12, letters above.
fn roman(n: u32) -> String {
    const ONE: [&str; 12] = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "Ⅶ", "Ⅷ", "Ⅸ", "Ⅹ", "Ⅺ", "Ⅻ"];
    if (1..=12).contains(&n) {
        return ONE[n as usize - 1].to_string();
    }
    let mut n = n;
    let mut out = String::new();
    for (v, s) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    if out.is_empty() { n.to_string() } else { out }
}

/// `n` as a circled number ①–⑳, or in parentheses above 20: (21).
fn circled(n: u32) -> String {
    match n {
        1..=20 => char::from_u32(0x2460 + n - 1).map_or_else(|| n.to_string(), String::from),
        _ => format!("({n})"),
    }
}

/// A judgement a result may give instead of a number.
#[derive(Debug, Clone)]
pub struct Judgement {
    /// The words, e.g. 達成.
    pub label: String,
    /// What it says about the target, when the plan tells.
    pub outcome: Option<crate::achievement::Outcome>,
    /// What it means.
    pub meaning: Option<String>,
}

/// Where an indicator belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// The plan as a whole.
    Plan,
    /// A goal, by number.
    Goal(u32),
    /// An item, by number.
    Item(u32),
}

/// A rate computed from grade counts, e.g. 計画実施率.
#[derive(Debug, Clone)]
pub struct Rate {
    /// Name.
    pub name: String,
    /// Grades counted in the numerator.
    pub grades: Vec<String>,
    /// Meaning (Markdown).
    pub meaning: Option<String>,
}

/// One fiscal year's evaluation cycle.
#[derive(Debug, Clone)]
pub struct Cycle {
    /// Fiscal year evaluated.
    pub year: i32,
    /// Publication date `YYYY-MM-DD`, when known.
    pub published: Option<String>,
    /// A draft 公表前の案 (`status: draft`): only in previews, under a banner.
    pub draft: bool,
    /// Overview (Markdown).
    pub summary: Option<String>,
    /// Committee meetings.
    pub meetings: Vec<Meeting>,
    /// Item evaluations, by item number.
    pub items: Vec<ItemResult>,
    /// Indicator actuals, in file order.
    pub actuals: Vec<Actual>,
    /// Position of each indicator's actual in `actuals`.
    pub actual_index: std::collections::HashMap<String, usize>,
    /// Revisions decided.
    pub revisions: Vec<Revision>,
    /// Aggregate figures as published.
    pub figures: Vec<Figure>,
    /// The file it was read from.
    pub source_file: String,
}

impl Cycle {
    /// The evaluation of item `number`, if any (kept in item order).
    pub fn item(&self, number: u32) -> Option<&ItemResult> {
        self.items
            .binary_search_by_key(&number, |r| r.item)
            .ok()
            .map(|i| &self.items[i])
    }

    /// The actual of indicator `id` in this cycle, if any.
    pub fn actual(&self, id: &str) -> Option<&Actual> {
        self.actual_index.get(id).map(|&i| &self.actuals[i])
    }
}

/// An aggregate figure as the government published it.
#[derive(Debug, Clone)]
pub struct Figure {
    /// Name as published.
    pub name: String,
    /// Items counted, and out of how many.
    pub count: Option<(u32, Option<u32>)>,
    /// Published value with its unit.
    pub value: Option<(f64, String)>,
    /// Counter of `count`, e.g. 項目.
    pub counter: String,
    /// Note.
    pub note: Option<String>,
}

/// What a plan-level event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// A meeting 会議.
    Meeting,
    /// A proposal 提言.
    Proposal,
    /// News お知らせ.
    News,
}

/// A meeting, proposal or piece of news that belongs to the plan as a
/// whole, before, during or after its period.
#[derive(Debug, Clone)]
pub struct PlanEvent {
    /// Date, `YYYY-MM-DD` or `YYYY-MM`.
    pub date: String,
    /// Kind.
    pub kind: EventKind,
    /// Name.
    pub title: String,
    /// Summary (Markdown).
    pub summary: Option<String>,
    /// Link, checked to be safe.
    pub url: Option<String>,
}

/// A committee meeting.
#[derive(Debug, Clone)]
pub struct Meeting {
    /// Date.
    pub date: String,
    /// Name.
    pub title: Option<String>,
    /// Summary (Markdown).
    pub summary: Option<String>,
    /// Link to minutes.
    pub minutes: Option<String>,
}

/// Whether a roadmap row was carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    /// 実施.
    Done,
    /// 一部実施.
    Partial,
    /// 未実施.
    NotDone,
}

/// What was achieved on a roadmap row.
#[derive(Debug, Clone)]
pub struct Achievement {
    /// Project index from 0.
    pub project: usize,
    /// Row index from 0.
    pub row: usize,
    /// Status.
    pub status: RowStatus,
    /// Text (Markdown).
    pub text: Option<String>,
}

/// A committee opinion and the response.
#[derive(Debug, Clone)]
pub struct Opinion {
    /// Opinion.
    pub opinion: String,
    /// Response.
    pub response: Option<String>,
}

/// One item's evaluation.
#[derive(Debug, Clone)]
pub struct ItemResult {
    /// Item number.
    pub item: u32,
    /// Grade key.
    pub grade: String,
    /// Achievements per roadmap row.
    pub achievements: Vec<Achievement>,
    /// 自己評価.
    pub self_evaluation: Option<String>,
    /// 要因分析.
    pub analysis: Option<String>,
    /// 課題.
    pub issues: Option<String>,
    /// 次年度に向けた対応.
    pub next_response: Option<String>,
    /// Committee opinions.
    pub opinions: Vec<Opinion>,
}

/// An indicator's actual for a year.
#[derive(Debug, Clone)]
pub struct Actual {
    /// Indicator id.
    pub indicator: String,
    /// The value, or `None` when unavailable or given as a judgement.
    pub value: Option<f64>,
    /// A published running total (cumulative targets).
    pub total: Option<f64>,
    /// A judgement in words from the plan's list.
    pub judgement: Option<String>,
    /// Whether the source gives no fiscal year for the value.
    pub undated: bool,
    /// Why unavailable, or a note on the value.
    pub note: Option<String>,
}

/// What a revision changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevisionKind {
    /// The item itself.
    Item,
    /// Its roadmap.
    Roadmap,
    /// An indicator's definition or target.
    Indicator,
    /// A new indicator.
    IndicatorAdded,
    /// An indicator no longer measured.
    IndicatorRetired,
}

/// A revision decided in a cycle.
#[derive(Debug, Clone)]
pub struct Revision {
    /// Kind.
    pub kind: RevisionKind,
    /// Item concerned.
    pub item: Option<u32>,
    /// Indicator concerned.
    pub indicator: Option<String>,
    /// First year it applies to.
    pub from: i32,
    /// What changed.
    pub change: String,
    /// Why.
    pub reason: String,
}

/// A mark such as ★.
#[derive(Debug, Clone)]
pub struct Mark {
    /// URL-safe id.
    pub id: String,
    /// Symbol shown beside titles.
    pub symbol: String,
    /// Meaning.
    pub label: String,
}

/// A grade of the evaluation scale.
#[derive(Debug, Clone)]
pub struct Grade {
    /// Short key.
    pub key: String,
    /// Label.
    pub label: String,
    /// Meaning.
    pub meaning: Option<String>,
}

/// A goal 目標.
#[derive(Debug, Clone)]
pub struct Goal {
    /// Number.
    pub number: u32,
    /// Title.
    pub title: String,
    /// Summary (Markdown).
    pub summary: Option<String>,
    /// Policies in number order.
    pub policies: Vec<Policy>,
    /// Indicators of the goal.
    pub indicators: Vec<Indicator>,
}

/// A policy 方針.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Number, unique in the plan.
    pub number: u32,
    /// Title.
    pub title: String,
    /// Summary (Markdown).
    pub summary: Option<String>,
    /// Nodes of the third level in number order (plans of four levels).
    pub nodes: Vec<Node>,
}

/// A node of the third level, in a plan of four levels (e.g. 事業).
#[derive(Debug, Clone)]
pub struct Node {
    /// Number, unique in the plan.
    pub number: u32,
    /// Title.
    pub title: String,
    /// Summary (Markdown).
    pub summary: Option<String>,
}

/// How an item's place in the structure is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Stated by the source documents.
    Documented,
    /// Read from meaning where the source is ambiguous.
    Inferred,
    /// The source does not tell.
    Unknown,
}

/// An implementation item 実施項目.
#[derive(Debug, Clone)]
pub struct Item {
    /// Number, unique in the plan.
    pub number: u32,
    /// Title.
    pub title: String,
    /// Number of its policy (second level), in a plan of three or four levels.
    pub policy: Option<u32>,
    /// Number of its goal (first level), in a plan of two or more levels.
    pub goal: Option<u32>,
    /// Number of its third-level node, in a plan of four levels.
    pub node: Option<u32>,
    /// Ids of its marks.
    pub marks: Vec<String>,
    /// Ids of its responsible divisions.
    pub divisions: Vec<String>,
    /// How its place in the structure is known.
    pub placement: Placement,
    /// Summary (Markdown).
    pub summary: Option<String>,
    /// Editorial note (Markdown).
    pub note: Option<String>,
    /// Projects 事業.
    pub projects: Vec<Project>,
    /// Indicators 指標.
    pub indicators: Vec<Indicator>,
    /// The file it was read from, relative to the site root.
    pub source_file: String,
}

/// A project 事業.
#[derive(Debug, Clone)]
pub struct Project {
    /// Title.
    pub title: String,
    /// Ids of responsible divisions 取組所属.
    pub divisions: Vec<String>,
    /// Ids of related divisions 関係所属.
    pub related_divisions: Vec<String>,
    /// Situation and issues 現状・課題 (Markdown).
    pub situation: Option<String>,
    /// Actions 取組内容 (Markdown).
    pub actions: Option<String>,
    /// Related information 関連情報.
    pub links: Vec<Link>,
    /// Roadmap 工程表.
    pub roadmap: Vec<RoadmapRow>,
    /// What is evaluated 評価.
    pub evaluation: Vec<EvaluationRow>,
}

/// A related link; `url` is checked to be safe.
#[derive(Debug, Clone)]
pub struct Link {
    /// Text.
    pub title: String,
    /// Address, if any.
    pub url: Option<String>,
}

/// A roadmap row.
#[derive(Debug, Clone)]
pub struct RoadmapRow {
    /// What is planned.
    pub label: String,
    /// Years it spans; `None` when the source gives no years (年度の記載なし).
    pub years: Option<Period>,
    /// Detail line.
    pub detail: Option<String>,
}

/// A row of what is evaluated.
#[derive(Debug, Clone)]
pub struct EvaluationRow {
    /// What is evaluated.
    pub label: String,
    /// Detail line.
    pub detail: Option<String>,
}

/// Whether an indicator has targets or is for reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorKind {
    /// A numeric target 数値目標.
    Target,
    /// A reference indicator 参考指標.
    Reference,
}

/// Which way is better for an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Higher values are better.
    Higher,
    /// Lower values are better.
    Lower,
    /// Neither way is better.
    Neither,
}

pub use crate::achievement::{Measure, Outcome, SeriesKind, TargetPoint, TargetSeries};

/// A value in one fiscal year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearValue {
    /// Fiscal year.
    pub year: i32,
    /// Finite value.
    pub value: f64,
}

/// An indicator 指標.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// URL-safe id, unique in the plan.
    pub id: String,
    /// Name.
    pub name: String,
    /// Target or reference.
    pub kind: IndicatorKind,
    /// Quantity, rank or judgement.
    pub measure: Measure,
    /// Unit.
    pub unit: String,
    /// Which way is better.
    pub direction: Direction,
    /// Value when the plan was made, if the plan published one.
    pub baseline: Option<YearValue>,
    /// Target series, the main one first.
    pub series: Vec<TargetSeries>,
    /// Decimal places to show.
    pub precision: Option<u8>,
    /// Source of the numbers.
    pub source: Option<String>,
    /// Notes (Markdown).
    pub notes: Option<String>,
    /// The indicator of an earlier plan this one continues.
    pub continues: Option<Continues>,
}

/// The indicator of an earlier plan that an indicator continues.
#[derive(Debug, Clone)]
pub struct Continues {
    /// Id of the earlier plan.
    pub plan: String,
    /// Id of the indicator there.
    pub indicator: String,
    /// What changed between the plans (a change of definition …).
    pub note: Option<String>,
    /// Where it is written, to report a reference that does not resolve.
    pub place: crate::diagnostics::Place,
}

impl Indicator {
    /// The main target series, if any.
    pub fn main_series(&self) -> Option<&TargetSeries> {
        self.series.first()
    }

    /// The final target of the main series.
    pub fn final_target(&self) -> Option<TargetPoint> {
        self.main_series().and_then(|s| s.points.last().copied())
    }
}

/// A Markdown page.
#[derive(Debug, Clone)]
pub struct Page {
    /// URL-safe slug (its file name).
    pub slug: String,
    /// Title.
    pub title: String,
    /// Navigation order.
    pub order: i64,
    /// Date `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Body (Markdown).
    pub body: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether [`Site::division`] finds the same division as a search from the start.
    fn finds_as_a_search(site: &Site, id: &str) -> bool {
        let searched = site.divisions.iter().find(|d| d.id == id);
        match (site.division(id), searched) {
            (Some(found), Some(searched)) => std::ptr::eq(found, searched),
            (found, searched) => found.is_none() && searched.is_none(),
        }
    }

    #[test]
    fn division_by_id_matches_a_search() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut site = crate::pipeline::load_site(root).expect("the sample site loads");
        assert!(site.divisions.len() > 1);
        assert_eq!(site.division_index.len(), site.divisions.len());
        let ids: Vec<String> = site.divisions.iter().map(|d| d.id.clone()).collect();
        for id in ids
            .iter()
            .map(String::as_str)
            .chain(["", "no-such-division"])
        {
            assert!(finds_as_a_search(&site, id), "{id}");
        }
        // A stale or missing index still finds every division.
        site.divisions.reverse();
        assert!(ids.iter().all(|id| finds_as_a_search(&site, id)));
        site.division_index.clear();
        assert!(ids.iter().all(|id| finds_as_a_search(&site, id)));
        // With two divisions of one id, the first wins, as in a search.
        let mut twin = site.divisions[1].clone();
        twin.id.clone_from(&site.divisions[0].id);
        site.divisions.push(twin);
        site.index_divisions();
        assert!(ids.iter().all(|id| finds_as_a_search(&site, id)));
        let first = site.division(&site.divisions[0].id).unwrap();
        assert!(std::ptr::eq(first, &site.divisions[0]));
    }
}
