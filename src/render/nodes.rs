//! Pages of the third level of a plan of four levels (e.g. 事業 in
//! 柱 → 施策 → 事業 → 取組): one per node, listing its items.

use serde::Serialize;

use super::{Job, PageData, home_crumb, plan_crumb, value};
use crate::model::Plan;
use crate::views::{GoalView, LinkView, NodeView, PlanView, PolicyView};

#[derive(Serialize)]
struct NodePage<'a> {
    plan: &'a PlanView,
    node: &'a NodeView,
}

/// The pages of the nodes under `policy` (of `goal`), breadcrumbs through
/// the goal and the policy.
pub(super) fn node_jobs<'a>(
    plan: &'a Plan,
    pv: &PlanView,
    goal: &GoalView,
    policy: &PolicyView,
    jobs: &mut Vec<Job<'a>>,
) {
    for node in &policy.nodes {
        let heading = format!("{} {}", node.label, node.title);
        jobs.push(Job {
            path: node.url.clone(),
            template: "node.html",
            heading: heading.clone(),
            title_parts: vec![heading, plan.title.clone()],
            description: format!(
                "{}の{}「{}」の{}。",
                plan.title,
                node.label,
                node.title,
                plan.item_level().name
            ),
            crumbs: vec![
                home_crumb(),
                plan_crumb(plan),
                LinkView {
                    title: format!("{} {}", goal.label, goal.title),
                    url: goal.url.clone(),
                },
                LinkView {
                    title: format!("{} {}", policy.label, policy.title),
                    url: policy.url.clone(),
                },
            ],
            page: PageData::Ready(value(&NodePage { plan: pv, node })),
        });
    }
}
