//! Indicator views: a chart with its text alternative and data table, the
//! status against the baseline and the progress toward the target.

use serde::Serialize;

use super::paths;
use crate::achievement::{self, Status};
use crate::charts::{self, ChartInput};
use crate::cycles::to_direction;
use crate::model::*;

/// An indicator's series gathered from the plan's cycles.
pub struct Series {
    /// Actuals by year; `None` is unavailable.
    pub actuals: Vec<(i32, Option<f64>)>,
    /// Targets by year.
    pub targets: Vec<(i32, f64)>,
    /// Years of revisions.
    pub revisions: Vec<i32>,
}

impl Series {
    /// The series of `indicator` in `plan`.
    pub fn new(plan: &Plan, indicator: &Indicator) -> Self {
        Series {
            actuals: plan
                .actuals(&indicator.id)
                .into_iter()
                .map(|(y, a)| (y, a.value))
                .collect(),
            targets: indicator
                .targets
                .iter()
                .map(|t| (t.year, t.value))
                .collect(),
            revisions: plan.revision_years(&indicator.id),
        }
    }

    /// What the chart module needs.
    pub fn input<'a>(&'a self, plan: &Plan, indicator: &'a Indicator) -> ChartInput<'a> {
        ChartInput {
            id: &indicator.id,
            name: &indicator.name,
            unit: &indicator.unit,
            direction: to_direction(indicator.direction),
            precision: indicator.precision,
            period: (plan.period.from, plan.period.to),
            baseline: (indicator.baseline.year, indicator.baseline.value),
            actuals: &self.actuals,
            targets: &self.targets,
            revisions: &self.revisions,
            cumulative: indicator.target_kind == TargetKind::Cumulative,
        }
    }

    /// The latest available actual.
    pub fn latest(&self) -> Option<(i32, f64)> {
        self.actuals
            .iter()
            .rev()
            .find_map(|(y, v)| v.map(|v| (*y, v)))
    }
}

/// The status of `indicator` against its baseline.
pub fn status(indicator: &Indicator, series: &Series) -> Status {
    achievement::status(
        to_direction(indicator.direction),
        indicator.baseline.value,
        series.latest().map(|(_, v)| v),
    )
}

/// Progress toward the last target, as a whole percentage, when there is
/// a target and an actual to measure.
pub fn progress(indicator: &Indicator, series: &Series) -> Option<String> {
    let target = indicator.targets.last()?;
    let kind = match indicator.target_kind {
        TargetKind::Reach => achievement::TargetKind::Reach,
        TargetKind::Ceiling => achievement::TargetKind::Ceiling,
        TargetKind::Cumulative => achievement::TargetKind::Cumulative,
    };
    let actual = if kind == achievement::TargetKind::Cumulative {
        let sum: f64 = series
            .actuals
            .iter()
            .filter(|(y, _)| *y <= target.year)
            .filter_map(|(_, v)| *v)
            .sum();
        series.latest()?;
        sum
    } else {
        series.latest()?.1
    };
    achievement::progress(
        kind,
        to_direction(indicator.direction),
        indicator.baseline.value,
        target.value,
        actual,
    )
    .map(achievement::percent)
}

/// A row of the table beside a chart.
#[derive(Debug, Serialize)]
pub struct DataRow {
    /// e.g. 2025年度.
    pub year: String,
    /// 策定時, 実績 or 目標.
    pub series: &'static str,
    /// Value with unit, or 未公表.
    pub value: String,
}

/// A chart with its summary sentence and its data table.
#[derive(Debug, Serialize)]
pub struct ChartView {
    /// The inline `<svg role="img">`.
    pub svg: String,
    /// One-sentence description written from the data.
    pub summary: String,
    /// The same numbers as a table.
    pub rows: Vec<DataRow>,
    /// Status against the baseline: 改善, 悪化, 横ばい, 変化, データなし.
    pub status: &'static str,
    /// CSS class of the status.
    pub status_class: &'static str,
    /// Progress toward the target, e.g. 40%, or empty.
    pub progress: String,
}

/// The CSS class of a status.
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Improved => "improved",
        Status::Worsened => "worsened",
        Status::Unchanged | Status::Changed => "unchanged",
        Status::NoData => "no-data",
    }
}

/// The chart view of `indicator` in `plan`.
pub fn chart(plan: &Plan, indicator: &Indicator) -> ChartView {
    let series = Series::new(plan, indicator);
    let input = series.input(plan, indicator);
    let drawn = charts::chart(&input);
    let st = status(indicator, &series);
    ChartView {
        svg: drawn.svg,
        summary: drawn.summary,
        rows: charts::data_table_rows(&input)
            .into_iter()
            .map(|r| DataRow {
                year: r.label,
                series: r.series,
                value: r.value.unwrap_or_else(|| "未公表".to_string()),
            })
            .collect(),
        status: achievement::status_label(st),
        status_class: status_class(st),
        progress: progress(indicator, &series).unwrap_or_default(),
    }
}

/// A row of the indicators dashboard.
#[derive(Debug, Serialize)]
pub struct DashboardRow {
    /// Indicator name.
    pub name: String,
    /// Where the indicator is shown in full.
    pub url: String,
    /// What it belongs to.
    pub owner: String,
    /// Small chart.
    pub sparkline: String,
    /// Baseline with year.
    pub baseline: String,
    /// Latest actual with year, or 実績なし.
    pub latest: String,
    /// Last target with year, or 設定なし.
    pub target: String,
    /// Status word.
    pub status: &'static str,
    /// Status CSS class.
    pub status_class: &'static str,
    /// Progress toward the target, or empty.
    pub progress: String,
}

/// A group of the dashboard: the plan as a whole, or one goal.
#[derive(Debug, Serialize)]
pub struct DashboardGroup {
    /// Heading.
    pub title: String,
    /// Rows.
    pub rows: Vec<DashboardRow>,
}

/// How many indicators stand where against their baseline.
#[derive(Debug, Default, Serialize)]
pub struct StatusCounts {
    /// Indicators in all.
    pub total: usize,
    /// Improved.
    pub improved: usize,
    /// Worsened.
    pub worsened: usize,
    /// Unchanged or changed without a better direction.
    pub unchanged: usize,
    /// No actual yet.
    pub no_data: usize,
}

/// Counts of each status over every indicator of `plan`.
pub fn status_counts(plan: &Plan) -> StatusCounts {
    let mut c = StatusCounts::default();
    for (_, ind) in plan.all_indicators() {
        c.total += 1;
        match status(ind, &Series::new(plan, ind)) {
            Status::Improved => c.improved += 1,
            Status::Worsened => c.worsened += 1,
            Status::Unchanged | Status::Changed => c.unchanged += 1,
            Status::NoData => c.no_data += 1,
        }
    }
    c
}

/// The dashboard of `plan`: plan indicators first, then each goal's own and its items'.
pub fn dashboard(plan: &Plan, era: bool) -> Vec<DashboardGroup> {
    let row = |owner: Owner, ind: &Indicator| {
        let series = Series::new(plan, ind);
        let fmt = |v: f64| format!("{}{}", crate::years::number(v, ind.precision), ind.unit);
        let fy = |y: i32| crate::years::fiscal_year(y, era);
        let (url, owner_name) = match owner {
            Owner::Plan => (paths::plan(&plan.id), "計画全体".to_string()),
            Owner::Goal(n) => (paths::goal(&plan.id, n), format!("目標{n}")),
            Owner::Item(n) => (paths::item(&plan.id, n), format!("実施項目{n}")),
        };
        let st = status(ind, &series);
        DashboardRow {
            name: ind.name.clone(),
            url: format!("{url}#indicator-{}", ind.id),
            owner: owner_name,
            sparkline: charts::sparkline(&series.input(plan, ind)),
            baseline: format!("{}（{}）", fmt(ind.baseline.value), fy(ind.baseline.year)),
            latest: series
                .latest()
                .map(|(y, v)| format!("{}（{}）", fmt(v), fy(y)))
                .unwrap_or_else(|| "実績なし".into()),
            target: ind
                .targets
                .last()
                .map(|t| format!("{}（{}）", fmt(t.value), fy(t.year)))
                .unwrap_or_else(|| "設定なし".into()),
            status: achievement::status_label(st),
            status_class: status_class(st),
            progress: progress(ind, &series).unwrap_or_default(),
        }
    };
    let mut groups = Vec::new();
    if !plan.indicators.is_empty() {
        groups.push(DashboardGroup {
            title: "計画全体".into(),
            rows: plan
                .indicators
                .iter()
                .map(|i| row(Owner::Plan, i))
                .collect(),
        });
    }
    for g in &plan.goals {
        let mut rows: Vec<DashboardRow> = g
            .indicators
            .iter()
            .map(|i| row(Owner::Goal(g.number), i))
            .collect();
        for item in plan.items.iter().filter(|i| i.goal == g.number) {
            rows.extend(
                item.indicators
                    .iter()
                    .map(|i| row(Owner::Item(item.number), i)),
            );
        }
        if !rows.is_empty() {
            groups.push(DashboardGroup {
                title: format!("目標{} {}", g.number, g.title),
                rows,
            });
        }
    }
    groups
}

/// A formula with what it applies to.
#[derive(Debug, Serialize)]
pub struct FormulaView {
    /// Which indicators it applies to.
    pub label: &'static str,
    /// The formula in words.
    pub formula: &'static str,
}

/// Every formula the dashboard uses, for readers to check.
pub fn formulas() -> Vec<FormulaView> {
    use achievement::{Direction as D, TargetKind as K};
    [
        ("目標値に到達する指標", K::Reach, D::Higher),
        (
            "上限（以下にとどめる）を目標とする指標",
            K::Ceiling,
            D::Lower,
        ),
        ("下限（以上を保つ）を目標とする指標", K::Ceiling, D::Higher),
        ("累計の目標をもつ指標", K::Cumulative, D::Higher),
    ]
    .into_iter()
    .map(|(label, kind, dir)| FormulaView {
        label,
        formula: achievement::formula(kind, dir),
    })
    .collect()
}
