//! A plan 計画 and its structure: period, status, levels and their numbering,
//! goals 目標, policies 方針, marks and the grade scale.

use super::*;

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
    pub id: PlanId,
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
    /// Whether its prose is the site's own summary of the source (要約).
    pub summarised: bool,
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
    pub indicator_index: Index<IndicatorId, (Owner, usize)>,
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
    pub fn goal_label(&self, number: GoalNumber) -> String {
        self.level(0).label(number.get())
    }

    /// How a policy (second-level node) is labelled, e.g. 方針5.
    pub fn policy_label(&self, number: PolicyNumber) -> String {
        self.level(1).label(number.get())
    }

    /// How an item is labelled, e.g. 実施項目9.
    pub fn item_label(&self, number: ItemNumber) -> String {
        self.item_level().label(number.get())
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
    pub fn node_label(&self, number: NodeNumber) -> String {
        self.level(2).label(number.get())
    }

    /// Items under the third-level node with this number.
    pub fn items_of_node(&self, number: NodeNumber) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.node() == Some(number))
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

    /// Items under the policy with this number.
    pub fn items_of_policy(&self, number: PolicyNumber) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(move |i| i.policy() == Some(number))
    }

    /// Items that sit directly under the goal with this number (two-level plans).
    pub fn items_of_goal(&self, number: GoalNumber) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(move |i| matches!(i.parent, Parent::Goal(g) if g.number() == number))
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
            .goal_refs()
            .flat_map(|(r, g)| g.indicators.iter().map(move |i| (Owner::Goal(r), i)));
        let items = self
            .item_refs()
            .flat_map(|(r, it)| it.indicators.iter().map(move |i| (Owner::Item(r), i)));
        plan.chain(goals).chain(items)
    }

    /// The item with this number (items are kept in number order).
    pub fn item(&self, number: ItemNumber) -> Option<&Item> {
        self.items
            .binary_search_by_key(&number, |i| i.number)
            .ok()
            .map(|i| &self.items[i])
    }

    /// The item with a number read from outside the model (a file, a
    /// spreadsheet cell), if the plan has one.
    pub fn item_by_number(&self, number: u32) -> Option<&Item> {
        self.item(ItemNumber(number))
    }

    /// Fills [`Plan::indicator_index`] from the plan's, goals' and items' indicators.
    pub fn index_indicators(&mut self) {
        let mut index = Index::default();
        let owners = std::iter::once(Owner::Plan)
            .chain(self.goal_refs().map(|(r, _)| Owner::Goal(r)))
            .chain(self.item_refs().map(|(r, _)| Owner::Item(r)));
        for owner in owners {
            for (i, ind) in self.indicators_of(owner).iter().enumerate() {
                index.insert_first(ind.id.clone(), (owner, i));
            }
        }
        self.indicator_index = index;
    }

    /// The indicators of an owner: the plan's, a goal's or an item's.
    pub fn indicators_of(&self, owner: Owner) -> &[Indicator] {
        match owner {
            Owner::Plan => &self.indicators,
            Owner::Goal(r) => &self.goal_at(r).indicators,
            Owner::Item(r) => &self.item_at(r).indicators,
        }
    }

    /// The indicator with this id and where it belongs.
    pub fn indicator(&self, id: &str) -> Option<(Owner, &Indicator)> {
        let &(owner, i) = self.indicator_index.get(id)?;
        self.indicators_of(owner).get(i).map(|ind| (owner, ind))
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
    pub number: GoalNumber,
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
    pub number: PolicyNumber,
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
    pub number: NodeNumber,
    /// Title.
    pub title: String,
    /// Summary (Markdown).
    pub summary: Option<String>,
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
