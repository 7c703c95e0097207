//! What the returned workbooks change, workbook by workbook, as lines for
//! the terminal: each item's grade and texts, each roadmap row's status,
//! each indicator's actual, the committee's meetings and opinions.

use std::fmt::Write as _;

use super::merge::{Out, describe};
use super::workbooks::{ActualOut, Kind, Returned};
use super::yaml::number;
use crate::model::{Plan, RowStatus, Site};

const TEXT_NAMES: [&str; 4] = ["自己評価", "要因分析", "課題", "次年度に向けた対応"];

fn change<T: PartialEq>(
    name: &str,
    old: Option<T>,
    new: Option<T>,
    show: impl Fn(&T) -> String,
    out: &mut Vec<String>,
) {
    match (old, new) {
        (None, Some(n)) => out.push(format!("{name} {}", show(&n))),
        (Some(_), None) => out.push(format!("{name} removed")),
        (Some(o), Some(n)) if o != n => out.push(format!("{name} {} → {}", show(&o), show(&n))),
        _ => {}
    }
}

fn short(text: &str) -> String {
    let one: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = one.chars().take(24).collect();
    if cut.len() < one.len() {
        format!("「{cut}…」")
    } else {
        format!("「{cut}」")
    }
}

/// What each workbook changes, as lines for the terminal.
pub(super) fn diff(
    site: &Site,
    plan: &Plan,
    before: &Out,
    after: &Out,
    returned: &[Returned],
    exists: bool,
) -> String {
    let mut s = String::new();
    let status = |st: &(RowStatus, Option<String>)| {
        let mut w = crate::export::status_word(st.0).to_string();
        if let Some(t) = &st.1 {
            w.push_str(&short(t));
        }
        w
    };
    let mut total = 0;
    for r in returned {
        let mut lines = Vec::new();
        for a in &r.items {
            let (old, new) = (before.items.get(&a.item), &after.items[&a.item]);
            let mut c = Vec::new();
            change(
                "評価",
                old.map(|o| &o.grade),
                Some(&new.grade),
                |g| g.to_string(),
                &mut c,
            );
            for (k, name) in TEXT_NAMES.iter().enumerate() {
                change(
                    name,
                    old.and_then(|o| o.texts[k].as_ref()),
                    new.texts[k].as_ref(),
                    |t| short(t),
                    &mut c,
                );
            }
            if !c.is_empty() {
                lines.push(format!("item {}: {}", a.item, c.join("; ")));
            }
        }
        for a in &r.rows {
            let (old, new) = (before.achievement(a), after.achievement(a));
            let mut c = Vec::new();
            change("状況", old, new, |v| status(v), &mut c);
            if !c.is_empty() {
                lines.push(format!(
                    "roadmap {}: {}",
                    crate::export::roadmap_id(a.item, a.project, a.row),
                    c.join("; ")
                ));
            }
        }
        for a in &r.actuals {
            let show = |v: &ActualOut| {
                let shown = match (v.value, &v.judgement) {
                    (Some(x), _) => number(x),
                    (None, Some(j)) => j.clone(),
                    (None, None) => return format!("なし（{}）", v.note.as_deref().unwrap_or("")),
                };
                match &v.note {
                    Some(n) => format!("{shown}（{n}）"),
                    None => shown,
                }
            };
            let mut c = Vec::new();
            change(
                "実績値",
                before.actuals.get(&a.indicator),
                after.actuals.get(&a.indicator),
                |v| show(v),
                &mut c,
            );
            if !c.is_empty() {
                lines.push(format!("indicator {}: {}", a.indicator, c.join("; ")));
            }
        }
        if r.kind == Kind::Secretariat {
            if before.meetings != after.meetings {
                lines.push(format!(
                    "committee: {} meeting(s), was {}",
                    after.meetings.len(),
                    before.meetings.len()
                ));
            }
            let count = |o: &Out| o.items.values().map(|i| i.opinions.len()).sum::<usize>();
            let changed: Vec<String> = after
                .items
                .iter()
                .filter(|(n, i)| {
                    before
                        .items
                        .get(n)
                        .map_or(!i.opinions.is_empty(), |b| b.opinions != i.opinions)
                })
                .map(|(n, _)| n.to_string())
                .collect();
            if !changed.is_empty() {
                lines.push(format!(
                    "opinions: {} in all, was {}; changed for item(s) {}",
                    count(after),
                    count(before),
                    changed.join(", ")
                ));
            }
        }
        total += lines.len();
        let name = std::path::Path::new(&r.file)
            .file_name()
            .map_or(r.file.clone(), |n| n.to_string_lossy().into_owned());
        let _ = writeln!(
            s,
            "{name} ({}): {}",
            describe(site, &r.kind),
            if lines.is_empty() {
                "no changes".to_string()
            } else {
                format!("{} change(s)", lines.len())
            }
        );
        for l in lines {
            let _ = writeln!(s, "  {l}");
        }
    }
    let graded = after.items.len();
    let _ = writeln!(
        s,
        "{} change(s) against {}; {graded} of {} item(s) graded",
        total,
        if exists {
            "the results file"
        } else {
            "no results file (a new one)"
        },
        plan.items.len()
    );
    s
}
