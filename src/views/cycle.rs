//! Views of evaluation results: an item's PDCA thread, a cycle page, and
//! the changes between two cycles.

use serde::Serialize;

use super::{LinkView, md, paths};
use crate::achievement::Status;
use crate::model::cycles;
use crate::model::*;
use crate::years::{fiscal_year, number};

/// The status text and CSS class of a roadmap row's result in `year`.
pub fn row_status(
    plan: &Plan,
    item: u32,
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
    pub text: String,
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
    /// What kind of change, in words (in the plan's name for its items).
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

fn indicator_name(plan: &Plan, id: &str) -> String {
    plan.indicator(id)
        .map(|(_, i)| i.name.clone())
        .unwrap_or_else(|| id.to_string())
}

fn item_link(plan: &Plan, n: u32) -> Option<LinkView> {
    plan.item(n).map(|i| LinkView {
        title: format!("{} {}", plan.item_label(i.number), i.title),
        url: paths::item(&plan.id, i.number),
    })
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
    pub self_evaluation: String,
    /// 要因分析 (HTML).
    pub analysis: String,
    /// 課題 (HTML).
    pub issues: String,
    /// 次年度に向けた対応 (HTML).
    pub next_response: String,
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

/// One grade's count in a cycle.
#[derive(Debug, Serialize)]
pub struct CountView {
    /// The grade.
    pub grade: GradeView,
    /// Items with it.
    pub count: usize,
    /// Share of evaluated items, e.g. 25.0%.
    pub share: String,
}

/// A rate ready to print.
#[derive(Debug, Serialize)]
pub struct RateView {
    /// Name.
    pub name: String,
    /// e.g. 66.7%, or 「－」 when nothing was evaluated.
    pub value: String,
    /// e.g. 24 ÷ 36.
    pub calculation: String,
    /// The formula in words.
    pub formula: String,
    /// Meaning (HTML).
    pub meaning: String,
}

/// An item's grade in a cycle.
#[derive(Debug, Serialize)]
pub struct GradedItem {
    /// Link to the item.
    pub item: LinkView,
    /// Its grade, if evaluated.
    pub grade: Option<GradeView>,
}

/// A goal with its items' grades.
#[derive(Debug, Serialize)]
pub struct GoalGrades {
    /// The goal.
    pub goal: LinkView,
    /// Its items.
    pub items: Vec<GradedItem>,
}

/// An actual value in a cycle.
#[derive(Debug, Serialize)]
pub struct ActualView {
    /// Indicator name.
    pub name: String,
    /// Where it belongs.
    pub owner: Option<LinkView>,
    /// The value with unit, or 「未公表」.
    pub value: String,
    /// Why unavailable, or a note.
    pub note: String,
}

/// Changes since the previous cycle, ready to print.
#[derive(Debug, Serialize)]
pub struct ChangesView {
    /// Link to the previous cycle.
    pub previous: Option<LinkView>,
    /// Items whose grade changed.
    pub grades: Vec<GradeChangeView>,
    /// Indicators that moved.
    pub moved: Vec<MoveView>,
    /// New indicators by name.
    pub new_indicators: Vec<String>,
    /// Retired indicators by name.
    pub retired_indicators: Vec<String>,
    /// Roadmap changes.
    pub roadmap: Vec<RoadmapChangeView>,
}

/// An item whose grade changed.
#[derive(Debug, Serialize)]
pub struct GradeChangeView {
    /// The item.
    pub item: LinkView,
    /// Grade before (none when first evaluated).
    pub before: Option<GradeView>,
    /// Grade now.
    pub after: GradeView,
}

/// An indicator whose value moved.
#[derive(Debug, Serialize)]
pub struct MoveView {
    /// Indicator name.
    pub name: String,
    /// Value before, with unit.
    pub before: String,
    /// Value now, with unit.
    pub after: String,
    /// 改善 / 悪化 / 変化.
    pub judgement: &'static str,
}

/// A roadmap revision.
#[derive(Debug, Serialize)]
pub struct RoadmapChangeView {
    /// The item, if named.
    pub item: Option<LinkView>,
    /// What changed.
    pub change: String,
}

/// A committee meeting ready to print.
#[derive(Debug, Serialize)]
pub struct MeetingView {
    /// Date.
    pub date: String,
    /// Name.
    pub title: String,
    /// Summary (HTML).
    pub summary: String,
    /// Minutes URL, or empty.
    pub minutes: String,
}

/// An aggregate figure as published.
#[derive(Debug, Serialize)]
pub struct FigureView {
    /// Name.
    pub name: String,
    /// Value with unit, e.g. 89.7%, or empty.
    pub value: String,
    /// Count, e.g. 29項目中26項目, or empty.
    pub count: String,
    /// Note.
    pub note: String,
}

/// Everything the cycle page shows.
#[derive(Debug, Serialize)]
pub struct CycleView {
    /// e.g. 2025年度.
    pub year: String,
    /// Publication date, or empty.
    pub published: String,
    /// Overview (HTML).
    pub summary: String,
    /// Items evaluated.
    pub evaluated: usize,
    /// Items of the plan.
    pub item_count: usize,
    /// Grade distribution.
    pub counts: Vec<CountView>,
    /// Published rates.
    pub rates: Vec<RateView>,
    /// Aggregate figures as the government published them.
    pub figures: Vec<FigureView>,
    /// Items grouped by goal.
    pub goals: Vec<GoalGrades>,
    /// Committee meetings.
    pub meetings: Vec<MeetingView>,
    /// Every opinion of the cycle.
    pub opinions: Vec<OpinionView>,
    /// Every revision of the cycle.
    pub revisions: Vec<RevisionView>,
    /// Indicator actuals.
    pub actuals: Vec<ActualView>,
    /// Changes since the previous cycle.
    pub changes: ChangesView,
    /// The file the results come from.
    pub source_file: String,
}

fn percent(n: usize, d: usize) -> String {
    if d == 0 {
        "－".into()
    } else {
        format!("{:.1}%", n as f64 * 100.0 / d as f64)
    }
}

fn status_word(s: Status) -> &'static str {
    crate::achievement::status_label(s)
}

fn owner_link(plan: &Plan, owner: Owner) -> Option<LinkView> {
    match owner {
        Owner::Plan => None,
        Owner::Goal(n) => plan.goals.iter().find(|g| g.number == n).map(|g| LinkView {
            title: format!("{} {}", plan.goal_label(g.number), g.title),
            url: paths::goal(&plan.id, g.number),
        }),
        Owner::Item(n) => item_link(plan, n),
    }
}

/// The view of `cycle` of `plan`.
pub fn cycle_view(site: &Site, plan: &Plan, cycle: &Cycle) -> CycleView {
    let era = site.settings.era_years;
    let total = cycle.items.len();
    let counts = cycles::grade_counts(plan, cycle)
        .into_iter()
        .map(|c| CountView {
            grade: grade(plan, &c.key),
            share: percent(c.count, total),
            count: c.count,
        })
        .collect();
    let rates = cycles::rates(plan, cycle)
        .into_iter()
        .zip(&plan.rates)
        .map(|(r, def)| RateView {
            value: r
                .percent()
                .map(|p| format!("{p:.1}%"))
                .unwrap_or_else(|| "－".into()),
            calculation: format!("{} ÷ {}", r.numerator, r.denominator),
            formula: r.formula,
            name: r.name,
            meaning: md(&def.meaning),
        })
        .collect();
    let goals = plan
        .goals
        .iter()
        .map(|g| GoalGrades {
            goal: LinkView {
                title: format!("{} {}", plan.goal_label(g.number), g.title),
                url: paths::goal(&plan.id, g.number),
            },
            items: plan
                .items
                .iter()
                .filter(|i| i.goal == Some(g.number))
                .map(|i| GradedItem {
                    item: item_link(plan, i.number).expect("item exists"),
                    grade: cycle.item(i.number).map(|r| grade(plan, &r.grade)),
                })
                .collect(),
        })
        .filter(|g| !g.items.is_empty())
        .collect::<Vec<_>>();
    let mut goals = goals;
    // Items outside any goal: every item of a one-level plan.
    let loose: Vec<GradedItem> = plan
        .items
        .iter()
        .filter(|i| i.goal.is_none())
        .map(|i| GradedItem {
            item: item_link(plan, i.number).expect("item exists"),
            grade: cycle.item(i.number).map(|r| grade(plan, &r.grade)),
        })
        .collect();
    if !loose.is_empty() {
        goals.push(GoalGrades {
            goal: LinkView {
                title: format!("{}の一覧", plan.item_level().name),
                url: paths::plan(&plan.id),
            },
            items: loose,
        });
    }
    let opinions = cycle
        .items
        .iter()
        .flat_map(|r| {
            r.opinions.iter().map(move |o| OpinionView {
                item: item_link(plan, r.item),
                opinion: o.opinion.clone(),
                response: o.response.clone().unwrap_or_default(),
            })
        })
        .collect();
    let value_of = |id: &str, v: f64| {
        let ind = plan.indicator(id).map(|(_, i)| i);
        format!(
            "{}{}",
            number(v, ind.and_then(|i| i.precision)),
            ind.map(|i| i.unit.as_str()).unwrap_or("")
        )
    };
    let actuals = cycle
        .actuals
        .iter()
        .map(|a| {
            let owner = plan.indicator(&a.indicator).map(|(o, _)| o);
            ActualView {
                name: indicator_name(plan, &a.indicator),
                owner: owner.and_then(|o| owner_link(plan, o)),
                value: match (a.value, a.total, &a.judgement) {
                    (Some(v), Some(t), _) => format!(
                        "{}（累計{}）",
                        value_of(&a.indicator, v),
                        value_of(&a.indicator, t)
                    ),
                    (Some(v), None, _) => value_of(&a.indicator, v),
                    (None, Some(t), _) => format!("累計{}", value_of(&a.indicator, t)),
                    (None, None, Some(j)) => j.clone(),
                    (None, None, None) => "未公表".into(),
                },
                note: a.note.clone().unwrap_or_default(),
            }
        })
        .collect();
    let ch = cycles::changes(plan, cycle);
    let changes = ChangesView {
        previous: ch
            .previous
            .and_then(|y| plan.cycles.iter().find(|c| c.year == y))
            .map(|c| cycle_link(plan, c, era)),
        grades: ch
            .grades
            .iter()
            .filter_map(|g| {
                Some(GradeChangeView {
                    item: item_link(plan, g.item)?,
                    before: g.before.as_deref().map(|b| grade(plan, b)),
                    after: grade(plan, &g.after),
                })
            })
            .collect(),
        moved: ch
            .moved
            .iter()
            .map(|m| MoveView {
                name: indicator_name(plan, &m.indicator),
                before: value_of(&m.indicator, m.before),
                after: value_of(&m.indicator, m.after),
                judgement: status_word(m.status),
            })
            .collect(),
        new_indicators: ch
            .new_indicators
            .iter()
            .map(|i| indicator_name(plan, i))
            .collect(),
        retired_indicators: ch
            .retired_indicators
            .iter()
            .map(|i| indicator_name(plan, i))
            .collect(),
        roadmap: ch
            .roadmap
            .iter()
            .map(|(n, c)| RoadmapChangeView {
                item: n.and_then(|n| item_link(plan, n)),
                change: c.clone(),
            })
            .collect(),
    };
    CycleView {
        year: fiscal_year(cycle.year, era),
        published: cycle.published.clone().unwrap_or_default(),
        summary: md(&cycle.summary),
        evaluated: total,
        item_count: plan.items.len(),
        counts,
        rates,
        figures: cycle
            .figures
            .iter()
            .map(|f| FigureView {
                name: f.name.clone(),
                value: match f.value {
                    Some((v, ref unit)) => format!("{}{unit}", number(v, None)),
                    None => String::new(),
                },
                count: match f.count {
                    Some((n, Some(of))) => format!("{of}{}中{n}{}", f.counter, f.counter),
                    Some((n, None)) => format!("{n}{}", f.counter),
                    None => String::new(),
                },
                note: f.note.clone().unwrap_or_default(),
            })
            .collect(),
        goals,
        meetings: cycle
            .meetings
            .iter()
            .map(|m| MeetingView {
                date: m.date.clone(),
                title: m.title.clone().unwrap_or_default(),
                summary: md(&m.summary),
                minutes: m.minutes.clone().unwrap_or_default(),
            })
            .collect(),
        opinions,
        revisions: cycle
            .revisions
            .iter()
            .map(|r| revision(plan, r, era))
            .collect(),
        actuals,
        changes,
        source_file: cycle.source_file.clone(),
    }
}
