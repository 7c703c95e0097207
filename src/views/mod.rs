//! Views: what templates see, made from the model for one page at a time.
//!
//! Every text is ready to print (fiscal years labelled, numbers formatted,
//! Markdown rendered and sanitised) and every link is a site-relative path that
//! templates prefix with `root`, the way back to the site root from the page.

use serde::Serialize;

use crate::html::markdown;

pub mod across;
pub mod card;
pub mod cycle;
pub mod events;
pub mod indicator;
pub mod levels;
mod measured;
mod project;
pub mod roadmap;
pub mod thread;

pub use measured::{EarlierRow, EarlierView, IndicatorView, YearValueView};
pub use project::{ProjectView, RoadmapCell, RoadmapView, RowView};

use crate::model::*;
use crate::years::fiscal_year;

/// A link: text and site-relative path.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    /// Text.
    pub title: String,
    /// Site-relative path.
    pub url: String,
}

impl LinkView {
    /// A link to `goal`'s page, titled by its label and title (目標1 …).
    pub fn goal(plan: &Plan, goal: &Goal) -> Self {
        LinkView {
            title: format!("{} {}", plan.goal_label(goal.number), goal.title),
            url: paths::goal(&plan.id, goal.number.get()),
        }
    }

    /// A link to `policy`'s page, titled by its label and title.
    pub fn policy(plan: &Plan, policy: &Policy) -> Self {
        LinkView {
            title: format!("{} {}", plan.policy_label(policy.number), policy.title),
            url: paths::policy(&plan.id, policy.number.get()),
        }
    }

    /// A link to `node`'s page, titled by its label and title.
    pub fn node(plan: &Plan, node: &Node) -> Self {
        LinkView {
            title: format!("{} {}", plan.node_label(node.number), node.title),
            url: paths::node(&plan.id, node.number.get()),
        }
    }

    /// A link to `item`'s page, titled by its label and title (実施項目9 …).
    pub fn item(plan: &Plan, item: &Item) -> Self {
        LinkView {
            title: format!("{} {}", plan.item_label(item.number), item.title),
            url: paths::item(&plan.id, item.number.get()),
        }
    }
}

/// Output paths, owned by [`crate::urls::paths`]; re-exported here only for
/// `search`, which still imports them from views.
pub use crate::urls::paths;

/// A plan's period, e.g. 2025年度〜2029年度.
pub fn plan_period(plan: &Plan, era: bool) -> String {
    format!(
        "{}〜{}",
        fiscal_year(plan.period.from, era),
        fiscal_year(plan.period.to, era)
    )
}

/// HTML that kohyo made and vouches for: Markdown rendered and sanitised
/// by [`crate::html::markdown`] (every tag and URL scheme checked), or an SVG
/// chart drawn by [`crate::charts`] from numbers, its text escaped. A view
/// field of this type is the only kind a template prints with `| safe`;
/// every other text is autoescaped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Html(String);

impl Html {
    /// `text` rendered as Markdown and sanitised.
    pub fn markdown(text: &str) -> Self {
        Html(markdown::render(text))
    }

    /// A chart drawn by [`crate::charts`] (which escapes every text it puts
    /// in the SVG).
    pub fn chart(svg: String) -> Self {
        Html(svg)
    }

    /// A Markdown page rendered and sanitised with [`markdown::render_under_title`].
    pub fn page(text: &str) -> Self {
        Html(markdown::render_under_title(text))
    }

    /// Whether there is no HTML.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The HTML text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Markdown rendered to sanitised HTML; empty when absent.
pub fn md(text: &Option<String>) -> Html {
    text.as_deref().map(Html::markdown).unwrap_or_default()
}

/// A plan as a link with its facts.
#[derive(Debug, Serialize)]
pub struct PlanView<'a> {
    /// Id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// Subtitle.
    pub subtitle: &'a str,
    /// Overview page.
    pub url: String,
    /// Its indicators dashboard (指標の一覧).
    pub dashboard: String,
    /// e.g. 2025年度〜2029年度.
    pub period: String,
    /// Adoption date as written, or 不明 when the source does not give it.
    pub adopted: &'a str,
    /// Whether it is the current plan.
    pub current: bool,
    /// The plan's names for its levels.
    pub levels: LevelNames<'a>,
    /// Counts.
    pub goal_count: usize,
    /// Counts.
    pub policy_count: usize,
    /// Counts: nodes of the third level (plans of four levels).
    pub node_count: usize,
    /// Counts.
    pub item_count: usize,
    /// Counts.
    pub indicator_count: usize,
    /// Whether the plan names its source documents (出典 on its page).
    pub has_source: bool,
    /// Whether its prose is the site's summary of the source (labelled 要約).
    pub summarised: bool,
}

impl<'a> PlanView<'a> {
    /// The view of `plan`.
    pub fn new(plan: &'a Plan, era: bool) -> Self {
        PlanView {
            id: &plan.id,
            title: &plan.title,
            subtitle: plan.subtitle.as_deref().unwrap_or_default(),
            url: paths::plan(&plan.id),
            dashboard: paths::dashboard(&plan.id),
            period: plan_period(plan, era),
            adopted: plan.adopted.as_deref().unwrap_or("不明"),
            current: plan.status == PlanStatus::Current,
            levels: LevelNames::new(plan),
            goal_count: plan.goals.len(),
            policy_count: plan.policy_count(),
            node_count: plan.node_count(),
            item_count: plan.items.len(),
            indicator_count: plan.indicator_count(),
            has_source: plan.source.is_some(),
            summarised: plan.summarised,
        }
    }
}

/// The plan's names for its levels, for templates.
#[derive(Debug, Serialize)]
pub struct LevelNames<'a> {
    /// How many levels the plan has, items included (1 to 4).
    pub depth: usize,
    /// Name of the first level (目標), empty in a one-level plan.
    pub goal: &'a str,
    /// Name of the second level (方針), empty unless the plan has three or four levels.
    pub policy: &'a str,
    /// Name of the third level (e.g. 事業), empty unless the plan has four levels.
    pub node: &'a str,
    /// Name of the items' level (実施項目).
    pub item: &'a str,
}

impl<'a> LevelNames<'a> {
    /// The names of `plan`'s levels.
    pub fn new(plan: &'a Plan) -> Self {
        let depth = plan.levels.len().max(1);
        let name = |d: usize| {
            if d + 1 < depth {
                plan.level(d).name.as_str()
            } else {
                ""
            }
        };
        LevelNames {
            depth,
            goal: name(0),
            policy: name(1),
            node: name(2),
            item: &plan.item_level().name,
        }
    }
}

/// An item as a row of a list or table.
#[derive(Debug, Serialize)]
pub struct ItemRow {
    /// Number.
    pub number: ItemNumber,
    /// Title.
    pub title: String,
    /// Item page.
    pub url: String,
    /// Mark symbols, e.g. ★.
    pub marks: String,
    /// Mark labels, for screen readers and tooltips.
    pub mark_labels: String,
    /// Responsible divisions.
    pub divisions: Vec<LinkView>,
    /// Whether its place in the structure was read from meaning.
    pub inferred: bool,
    /// Whether the source does not tell its place in the structure.
    pub placement_unknown: bool,
    /// What is shown beside it when its place is not stated, in the plan's
    /// level names, e.g. 方針への位置付けは推定; empty when stated.
    pub placement_words: String,
    /// How it is labelled, e.g. 実施項目9.
    pub label: String,
    /// Policy (second level) label and title, in a plan of three or four levels.
    pub policy: Option<LinkView>,
    /// Third-level node label and title, in a plan of four levels.
    pub node: Option<LinkView>,
    /// Goal (first level) label and title, in a plan of two or more levels.
    pub goal: Option<LinkView>,
    /// On a division's page, the division's part in the item: 取組所属
    /// (it leads the item or one of its projects) or 関係所属 (related only);
    /// empty elsewhere.
    pub role: &'static str,
}

impl ItemRow {
    /// The row for `item` of `plan`.
    pub fn new(site: &Site, plan: &Plan, item: &Item) -> Self {
        let marks: Vec<&Mark> = item.marks.iter().filter_map(|m| plan.mark(m)).collect();
        let goal = plan.goal_of(item);
        let policy = plan.policy_of(item);
        let node = plan.node_of(item);
        ItemRow {
            number: item.number,
            title: item.title.clone(),
            url: paths::item(&plan.id, item.number.get()),
            marks: marks.iter().map(|m| m.symbol.as_str()).collect(),
            mark_labels: marks
                .iter()
                .map(|m| m.label.as_str())
                .collect::<Vec<_>>()
                .join("、"),
            divisions: division_links(site, &item.divisions),
            inferred: item.placement == Placement::Inferred,
            placement_unknown: item.placement == Placement::Unknown,
            placement_words: plan.placement_words(item.placement),
            label: plan.item_label(item.number),
            policy: policy.map(|p| LinkView::policy(plan, p)),
            goal: goal.map(|g| LinkView::goal(plan, g)),
            node: node.map(|n| LinkView::node(plan, n)),
            role: "",
        }
    }
}

/// Links to the divisions with these ids.
pub fn division_links(site: &Site, ids: &[DivisionId]) -> Vec<LinkView> {
    ids.iter()
        .filter_map(|id| site.division(id))
        .map(|d| LinkView {
            title: d.name.clone(),
            url: paths::division(&d.id),
        })
        .collect()
}

/// A policy with its items.
#[derive(Debug, Serialize)]
pub struct PolicyView {
    /// Number.
    pub number: PolicyNumber,
    /// How it is labelled, e.g. 方針5.
    pub label: String,
    /// Title.
    pub title: String,
    /// Policy page.
    pub url: String,
    /// Summary HTML.
    pub summary: Html,
    /// Its items (in a plan of four levels, those not under a node: none).
    pub items: Vec<ItemRow>,
    /// Its third-level nodes with their items (plans of four levels).
    pub nodes: Vec<NodeView>,
    /// Number of items under it, through its nodes too.
    pub item_count: usize,
}

/// A third-level node with its items (plans of four levels).
#[derive(Debug, Serialize)]
pub struct NodeView {
    /// Number.
    pub number: NodeNumber,
    /// How it is labelled, e.g. 事業3.
    pub label: String,
    /// Title.
    pub title: String,
    /// Node page.
    pub url: String,
    /// Summary HTML.
    pub summary: Html,
    /// Its items.
    pub items: Vec<ItemRow>,
}

/// A goal as a card on the home page: a link, its policies as links and
/// how many items it has (no summaries, indicators or charts).
#[derive(Debug, Serialize)]
pub struct GoalCard<'a> {
    /// Number.
    pub number: GoalNumber,
    /// How it is labelled, e.g. 目標1 or Ⅰ.
    pub label: String,
    /// Title.
    pub title: &'a str,
    /// Goal page.
    pub url: String,
    /// Its policies.
    pub policies: Vec<LinkView>,
    /// Number of items under it.
    pub item_count: usize,
}

impl<'a> GoalCard<'a> {
    /// The card of `goal` of `plan`.
    pub fn new(plan: &Plan, goal: &'a Goal) -> Self {
        let in_policies: usize = goal
            .policies
            .iter()
            .map(|p| plan.items_of_policy(p.number).count())
            .sum();
        GoalCard {
            number: goal.number,
            label: plan.goal_label(goal.number),
            title: &goal.title,
            url: paths::goal(&plan.id, goal.number.get()),
            policies: goal
                .policies
                .iter()
                .map(|p| LinkView::policy(plan, p))
                .collect(),
            item_count: in_policies + plan.items_of_goal(goal.number).count(),
        }
    }
}

/// A goal with its policies.
#[derive(Debug, Serialize)]
pub struct GoalView {
    /// Number.
    pub number: GoalNumber,
    /// How it is labelled, e.g. 目標1 or Ⅰ.
    pub label: String,
    /// Title.
    pub title: String,
    /// Goal page.
    pub url: String,
    /// Summary HTML.
    pub summary: Html,
    /// Its policies.
    pub policies: Vec<PolicyView>,
    /// Items directly under it (two-level plans).
    pub items: Vec<ItemRow>,
    /// Number of items under it.
    pub item_count: usize,
    /// Number of third-level nodes under it (plans of four levels).
    pub node_count: usize,
    /// Indicators of the goal itself.
    pub indicators: Vec<IndicatorView>,
}

impl GoalView {
    /// The view of `goal` with every policy and item under it.
    pub fn new(site: &Site, plan: &Plan, goal: &Goal) -> Self {
        let policies: Vec<PolicyView> = goal
            .policies
            .iter()
            .map(|p| {
                let nodes: Vec<NodeView> = p
                    .nodes
                    .iter()
                    .map(|n| NodeView {
                        number: n.number,
                        label: plan.node_label(n.number),
                        title: n.title.clone(),
                        url: paths::node(&plan.id, n.number.get()),
                        summary: md(&n.summary),
                        items: plan
                            .items_of_node(n.number)
                            .map(|i| ItemRow::new(site, plan, i))
                            .collect(),
                    })
                    .collect();
                let items: Vec<ItemRow> = plan
                    .items_of_policy(p.number)
                    .filter(|i| i.node().is_none())
                    .map(|i| ItemRow::new(site, plan, i))
                    .collect();
                PolicyView {
                    number: p.number,
                    label: plan.policy_label(p.number),
                    title: p.title.clone(),
                    url: paths::policy(&plan.id, p.number.get()),
                    summary: md(&p.summary),
                    item_count: items.len() + nodes.iter().map(|n| n.items.len()).sum::<usize>(),
                    items,
                    nodes,
                }
            })
            .collect();
        let items: Vec<ItemRow> = plan
            .items_of_goal(goal.number)
            .map(|i| ItemRow::new(site, plan, i))
            .collect();
        GoalView {
            number: goal.number,
            label: plan.goal_label(goal.number),
            title: goal.title.clone(),
            url: paths::goal(&plan.id, goal.number.get()),
            summary: md(&goal.summary),
            item_count: policies.iter().map(|p| p.item_count).sum::<usize>() + items.len(),
            node_count: policies.iter().map(|p| p.nodes.len()).sum(),
            items,
            indicators: goal
                .indicators
                .iter()
                .map(|i| IndicatorView::new(plan, i, site.settings.era_years).with_earlier(site))
                .collect(),
            policies,
        }
    }
}
