//! The division pages: which items each division takes part in, the index
//! grouped by 部局, and each division's items by plan, goal and mark.

use serde::Serialize;

use crate::model::*;
use crate::urls::paths;
use crate::views::{ItemRow, PlanView};

/// The items each division is responsible for or involved in (through a
/// project), as (plan index, item index) in plan and item order; built in
/// one pass over the items.
pub(super) fn items_by_division(site: &Site) -> Vec<Vec<(usize, usize)>> {
    let index: std::collections::HashMap<&str, usize> = site
        .divisions
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut by_division = vec![Vec::new(); site.divisions.len()];
    let mut seen = Vec::new();
    for (p, plan) in site.plans.iter().enumerate() {
        for (i, item) in plan.items.iter().enumerate() {
            seen.clear();
            let ids = item.divisions.iter().chain(
                item.projects
                    .iter()
                    .flat_map(|pr| pr.divisions.iter().chain(&pr.related_divisions)),
            );
            for id in ids {
                if let Some(&d) = index.get(id.as_str())
                    && !seen.contains(&d)
                {
                    seen.push(d);
                    by_division[d].push((p, i));
                }
            }
        }
    }
    by_division
}

/// The view of a division's page from its items (see [`items_by_division`]).
/// The rows live here, so the view is returned serialised.
pub(super) fn page(site: &Site, d: &Division, items: &[(usize, usize)]) -> tera::Value {
    let era = site.settings.era_years;
    // Each row is built once and shown in up to three lists.
    let rows: Vec<Vec<(&Item, ItemRow)>> = site
        .plans
        .iter()
        .enumerate()
        .map(|(p, plan)| {
            items
                .iter()
                .filter(|(ip, _)| *ip == p)
                .map(|&(_, i)| {
                    let item = &plan.items[i];
                    let leads = item.divisions.contains(&d.id)
                        || item.projects.iter().any(|pr| pr.divisions.contains(&d.id));
                    let mut row = ItemRow::new(site, plan, item);
                    row.role = if leads {
                        "取組所属"
                    } else {
                        "関係所属"
                    };
                    (item, row)
                })
                .collect()
        })
        .collect();
    let mut groups = Vec::new();
    for (plan, selected) in site.plans.iter().zip(&rows) {
        if selected.is_empty() {
            continue;
        }
        // The selected items that `keep` accepts, under an anchor; none if empty.
        let group = |anchor: String, title: String, keep: &dyn Fn(&Item) -> bool| {
            let items: Vec<&ItemRow> = selected
                .iter()
                .filter(|(i, _)| keep(i))
                .map(|(_, row)| row)
                .collect();
            (!items.is_empty()).then_some(FilterGroup {
                anchor,
                title,
                items,
            })
        };
        let goals = plan
            .goals
            .iter()
            .filter_map(|g| {
                group(
                    format!("{}-goal-{}", plan.id, g.number),
                    format!("{} {}", plan.goal_label(g.number), g.title),
                    &|i: &Item| i.goal() == Some(g.number),
                )
            })
            .collect();
        let marks = plan
            .marks
            .iter()
            .filter_map(|m| {
                group(
                    format!("{}-mark-{}", plan.id, m.id),
                    format!("{}（{}）", m.symbol, m.label),
                    &|i: &Item| i.marks.contains(&m.id),
                )
            })
            .collect();
        groups.push(DivisionPlan {
            plan: PlanView::new(plan, era),
            items: selected.iter().map(|(_, row)| row).collect(),
            goals,
            marks,
        });
    }
    tera::Value::from_serializable(&DivisionPage {
        bureau: d.bureau.as_deref().unwrap_or_default(),
        aliases: &d.aliases,
        contact: d.contact.as_deref().unwrap_or_default(),
        url: d.url.as_deref().unwrap_or_default(),
        groups,
    })
}

/// The view of the division index: every division grouped by 部局, bureaus
/// in the order they first appear; divisions without one come last, under
/// 部局の記載なし.
pub(super) fn index<'a>(site: &'a Site, items: &[Vec<(usize, usize)>]) -> Vec<BureauGroup<'a>> {
    let mut groups: Vec<BureauGroup> = Vec::new();
    let mut none = Vec::new();
    for (d, items) in site.divisions.iter().zip(items) {
        let row = DivisionRow {
            name: &d.name,
            bureau: d.bureau.as_deref().unwrap_or_default(),
            url: paths::division(&d.id),
            item_count: items.len(),
        };
        if row.bureau.is_empty() {
            none.push(row);
        } else if let Some(g) = groups.iter_mut().find(|g| g.bureau == row.bureau) {
            g.divisions.push(row);
        } else {
            groups.push(BureauGroup {
                bureau: row.bureau,
                divisions: vec![row],
            });
        }
    }
    if !none.is_empty() {
        groups.push(BureauGroup {
            bureau: "部局の記載なし",
            divisions: none,
        });
    }
    groups
}

#[derive(Serialize)]
pub(super) struct DivisionRow<'a> {
    name: &'a str,
    bureau: &'a str,
    url: String,
    item_count: usize,
}

#[derive(Serialize)]
pub(super) struct BureauGroup<'a> {
    bureau: &'a str,
    divisions: Vec<DivisionRow<'a>>,
}

#[derive(Serialize)]
struct DivisionPlan<'a> {
    plan: PlanView<'a>,
    items: Vec<&'a ItemRow>,
    /// The same items by goal, for the static filter links.
    goals: Vec<FilterGroup<'a>>,
    /// The items carrying each mark, for the static filter links.
    marks: Vec<FilterGroup<'a>>,
}

/// A subset of items reachable by a plain link (an anchor on the page).
#[derive(Serialize)]
struct FilterGroup<'a> {
    anchor: String,
    title: String,
    items: Vec<&'a ItemRow>,
}

#[derive(Serialize)]
struct DivisionPage<'a> {
    bureau: &'a str,
    aliases: &'a [String],
    /// How to reach the division (empty: not given).
    contact: &'a str,
    /// Its own page (empty: not given).
    url: &'a str,
    groups: Vec<DivisionPlan<'a>>,
}
