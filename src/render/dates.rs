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
    let parts: Vec<&str> = path.trim_end_matches(".html").split('/').collect();
    let plan = |id: &str| site.plans.iter().find(|p| p.id == id);
    let number = |n: &str| n.parse::<u32>().ok();
    match parts.as_slice() {
        ["index"] | ["data", "index"] | ["accessibility"] => data_date(site),
        ["plans", id, "index" | "indicators"] => plan(id).map(plan_date).unwrap_or_default(),
        ["plans", id, "cycles", year] => plan(id)
            .map(|p| plan_date_where(p, |c| c.year.to_string() == *year))
            .unwrap_or_default(),
        ["plans", id, "items", n] => match (plan(id), number(n)) {
            (Some(p), Some(n)) => {
                let ids: Vec<&str> = p
                    .item(n)
                    .map(|i| i.indicators.iter().map(|x| x.id.as_str()).collect())
                    .unwrap_or_default();
                let shows = |id: &Option<String>| id.as_deref().is_some_and(|i| ids.contains(&i));
                plan_date_where(p, |c| {
                    c.item(n).is_some()
                        || c.actuals
                            .iter()
                            .any(|a| ids.contains(&a.indicator.as_str()))
                        || c.revisions
                            .iter()
                            .any(|r| r.item == Some(n) || shows(&r.indicator))
                })
            }
            _ => String::new(),
        },
        ["plans", id, "goals", n] => match (plan(id), number(n)) {
            (Some(p), Some(n)) => {
                let ids: Vec<&str> = p
                    .goals
                    .iter()
                    .filter(|g| g.number == n)
                    .flat_map(|g| g.indicators.iter().map(|x| x.id.as_str()))
                    .collect();
                plan_date_where(p, |c| {
                    c.actuals
                        .iter()
                        .any(|a| ids.contains(&a.indicator.as_str()))
                })
            }
            _ => String::new(),
        },
        ["plans", id, ..] => plan(id).and_then(|p| p.adopted.clone()).unwrap_or_default(),
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
