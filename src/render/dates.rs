//! 更新日: the date each page shows as its update date.
//!
//! It is the date of the newest data the page shows (a results publication,
//! a dated page, a plan's adoption), never the build time, so builds stay
//! byte-identical and adding a year's results changes the date only on the
//! pages that show those results.

use crate::model::{Cycle, Plan, Site};

/// The date of the newest data in the whole site.
pub fn data_date(site: &Site) -> String {
    let plans = site.plans.iter().map(plan_date);
    let pages = site.pages.iter().filter_map(|p| p.date.clone());
    plans.chain(pages).max().unwrap_or_default()
}

/// The newest of a plan's adoption and its results publications.
fn plan_date(plan: &Plan) -> String {
    plan_date_where(plan, |_| true)
}

/// A site-relative page path split at `/`, without `.html`.
fn parts(path: &str) -> Vec<&str> {
    path.trim_end_matches(".html").split('/').collect()
}

/// Whether the page `parts` of `plan` (`plans/<id>/…`) shows data of cycle `c`:
/// the plan page and dashboard show every cycle, a cycle page its own, an
/// item page the cycles that evaluate it, measure its indicators or revise
/// it, a goal page those that measure its indicators; other plan pages none.
fn plan_page_shows(plan: &Plan, parts: &[&str], c: &Cycle) -> bool {
    let number = |n: &str| n.parse::<u32>().ok();
    match parts {
        ["plans", _, "index" | "indicators"] => true,
        ["plans", _, "cycles", year] => c.year.to_string() == *year,
        ["plans", _, "items", n] => {
            let Some(n) = number(n) else { return false };
            let ids: Vec<&str> = plan
                .item(n)
                .map(|i| i.indicators.iter().map(|x| x.id.as_str()).collect())
                .unwrap_or_default();
            let shows = |id: &Option<String>| id.as_deref().is_some_and(|i| ids.contains(&i));
            c.item(n).is_some()
                || c.actuals
                    .iter()
                    .any(|a| ids.contains(&a.indicator.as_str()))
                || c.revisions
                    .iter()
                    .any(|r| r.item == Some(n) || shows(&r.indicator))
        }
        ["plans", _, "goals", n] => {
            let Some(n) = number(n) else { return false };
            let ids: Vec<&str> = plan
                .goals
                .iter()
                .filter(|g| g.number == n)
                .flat_map(|g| g.indicators.iter().map(|x| x.id.as_str()))
                .collect();
            c.actuals
                .iter()
                .any(|a| ids.contains(&a.indicator.as_str()))
        }
        _ => false,
    }
}

/// The fiscal years of the draft cycles whose data the page at `path`
/// shows (empty in a build without drafts): the home page shows the main
/// plan's, the open data every plan's, a plan's pages as [`page_date`] reads
/// them.
pub fn draft_years(site: &Site, path: &str) -> Vec<i32> {
    let parts = parts(path);
    let drafts = |p: &Plan, shows: &dyn Fn(&Cycle) -> bool| -> Vec<i32> {
        p.cycles
            .iter()
            .filter(|c| c.draft && shows(c))
            .map(|c| c.year)
            .collect()
    };
    match parts.as_slice() {
        ["index"] => site
            .main_plan()
            .map(|p| drafts(p, &|_| true))
            .unwrap_or_default(),
        ["data", "index"] => site
            .plans
            .iter()
            .flat_map(|p| drafts(p, &|_| true))
            .collect(),
        ["plans", id, ..] => site
            .plans
            .iter()
            .find(|p| p.id == *id)
            .map(|p| drafts(p, &|c| plan_page_shows(p, &parts, c)))
            .unwrap_or_default(),
        _ => Vec::new(),
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

/// The 更新日 of the page at the site-relative `path`; empty for pages that
/// show no dated data (404, search).
pub fn page_date(site: &Site, path: &str) -> String {
    let parts = parts(path);
    match parts.as_slice() {
        ["index"] | ["data", "index"] | ["accessibility"] => data_date(site),
        ["plans", id, ..] => match site.plans.iter().find(|p| p.id == *id) {
            Some(p) => plan_date_where(p, |c| plan_page_shows(p, &parts, c)),
            None => String::new(),
        },
        ["divisions", ..] => site
            .plans
            .iter()
            .filter_map(|p| p.adopted.clone())
            .max()
            .unwrap_or_default(),
        ["pages", slug] => site
            .pages
            .iter()
            .find(|p| p.slug == *slug)
            .and_then(|p| p.date.clone())
            .unwrap_or_default(),
        _ => String::new(),
    }
}
