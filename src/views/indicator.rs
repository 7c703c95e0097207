//! Indicator views: a chart with its text alternative and data table, the
//! status against the baseline and the progress toward the target.

use serde::Serialize;

use crate::achievement::{self, Assessment, Facts, Observed, SeriesKind, Status};
use crate::charts::{self, ChartInput};
use crate::model::*;
use crate::urls::paths;

/// An indicator's facts gathered from the plan's cycles.
pub struct Series<'p> {
    /// Observations by year, in year order.
    pub observed: Vec<Observed<'p>>,
    /// Actual values by year for the chart; `None` is unavailable.
    pub actuals: Vec<(i32, Option<f64>)>,
    /// Targets of the main series by year, for the chart.
    pub targets: Vec<(i32, f64)>,
    /// Years of revisions.
    pub revisions: Vec<i32>,
    /// The indicator assessed.
    pub assessment: Assessment,
}

impl<'p> Series<'p> {
    /// The series of `indicator` in `plan`, assessed.
    pub fn new(plan: &'p Plan, indicator: &'p Indicator, era: bool) -> Self {
        let observed: Vec<Observed<'p>> =
            plan.actuals(&indicator.id)
                .into_iter()
                .map(|(year, a)| Observed {
                    year,
                    value: a.value,
                    total: a.total,
                    judgement: a
                        .judgement
                        .as_deref()
                        .map(|j| (j, plan.judgement(j).and_then(|j| j.outcome))),
                    reason: a.note.as_deref().filter(|_| {
                        a.value.is_none() && a.total.is_none() && a.judgement.is_none()
                    }),
                    undated: a.undated,
                })
                .collect();
        let assessment = achievement::assess(&facts(indicator, &observed, era));
        Series {
            // A year with only a running total has no value of its own (its
            // total is drawn); a judgement is a gap whose table row is
            // written from the observation.
            // An undated value is not placed on the year axis.
            actuals: observed
                .iter()
                .filter(|o| !o.undated && (o.value.is_some() || o.total.is_none()))
                .map(|o| (o.year, o.value))
                .collect(),
            targets: indicator
                .main_series()
                .map(|s| s.points.iter().map(|t| (t.year, t.value)).collect())
                .unwrap_or_default(),
            revisions: plan.revision_years(&indicator.id),
            observed,
            assessment,
        }
    }

    /// What the chart module needs.
    pub fn input<'a>(&'a self, plan: &Plan, indicator: &'a Indicator) -> ChartInput<'a> {
        ChartInput {
            id: &indicator.id,
            name: &indicator.name,
            unit: &indicator.unit,
            direction: indicator.direction,
            precision: indicator.precision,
            period: (plan.period.from, plan.period.to),
            baseline: indicator.baseline.map(|b| (b.year, b.value)),
            actuals: &self.actuals,
            totals: &self.assessment.totals,
            targets: &self.targets,
            kind: indicator
                .main_series()
                .map_or(SeriesKind::Yearly, |s| s.kind),
            revisions: &self.revisions,
            breaks: &[],
            later_baselines: &[],
            summary: Some(&self.assessment.summary),
            era: false,
        }
    }
}

/// The facts of `indicator` for the achievement module.
pub fn facts<'a>(indicator: &'a Indicator, observed: &'a [Observed<'a>], era: bool) -> Facts<'a> {
    Facts {
        unit: &indicator.unit,
        precision: indicator.precision,
        direction: indicator.direction,
        measure: indicator.measure,
        baseline: indicator.baseline.map(|b| (b.year, b.value)),
        series: &indicator.series,
        observed,
        era,
    }
}

/// The latest actual with its year, e.g. 246件（2025年度）, or 実績なし.
pub fn latest_text(a: &Assessment, era: bool) -> String {
    match &a.latest {
        Some((_, v)) if a.latest_undated => format!("{v}（年度の記載なし）"),
        Some((y, v)) => format!("{v}（{}）", crate::years::fiscal_year(*y, era)),
        None => "実績なし".into(),
    }
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
    pub svg: super::Html,
    /// One-sentence description written from the data.
    pub summary: String,
    /// The same numbers as a table.
    pub rows: Vec<DataRow>,
    /// Status against the baseline: 改善, 悪化, 横ばい, 変化, データなし.
    pub status: &'static str,
    /// CSS class of the status.
    pub status_class: &'static str,
    /// Progress toward the final target, e.g. 40%, 達成, or empty.
    pub progress: String,
    /// Progress in the latest year against that year's own target, or empty.
    pub year_progress: String,
}

/// The CSS class of a status.
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Improved => "improved",
        Status::Worsened => "worsened",
        Status::Unchanged | Status::Changed => "unchanged",
        Status::NoData | Status::NotApplicable | Status::Judged => "no-data",
    }
}

/// The chart view of `indicator` in `plan`.
pub fn chart(plan: &Plan, indicator: &Indicator, era: bool) -> ChartView {
    let series = Series::new(plan, indicator, era);
    let input = series.input(plan, indicator);
    let drawn = charts::chart(&input);
    let st = series.assessment.status;
    ChartView {
        svg: super::Html::chart(drawn.svg),
        summary: drawn.summary,
        rows: charts::data_table_rows(&input)
            .into_iter()
            .map(|r| DataRow {
                value: r.value.unwrap_or_else(|| {
                    let facts = facts(indicator, &series.observed, era);
                    series
                        .observed
                        .iter()
                        .find(|o| o.year == r.year)
                        .map_or_else(
                            || "未公表".into(),
                            |o| achievement::observed_text(o, &facts),
                        )
                }),
                year: r.label,
                series: r.series,
            })
            .map(|mut row| {
                // A range target is written with both ends.
                if let Some(s) = indicator
                    .main_series()
                    .filter(|s| s.kind == SeriesKind::Range)
                    && row.series == "目標"
                    && let Some(p) = s
                        .points
                        .iter()
                        .find(|p| crate::years::fiscal_year(p.year, false) == row.year)
                {
                    row.value =
                        achievement::target_text(s, *p, &facts(indicator, &series.observed, era));
                }
                row
            })
            // A value the source gives without its year: last, without one.
            .chain(
                series
                    .observed
                    .iter()
                    .filter(|o| o.undated)
                    .map(|o| DataRow {
                        year: "年度の記載なし".into(),
                        series: "実績",
                        value: achievement::observed_text(
                            o,
                            &facts(indicator, &series.observed, era),
                        ),
                    }),
            )
            .collect(),
        status: achievement::status_label(st),
        status_class: status_class(st),
        progress: series.assessment.progress_text(),
        year_progress: series.assessment.year_progress_text(),
    }
}

/// A row of the indicators dashboard.
#[derive(Debug, Serialize)]
pub struct DashboardRow<'a> {
    /// Indicator name.
    pub name: &'a str,
    /// Where the indicator is shown in full.
    pub url: String,
    /// What it belongs to.
    pub owner: String,
    /// Small chart.
    pub sparkline: super::Html,
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
pub struct DashboardGroup<'a> {
    /// Heading.
    pub title: String,
    /// Rows.
    pub rows: Vec<DashboardRow<'a>>,
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
    /// An actual, but no baseline to compare it with.
    pub not_applicable: usize,
    /// The latest actual is a judgement in words.
    pub judged: usize,
}

/// Counts of each status over every indicator of `plan`.
pub fn status_counts(plan: &Plan) -> StatusCounts {
    let mut c = StatusCounts::default();
    for (_, ind) in plan.all_indicators() {
        c.total += 1;
        match Series::new(plan, ind, false).assessment.status {
            Status::Improved => c.improved += 1,
            Status::Worsened => c.worsened += 1,
            Status::Unchanged | Status::Changed => c.unchanged += 1,
            Status::NoData => c.no_data += 1,
            Status::NotApplicable => c.not_applicable += 1,
            Status::Judged => c.judged += 1,
        }
    }
    c
}

/// The dashboard of `plan`: plan indicators first, then each goal's own and its items'.
pub fn dashboard(plan: &Plan, era: bool) -> Vec<DashboardGroup<'_>> {
    let row = |owner: Owner, ind| {
        let series = Series::new(plan, ind, era);
        let fmt = |v: f64| format!("{}{}", crate::years::number(v, ind.precision), ind.unit);
        let fy = |y: i32| crate::years::fiscal_year(y, era);
        let (url, owner_name) = owner_place(plan, owner);
        let st = series.assessment.status;
        let target = match (ind.main_series(), ind.final_target()) {
            (Some(s), Some(t)) => {
                let facts = facts(ind, &series.observed, era);
                format!(
                    "{}（{}）",
                    achievement::target_text(s, t, &facts),
                    fy(t.year)
                )
            }
            _ => "設定なし".into(),
        };
        DashboardRow {
            name: &ind.name,
            url: paths::indicator(&url, &ind.id),
            owner: owner_name,
            sparkline: super::Html::chart(charts::sparkline(&series.input(plan, ind))),
            baseline: ind
                .baseline
                .map(|b| format!("{}（{}）", fmt(b.value), fy(b.year)))
                .unwrap_or_else(|| "公表なし".into()),
            latest: latest_text(&series.assessment, era),
            target,
            status: achievement::status_label(st),
            status_class: status_class(st),
            progress: series.assessment.progress_text(),
        }
    };
    grouped(plan, row)
        .into_iter()
        .map(|(title, rows)| DashboardGroup { title, rows })
        .collect()
}

/// The indicators of `plan` as the dashboard groups them, each group with
/// its heading: the plan's own (計画全体), then each goal's own and its
/// items', then the items' under no goal; empty groups are left out.
pub fn grouped<'a, T>(
    plan: &'a Plan,
    mut view: impl FnMut(Owner, &'a Indicator) -> T,
) -> Vec<(String, Vec<T>)> {
    let mut groups = Vec::new();
    if !plan.indicators.is_empty() {
        let rows = plan.indicators.iter().map(|i| view(Owner::Plan, i));
        groups.push(("計画全体".to_string(), rows.collect()));
    }
    for (gr, g) in plan.goal_refs() {
        let mut rows: Vec<T> = g
            .indicators
            .iter()
            .map(|i| view(Owner::Goal(gr), i))
            .collect();
        for (ir, item) in plan.item_refs().filter(|(_, i)| i.goal() == Some(g.number)) {
            rows.extend(item.indicators.iter().map(|i| view(Owner::Item(ir), i)));
        }
        if !rows.is_empty() {
            groups.push((format!("{} {}", plan.goal_label(g.number), g.title), rows));
        }
    }
    // Items outside any goal: every item of a one-level plan.
    let rows: Vec<T> = plan
        .item_refs()
        .filter(|(_, i)| i.goal().is_none())
        .flat_map(|(ir, item)| item.indicators.iter().map(move |i| (Owner::Item(ir), i)))
        .map(|(o, i)| view(o, i))
        .collect();
    if !rows.is_empty() {
        groups.push((format!("{}の指標", plan.item_level().name), rows));
    }
    groups
}

/// Where the dashboard links an indicator of `owner` to (the owner's page)
/// and how it names the owner, e.g. 実施項目25.
pub fn owner_place(plan: &Plan, owner: Owner) -> (String, String) {
    match owner {
        Owner::Plan => (paths::plan(&plan.id), "計画全体".to_string()),
        Owner::Goal(r) => (
            paths::goal(&plan.id, r.number().get()),
            plan.goal_label(r.number()),
        ),
        Owner::Item(r) => (
            paths::item(&plan.id, r.number().get()),
            plan.item_label(r.number()),
        ),
    }
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
