//! The words for the levels of the structure on pages that span every plan
//! (the division list, the search page, the data page): the plans' own names.

use serde::Serialize;

use crate::model::{Plan, Site};

/// The level names used across the site's plans, each joined with 「・」
/// when plans name a level differently (e.g. 実施項目・取組項目).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SiteLevels {
    /// Names of the first level above the items (目標), or 目標 when no plan has one.
    pub goal: String,
    /// Names of the second level above the items (方針), or 方針 when no plan has one.
    pub policy: String,
    /// Names of the third level above the items (plans of four levels), or
    /// empty when no plan has one.
    pub node: String,
    /// Names of the items' level (実施項目).
    pub item: String,
    /// The main plan's level names top first, joined with 「・」, e.g. 目標・方針・実施項目.
    pub structure: String,
}

impl SiteLevels {
    /// The level names of `site`'s plans.
    pub fn new(site: &Site) -> Self {
        let names = |pick: &dyn Fn(&Plan) -> Option<String>, fallback: &str| {
            let mut out: Vec<String> = Vec::new();
            for p in &site.plans {
                if let Some(n) = pick(p).filter(|n| !n.is_empty())
                    && !out.contains(&n)
                {
                    out.push(n);
                }
            }
            if out.is_empty() {
                fallback.to_string()
            } else {
                out.join("・")
            }
        };
        let above = |depth: usize| {
            move |p: &Plan| (p.levels.len() > depth + 1).then(|| p.level(depth).name.clone())
        };
        SiteLevels {
            goal: names(&above(0), "目標"),
            policy: names(&above(1), "方針"),
            node: names(&above(2), ""),
            item: names(&|p: &Plan| Some(p.item_level().name.clone()), "実施項目"),
            structure: site.main_plan().map_or_else(
                || "目標・方針・実施項目".to_string(),
                |p| {
                    p.levels
                        .iter()
                        .map(|l| l.name.as_str())
                        .collect::<Vec<_>>()
                        .join("・")
                },
            ),
        }
    }
}
