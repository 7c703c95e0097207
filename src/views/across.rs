//! An indicator that continues an earlier plan's, drawn as one series
//! across both plans: the earlier plan's baseline and actuals, then this
//! plan's, with the break between the plans marked on the chart and named
//! in its sentence, and any change of definition noted beside it.

use serde::Serialize;

use crate::achievement;
use crate::charts::{self, ChartInput, SeriesKind};
use crate::model::{Indicator, Plan};
use crate::years::fiscal_year;

/// The chart of the whole series, with its table rows.
#[derive(Debug, Serialize)]
pub struct AcrossView {
    /// The `<svg>` element; empty when fewer than two values can be drawn.
    pub svg: String,
    /// What the chart shows, in sentences (the break and the values).
    pub summary: String,
    /// Every value of both plans in year order, each with its plan.
    pub rows: Vec<AcrossRow>,
}

/// One value of the whole series.
#[derive(Debug, Serialize)]
pub struct AcrossRow {
    /// Fiscal year label.
    pub year: String,
    /// 前の計画 or この計画.
    pub plan: &'static str,
    /// 策定時, 実績 or 目標.
    pub series: &'static str,
    /// Value with unit, or why there is none.
    pub value: String,
}

/// The series of `now` (of `plan`) continued from `before` (of `earlier`).
pub fn across(
    earlier: &Plan,
    before: &Indicator,
    plan: &Plan,
    now: &Indicator,
    era: bool,
) -> AcrossView {
    let old = super::indicator::Series::new(earlier, before, era);
    let new = super::indicator::Series::new(plan, now, era);
    let old_facts = super::indicator::facts(before, &old.observed, era);
    let new_facts = super::indicator::facts(now, &new.observed, era);
    let mut rows: Vec<(i32, u8, AcrossRow)> = Vec::new();
    let mut push = |year: i32, rank: u8, plan: &'static str, series, value: String| {
        rows.push((
            year,
            rank,
            AcrossRow {
                year: fiscal_year(year, era),
                plan,
                series,
                value,
            },
        ));
    };
    // Each plan's baseline, then its dated actuals.
    for (rank, name, indicator, series, facts) in [
        (0, "前の計画", before, &old, &old_facts),
        (2, "この計画", now, &new, &new_facts),
    ] {
        if let Some(b) = indicator.baseline {
            let value = achievement::with_unit(b.value, facts);
            push(b.year, rank, name, "策定時", value);
        }
        for o in series.observed.iter().filter(|o| !o.undated) {
            let value = achievement::observed_text(o, facts);
            push(o.year, rank + 1, name, "実績", value);
        }
    }
    // Values the source gives without their year: last, without one.
    let undated: Vec<AcrossRow> = old
        .observed
        .iter()
        .filter(|o| o.undated)
        .map(|o| ("前の計画", achievement::observed_text(o, &old_facts)))
        .chain(
            new.observed
                .iter()
                .filter(|o| o.undated)
                .map(|o| ("この計画", achievement::observed_text(o, &new_facts))),
        )
        .map(|(plan, value)| AcrossRow {
            year: "年度の記載なし".into(),
            plan,
            series: "実績",
            value,
        })
        .collect();
    for s in now.series.iter().take(1) {
        for t in &s.points {
            push(
                t.year,
                4,
                "この計画",
                "目標",
                achievement::target_text(s, *t, &new_facts),
            );
        }
    }
    rows.sort_by_key(|r| (r.0, r.1));
    // The drawn line: every actual of both plans, this plan's where both
    // give a year; the earlier plan's baseline as the start.
    let mut actuals: Vec<(i32, Option<f64>)> = new.actuals.clone();
    for &(y, v) in &old.actuals {
        if !actuals.iter().any(|a| a.0 == y) {
            actuals.push((y, v));
        }
    }
    // This plan's baseline is a measured value of the same series: drawn on
    // the line when no actual gives that year (the earlier plan's baseline
    // starts the line).
    let mut joined = String::new();
    let mut later_baselines = Vec::new();
    if let Some(b) = now.baseline
        && before.baseline.is_some()
        && !actuals.iter().any(|a| a.0 == b.year)
    {
        actuals.push((b.year, Some(b.value)));
        later_baselines.push(b.year);
        joined = format!(
            "この計画の策定時の値（{} {}）も、実績の線に含めています。",
            fiscal_year(b.year, era),
            achievement::with_unit(b.value, &new_facts)
        );
    }
    actuals.sort_by_key(|a| a.0);
    let start = plan.period.from;
    let drawn =
        actuals.iter().filter(|a| a.1.is_some()).count() + usize::from(before.baseline.is_some());
    let summary = format!(
        "前の計画（{}〜{}）から通した推移です。{}から新しい計画で、グラフの縦の破線が計画の切り替わりです。",
        fiscal_year(earlier.period.from, era),
        fiscal_year(earlier.period.to, era),
        fiscal_year(start, era),
    ) + &joined;
    let id = format!("{}-across", now.id);
    let name = format!("{}（前の計画から通した推移）", now.name);
    let input = ChartInput {
        id: &id,
        name: &name,
        unit: &now.unit,
        direction: now.direction,
        precision: now.precision,
        period: (earlier.period.from.min(start), plan.period.to),
        baseline: before.baseline.or(now.baseline).map(|b| (b.year, b.value)),
        actuals: &actuals,
        totals: &[],
        targets: &new.targets,
        // Running totals do not run across plans: the values are drawn as
        // published, year by year.
        kind: match now.main_series().map_or(SeriesKind::Yearly, |s| s.kind) {
            SeriesKind::Cumulative => SeriesKind::Yearly,
            k => k,
        },
        revisions: &[],
        breaks: &[start],
        later_baselines: &later_baselines,
        summary: Some(&summary),
        era,
    };
    AcrossView {
        svg: if drawn >= 2 {
            charts::chart(&input).svg
        } else {
            String::new()
        },
        summary,
        rows: rows.into_iter().map(|r| r.2).chain(undated).collect(),
    }
}
