//! Validation of a plan's own vocabulary: the levels of its structure and
//! the judgements its results may give.
//!
//! Rules: 1 to 4 levels with distinct, non-empty names (left out, a plan
//! has Gunma's 目標 → 方針 → 実施項目); the structure in `goals` has as many
//! levels as declared; judgements are distinct.

use serde_saphyr::Spanned;

use super::Checker;
use crate::achievement::Outcome;
use crate::load::raw::*;
use crate::model::*;

/// The most levels a plan may declare.
pub(super) const MAX_LEVELS: usize = 4;

/// The levels of a plan that declares none: Gunma's.
fn default_levels() -> Vec<Level> {
    ["目標", "方針", "実施項目"]
        .into_iter()
        .map(|name| Level {
            name: name.to_string(),
            numbering: Numbering::Arabic,
        })
        .collect()
}

/// Checks `levels:` against the structure written in `goals:`.
pub(super) fn levels(raw: &RawPlan, ck: &mut Checker<'_>) -> Vec<Level> {
    if raw.levels.is_empty() {
        return default_levels();
    }
    let mut out: Vec<Level> = Vec::new();
    for l in &raw.levels {
        let name = l.name.value.trim();
        if name.is_empty() {
            ck.error(
                &l.name,
                "bad-value",
                "a level needs a name",
                "write the plan's own word for the level, e.g. `name: 基本方針`",
            );
        } else if out.iter().any(|o| o.name == name) {
            ck.error(
                &l.name,
                "duplicate-level",
                format!("two levels are called {name}"),
                "give each level of the structure its own name",
            );
        }
        let numbering = match l
            .numbering
            .as_ref()
            .map(|n| ck.one_of(n, "numbering", &["arabic", "roman", "circled"]))
        {
            Some(Some("roman")) => Numbering::Roman,
            Some(Some("circled")) => Numbering::Circled,
            _ => Numbering::Arabic,
        };
        out.push(Level {
            name: name.to_string(),
            numbering,
        });
    }
    if out.len() > MAX_LEVELS {
        ck.error(&raw.levels[MAX_LEVELS].name,
            "too-many-levels",
            format!(
                "the plan declares {} levels; a plan has 1 to {MAX_LEVELS}",
                out.len()
            ),
            "keep the four levels whose nodes carry pages (e.g. 柱 → 施策 → 事業 → 取組) and write the others as projects 事業 of an item",
        );
        out.truncate(MAX_LEVELS);
    }
    let goal_name = out.first().map(|l| l.name.clone()).unwrap_or_default();
    match out.len() {
        1 => {
            if let Some(g) = raw.goals.first() {
                ck.error(
                    &g.number,
                    "structure-levels",
                    "the plan declares one level (its items), but `goals` gives a level above them",
                    "remove `goals`, or declare the level above the items first in `levels`",
                );
            }
        }
        2 => {
            if let Some(p) = raw.goals.iter().flat_map(|g| &g.policies).next() {
                ck.error(&p.number,
                    "structure-levels",
                    format!("the plan declares two levels ({goal_name} and its items), but `policies` gives a third"),
                    format!("remove `policies` and let items name their {goal_name} with `parent`, or declare three levels"),
                );
            }
        }
        3 => {
            if let Some(n) = raw
                .goals
                .iter()
                .flat_map(|g| &g.policies)
                .flat_map(|p| &p.nodes)
                .next()
            {
                let policy_name = out.get(1).map(|l| l.name.clone()).unwrap_or_default();
                ck.error(&n.number,
                    "structure-levels",
                    format!("the plan declares three levels ({goal_name}, {policy_name} and its items), but `nodes` gives a fourth"),
                    "remove `nodes`, or declare four levels in `levels`",
                );
            }
        }
        _ => {}
    }
    out
}

/// Checks `judgements:`.
pub(super) fn judgements(raw: &RawPlan, ck: &mut Checker<'_>) -> Vec<Judgement> {
    let mut out: Vec<Judgement> = Vec::new();
    for j in &raw.judgements {
        if out.iter().any(|o| o.label == j.label.value) {
            ck.error(
                &j.label,
                "duplicate-judgement",
                format!("judgement {} is listed twice", j.label.value),
                "list each judgement once",
            );
            continue;
        }
        let outcome = match j
            .outcome
            .as_ref()
            .map(|o| ck.one_of(o, "outcome", &["met", "partly", "not-met"]))
        {
            Some(Some("met")) => Some(Outcome::Met),
            Some(Some("partly")) => Some(Outcome::Partly),
            Some(Some("not-met")) => Some(Outcome::NotMet),
            _ => None,
        };
        out.push(Judgement {
            label: j.label.value.clone(),
            outcome,
            meaning: j.meaning.clone(),
        });
    }
    out
}

/// Where an item sits: its goal, policy or third-level node, resolved
/// against the plan's levels. `parent` and `policy` are the item's
/// raw keys.
pub(super) fn placement(
    plan: &Plan,
    item: &Spanned<u32>,
    parent: Option<&Spanned<u32>>,
    policy: Option<&Spanned<u32>>,
    ck: &mut Checker<'_>,
) -> Parent {
    let above = plan
        .levels
        .len()
        .checked_sub(2)
        .map(|d| plan.level(d).name.clone());
    let given = match (parent, policy) {
        (Some(p), Some(_)) => {
            ck.error(
                p,
                "parent-twice",
                "the item gives both `parent` and `policy`",
                "keep `parent` and remove `policy`",
            );
            Some(p)
        }
        (p, q) => p.or(q),
    };
    let Some(above) = above else {
        if let Some(p) = given {
            ck.error(
                p,
                "structure-levels",
                "this plan has one level, so items have no `parent`",
                "remove `parent` (or `policy`), or declare the level above the items in plan.yaml",
            );
        }
        return Parent::Plan;
    };
    let Some(n) = given else {
        ck.error(
            item,
            "missing-field",
            format!(
                "item {} does not say which {above} it belongs to",
                item.value
            ),
            if plan.levels.len() == 3 {
                format!("write `policy: N` (or `parent: N`) with the number of its {above}")
            } else {
                format!("write `parent: N` with the number of its {above}")
            },
        );
        return Parent::Plan;
    };
    if plan.levels.len() == 4 {
        if policy.is_some() && parent.is_none() {
            ck.error(
                n,
                "renamed-key",
                format!(
                    "`policy` names the second level, but this plan's items sit under its {above}"
                ),
                "rename `policy:` to `parent:`",
            );
        }
        if let Some(node) = plan.resolve_node(n.value) {
            return Parent::Node(node);
        }
        let numbers: Vec<String> = plan
            .goals
            .iter()
            .flat_map(|g| &g.policies)
            .flat_map(|p| &p.nodes)
            .map(|x| x.number.to_string())
            .collect();
        unknown(n, &above, &numbers, ck);
        return Parent::Plan;
    }
    if plan.levels.len() == 2 {
        if policy.is_some() && parent.is_none() {
            ck.error(
                n,
                "renamed-key",
                format!(
                    "`policy` names a third level, but this plan's items sit under its {above}"
                ),
                "rename `policy:` to `parent:`",
            );
        }
        if let Some(goal) = plan.resolve_goal(n.value) {
            return Parent::Goal(goal);
        }
        let numbers: Vec<String> = plan.goals.iter().map(|g| g.number.to_string()).collect();
        unknown(n, &above, &numbers, ck);
        return Parent::Plan;
    }
    match plan.resolve_policy(n.value) {
        Some(policy) => Parent::Policy(policy),
        None => {
            let numbers: Vec<String> = plan
                .goals
                .iter()
                .flat_map(|g| &g.policies)
                .map(|p| p.number.to_string())
                .collect();
            unknown(n, &above, &numbers, ck);
            Parent::Plan
        }
    }
}

fn unknown(n: &Spanned<u32>, level: &str, numbers: &[String], ck: &mut Checker<'_>) {
    // The code stays `unknown-policy` for scripts written against earlier versions.
    ck.error(
        n,
        "unknown-policy",
        format!("unknown {level} {}", n.value),
        format!(
            "the plan's {level} are numbered {}; see plan.yaml",
            super::summarise_numbers(numbers)
        ),
    );
}
