//! A fiscal year's evaluation cycle 評価結果: rates, figures, meetings, each
//! item's result, indicator actuals and revisions.

use super::{Index, IndicatorId, ItemNumber};

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
    pub actual_index: Index<IndicatorId, usize>,
    /// Revisions decided.
    pub revisions: Vec<Revision>,
    /// Aggregate figures as published.
    pub figures: Vec<Figure>,
    /// The file it was read from.
    pub source_file: String,
}

impl Cycle {
    /// The evaluation of item `number`, if any (kept in item order).
    pub fn item(&self, number: ItemNumber) -> Option<&ItemResult> {
        self.items
            .binary_search_by_key(&number, |r| r.item)
            .ok()
            .map(|i| &self.items[i])
    }

    /// The evaluation of the item with a number read from outside the model.
    pub fn item_by_number(&self, number: u32) -> Option<&ItemResult> {
        self.item(ItemNumber(number))
    }

    /// Fills [`Cycle::actual_index`] from [`Cycle::actuals`].
    pub fn index_actuals(&mut self) {
        let mut index = Index::default();
        for (i, a) in self.actuals.iter().enumerate() {
            index.insert_first(a.indicator.clone(), i);
        }
        self.actual_index = index;
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
    pub item: ItemNumber,
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
    pub indicator: IndicatorId,
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
    pub item: Option<ItemNumber>,
    /// Indicator concerned.
    pub indicator: Option<IndicatorId>,
    /// First year it applies to.
    pub from: i32,
    /// What changed.
    pub change: String,
    /// Why.
    pub reason: String,
}
