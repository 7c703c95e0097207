//! The view of a cycle page (a year's evaluation results) and of the
//! changes since the previous cycle.

use serde::Serialize;

use super::thread::{
    GradeView, OpinionView, RevisionView, cycle_link, grade, indicator_name, item_link, revision,
};
use super::{Html, LinkView, md};
use crate::achievement::Status;
use crate::model::cycles;
use crate::model::*;
use crate::urls::paths;
use crate::years::{fiscal_year, number};

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
    pub meaning: Html,
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
    pub summary: Html,
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
    pub summary: Html,
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
        Owner::Goal(r) => Some(LinkView::goal(plan, plan.goal_at(r))),
        Owner::Item(r) => Some(LinkView::item(plan, plan.item_at(r))),
    }
}

/// The grade distribution of `cycle`, with each grade's share.
pub fn grade_counts(plan: &Plan, cycle: &Cycle) -> Vec<CountView> {
    let total = cycle.items.len();
    cycles::grade_counts(plan, cycle)
        .into_iter()
        .map(|c| CountView {
            grade: grade(plan, &c.key),
            share: percent(c.count, total),
            count: c.count,
        })
        .collect()
}

/// A cycle as the home page shows it: the year and the grade distribution.
#[derive(Debug, Serialize)]
pub struct LatestCycle {
    /// e.g. 2025年度.
    pub year: String,
    /// Items evaluated.
    pub evaluated: usize,
    /// Grade distribution.
    pub counts: Vec<CountView>,
}

/// The home page's summary of `cycle`.
pub fn latest(plan: &Plan, cycle: &Cycle, era: bool) -> LatestCycle {
    LatestCycle {
        year: fiscal_year(cycle.year, era),
        evaluated: cycle.items.len(),
        counts: grade_counts(plan, cycle),
    }
}

/// The view of `cycle` of `plan`.
pub fn cycle_view(site: &Site, plan: &Plan, cycle: &Cycle) -> CycleView {
    let era = site.settings.era_years;
    let total = cycle.items.len();
    let counts = grade_counts(plan, cycle);
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
            goal: LinkView::goal(plan, g),
            items: plan
                .items
                .iter()
                .filter(|i| i.goal() == Some(g.number))
                .map(|i| GradedItem {
                    item: LinkView::item(plan, i),
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
        .filter(|i| i.goal().is_none())
        .map(|i| GradedItem {
            item: LinkView::item(plan, i),
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
