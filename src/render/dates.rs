//! 更新日: the date each page shows as its update date, and the draft years
//! its 「公表前の案」 banner names, both from the page's kind.
//!
//! The update date is the date of the newest data the page shows (a results
//! publication, a dated page, a plan's adoption), never the build time, so
//! builds stay byte-identical and adding a year's results changes the date
//! only on the pages that show those results.

use super::pages::PageKind;
use crate::model::{Cycle, IndicatorId, Plan, Site};

/// The date of the newest data in the whole site.
pub fn data_date(site: &Site) -> String {
    let plans = site.plans.iter().map(|p| plan_date_where(p, |_| true));
    let pages = site.pages.iter().filter_map(|p| p.date.clone());
    plans.chain(pages).max().unwrap_or_default()
}

/// Whether the page `kind` of `plan` shows data of cycle `c`: the plan page
/// and dashboard show every cycle, a cycle page its own, an item page the
/// cycles that evaluate it, measure its indicators or revise it, a goal page
/// those that measure its indicators; other plan pages none.
fn plan_page_shows(plan: &Plan, kind: PageKind, c: &Cycle) -> bool {
    match kind {
        PageKind::Plan { .. } | PageKind::Dashboard { .. } => true,
        PageKind::Cycle { cycle, .. } => c.year == plan.cycles[cycle].year,
        PageKind::Item { item, .. } => {
            let item = &plan.items[item];
            let n = item.number;
            let ids: Vec<&str> = item.indicators.iter().map(|x| x.id.as_str()).collect();
            let shows = |id: &Option<IndicatorId>| id.as_deref().is_some_and(|i| ids.contains(&i));
            // Through the cycle's index of actuals: a cycle holds the
            // actuals of every item of the plan.
            c.item(n).is_some()
                || ids.iter().any(|id| c.actual(id).is_some())
                || c.revisions
                    .iter()
                    .any(|r| r.item == Some(n) || shows(&r.indicator))
        }
        PageKind::Goal { goal, .. } => plan.goals[goal]
            .indicators
            .iter()
            .any(|x| c.actual(&x.id).is_some()),
        _ => false,
    }
}

/// The fiscal years of the draft cycles whose data the page `kind` shows
/// (empty in a build without drafts): the home page shows the main plan's,
/// the open data every plan's, a plan's pages as [`page_date`] reads them.
pub fn draft_years(site: &Site, kind: PageKind) -> Vec<i32> {
    let drafts = |p: &Plan, shows: &dyn Fn(&Cycle) -> bool| -> Vec<i32> {
        p.cycles
            .iter()
            .filter(|c| c.draft && shows(c))
            .map(|c| c.year)
            .collect()
    };
    match kind {
        PageKind::Home => site
            .main_plan()
            .map(|p| drafts(p, &|_| true))
            .unwrap_or_default(),
        PageKind::Data => site
            .plans
            .iter()
            .flat_map(|p| drafts(p, &|_| true))
            .collect(),
        _ => match kind.plan() {
            Some(plan) => {
                let p = &site.plans[plan];
                drafts(p, &|c| plan_page_shows(p, kind, c))
            }
            None => Vec::new(),
        },
    }
}

/// The newest of the adoption and the publications of the cycles `touches` accepts.
fn plan_date_where(plan: &Plan, touches: impl Fn(&Cycle) -> bool) -> String {
    plan.cycles
        .iter()
        .filter(|c| touches(c))
        .filter_map(|c| c.published.clone())
        .chain(plan.adopted.clone())
        .max()
        .unwrap_or_default()
}

/// The 更新日 of the page `kind`; empty for pages that show no dated data
/// (404, search).
pub fn page_date(site: &Site, kind: PageKind) -> String {
    match kind {
        PageKind::Home | PageKind::Data | PageKind::Accessibility => data_date(site),
        PageKind::Divisions | PageKind::Division { .. } => site
            .plans
            .iter()
            .filter_map(|p| p.adopted.clone())
            .max()
            .unwrap_or_default(),
        PageKind::Page { page } => site.pages[page].date.clone().unwrap_or_default(),
        PageKind::Search | PageKind::NotFound => String::new(),
        _ => match kind.plan() {
            Some(plan) => {
                let p = &site.plans[plan];
                plan_date_where(p, |c| plan_page_shows(p, kind, c))
            }
            None => String::new(),
        },
    }
}
