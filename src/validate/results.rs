//! Validation of results files: one fiscal year's evaluation of a plan.
//!
//! Rules: the year lies in the plan period and has one file; items,
//! roadmap rows, indicators and grades referred to exist; each item and
//! indicator appears once per file; an actual has a finite value or says why
//! it is unavailable; no actuals for an indicator from the year a revision
//! retired it.

use std::collections::HashMap;

use serde_saphyr::Spanned;

use super::{Checker, grade_hint};
use crate::diagnostics::Diagnostics;
use crate::load::Sourced;
use crate::load::raw::*;
use crate::model::*;
use crate::years::Date;

/// Checks every results file of `plan`; returns the cycles in year order.
pub(super) fn cycles(
    plan: &Plan,
    raw: &[std::sync::Arc<Sourced<RawResults>>],
    diags: &mut Diagnostics,
) -> Vec<Cycle> {
    let retired = retirements(plan, raw);
    let mut years: HashMap<i32, &str> = HashMap::new();
    let mut out = Vec::new();
    for src in raw {
        let (file, r) = (src.file.as_str(), &src.value);
        let ck = &mut Checker::new(file, diags);
        let year = ck.year_in_period(&r.year, "results year", plan.period);
        if let Some(first) = years.get(&year) {
            ck.error(
                &r.year,
                "duplicate-results",
                format!("results for {year} are already given in {first}"),
                "keep one results file per fiscal year",
            );
            continue;
        }
        years.insert(year, file);
        let f = ResultsFile {
            plan,
            raw: r,
            year,
            retired: &retired,
        };
        out.push(cycle(&f, ck));
    }
    out.sort_by_key(|c| c.year);
    out
}

/// Indicator id → first year it is retired from, over every results file.
fn retirements(plan: &Plan, raw: &[std::sync::Arc<Sourced<RawResults>>]) -> HashMap<String, i32> {
    let mut retired: HashMap<String, i32> = HashMap::new();
    for src in raw {
        for rev in &src.value.revisions {
            if rev.kind.value == "indicator-retired"
                && let Some(id) = &rev.indicator
                && plan.period.contains(rev.from.value as i32)
            {
                let from = rev.from.value as i32;
                let e = retired.entry(id.value.clone()).or_insert(from);
                *e = (*e).min(from);
            }
        }
    }
    retired
}

fn date(d: &Spanned<String>, what: &str, ck: &mut Checker<'_>) -> String {
    ck.date_ok(
        ck.place(d),
        &d.value,
        false,
        what,
        "write YYYY-MM-DD, e.g. 2026-08-29",
    );
    d.value.clone()
}

/// A meeting date, which must fall in the fiscal year evaluated or the next
/// one (from April of the year to March two years on).
fn meeting_date(d: &Spanned<String>, year: i32, ck: &mut Checker<'_>) -> String {
    let s = date(d, "meeting date", ck);
    if Date::parse(&s, false).is_ok() {
        let (from, to) = (format!("{year}-04-01"), format!("{}-03-31", year + 2));
        if s < from || s > to {
            ck.error(d,
                "meeting-outside-year",
                format!("meeting date {s} is outside the evaluation of fiscal {year} ({from} to {to})"),
                "check the year; a meeting that evaluates this fiscal year is held during it or the next one. A meeting before or after the plan's cycles belongs to the plan: list it under `events:` in plan.yaml",
            );
        }
    }
    s
}

/// Aggregate figures as published: counts at most their totals, values finite.
fn figures(r: &RawResults, ck: &mut Checker<'_>) -> Vec<Figure> {
    r.figures
        .iter()
        .map(|f| {
            if let (Some(c), Some(of)) = (&f.count, &f.of)
                && c.value > of.value
            {
                ck.error(
                    c,
                    "bad-value",
                    format!("{} counts {} of {} items", f.name, c.value, of.value),
                    "`count` cannot exceed `of`; check the published figures",
                );
            }
            Figure {
                name: f.name.clone(),
                count: f
                    .count
                    .as_ref()
                    .map(|c| (c.value, f.of.as_ref().map(|o| o.value))),
                value: f.value.as_ref().map(|v| {
                    (
                        ck.finite(v, "figure value"),
                        f.unit.clone().unwrap_or_default(),
                    )
                }),
                counter: f.counter.clone().unwrap_or_else(|| "件".into()),
                note: f.note.clone(),
            }
        })
        .collect()
}

/// One results file under check, with what its checks need of the plan.
struct ResultsFile<'r> {
    plan: &'r Plan,
    raw: &'r RawResults,
    year: i32,
    /// Indicator id → first year it is retired from (see [`retirements`]).
    retired: &'r HashMap<String, i32>,
}

fn cycle(f: &ResultsFile, ck: &mut Checker<'_>) -> Cycle {
    let (plan, r, year) = (f.plan, f.raw, f.year);
    let meetings = r
        .committee
        .iter()
        .map(|m| Meeting {
            date: meeting_date(&m.date, year, ck),
            title: m.title.clone(),
            summary: m.summary.clone(),
            minutes: m.minutes.as_ref().map(|u| ck.link_url(u)),
        })
        .collect();
    let mut seen_items: HashMap<u32, u64> = HashMap::new();
    let mut items = Vec::new();
    for ir in &r.items {
        if let Some(line) = seen_items.insert(ir.item.value, ir.item.referenced.line()) {
            ck.error(
                &ir.item,
                "duplicate-entry",
                format!("item {} is evaluated twice in this file", ir.item.value),
                format!("it is already evaluated on line {line}; keep one entry per item"),
            );
            continue;
        }
        if let Some(result) = item_result(plan, ir, ck) {
            items.push(result);
        }
    }
    items.sort_by_key(|i| i.item);
    let actuals = actuals(f, ck);
    let mut cycle = Cycle {
        actual_index: Index::default(),
        year,
        published: r
            .published
            .as_ref()
            .map(|d| date(d, "publication date", ck)),
        draft: r
            .status
            .as_ref()
            .and_then(|s| ck.one_of(s, "results status", &["published", "draft"]))
            == Some("draft"),
        summary: r.summary.clone(),
        meetings,
        items,
        actuals,
        revisions: revisions(plan, r, ck),
        figures: figures(r, ck),
        source_file: ck.file().to_string(),
    };
    cycle.index_actuals();
    cycle
}

fn unknown_item(plan: &Plan, n: &Spanned<u32>, ck: &mut Checker<'_>) {
    let hint = match (plan.items.first(), plan.items.last()) {
        (Some(a), Some(b)) => format!("the plan's items are numbered {}–{}", a.number, b.number),
        _ => "the plan has no items yet".to_string(),
    };
    ck.error(n, "unknown-item", format!("unknown item {}", n.value), hint);
}

fn item_result(plan: &Plan, ir: &RawItemResult, ck: &mut Checker<'_>) -> Option<ItemResult> {
    let Some(item) = plan.item_by_number(ir.item.value) else {
        unknown_item(plan, &ir.item, ck);
        return None;
    };
    if plan.grade(&ir.grade.value).is_none() {
        ck.error(
            &ir.grade,
            "unknown-grade",
            format!("grade `{}` is not on the plan's scale", ir.grade.value),
            grade_hint(&plan.grades),
        );
    }
    let mut seen: HashMap<(u32, u32), u64> = HashMap::new();
    let mut achievements = Vec::new();
    for a in &ir.achievements {
        let (p, row) = (a.project.value, a.row.value);
        let Some(project) = p.checked_sub(1).and_then(|i| item.projects.get(i as usize)) else {
            ck.error(
                &a.project,
                "unknown-project",
                format!("item {} has no project {p}", item.number),
                format!(
                    "projects are numbered from 1 in the order of the item file; item {} has {}",
                    item.number,
                    item.projects.len()
                ),
            );
            continue;
        };
        if row == 0 || row as usize > project.roadmap.len() {
            ck.error(
                &a.row,
                "unknown-roadmap-row",
                format!(
                    "project {p} of item {} has no roadmap row {row}",
                    item.number
                ),
                format!("its roadmap rows are numbered 1–{}", project.roadmap.len()),
            );
            continue;
        }
        if let Some(line) = seen.insert((p, row), a.project.referenced.line()) {
            ck.error(
                &a.project,
                "duplicate-entry",
                format!("roadmap row {row} of project {p} has two achievements"),
                format!("the first is on line {line}"),
            );
        }
        let status = match ck.one_of(&a.status, "status", &["done", "partial", "not-done"]) {
            Some("partial") => RowStatus::Partial,
            Some("not-done") => RowStatus::NotDone,
            _ => RowStatus::Done,
        };
        achievements.push(Achievement {
            project: p as usize - 1,
            row: row as usize - 1,
            status,
            text: a.text.clone(),
        });
    }
    Some(ItemResult {
        item: item.number,
        grade: ir.grade.value.clone(),
        achievements,
        self_evaluation: ir.self_evaluation.clone(),
        analysis: ir.analysis.clone(),
        issues: ir.issues.clone(),
        next_response: ir.next_response.clone(),
        opinions: ir
            .opinions
            .iter()
            .map(|o| Opinion {
                opinion: o.opinion.clone(),
                response: o.response.clone(),
            })
            .collect(),
    })
}

fn known_indicator(plan: &Plan, id: &Spanned<String>, ck: &mut Checker<'_>) -> bool {
    if plan.indicator(&id.value).is_some() {
        return true;
    }
    let trimmed = id.value.trim();
    if let Some(space) = crate::load::pasted::stray_space(&id.value)
        && plan.indicator(trimmed).is_some()
    {
        ck.error(
            id,
            "unknown-indicator",
            format!("indicator `{trimmed}` has {space} before or after it, which cannot be seen"),
            format!("delete the space, so the line reads `{trimmed}` with nothing after it"),
        );
        return false;
    }
    ck.error(id,
        "unknown-indicator",
        format!("unknown indicator `{}`", id.value),
        "use an indicator id defined in an item file (or in plan.yaml for plan and goal indicators)",
    );
    false
}

fn actuals(f: &ResultsFile, ck: &mut Checker<'_>) -> Vec<Actual> {
    let (plan, r, year, retired) = (f.plan, f.raw, f.year, f.retired);
    let mut seen: HashMap<&str, u64> = HashMap::new();
    let mut out = Vec::new();
    for a in &r.indicators {
        if !known_indicator(plan, &a.indicator, ck) {
            continue;
        }
        if let Some(line) = seen.insert(&a.indicator.value, a.indicator.referenced.line()) {
            ck.error(
                &a.indicator,
                "duplicate-entry",
                format!(
                    "indicator `{}` has two actuals in this file",
                    a.indicator.value
                ),
                format!("the first is on line {line}; give one value per indicator and year"),
            );
            continue;
        }
        if let Some(from) = retired.get(&a.indicator.value)
            && year >= *from
        {
            ck.error(
                &a.indicator,
                "retired-indicator",
                format!(
                    "indicator `{}` was retired from {from} and has no actuals for {year}",
                    a.indicator.value
                ),
                "remove this entry, or correct the `indicator-retired` revision's `from` year",
            );
            continue;
        }
        let Some((_, ind)) = plan.indicator(&a.indicator.value) else {
            continue;
        };
        if let Some(v) = &a.value
            && ind.measure == Measure::Rank
        {
            super::indicators::check_rank(v, "actual rank", ck);
        }
        if let Some(t) = &a.total
            && ind
                .main_series()
                .is_none_or(|s| s.kind != SeriesKind::Cumulative)
        {
            ck.error(t,
                "bad-value",
                format!("indicator `{}` has no cumulative target, so it has no `total`", a.indicator.value),
                "give the year's value as `value`, or make the indicator's first target series `kind: cumulative`",
            );
        }
        if let Some(j) = &a.judgement
            && plan.judgement(&j.value).is_none()
        {
            let known: Vec<&str> = plan.judgements.iter().map(|j| j.label.as_str()).collect();
            ck.error(j,
                "unknown-judgement",
                format!("judgement `{}` is not on the plan's list", j.value),
                if known.is_empty() {
                    "list the plan's judgements under `judgements:` in plan.yaml, e.g. `- label: 達成`".to_string()
                } else {
                    format!("the plan's judgements are: {}", known.join(", "))
                },
            );
        }
        let given = [
            a.value.is_some() || a.total.is_some(),
            a.judgement.is_some(),
            a.unavailable.is_some(),
        ];
        let value = if given.iter().filter(|g| **g).count() == 1 {
            a.value.as_ref().map(|v| ck.finite(v, "actual value"))
        } else {
            ck.error(&a.indicator,
                "actual-value",
                format!(
                    "indicator `{}` needs one of `value`, `judgement` or `unavailable`",
                    a.indicator.value
                ),
                "give the number as `value: 11.8`, a judgement as `judgement: 達成`, or say why there is none as `unavailable: 集計中`",
            );
            None
        };
        out.push(Actual {
            indicator: IndicatorId::new(a.indicator.value.clone()),
            value,
            total: a.total.as_ref().map(|t| ck.finite(t, "total")),
            judgement: a.judgement.as_ref().map(|j| j.value.clone()),
            undated: a.undated,
            note: a.unavailable.clone().or_else(|| a.note.clone()),
        });
    }
    out
}

fn revisions(plan: &Plan, r: &RawResults, ck: &mut Checker<'_>) -> Vec<Revision> {
    let kinds = [
        "item",
        "roadmap",
        "indicator",
        "indicator-added",
        "indicator-retired",
    ];
    let mut out = Vec::new();
    for rev in &r.revisions {
        let kind = match ck.one_of(&rev.kind, "revision kind", &kinds) {
            Some("item") => RevisionKind::Item,
            Some("roadmap") => RevisionKind::Roadmap,
            Some("indicator") => RevisionKind::Indicator,
            Some("indicator-added") => RevisionKind::IndicatorAdded,
            Some("indicator-retired") => RevisionKind::IndicatorRetired,
            _ => continue,
        };
        let from = ck.year_in_period(&rev.from, "revision year", plan.period);
        if let Some(n) = &rev.item
            && plan.item_by_number(n.value).is_none()
        {
            unknown_item(plan, n, ck);
        }
        match (&rev.indicator, kind) {
            (Some(id), _) => {
                known_indicator(plan, id, ck);
            }
            (
                None,
                RevisionKind::Indicator
                | RevisionKind::IndicatorAdded
                | RevisionKind::IndicatorRetired,
            ) => {
                ck.error(
                    &rev.kind,
                    "missing-key",
                    format!("a `{}` revision needs `indicator`", rev.kind.value),
                    "name the indicator's id, e.g. `indicator: overtime-hours`",
                );
            }
            (None, _) if rev.item.is_none() => ck.error(
                &rev.kind,
                "missing-key",
                format!("a `{}` revision needs `item`", rev.kind.value),
                "give the item's number, e.g. `item: 25`",
            ),
            _ => {}
        }
        out.push(Revision {
            kind,
            item: rev.item.as_ref().map(|n| ItemNumber::new(n.value)),
            indicator: rev
                .indicator
                .as_ref()
                .map(|i| IndicatorId::new(i.value.clone())),
            from,
            change: rev.change.clone(),
            reason: rev.reason.clone(),
        });
    }
    out
}
