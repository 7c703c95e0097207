//! The view of an item's projects (事業): divisions, text, links, the
//! roadmap (工程表) drawn across the plan's years with each year's result,
//! and the evaluation rows.

use serde::Serialize;

use super::{Html, LinkView, division_links, md, thread};
use crate::model::*;

/// A roadmap row drawn across the plan's years.
#[derive(Debug, Serialize)]
pub struct RoadmapView<'a> {
    /// What is planned.
    pub label: &'a str,
    /// Detail line.
    pub detail: &'a str,
    /// One cell per plan year.
    pub cells: Vec<RoadmapCell>,
    /// e.g. 2025年度〜2029年度, or 年度の記載なし.
    pub span: String,
    /// Whether the source gives the row without years.
    pub undated: bool,
}

/// One year of a roadmap row: planned or not, and what was achieved.
#[derive(Debug, Serialize)]
pub struct RoadmapCell {
    /// Whether the plan has the row in this year.
    pub planned: bool,
    /// 実施 / 一部実施 / 未実施, or empty when no result is published.
    pub actual: &'static str,
    /// CSS class for the actual status: `done`, `partial`, `not-done` or empty.
    pub class: &'static str,
}

/// A project 事業 ready to print.
#[derive(Debug, Serialize)]
pub struct ProjectView<'a> {
    /// Title.
    pub title: &'a str,
    /// Responsible divisions.
    pub divisions: Vec<LinkView>,
    /// Related divisions.
    pub related_divisions: Vec<LinkView>,
    /// 現状・課題 HTML.
    pub situation: Html,
    /// 取組内容 HTML.
    pub actions: Html,
    /// 関連情報; `url` is empty for text without a link.
    pub links: Vec<LinkView>,
    /// 工程表.
    pub roadmap: Vec<RoadmapView<'a>>,
    /// 評価.
    pub evaluation: Vec<RowView<'a>>,
}

/// A labelled row with an optional detail line.
#[derive(Debug, Serialize)]
pub struct RowView<'a> {
    /// Label.
    pub label: &'a str,
    /// Detail line, empty when absent.
    pub detail: &'a str,
}

impl<'a> ProjectView<'a> {
    /// The view of project number `index` (from 0) of `item` in `plan`.
    pub fn new(site: &Site, plan: &Plan, item: &'a Item, index: usize) -> Self {
        let project = &item.projects[index];
        let era = site.settings.era_years;
        ProjectView {
            title: &project.title,
            divisions: division_links(site, &project.divisions),
            related_divisions: division_links(site, &project.related_divisions),
            situation: md(&project.situation),
            actions: md(&project.actions),
            links: project
                .links
                .iter()
                .map(|l| LinkView {
                    title: l.title.clone(),
                    url: l.url.clone().unwrap_or_default(),
                })
                .collect(),
            roadmap: project
                .roadmap
                .iter()
                .enumerate()
                .map(|(row, r)| RoadmapView {
                    label: &r.label,
                    detail: r.detail.as_deref().unwrap_or_default(),
                    cells: plan
                        .period
                        .years()
                        .map(|y| {
                            let (actual, class) =
                                thread::row_status(plan, item.number, index, row, y);
                            RoadmapCell {
                                planned: r.years.is_some_and(|p| p.contains(y)),
                                actual,
                                class,
                            }
                        })
                        .collect(),
                    undated: r.years.is_none(),
                    span: super::roadmap::span(r.years, era),
                })
                .collect(),
            evaluation: project
                .evaluation
                .iter()
                .map(|e| RowView {
                    label: &e.label,
                    detail: e.detail.as_deref().unwrap_or_default(),
                })
                .collect(),
        }
    }
}
