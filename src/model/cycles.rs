//! What an evaluation cycle says in numbers: grade counts, published rates,
//! and what changed since the previous cycle. Pure functions of the model.

use crate::achievement::{self, Status};
use crate::model::*;

/// How many items got each grade, in scale order.
#[derive(Debug, Clone, PartialEq)]
pub struct GradeCount {
    /// Grade key.
    pub key: String,
    /// Grade label.
    pub label: String,
    /// Number of items with the grade.
    pub count: usize,
}

/// A rate computed from grade counts.
#[derive(Debug, Clone, PartialEq)]
pub struct RateValue {
    /// Name, e.g. 計画実施率.
    pub name: String,
    /// Items counted in the numerator.
    pub numerator: usize,
    /// Items evaluated.
    pub denominator: usize,
    /// The formula in words, e.g. （A＋Bの項目数）÷ 評価した項目数.
    pub formula: String,
}

impl RateValue {
    /// The rate as a percentage with one decimal, or `None` when nothing was evaluated.
    pub fn percent(&self) -> Option<f64> {
        (self.denominator > 0)
            .then(|| (self.numerator as f64 * 1000.0 / self.denominator as f64).round() / 10.0)
    }
}

/// Counts of each grade of `plan`'s scale in `cycle`.
pub fn grade_counts(plan: &Plan, cycle: &Cycle) -> Vec<GradeCount> {
    plan.grades
        .iter()
        .map(|g| GradeCount {
            key: g.key.clone(),
            label: g.label.clone(),
            count: cycle.items.iter().filter(|r| r.grade == g.key).count(),
        })
        .collect()
}

/// Every rate the plan publishes, computed for `cycle`.
pub fn rates(plan: &Plan, cycle: &Cycle) -> Vec<RateValue> {
    plan.rates
        .iter()
        .map(|rate| RateValue {
            name: rate.name.clone(),
            numerator: cycle
                .items
                .iter()
                .filter(|r| rate.grades.contains(&r.grade))
                .count(),
            denominator: cycle.items.len(),
            formula: format!(
                "{} ＝（評価が{}の項目数）÷ 評価した項目数 × 100",
                rate.name,
                rate.grades.join("・")
            ),
        })
        .collect()
}

/// An item whose grade differs from the previous cycle.
#[derive(Debug, Clone, PartialEq)]
pub struct GradeChange {
    /// Item number.
    pub item: ItemNumber,
    /// Grade in the previous cycle (`None` when not evaluated then).
    pub before: Option<String>,
    /// Grade now.
    pub after: String,
}

/// An indicator whose actual moved between the two cycles.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorMove {
    /// Indicator id.
    pub indicator: IndicatorId,
    /// Value in the previous cycle.
    pub before: f64,
    /// Value now.
    pub after: f64,
    /// Whether the move is for the better, respecting direction.
    pub status: Status,
}

/// What changed from the previous cycle to `cycle`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    /// The previous cycle's year, if there was one.
    pub previous: Option<i32>,
    /// Items whose grade changed (or that were evaluated for the first time).
    pub grades: Vec<GradeChange>,
    /// Indicators whose value moved.
    pub moved: Vec<IndicatorMove>,
    /// Indicators with a first actual, or added by a revision, in this cycle.
    pub new_indicators: Vec<IndicatorId>,
    /// Indicators retired by a revision of this cycle.
    pub retired_indicators: Vec<IndicatorId>,
    /// Roadmap revisions of this cycle: (item, change).
    pub roadmap: Vec<(Option<ItemNumber>, String)>,
}

/// Compares `cycle` with the cycle before it in `plan`.
pub fn changes(plan: &Plan, cycle: &Cycle) -> Changes {
    let previous = plan.cycles.iter().rev().find(|c| c.year < cycle.year);
    let mut out = Changes {
        previous: previous.map(|p| p.year),
        ..Changes::default()
    };
    if let Some(prev) = previous {
        for r in &cycle.items {
            let before = prev.item(r.item).map(|p| p.grade.clone());
            if before.as_deref() != Some(r.grade.as_str()) {
                out.grades.push(GradeChange {
                    item: r.item,
                    before,
                    after: r.grade.clone(),
                });
            }
        }
    }
    for a in &cycle.actuals {
        let earlier = plan
            .cycles
            .iter()
            .filter(|c| c.year < cycle.year)
            .any(|c| c.actual(&a.indicator).is_some());
        if !earlier {
            out.new_indicators.push(a.indicator.clone());
        }
        let before = previous
            .and_then(|p| p.actual(&a.indicator))
            .and_then(|x| x.value);
        if let (Some(before), Some(after)) = (before, a.value)
            && before != after
        {
            let direction = plan
                .indicator(&a.indicator)
                .map(|(_, i)| i.direction)
                .unwrap_or(Direction::Neither);
            out.moved.push(IndicatorMove {
                indicator: a.indicator.clone(),
                before,
                after,
                status: achievement::status(direction, before, Some(after)),
            });
        }
    }
    for r in &cycle.revisions {
        match (r.kind, &r.indicator) {
            (RevisionKind::IndicatorAdded, Some(id)) if !out.new_indicators.contains(id) => {
                out.new_indicators.push(id.clone())
            }
            (RevisionKind::IndicatorRetired, Some(id)) => out.retired_indicators.push(id.clone()),
            (RevisionKind::Roadmap, _) => out.roadmap.push((r.item, r.change.clone())),
            _ => {}
        }
    }
    out
}
