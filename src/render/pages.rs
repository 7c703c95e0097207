//! The kinds of page a site has, and what each kind decides about its page:
//! output path, template, heading, `<title>`, description and breadcrumbs.
//!
//! A page kind names its subject by position in the [`Site`] (plan, goal,
//! item … index), so a list of kinds borrows nothing and the preview server
//! can keep it beside the site it came from. The 更新日 of a kind is in
//! [`super::dates`], its view in [`super::views`].

use crate::model::{Plan, Site};
use crate::urls::paths;
use crate::views::levels::SiteLevels;
use crate::views::{ItemRow, LinkView};

/// One page of the site. Positions index the vectors of [`Site`] and of its
/// plans (`plan` into `site.plans`, `item` into that plan's `items`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// The home page.
    Home,
    /// A plan's overview (計画の全体像).
    Plan {
        /// Position of the plan.
        plan: usize,
    },
    /// A first-level node (目標).
    Goal {
        /// Position of the plan.
        plan: usize,
        /// Position of the goal in the plan.
        goal: usize,
    },
    /// A second-level node (方針) of a plan of three or four levels.
    Policy {
        /// Position of the plan.
        plan: usize,
        /// Position of the goal in the plan.
        goal: usize,
        /// Position of the policy in the goal.
        policy: usize,
    },
    /// A third-level node (e.g. 事業) of a four-level plan.
    Node {
        /// Position of the plan.
        plan: usize,
        /// Position of the goal in the plan.
        goal: usize,
        /// Position of the policy in the goal.
        policy: usize,
        /// Position of the node in the policy.
        node: usize,
    },
    /// A plan's indicators (指標の一覧).
    Dashboard {
        /// Position of the plan.
        plan: usize,
    },
    /// The items of a plan carrying a mark (e.g. ★ 重点).
    Mark {
        /// Position of the plan.
        plan: usize,
        /// Position of the mark in the plan.
        mark: usize,
    },
    /// A year's evaluation results (評価結果).
    Cycle {
        /// Position of the plan.
        plan: usize,
        /// Position of the cycle in the plan.
        cycle: usize,
    },
    /// An item (実施項目).
    Item {
        /// Position of the plan.
        plan: usize,
        /// Position of the item in the plan.
        item: usize,
    },
    /// The division index (所属別).
    Divisions,
    /// A division's items.
    Division {
        /// Position of the division.
        division: usize,
    },
    /// A Markdown page of `content/pages/`.
    Page {
        /// Position of the page.
        page: usize,
    },
    /// The open data page.
    Data,
    /// The site search.
    Search,
    /// The accessibility statement.
    Accessibility,
    /// The page a server shows for a missing address.
    NotFound,
}

/// What a page's frame shows besides its view.
pub struct Meta {
    /// The theme template that renders it.
    pub template: &'static str,
    /// Text of the `h1`.
    pub heading: String,
    /// The `<title>` before the site's title, most specific first.
    pub title_parts: Vec<String>,
    /// Meta description.
    pub description: String,
    /// Breadcrumbs above the heading, ending before this page.
    pub crumbs: Vec<LinkView>,
}

impl PageKind {
    /// The page's site-relative output path.
    pub fn path(self, site: &Site) -> String {
        match self {
            PageKind::Home => paths::HOME.into(),
            PageKind::Plan { plan } => paths::plan(&site.plans[plan].id),
            PageKind::Goal { plan, goal } => {
                let plan = &site.plans[plan];
                paths::goal(&plan.id, plan.goals[goal].number.get())
            }
            PageKind::Policy { plan, goal, policy } => {
                let plan = &site.plans[plan];
                paths::policy(&plan.id, plan.goals[goal].policies[policy].number.get())
            }
            PageKind::Node {
                plan,
                goal,
                policy,
                node,
            } => {
                let plan = &site.plans[plan];
                paths::node(
                    &plan.id,
                    plan.goals[goal].policies[policy].nodes[node].number.get(),
                )
            }
            PageKind::Dashboard { plan } => paths::dashboard(&site.plans[plan].id),
            PageKind::Mark { plan, mark } => {
                let plan = &site.plans[plan];
                paths::mark(&plan.id, &plan.marks[mark].id)
            }
            PageKind::Cycle { plan, cycle } => {
                let plan = &site.plans[plan];
                paths::cycle(&plan.id, plan.cycles[cycle].year)
            }
            PageKind::Item { plan, item } => {
                let plan = &site.plans[plan];
                paths::item(&plan.id, plan.items[item].number.get())
            }
            PageKind::Divisions => paths::DIVISIONS.into(),
            PageKind::Division { division } => paths::division(&site.divisions[division].id),
            PageKind::Page { page } => paths::page(&site.pages[page].slug),
            PageKind::Data => paths::DATA.into(),
            PageKind::Search => paths::SEARCH.into(),
            PageKind::Accessibility => paths::ACCESSIBILITY.into(),
            PageKind::NotFound => paths::NOT_FOUND.into(),
        }
    }

    /// The plan the page belongs to, if any.
    pub fn plan(self) -> Option<usize> {
        match self {
            PageKind::Plan { plan }
            | PageKind::Goal { plan, .. }
            | PageKind::Policy { plan, .. }
            | PageKind::Node { plan, .. }
            | PageKind::Dashboard { plan }
            | PageKind::Mark { plan, .. }
            | PageKind::Cycle { plan, .. }
            | PageKind::Item { plan, .. } => Some(plan),
            _ => None,
        }
    }

    /// The page's template, heading, title, description and breadcrumbs.
    pub fn meta(self, site: &Site) -> Meta {
        let home = || vec![home_crumb()];
        let in_plan = |plan: &Plan| vec![home_crumb(), plan_crumb(plan)];
        let meta = |template, heading: String, title_parts, description, crumbs| Meta {
            template,
            heading,
            title_parts,
            description,
            crumbs,
        };
        // A page inside a plan: titled by its heading, then the plan's
        // title; its breadcrumbs run home, the plan, then `above`.
        let of_plan = |template, heading: String, plan: &Plan, description, above: &[LinkView]| {
            let mut crumbs = in_plan(plan);
            crumbs.extend_from_slice(above);
            Meta {
                template,
                title_parts: vec![heading.clone(), plan.title.clone()],
                heading,
                description,
                crumbs,
            }
        };
        let era = site.settings.era_years;
        match self {
            PageKind::Home => meta(
                "index.html",
                site.settings.title.clone(),
                vec![],
                site.settings.description.clone().unwrap_or_default(),
                vec![],
            ),
            PageKind::Plan { plan } => {
                let plan = &site.plans[plan];
                let levels: Vec<&str> = plan.levels.iter().map(|l| l.name.as_str()).collect();
                meta(
                    "plan.html",
                    plan.title.clone(),
                    vec![plan.title.clone()],
                    format!(
                        "{}（{}）の{}の一覧。",
                        plan.title,
                        crate::views::plan_period(plan, era),
                        levels.join("・")
                    ),
                    home(),
                )
            }
            PageKind::Goal { plan, goal } => {
                let plan = &site.plans[plan];
                let goal = &plan.goals[goal];
                let label = plan.goal_label(goal.number);
                let heading = format!("{label} {}", goal.title);
                let item_level = &plan.item_level().name;
                let description = if plan.levels.len() > 2 {
                    format!(
                        "{}の{label}「{}」の{}と{item_level}。",
                        plan.title,
                        goal.title,
                        plan.level(1).name,
                    )
                } else {
                    format!("{}の{label}「{}」の{item_level}。", plan.title, goal.title)
                };
                of_plan("goal.html", heading, plan, description, &[])
            }
            PageKind::Policy { plan, goal, policy } => {
                let plan = &site.plans[plan];
                let goal = &plan.goals[goal];
                let policy = &goal.policies[policy];
                let label = plan.policy_label(policy.number);
                let heading = format!("{label} {}", policy.title);
                of_plan(
                    "policy.html",
                    heading,
                    plan,
                    format!(
                        "{}の{label}「{}」の{}。",
                        plan.title,
                        policy.title,
                        plan.item_level().name
                    ),
                    &[LinkView::goal(plan, goal)],
                )
            }
            PageKind::Node {
                plan,
                goal,
                policy,
                node,
            } => {
                let plan = &site.plans[plan];
                let goal = &plan.goals[goal];
                let policy = &goal.policies[policy];
                let node = &policy.nodes[node];
                let label = plan.node_label(node.number);
                let heading = format!("{label} {}", node.title);
                of_plan(
                    "node.html",
                    heading,
                    plan,
                    format!(
                        "{}の{label}「{}」の{}。",
                        plan.title,
                        node.title,
                        plan.item_level().name
                    ),
                    &[LinkView::goal(plan, goal), LinkView::policy(plan, policy)],
                )
            }
            PageKind::Dashboard { plan } => {
                let plan = &site.plans[plan];
                of_plan(
                    "dashboard.html",
                    "指標の一覧".into(),
                    plan,
                    format!(
                        "{}のすべての指標の策定時の値、最新の実績、目標と状況。",
                        plan.title
                    ),
                    &[],
                )
            }
            PageKind::Mark { plan, mark } => {
                let plan = &site.plans[plan];
                let m = &plan.marks[mark];
                let item_level = &plan.item_level().name;
                let label = format!("{}（{}）の{item_level}", m.symbol, m.label);
                of_plan(
                    "mark.html",
                    label,
                    plan,
                    format!("{}のうち、{}の{item_level}の一覧。", plan.title, m.label),
                    &[],
                )
            }
            PageKind::Cycle { plan, cycle } => {
                let plan = &site.plans[plan];
                let year = crate::years::fiscal_year(plan.cycles[cycle].year, era);
                of_plan(
                    "cycle.html",
                    format!("{year}の評価結果"),
                    plan,
                    format!(
                        "{}の{year}の評価結果：評価の分布、委員会の意見、見直し。",
                        plan.title
                    ),
                    &[],
                )
            }
            PageKind::Item { plan, item } => {
                let plan = &site.plans[plan];
                let item = &plan.items[item];
                let row = ItemRow::new(site, plan, item);
                let label = plan.item_label(item.number);
                // The page title names the node just above the item, else the plan.
                let above = row
                    .node
                    .as_ref()
                    .or(row.policy.as_ref())
                    .or(row.goal.as_ref())
                    .map_or_else(|| plan.title.clone(), |l| l.title.clone());
                let mut crumbs = in_plan(plan);
                crumbs.extend(row.goal);
                crumbs.extend(row.policy);
                crumbs.extend(row.node);
                meta(
                    "item.html",
                    format!("{label} {}", item.title),
                    vec![format!("{label} {}", item.title), above],
                    format!(
                        "{}の{label}「{}」の事業、工程表、指標。",
                        plan.title, item.title
                    ),
                    crumbs,
                )
            }
            PageKind::Divisions => {
                let item = SiteLevels::new(site).item;
                meta(
                    "divisions.html",
                    format!("所属別の{item}"),
                    vec![format!("所属別の{item}")],
                    format!("{item}を担当する所属の一覧。"),
                    home(),
                )
            }
            PageKind::Division { division } => {
                let d = &site.divisions[division];
                meta(
                    "division.html",
                    d.name.clone(),
                    vec![d.name.clone(), "所属別".into()],
                    format!("{}が担当する{}の一覧。", d.name, SiteLevels::new(site).item),
                    vec![home_crumb(), divisions_crumb()],
                )
            }
            PageKind::Page { page } => {
                let p = &site.pages[page];
                meta(
                    "page.html",
                    p.title.clone(),
                    vec![p.title.clone()],
                    p.description.clone().unwrap_or_else(|| {
                        first_sentence(&crate::html::markdown::plain_text(&p.body))
                    }),
                    home(),
                )
            }
            PageKind::Data => meta(
                "data.html",
                "オープンデータ".into(),
                vec!["オープンデータ".into()],
                "計画の体系、指標の値、評価結果を CSV と JSON で提供しています。".into(),
                home(),
            ),
            PageKind::Search => meta(
                "search.html",
                "サイト内検索".into(),
                vec!["サイト内検索".into()],
                {
                    let l = SiteLevels::new(site);
                    format!(
                        "{}・事業・指標・所属・ページを言葉で検索し、計画・{}・{}・所属などで絞り込めます。",
                        l.item, l.goal, l.policy
                    )
                },
                home(),
            ),
            PageKind::Accessibility => {
                let heading = "ウェブアクセシビリティ方針と試験結果";
                meta(
                    "accessibility.html",
                    heading.into(),
                    vec![heading.into()],
                    "このサイトのウェブアクセシビリティ方針（JIS X 8341-3:2016 の適合レベルAAを目標）と、自動の試験の方法と結果。".into(),
                    home(),
                )
            }
            PageKind::NotFound => meta(
                "404.html",
                "ページが見つかりません".into(),
                vec!["ページが見つかりません".into()],
                String::new(),
                vec![],
            ),
        }
    }
}

/// The first sentence of `text` (up to 。), at most 120 characters.
fn first_sentence(text: &str) -> String {
    let end = text
        .find('。')
        .map(|i| i + '。'.len_utf8())
        .unwrap_or(text.len());
    text[..end].chars().take(120).collect()
}

fn home_crumb() -> LinkView {
    LinkView {
        title: "ホーム".into(),
        url: paths::HOME.into(),
    }
}

fn divisions_crumb() -> LinkView {
    LinkView {
        title: "所属別".into(),
        url: paths::DIVISIONS.into(),
    }
}

fn plan_crumb(plan: &Plan) -> LinkView {
    LinkView {
        title: plan.title.clone(),
        url: paths::plan(&plan.id),
    }
}
