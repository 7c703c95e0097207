//! Indicators 指標: kind, values by year, the plan's judgements, who owns an
//! indicator and the indicator of an earlier plan it continues.

use super::*;

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
    /// A goal.
    Goal(GoalRef),
    /// An item.
    Item(ItemRef),
}

/// Whether an indicator has targets or is for reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorKind {
    /// A numeric target 数値目標.
    Target,
    /// A reference indicator 参考指標.
    Reference,
}

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
    pub id: IndicatorId,
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
