//! The view each page kind gives its template as `page`, built when the page
//! is rendered (in parallel, and dropped right after, so the views of
//! thousands of item and division pages are never all in memory at once).

use serde::Serialize;

use super::Pages;
use super::pages::PageKind;
use crate::model::*;
use crate::urls::paths;
use crate::views::cycle;
use crate::views::*;

fn value<T: Serialize>(v: &T) -> tera::Value {
    tera::Value::from_serializable(v)
}

/// The view of the page `kind` of `site`.
pub(super) fn page_view(pages: &Pages, site: &Site, kind: PageKind) -> tera::Value {
    let era = site.settings.era_years;
    match kind {
        PageKind::Home => value(&home(site)),
        PageKind::Plan { plan } => value(&plan_page(pages, site, plan)),
        PageKind::Goal { plan, goal } => value(&GoalPage {
            plan: PlanView::new(&site.plans[plan], era),
            goal: &pages.goals(site, plan)[goal],
        }),
        PageKind::Policy { plan, goal, policy } => value(&PolicyPage {
            plan: PlanView::new(&site.plans[plan], era),
            policy: &pages.goals(site, plan)[goal].policies[policy],
        }),
        PageKind::Node {
            plan,
            goal,
            policy,
            node,
        } => value(&NodePage {
            plan: PlanView::new(&site.plans[plan], era),
            node: &pages.goals(site, plan)[goal].policies[policy].nodes[node],
        }),
        PageKind::Dashboard { plan } => {
            let plan = &site.plans[plan];
            value(&DashboardPage {
                plan: PlanView::new(plan, era),
                groups: crate::views::indicator::dashboard(plan, era),
                cards: crate::views::card::dashboard(plan, era),
                counts: crate::views::indicator::status_counts(plan),
                formulas: crate::views::indicator::formulas(),
            })
        }
        PageKind::Mark { plan, mark } => {
            let plan = &site.plans[plan];
            let m = &plan.marks[mark];
            value(&MarkPage {
                plan: PlanView::new(plan, era),
                label: m.label.clone(),
                items: plan
                    .items
                    .iter()
                    .filter(|i| i.marks.contains(&m.id))
                    .map(|i| ItemRow::new(site, plan, i))
                    .collect(),
            })
        }
        PageKind::Cycle { plan, cycle } => {
            let plan = &site.plans[plan];
            value(&CyclePage {
                plan: PlanView::new(plan, era),
                cycle: cycle::cycle_view(site, plan, &plan.cycles[cycle]),
            })
        }
        PageKind::Item { plan, item } => {
            let plan = &site.plans[plan];
            value(&item_page(site, plan, &plan.items[item]))
        }
        PageKind::Divisions => value(&super::divisions::index(site, &pages.division_items)),
        PageKind::Division { division } => super::divisions::page(
            site,
            &site.divisions[division],
            &pages.division_items[division],
        ),
        PageKind::Page { page } => {
            let p = &site.pages[page];
            value(&PageBody {
                content: Html::page(&p.body),
                date: p.date.clone().unwrap_or_default(),
            })
        }
        PageKind::Data => value(&DataPage {
            sets: pages
                .data_sets
                .iter()
                .map(|set| DataSetView {
                    csv: paths::data_file(set.name, "csv"),
                    json: paths::data_file(set.name, "json"),
                    set,
                })
                .collect(),
            licence: LinkView {
                title: site.settings.licence.name.clone(),
                url: site.settings.licence.url.clone().unwrap_or_default(),
            },
            catalog: paths::CATALOG,
        }),
        PageKind::Search => value(&crate::search::page_view(site)),
        PageKind::Accessibility => value(&StatementPage {
            page_count: pages.len(),
        }),
        PageKind::NotFound => tera::Value::none(),
    }
}

fn home(site: &Site) -> Home<'_> {
    let era = site.settings.era_years;
    let main = site.main_plan();
    Home {
        plan: main.map(|p| PlanView::new(p, era)),
        goals: main
            .map(|p| p.goals.iter().map(|g| GoalCard::new(p, g)).collect())
            .unwrap_or_default(),
        latest: main.and_then(|p| p.latest_cycle().map(|c| cycle::latest(p, c, era))),
        indicator_counts: main.map(crate::views::indicator::status_counts),
        dashboard: main.map(|p| paths::dashboard(&p.id)).unwrap_or_default(),
        archived: site
            .plans
            .iter()
            .filter(|p| p.status == PlanStatus::Archived)
            .map(|p| PlanView::new(p, era))
            .collect(),
        pages: site
            .pages
            .iter()
            .filter(|p| p.date.is_none())
            .map(|p| LinkView {
                title: p.title.clone(),
                url: paths::page(&p.slug),
            })
            .collect(),
        news: {
            let mut news: Vec<&Page> = site.pages.iter().filter(|p| p.date.is_some()).collect();
            news.sort_by(|a, b| b.date.cmp(&a.date).then(a.slug.cmp(&b.slug)));
            news.iter()
                .map(|p| LinkView {
                    title: format!("{}　{}", p.date.as_deref().unwrap_or_default(), p.title),
                    url: paths::page(&p.slug),
                })
                .collect()
        },
    }
}

fn plan_page<'p>(pages: &'p Pages, site: &'p Site, index: usize) -> PlanPage<'p> {
    let plan = &site.plans[index];
    let era = site.settings.era_years;
    let count = |p: Placement| plan.items.iter().filter(|i| i.placement == p).count();
    let (inferred, unknown) = (count(Placement::Inferred), count(Placement::Unknown));
    PlanPage {
        summary: md(&plan.summary),
        source: md(&plan.source),
        structure_note: md(&plan.structure_note),
        grades_note: md(&plan.grades_note),
        grades: plan
            .grades
            .iter()
            .map(|g| GradeView {
                key: &g.key,
                label: &g.label,
                meaning: g.meaning.as_deref().unwrap_or_default(),
            })
            .collect(),
        marks: plan
            .marks
            .iter()
            .map(|m| MarkView {
                symbol: &m.symbol,
                label: &m.label,
                url: paths::mark(&plan.id, &m.id),
                count: plan
                    .items
                    .iter()
                    .filter(|i| i.marks.contains(&m.id))
                    .count(),
            })
            .collect(),
        divisions: plan_divisions(site, plan),
        cycles: plan
            .cycles
            .iter()
            .rev()
            .map(|c| crate::views::thread::cycle_link(plan, c, era))
            .collect(),
        indicators: plan
            .indicators
            .iter()
            .map(|i| IndicatorView::new(plan, i, era).with_earlier(site))
            .collect(),
        documented_count: plan.items.len() - inferred - unknown,
        inferred_count: inferred,
        unknown_count: unknown,
        placement_of: placement_of(plan),
        items: plan
            .items
            .iter()
            .filter(|i| i.goal().is_none())
            .map(|i| ItemRow::new(site, plan, i))
            .collect(),
        goals: pages.goals(site, index),
        events: crate::views::events::events(plan),
        plan: PlanView::new(plan, era),
    }
}

/// The name of the level items are placed in: the one just above them, or
/// 体系 when the plan has one level.
fn placement_of(plan: &Plan) -> String {
    plan.placement_level().to_string()
}

/// The view of an item page.
fn item_page<'a>(site: &Site, plan: &'a Plan, item: &'a Item) -> ItemPage<'a> {
    let era = site.settings.era_years;
    ItemPage {
        plan: PlanView::new(plan, era),
        placement_of: placement_of(plan),
        summary: md(&item.summary),
        note: md(&item.note),
        years: plan
            .period
            .years()
            .map(|y| crate::years::fiscal_year(y, era))
            .collect(),
        projects: (0..item.projects.len())
            .map(|i| ProjectView::new(site, plan, item, i))
            .collect(),
        thread: crate::views::thread::thread(site, plan, item),
        indicators: item
            .indicators
            .iter()
            .map(|i| IndicatorView::new(plan, i, era).with_earlier(site))
            .collect(),
        source_file: &item.source_file,
        item: ItemRow::new(site, plan, item),
    }
}

/// Links to the divisions responsible for items of `plan`, with item counts.
fn plan_divisions(site: &Site, plan: &Plan) -> Vec<LinkView> {
    site.divisions
        .iter()
        .filter_map(|d| {
            let n = plan
                .items
                .iter()
                .filter(|i| i.divisions.contains(&d.id))
                .count();
            (n > 0).then(|| LinkView {
                title: format!("{}（{}）", d.name, n),
                url: paths::division(&d.id),
            })
        })
        .collect()
}

#[derive(Serialize)]
struct GradeView<'a> {
    key: &'a str,
    label: &'a str,
    meaning: &'a str,
}

#[derive(Serialize)]
struct MarkView<'a> {
    symbol: &'a str,
    label: &'a str,
    /// The page listing the plan's items with this mark.
    url: String,
    /// How many items carry it.
    count: usize,
}

#[derive(Serialize)]
struct Home<'a> {
    plan: Option<PlanView<'a>>,
    goals: Vec<GoalCard<'a>>,
    latest: Option<crate::views::cycle::LatestCycle>,
    indicator_counts: Option<crate::views::indicator::StatusCounts>,
    dashboard: String,
    archived: Vec<PlanView<'a>>,
    pages: Vec<LinkView>,
    news: Vec<LinkView>,
}

#[derive(Serialize)]
struct PlanPage<'a> {
    plan: PlanView<'a>,
    summary: Html,
    source: Html,
    structure_note: Html,
    grades_note: Html,
    grades: Vec<GradeView<'a>>,
    marks: Vec<MarkView<'a>>,
    divisions: Vec<LinkView>,
    cycles: Vec<LinkView>,
    indicators: Vec<IndicatorView>,
    documented_count: usize,
    inferred_count: usize,
    unknown_count: usize,
    /// The name of the level items are placed in (方針 in Gunma's plan).
    placement_of: String,
    /// Items outside any goal: every item of a one-level plan.
    items: Vec<ItemRow>,
    goals: &'a [GoalView],
    /// Meetings, proposals and news of the plan as a whole.
    events: Vec<crate::views::events::EventView>,
}

#[derive(Serialize)]
struct GoalPage<'a> {
    plan: PlanView<'a>,
    goal: &'a GoalView,
}

#[derive(Serialize)]
struct PolicyPage<'a> {
    plan: PlanView<'a>,
    policy: &'a PolicyView,
}

#[derive(Serialize)]
struct NodePage<'a> {
    plan: PlanView<'a>,
    node: &'a NodeView,
}

#[derive(Serialize)]
struct ItemPage<'a> {
    plan: PlanView<'a>,
    placement_of: String,
    item: ItemRow,
    summary: Html,
    note: Html,
    years: Vec<String>,
    projects: Vec<ProjectView<'a>>,
    indicators: Vec<IndicatorView>,
    thread: Vec<crate::views::thread::ThreadEntry>,
    source_file: &'a str,
}

#[derive(Serialize)]
struct DashboardPage<'a> {
    plan: PlanView<'a>,
    groups: Vec<crate::views::indicator::DashboardGroup<'a>>,
    cards: Vec<crate::views::card::CardGroup>,
    counts: crate::views::indicator::StatusCounts,
    formulas: Vec<crate::views::indicator::FormulaView>,
}

#[derive(Serialize)]
struct DataPage<'a> {
    sets: Vec<DataSetView<'a>>,
    licence: LinkView,
    /// The DCAT-AP catalogue of the data sets.
    catalog: &'static str,
}

/// A data set with the paths of its two files.
#[derive(Serialize)]
struct DataSetView<'a> {
    #[serde(flatten)]
    set: &'a super::data::DataSet,
    csv: String,
    json: String,
}

#[derive(Serialize)]
struct CyclePage<'a> {
    plan: PlanView<'a>,
    cycle: crate::views::cycle::CycleView,
}

#[derive(Serialize)]
struct MarkPage<'a> {
    plan: PlanView<'a>,
    label: String,
    items: Vec<ItemRow>,
}

#[derive(Serialize)]
struct PageBody {
    /// The page's Markdown, sanitised.
    content: Html,
    date: String,
}

#[derive(Serialize)]
struct StatementPage {
    /// Every HTML page of the site, the statement included.
    page_count: usize,
}
