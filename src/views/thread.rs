//! An item's PDCA thread (one entry per evaluation cycle that concerns it),
//! and the pieces of results views the cycle page shares: grades,
//! revisions, roadmap results and links to items and cycles.

use serde::Serialize;

use super::{Html, LinkView, md};
use crate::model::*;
use crate::urls::paths;
use crate::years::fiscal_year;

/// The status text and CSS class of a roadmap row's result in `year`.
pub fn row_status(
    plan: &Plan,
    item: ItemNumber,
    project: usize,
    row: usize,
    year: i32,
) -> (&'static str, &'static str) {
    let found = plan
        .cycles
        .iter()
        .find(|c| c.year == year)
        .and_then(|c| c.item(item))
        .and_then(|r| {
            r.achievements
                .iter()
                .find(|a| a.project == project && a.row == row)
        });
    match found.map(|a| a.status) {
        Some(RowStatus::Done) => ("実施", "done"),
        Some(RowStatus::Partial) => ("一部実施", "partial"),
        Some(RowStatus::NotDone) => ("未実施", "not-done"),
        None => ("", ""),
    }
}

/// A grade with its label, so it is never told by colour alone.
#[derive(Debug, Serialize)]
pub struct GradeView {
    /// Key, e.g. A.
    pub key: String,
    /// Label, e.g. 大きな成果あり.
    pub label: String,
    /// Position on the scale from 0 (best), for styling.
    pub rank: usize,
}

/// The view of the grade `key` of `plan`.
pub fn grade(plan: &Plan, key: &str) -> GradeView {
    let rank = plan.grades.iter().position(|g| g.key == key).unwrap_or(0);
    GradeView {
        key: key.to_string(),
        label: plan.grade(key).map(|g| g.label.clone()).unwrap_or_default(),
        rank,
    }
}

/// A roadmap row's achievement in one year.
#[derive(Debug, Serialize)]
pub struct AchievementView {
    /// Project title.
    pub project: String,
    /// Roadmap row label.
    pub row: String,
    /// 実施 / 一部実施 / 未実施.
    pub status: &'static str,
    /// CSS class.
    pub class: &'static str,
    /// What was done (HTML).
    pub text: Html,
}

/// A committee opinion with the response.
#[derive(Debug, Serialize)]
pub struct OpinionView {
    /// The item it is about.
    pub item: Option<LinkView>,
    /// Opinion.
    pub opinion: String,
    /// Response.
    pub response: String,
}

/// A revision ready to print.
#[derive(Debug, Serialize)]
pub struct RevisionView {
    /// What kind of change, in words.
    pub kind: String,
    /// From which year, e.g. 2026年度から.
    pub from: String,
    /// The item concerned.
    pub item: Option<LinkView>,
    /// The indicator concerned (its name).
    pub indicator: String,
    /// What changed.
    pub change: String,
    /// Why.
    pub reason: String,
}

pub(super) fn indicator_name(plan: &Plan, id: &str) -> String {
    plan.indicator(id)
        .map(|(_, i)| i.name.clone())
        .unwrap_or_else(|| id.to_string())
}

pub(super) fn item_link(plan: &Plan, n: ItemNumber) -> Option<LinkView> {
    plan.item(n).map(|i| LinkView::item(plan, i))
}

/// The view of a revision.
pub fn revision(plan: &Plan, r: &Revision, era: bool) -> RevisionView {
    RevisionView {
        kind: match r.kind {
            RevisionKind::Item => format!("{}の見直し", plan.item_level().name),
            RevisionKind::Roadmap => "工程表の見直し".into(),
            RevisionKind::Indicator => "指標の見直し".into(),
            RevisionKind::IndicatorAdded => "指標の追加".into(),
            RevisionKind::IndicatorRetired => "指標の廃止".into(),
        },
        from: format!("{}から", fiscal_year(r.from, era)),
        item: r.item.and_then(|n| item_link(plan, n)),
        indicator: r
            .indicator
            .as_deref()
            .map(|id| indicator_name(plan, id))
            .unwrap_or_default(),
        change: r.change.clone(),
        reason: r.reason.clone(),
    }
}

/// One cycle of an item's PDCA thread.
#[derive(Debug, Serialize)]
pub struct ThreadEntry {
    /// e.g. 2025年度.
    pub year: String,
    /// The cycle page.
    pub url: String,
    /// The grade, if the item was evaluated.
    pub grade: Option<GradeView>,
    /// What was achieved per roadmap row.
    pub achievements: Vec<AchievementView>,
    /// 自己評価 (HTML).
    pub self_evaluation: Html,
    /// 要因分析 (HTML).
    pub analysis: Html,
    /// 課題 (HTML).
    pub issues: Html,
    /// 次年度に向けた対応 (HTML).
    pub next_response: Html,
    /// Committee opinions and responses.
    pub opinions: Vec<OpinionView>,
    /// Revisions of this item or its indicators.
    pub revisions: Vec<RevisionView>,
}

/// The PDCA thread of `item`: one entry per cycle that concerns it, newest first.
pub fn thread(site: &Site, plan: &Plan, item: &Item) -> Vec<ThreadEntry> {
    let era = site.settings.era_years;
    let ids: Vec<&str> = item.indicators.iter().map(|i| i.id.as_str()).collect();
    plan.cycles
        .iter()
        .rev()
        .filter_map(|c| {
            let result = c.item(item.number);
            let revisions: Vec<RevisionView> = c
                .revisions
                .iter()
                .filter(|r| {
                    r.item == Some(item.number)
                        || r.indicator.as_deref().is_some_and(|i| ids.contains(&i))
                })
                .map(|r| revision(plan, r, era))
                .collect();
            if result.is_none() && revisions.is_empty() {
                return None;
            }
            let text = |t: Option<&Option<String>>| t.map(md).unwrap_or_default();
            Some(ThreadEntry {
                year: fiscal_year(c.year, era),
                url: paths::cycle(&plan.id, c.year),
                grade: result.map(|r| grade(plan, &r.grade)),
                achievements: result
                    .map(|r| {
                        r.achievements
                            .iter()
                            .map(|a| {
                                let project = &item.projects[a.project];
                                let (status, class) =
                                    row_status(plan, item.number, a.project, a.row, c.year);
                                AchievementView {
                                    project: project.title.clone(),
                                    row: project.roadmap[a.row].label.clone(),
                                    status,
                                    class,
                                    text: md(&a.text),
                                }
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                self_evaluation: text(result.map(|r| &r.self_evaluation)),
                analysis: text(result.map(|r| &r.analysis)),
                issues: text(result.map(|r| &r.issues)),
                next_response: text(result.map(|r| &r.next_response)),
                opinions: result
                    .map(|r| {
                        r.opinions
                            .iter()
                            .map(|o| OpinionView {
                                item: None,
                                opinion: o.opinion.clone(),
                                response: o.response.clone().unwrap_or_default(),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                revisions,
            })
        })
        .collect()
}

/// A link to a cycle.
pub fn cycle_link(plan: &Plan, c: &Cycle, era: bool) -> LinkView {
    LinkView {
        title: format!("{}の評価結果", fiscal_year(c.year, era)),
        url: paths::cycle(&plan.id, c.year),
    }
}
