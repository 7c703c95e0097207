//! `kohyo import results` of returned entry workbooks: every workbook read
//! and checked first, the divisions' answers put together (two divisions
//! answering one item differently is an error), the change against the
//! results file that exists shown division by division, and the results
//! file written only with `--write` (and over an existing one only with
//! `--force`). A new results file is written as a draft.

use std::collections::BTreeMap;

use super::diff::diff;
use super::table::RowError;
use super::workbooks::{self, ActualAnswer, ActualOut, ItemAnswer, Kind, Returned, RowAnswer};
use super::yaml::{Doc, number, quote};
use super::{ImportError, Planned, Report, WorkbooksArgs, commit, self_check};
use crate::export::sheets::cell_text;
use crate::load::cells::markdown;
use crate::load::raw::RawResults;
use crate::model::{Cycle, Plan, RevisionKind, RowStatus, Site};
use crate::pipeline;

/// An item's result as it will be written.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct ItemOut {
    pub grade: String,
    /// project, row (from 0) → status, text.
    pub achievements: BTreeMap<(usize, usize), (RowStatus, Option<String>)>,
    pub texts: [Option<String>; 4],
    pub opinions: Vec<(String, Option<String>)>,
}

/// The year's results as they will be written.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Out {
    pub items: BTreeMap<u32, ItemOut>,
    /// id → value or judgement, note; in id order.
    pub actuals: BTreeMap<String, ActualOut>,
    pub meetings: Vec<workbooks::MeetingAnswer>,
}

impl Out {
    /// The status and text the roadmap row answered in `a` has here, if any.
    pub fn achievement(&self, a: &RowAnswer) -> Option<&(RowStatus, Option<String>)> {
        self.items
            .get(&a.item)
            .and_then(|i| i.achievements.get(&(a.project, a.row)))
    }
}

fn from_cycle(c: &Cycle) -> Out {
    let items = c
        .items
        .iter()
        .map(|r| {
            let item = ItemOut {
                grade: r.grade.clone(),
                achievements: r
                    .achievements
                    .iter()
                    .map(|a| ((a.project, a.row), (a.status, a.text.clone())))
                    .collect(),
                texts: [
                    r.self_evaluation.clone(),
                    r.analysis.clone(),
                    r.issues.clone(),
                    r.next_response.clone(),
                ],
                opinions: r
                    .opinions
                    .iter()
                    .map(|o| (o.opinion.clone(), o.response.clone()))
                    .collect(),
            };
            (r.item.get(), item)
        })
        .collect();
    Out {
        items,
        actuals: c
            .actuals
            .iter()
            .map(|a| {
                let out = ActualOut {
                    value: a.value,
                    judgement: a.judgement.clone(),
                    note: a.note.clone(),
                };
                (a.indicator.to_string(), out)
            })
            .collect(),
        meetings: c
            .meetings
            .iter()
            .map(|m| workbooks::MeetingAnswer {
                date: m.date.clone(),
                title: m.title.clone(),
                summary: m.summary.clone(),
                minutes: m.minutes.clone(),
            })
            .collect(),
    }
}

/// Imports the returned workbooks named by `args`.
pub fn import_workbooks(args: &WorkbooksArgs) -> Result<Report, ImportError> {
    let site = pipeline::load_site(&args.target.root).map_err(|d| {
        ImportError::usage(
            format!(
                "the site has {} content error(s), so answers cannot be checked against it",
                d.error_count()
            ),
            "run kohyo check and fix them first",
        )
    })?;
    let Some(plan) = site.plans.iter().find(|p| p.id == args.target.plan) else {
        return Err(ImportError::usage(
            format!("the site has no plan `{}`", args.target.plan),
            "pass the plan the workbooks were exported for with --plan",
        ));
    };
    let files = workbooks::expand(&args.files).map_err(|e| {
        ImportError::usage(format!("cannot list the folder: {e}"), "check the path")
    })?;
    if files.is_empty() {
        return Err(ImportError::usage(
            "no workbooks were found",
            "pass the folder the returned .xlsx files are in, or the files",
        ));
    }
    let mut errors = Vec::new();
    let year = args.year.map(|y| y as i32);
    let mut returned = Vec::new();
    for f in &files {
        if let Some(r) = workbooks::read(f, &site, plan, year, &mut errors) {
            returned.push(r);
        }
    }
    // Without --year the year most workbooks are for is taken (the latest of
    // a tie), and the others are reported.
    let year = year.unwrap_or_else(|| {
        let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
        for r in &returned {
            *counts.entry(r.year).or_default() += 1;
        }
        counts
            .iter()
            .max_by_key(|(y, n)| (**n, **y))
            .map_or(0, |(y, _)| *y)
    });
    returned.retain(|r| {
        if r.year != year {
            errors.push(RowError {
                place: format!(
                    "{}:sheet {}:row 3:column B",
                    r.file,
                    crate::export::sheets::META
                ),
                row: 3,
                column: 1,
                message: format!(
                    "this workbook is for fiscal year {}, not {year} like the others",
                    r.year
                ),
                hint: format!(
                    "leave it out, or import the {} workbooks on their own",
                    r.year
                ),
            });
        }
        r.year == year
    });
    let mut seen_division: BTreeMap<&Kind, &str> = BTreeMap::new();
    for r in &returned {
        if let Some(first) = seen_division.insert(&r.kind, &r.file) {
            errors.push(RowError {
                place: r.file.clone(),
                row: 0,
                column: 0,
                message: format!(
                    "a second workbook for the same {} (the first is {first})",
                    describe(&site, &r.kind)
                ),
                hint: "import one returned workbook per division: leave out the older copy".into(),
            });
        }
    }
    conflicts(&site, &returned, &mut errors);
    let existing = plan.cycles.iter().find(|c| c.year == year);
    let before = existing.map(from_cycle).unwrap_or_default();
    let after = merged(&before, &returned);
    orphans(&after, &returned, &mut errors);
    if !errors.is_empty() {
        // By file, and within a file in the order found: sheet by sheet, row by row.
        errors.sort_by(|a, b| file_of(a).cmp(file_of(b)));
        return Err(ImportError::Data(errors));
    }
    if !plan.period.contains(year) {
        return Err(ImportError::usage(
            format!(
                "the workbooks are for {year}, outside the plan period {}–{}",
                plan.period.from, plan.period.to
            ),
            "export the workbooks again for a year of the plan",
        ));
    }
    let mut report = Report {
        stdout: diff(&site, plan, &before, &after, &returned, existing.is_some()),
        ..Report::default()
    };
    let unanswered: std::collections::BTreeSet<u32> = returned
        .iter()
        .flat_map(|r| r.unanswered.iter().copied())
        .filter(|n| !after.items.contains_key(n))
        .collect();
    let unanswered: Vec<String> = unanswered.iter().map(u32::to_string).collect();
    if !unanswered.is_empty() {
        report.notes.push(format!(
            "{} item(s) have no answer yet and are left out: {}",
            unanswered.len(),
            unanswered.join(", ")
        ));
    }
    let rel = existing
        .map(|c| c.source_file.clone())
        .unwrap_or_else(|| format!("content/plans/{}/results/{year}.yaml", plan.id));
    let text = yaml(&rel, plan, year, existing, &after, &files.len());
    self_check::<RawResults>(&text, &rel)?;
    if !args.write {
        report.preview = Some(rel);
        return Ok(report);
    }
    if existing.is_none() {
        report.notes.push(format!(
            "{rel} is written as a draft (status: draft): preview it with kohyo serve or kohyo build --drafts; publish it by changing that line to status: published"
        ));
    }
    commit(
        &args.target.root,
        vec![Planned { rel, text }],
        args.target.force,
        "pass --force with --write to rewrite it with the workbooks' answers (what they do not answer, such as revisions, is kept; comments in the file are lost)",
        report,
    )
}

fn file_of(e: &RowError) -> &str {
    e.place.split(":sheet ").next().unwrap_or(&e.place)
}

pub(super) fn describe(site: &Site, kind: &Kind) -> String {
    match kind {
        Kind::Entry(d) => format!(
            "division {}",
            site.division(d).map_or(d.as_str(), |d| d.name.as_str())
        ),
        Kind::Secretariat => "secretariat".into(),
    }
}

/// Two divisions answering the same item, row or indicator differently.
fn conflicts(site: &Site, returned: &[Returned], errors: &mut Vec<RowError>) {
    fn check<K: Ord + std::fmt::Display, A>(
        site: &Site,
        returned: &[Returned],
        what: &str,
        answers: impl Fn(&Returned) -> Vec<(K, &A)>,
        same: impl Fn(&A, &A) -> bool,
        at: impl Fn(&A) -> &workbooks::At,
        errors: &mut Vec<RowError>,
    ) {
        let mut first: BTreeMap<K, (&Returned, &A)> = BTreeMap::new();
        for r in returned {
            for (key, a) in answers(r) {
                match first.get(&key) {
                    Some((r0, a0)) if !same(a0, a) => {
                        let (p0, p1) = (at(a0), at(a));
                        errors.push(p1.error(
                            format!("{what} {key} is answered differently by {} and {}", describe(site, &r0.kind), describe(site, &r.kind)),
                            format!("the divisions must agree: compare with {} and make the two the same", p0.place),
                        ));
                    }
                    Some(_) => {}
                    None => {
                        first.insert(key, (r, a));
                    }
                }
            }
        }
    }
    check(
        site,
        returned,
        "item",
        |r| r.items.iter().map(|a| (a.item, a)).collect(),
        |a: &ItemAnswer, b| a.grade == b.grade && a.texts == b.texts,
        |a| &a.at,
        errors,
    );
    check(
        site,
        returned,
        "roadmap row",
        |r| {
            r.rows
                .iter()
                .map(|a| (crate::export::roadmap_id(a.item, a.project, a.row), a))
                .collect()
        },
        |a: &RowAnswer, b| a.status == b.status && a.text == b.text,
        |a| &a.at,
        errors,
    );
    check(
        site,
        returned,
        "indicator",
        |r| r.actuals.iter().map(|a| (a.indicator.clone(), a)).collect(),
        |a: &ActualAnswer, b| a.value == b.value,
        |a| &a.at,
        errors,
    );
}

/// Roadmap rows and opinions for an item that has no grade this year:
/// a results file keeps them under the item's evaluation, so it needs one.
fn orphans(after: &Out, returned: &[Returned], errors: &mut Vec<RowError>) {
    // An item whose row has an error is reported there, not again here.
    let graded =
        |n: &u32| after.items.contains_key(n) || returned.iter().any(|r| r.rejected.contains(n));
    for r in returned {
        for a in &r.rows {
            if !graded(&a.item) {
                errors.push(a.at.error(
                    format!("roadmap row {} has a 状況, but item {} has no 評価", crate::export::roadmap_id(a.item, a.project, a.row), a.item),
                    format!("give item {} its 評価 on the sheet 評価 (in this or the lead division's workbook), or clear the row", a.item),
                ));
            }
        }
        for o in &r.opinions {
            if !graded(&o.item) {
                errors.push(o.at.error(
                    format!("an opinion on item {}, which has no 評価 this year", o.item),
                    "opinions are published with the item's evaluation: check the item number, or import the divisions' workbooks with this one",
                ));
            }
        }
    }
}

/// `new`, or `old` when `new` is what an untouched cell holding `old`
/// reads back as: a prefilled text left alone stays byte for byte.
fn keep(old: Option<&String>, new: &Option<String>) -> Option<String> {
    match (old, new) {
        (Some(o), Some(n)) if markdown(&cell_text(o)) == *n => Some(o.clone()),
        _ => new.clone(),
    }
}

fn merged(before: &Out, returned: &[Returned]) -> Out {
    let mut out = before.clone();
    for r in returned {
        for a in &r.items {
            let old = before.items.get(&a.item);
            let e = out.items.entry(a.item).or_default();
            e.grade.clone_from(&a.grade);
            for k in 0..a.texts.len() {
                e.texts[k] = keep(old.and_then(|o| o.texts[k].as_ref()), &a.texts[k]);
            }
        }
        for a in &r.rows {
            let old = before.achievement(a);
            if let Some(e) = out.items.get_mut(&a.item) {
                let text = keep(old.and_then(|o| o.1.as_ref()), &a.text);
                e.achievements.insert((a.project, a.row), (a.status, text));
            }
        }
        for a in &r.actuals {
            let old = before
                .actuals
                .get(&a.indicator)
                .and_then(|o| o.note.as_ref());
            let value = ActualOut {
                note: keep(old, &a.value.note),
                ..a.value.clone()
            };
            out.actuals.insert(a.indicator.clone(), value);
        }
    }
    if let Some(s) = returned.iter().find(|r| r.kind == Kind::Secretariat) {
        out.meetings = s
            .meetings
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let old = before.meetings.get(i);
                workbooks::MeetingAnswer {
                    title: keep(old.and_then(|o| o.title.as_ref()), &m.title),
                    summary: keep(old.and_then(|o| o.summary.as_ref()), &m.summary),
                    ..m.clone()
                }
            })
            .collect();
        for item in out.items.values_mut() {
            item.opinions.clear();
        }
        for o in &s.opinions {
            if let Some(item) = out.items.get_mut(&o.item) {
                let old = before
                    .items
                    .get(&o.item)
                    .and_then(|b| b.opinions.get(item.opinions.len()));
                item.opinions.push((
                    keep(old.map(|x| &x.0), &Some(o.opinion.clone())).unwrap_or_default(),
                    keep(old.and_then(|x| x.1.as_ref()), &o.response),
                ));
            }
        }
    }
    out
}

fn revision_kind(k: RevisionKind) -> &'static str {
    match k {
        RevisionKind::Item => "item",
        RevisionKind::Roadmap => "roadmap",
        RevisionKind::Indicator => "indicator",
        RevisionKind::IndicatorAdded => "indicator-added",
        RevisionKind::IndicatorRetired => "indicator-retired",
    }
}

fn yaml(
    rel: &str,
    plan: &Plan,
    year: i32,
    existing: Option<&Cycle>,
    out: &Out,
    files: &usize,
) -> String {
    const KEYS: [&str; 4] = ["self_evaluation", "analysis", "issues", "next_response"];
    let mut d = Doc::with_comment(&format!(
        "{rel}: results for fiscal year {year} of {} (RawResults in src/raw.rs).\n\
         Imported by `kohyo import results` from {files} returned workbook(s).\n\
         Importing again with --write --force replaces the answers the workbooks give\n\
         and keeps the rest (summary, revisions); comments are not kept.",
        plan.id
    ));
    d.raw(0, false, "year", year);
    if let Some(p) = existing.and_then(|c| c.published.as_deref()) {
        d.raw(0, false, "published", quote(p));
    }
    if existing.is_none_or(|c| c.draft) {
        d.raw(0, false, "status", quote("draft"));
    }
    if let Some(sm) = existing.and_then(|c| c.summary.as_deref()) {
        d.text(0, false, "summary", sm);
    }
    if !out.meetings.is_empty() {
        d.open(0, false, "committee");
    }
    for m in &out.meetings {
        d.raw(2, true, "date", quote(&m.date));
        if let Some(t) = &m.title {
            d.text(4, false, "title", t);
        }
        if let Some(t) = &m.summary {
            d.text(4, false, "summary", t);
        }
        if let Some(t) = &m.minutes {
            d.raw(4, false, "minutes", quote(t));
        }
    }
    if !out.items.is_empty() {
        d.open(0, false, "items");
    }
    for (n, r) in &out.items {
        d.raw(2, true, "item", n);
        d.raw(4, false, "grade", quote(&r.grade));
        if !r.achievements.is_empty() {
            d.open(4, false, "achievements");
        }
        for ((p, row), (status, text)) in &r.achievements {
            d.raw(6, true, "project", p + 1);
            d.raw(8, false, "row", row + 1);
            let s = match status {
                RowStatus::Done => "done",
                RowStatus::Partial => "partial",
                RowStatus::NotDone => "not-done",
            };
            d.raw(8, false, "status", quote(s));
            if let Some(t) = text {
                d.text(8, false, "text", t);
            }
        }
        for (k, key) in KEYS.iter().enumerate() {
            if let Some(t) = &r.texts[k] {
                d.text(4, false, key, t);
            }
        }
        if !r.opinions.is_empty() {
            d.open(4, false, "opinions");
        }
        for (o, resp) in &r.opinions {
            d.text(6, true, "opinion", o);
            if let Some(t) = resp {
                d.text(8, false, "response", t);
            }
        }
    }
    if !out.actuals.is_empty() {
        d.open(0, false, "indicators");
    }
    for (id, a) in &out.actuals {
        d.raw(2, true, "indicator", quote(id));
        match (a.value, &a.judgement) {
            (Some(v), _) => d.raw(4, false, "value", number(v)),
            (None, Some(j)) => d.raw(4, false, "judgement", quote(j)),
            (None, None) => d.text(4, false, "unavailable", a.note.as_deref().unwrap_or("")),
        }
        if let (true, Some(n)) = (a.given(), &a.note) {
            d.text(4, false, "note", n);
        }
    }
    let revisions = existing.map(|c| c.revisions.as_slice()).unwrap_or_default();
    if !revisions.is_empty() {
        d.open(0, false, "revisions");
    }
    for r in revisions {
        d.raw(2, true, "kind", quote(revision_kind(r.kind)));
        if let Some(i) = r.item {
            d.raw(4, false, "item", i);
        }
        if let Some(i) = &r.indicator {
            d.raw(4, false, "indicator", quote(i));
        }
        d.raw(4, false, "from", r.from);
        d.text(4, false, "change", &r.change);
        d.text(4, false, "reason", &r.reason);
    }
    d.finish()
}
