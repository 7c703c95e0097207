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
pub mod roadmap;
use crate::model::*;
use crate::years::{fiscal_year, number};

/// A link: text and site-relative path.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    /// Text.
    pub title: String,
    /// Site-relative path.
    pub url: String,
}

/// Output paths of each page kind, kept in one place.
pub mod paths {
    /// Home page.
    pub const HOME: &str = "index.html";
    /// Division index.
    pub const DIVISIONS: &str = "divisions/index.html";
    /// The open data page.
    pub const DATA: &str = "data/index.html";
    /// A plan's overview.
    pub fn plan(plan: &str) -> String {
        format!("plans/{plan}/index.html")
    }
    /// A goal page.
    pub fn goal(plan: &str, n: u32) -> String {
        format!("plans/{plan}/goals/{n}.html")
    }
    /// A policy page.
    pub fn policy(plan: &str, n: u32) -> String {
        format!("plans/{plan}/policies/{n}.html")
    }
    /// The page of a third-level node (plans of four levels).
    pub fn node(plan: &str, n: u32) -> String {
        format!("plans/{plan}/nodes/{n}.html")
    }
    /// An item page.
    pub fn item(plan: &str, n: u32) -> String {
        format!("plans/{plan}/items/{n}.html")
    }
    /// A division page.
    pub fn division(id: &str) -> String {
        format!("divisions/{id}.html")
    }
    /// A Markdown page.
    pub fn page(slug: &str) -> String {
        format!("pages/{slug}.html")
    }
    /// An evaluation cycle page.
    pub fn cycle(plan: &str, year: i32) -> String {
        format!("plans/{plan}/cycles/{year}.html")
    }
    /// The Atom feed.
    pub const FEED: &str = "feed.xml";
    /// The items of a plan carrying a mark.
    pub fn mark(plan: &str, mark: &str) -> String {
        format!("plans/{plan}/marks/{mark}.html")
    }
    /// A plan's indicators dashboard.
    pub fn dashboard(plan: &str) -> String {
        format!("plans/{plan}/indicators.html")
    }
}

/// Markdown rendered to sanitised HTML; empty when absent.
pub fn md(text: &Option<String>) -> String {
    text.as_deref().map(markdown::render).unwrap_or_default()
}

/// A plan as a link with its facts.
#[derive(Debug, Serialize)]
pub struct PlanView {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// Overview page.
    pub url: String,
    /// e.g. 2025年度〜2029年度.
    pub period: String,
    /// Adoption date as written, or 不明 when the source does not give it.
    pub adopted: String,
    /// Whether it is the current plan.
    pub current: bool,
    /// The plan's names for its levels.
    pub levels: LevelNames,
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
}

impl PlanView {
    /// The view of `plan`.
    pub fn new(plan: &Plan, era: bool) -> Self {
        PlanView {
            id: plan.id.clone(),
            title: plan.title.clone(),
            subtitle: plan.subtitle.clone().unwrap_or_default(),
            url: paths::plan(&plan.id),
            period: format!(
                "{}〜{}",
                fiscal_year(plan.period.from, era),
                fiscal_year(plan.period.to, era)
            ),
            adopted: plan.adopted.clone().unwrap_or_else(|| "不明".into()),
            current: plan.status == PlanStatus::Current,
            levels: LevelNames::new(plan),
            goal_count: plan.goals.len(),
            policy_count: plan.policy_count(),
            node_count: plan.node_count(),
            item_count: plan.items.len(),
            indicator_count: plan.indicator_count(),
            has_source: plan.source.is_some(),
        }
    }
}

/// The plan's names for its levels, for templates.
#[derive(Debug, Serialize)]
pub struct LevelNames {
    /// How many levels the plan has, items included (1 to 4).
    pub depth: usize,
    /// Name of the first level (目標), empty in a one-level plan.
    pub goal: String,
    /// Name of the second level (方針), empty unless the plan has three or four levels.
    pub policy: String,
    /// Name of the third level (e.g. 事業), empty unless the plan has four levels.
    pub node: String,
    /// Name of the items' level (実施項目).
    pub item: String,
}

impl LevelNames {
    /// The names of `plan`'s levels.
    pub fn new(plan: &Plan) -> Self {
        let depth = plan.levels.len().max(1);
        let name = |d: usize| {
            if d + 1 < depth {
                plan.level(d).name.clone()
            } else {
                String::new()
            }
        };
        LevelNames {
            depth,
            goal: name(0),
            policy: name(1),
            node: name(2),
            item: plan.item_level().name.clone(),
        }
    }
}

/// An item as a row of a list or table.
#[derive(Debug, Serialize)]
pub struct ItemRow {
    /// Number.
    pub number: u32,
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
        let goal = item
            .goal
            .and_then(|n| plan.goals.iter().find(|g| g.number == n));
        let policy = item.policy.and_then(|n| plan.policy(n)).map(|(_, p)| p);
        let node = item.node.and_then(|n| plan.node(n)).map(|(_, _, n)| n);
        ItemRow {
            number: item.number,
            title: item.title.clone(),
            url: paths::item(&plan.id, item.number),
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
            policy: policy.map(|p| LinkView {
                title: format!("{} {}", plan.policy_label(p.number), p.title),
                url: paths::policy(&plan.id, p.number),
            }),
            goal: goal.map(|g| LinkView {
                title: format!("{} {}", plan.goal_label(g.number), g.title),
                url: paths::goal(&plan.id, g.number),
            }),
            node: node.map(|n| LinkView {
                title: format!("{} {}", plan.node_label(n.number), n.title),
                url: paths::node(&plan.id, n.number),
            }),
            role: "",
        }
    }
}

/// Links to the divisions with these ids.
pub fn division_links(site: &Site, ids: &[String]) -> Vec<LinkView> {
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
    pub number: u32,
    /// How it is labelled, e.g. 方針5.
    pub label: String,
    /// Title.
    pub title: String,
    /// Policy page.
    pub url: String,
    /// Summary HTML.
    pub summary: String,
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
    pub number: u32,
    /// How it is labelled, e.g. 事業3.
    pub label: String,
    /// Title.
    pub title: String,
    /// Node page.
    pub url: String,
    /// Summary HTML.
    pub summary: String,
    /// Its items.
    pub items: Vec<ItemRow>,
}

/// A goal with its policies.
#[derive(Debug, Serialize)]
pub struct GoalView {
    /// Number.
    pub number: u32,
    /// How it is labelled, e.g. 目標1 or Ⅰ.
    pub label: String,
    /// Title.
    pub title: String,
    /// Goal page.
    pub url: String,
    /// Summary HTML.
    pub summary: String,
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
                        url: paths::node(&plan.id, n.number),
                        summary: md(&n.summary),
                        items: plan
                            .items_of_node(n.number)
                            .map(|i| ItemRow::new(site, plan, i))
                            .collect(),
                    })
                    .collect();
                let items: Vec<ItemRow> = plan
                    .items_of_policy(p.number)
                    .filter(|i| i.node.is_none())
                    .map(|i| ItemRow::new(site, plan, i))
                    .collect();
                PolicyView {
                    number: p.number,
                    label: plan.policy_label(p.number),
                    title: p.title.clone(),
                    url: paths::policy(&plan.id, p.number),
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
            url: paths::goal(&plan.id, goal.number),
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

/// A roadmap row drawn across the plan's years.
#[derive(Debug, Serialize)]
pub struct RoadmapView {
    /// What is planned.
    pub label: String,
    /// Detail line.
    pub detail: String,
    /// One cell per plan year.
    pub cells: Vec<RoadmapCell>,
    /// e.g. 2025年度〜2029年度, or 年度の記載なし.
    pub span: String,
    /// Whether the source gives the row without years.
    pub undated: bool,
}

/// One year of a roadmap row: planned or not, and what was achieved.
#[derive(Debug, Serialize)]
pub struct RoadmapCell {
    /// Whether the plan has the row in this year.
    pub planned: bool,
    /// 実施 / 一部実施 / 未実施, or empty when no result is published.
    pub actual: &'static str,
    /// CSS class for the actual status: `done`, `partial`, `not-done` or empty.
    pub class: &'static str,
}

/// A project 事業 ready to print.
#[derive(Debug, Serialize)]
pub struct ProjectView {
    /// Title.
    pub title: String,
    /// Responsible divisions.
    pub divisions: Vec<LinkView>,
    /// Related divisions.
    pub related_divisions: Vec<LinkView>,
    /// 現状・課題 HTML.
    pub situation: String,
    /// 取組内容 HTML.
    pub actions: String,
    /// 関連情報; `url` is empty for text without a link.
    pub links: Vec<LinkView>,
    /// 工程表.
    pub roadmap: Vec<RoadmapView>,
    /// 評価.
    pub evaluation: Vec<RowView>,
}

/// A labelled row with an optional detail line.
#[derive(Debug, Serialize)]
pub struct RowView {
    /// Label.
    pub label: String,
    /// Detail line, empty when absent.
    pub detail: String,
}

impl ProjectView {
    /// The view of project number `index` (from 0) of `item` in `plan`.
    pub fn new(site: &Site, plan: &Plan, item: &Item, index: usize) -> Self {
        let project = &item.projects[index];
        let era = site.settings.era_years;
        ProjectView {
            title: project.title.clone(),
            divisions: division_links(site, &project.divisions),
            related_divisions: division_links(site, &project.related_divisions),
            situation: md(&project.situation),
            actions: md(&project.actions),
            links: project
                .links
                .iter()
                .map(|l| LinkView {
                    title: l.title.clone(),
                    url: l.url.clone().unwrap_or_default(),
                })
                .collect(),
            roadmap: project
                .roadmap
                .iter()
                .enumerate()
                .map(|(row, r)| RoadmapView {
                    label: r.label.clone(),
                    detail: r.detail.clone().unwrap_or_default(),
                    cells: plan
                        .period
                        .years()
                        .map(|y| {
                            let (actual, class) =
                                cycle::row_status(plan, item.number, index, row, y);
                            RoadmapCell {
                                planned: r.years.is_some_and(|p| p.contains(y)),
                                actual,
                                class,
                            }
                        })
                        .collect(),
                    undated: r.years.is_none(),
                    span: roadmap::span(r.years, era),
                })
                .collect(),
            evaluation: project
                .evaluation
                .iter()
                .map(|e| RowView {
                    label: e.label.clone(),
                    detail: e.detail.clone().unwrap_or_default(),
                })
                .collect(),
        }
    }
}

/// An indicator ready to print.
#[derive(Debug, Serialize)]
pub struct IndicatorView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// 数値目標 or 参考指標.
    pub kind: &'static str,
    /// Unit.
    pub unit: String,
    /// Which way is better, in words.
    pub direction: &'static str,
    /// Baseline year label.
    pub baseline_year: String,
    /// Baseline value with unit.
    pub baseline: String,
    /// Targets by year.
    pub targets: Vec<YearValueView>,
    /// Source.
    pub source: String,
    /// Notes HTML.
    pub notes: String,
    /// Published actuals by year; unavailable ones say why.
    pub actuals: Vec<YearValueView>,
    /// The latest published value with its year, or 「実績なし」.
    pub latest: String,
    /// Chart, summary and data table.
    pub chart: indicator::ChartView,
    /// The indicator of an earlier plan this one continues, with its values.
    pub earlier: Option<EarlierView>,
    /// The indicator as a card (its answer at a glance).
    pub card: card::CardView,
    /// What this indicator continues, resolved by [`IndicatorView::with_earlier`].
    #[serde(skip)]
    continues: Option<Continues>,
    /// The plan the indicator belongs to, to draw it across plans.
    #[serde(skip)]
    plan_id: String,
}

/// The values of the earlier plan's indicator an indicator continues.
#[derive(Debug, Serialize)]
pub struct EarlierView {
    /// What is continued, in a sentence.
    pub text: String,
    /// What changed between the plans, if the content says.
    pub note: String,
    /// The earlier plan's page.
    pub url: String,
    /// Its values: year, series (策定時, 実績, 目標) and value.
    pub rows: Vec<EarlierRow>,
    /// The whole series across both plans, the break marked.
    pub across: across::AcrossView,
}

/// A value of the earlier plan's indicator.
#[derive(Debug, Serialize)]
pub struct EarlierRow {
    /// Fiscal year label.
    pub year: String,
    /// 策定時, 実績 or 目標.
    pub series: &'static str,
    /// Value with unit, or why there is none.
    pub value: String,
}

impl IndicatorView {
    /// The view of `indicator` of `plan`, with its actuals from the plan's cycles.
    pub fn new(plan: &Plan, indicator: &Indicator, era: bool) -> Self {
        let fmt = |v: f64| format!("{}{}", number(v, indicator.precision), indicator.unit);
        let series = indicator::Series::new(plan, indicator, era);
        let facts = indicator::facts(indicator, &series.observed, era);
        let latest = series
            .assessment
            .latest
            .as_ref()
            .map(|(y, v)| {
                if series.assessment.latest_undated {
                    format!("{v}（年度の記載なし）")
                } else {
                    format!("{v}（{}）", fiscal_year(*y, era))
                }
            })
            .unwrap_or_else(|| "実績なし".to_string());
        IndicatorView {
            actuals: series
                .observed
                .iter()
                .map(|o| YearValueView {
                    year: fiscal_year(o.year, era),
                    value: crate::achievement::observed_text(o, &facts),
                })
                .collect(),
            latest,
            chart: indicator::chart(plan, indicator, era),
            earlier: None,
            card: card::card(plan, indicator, era, String::new(), String::new()),
            continues: indicator.continues.clone(),
            plan_id: plan.id.clone(),
            id: indicator.id.clone(),
            name: indicator.name.clone(),
            kind: match indicator.kind {
                IndicatorKind::Target => "数値目標",
                IndicatorKind::Reference => "参考指標",
            },
            unit: indicator.unit.clone(),
            direction: match (indicator.measure, indicator.direction) {
                (Measure::Rank, _) => "順位が上がる（数が小さくなる）ほどよい",
                (Measure::Judgement, _) => "判定",
                (_, Direction::Higher) => "高いほどよい",
                (_, Direction::Lower) => "低いほどよい",
                (_, Direction::Neither) => "方向なし",
            },
            baseline_year: indicator
                .baseline
                .map(|b| fiscal_year(b.year, era))
                .unwrap_or_default(),
            baseline: indicator
                .baseline
                .map(|b| fmt(b.value))
                .unwrap_or_else(|| "公表なし".into()),
            targets: indicator
                .series
                .iter()
                .flat_map(|s| {
                    let facts = &facts;
                    s.points.iter().map(move |t| YearValueView {
                        year: fiscal_year(t.year, era),
                        value: match &s.label {
                            Some(l) => {
                                format!("{l}：{}", crate::achievement::target_text(s, *t, facts))
                            }
                            None => crate::achievement::target_text(s, *t, facts),
                        },
                    })
                })
                .collect(),
            source: indicator.source.clone().unwrap_or_default(),
            notes: md(&indicator.notes),
        }
    }
}

impl IndicatorView {
    /// Adds the values of the earlier plan's indicator this one continues.
    pub fn with_earlier(mut self, site: &Site) -> Self {
        let era = site.settings.era_years;
        let Some(c) = self.continues.take() else {
            return self;
        };
        let Some((plan, ind)) = site
            .plans
            .iter()
            .find(|p| p.id == c.plan)
            .and_then(|p| p.indicator(&c.indicator).map(|(_, i)| (p, i)))
        else {
            return self;
        };
        let series = indicator::Series::new(plan, ind, era);
        let facts = indicator::facts(ind, &series.observed, era);
        let fmt = |v: f64| crate::achievement::with_unit(v, &facts);
        let mut rows: Vec<(i32, u8, EarlierRow)> = Vec::new();
        if let Some(b) = ind.baseline {
            rows.push((
                b.year,
                0,
                EarlierRow {
                    year: fiscal_year(b.year, era),
                    series: "策定時",
                    value: fmt(b.value),
                },
            ));
        }
        for o in &series.observed {
            rows.push((
                o.year,
                1,
                EarlierRow {
                    year: fiscal_year(o.year, era),
                    series: "実績",
                    value: crate::achievement::observed_text(o, &facts),
                },
            ));
        }
        for s in &ind.series {
            for t in &s.points {
                rows.push((
                    t.year,
                    2,
                    EarlierRow {
                        year: fiscal_year(t.year, era),
                        series: "目標",
                        value: crate::achievement::target_text(s, *t, &facts),
                    },
                ));
            }
        }
        rows.sort_by_key(|r| (r.0, r.1));
        let note = c
            .note
            .map(|n| format!("定義などの変更：{n}"))
            .unwrap_or_default();
        let Some((now_plan, now)) = site
            .plans
            .iter()
            .find(|p| p.id == self.plan_id)
            .and_then(|p| p.indicator(&self.id).map(|(_, i)| (p, i)))
        else {
            return self;
        };
        self.earlier = Some(EarlierView {
            text: format!(
                "この指標は、前の計画「{}」（{}〜{}）の指標「{}」を引き継いでいます。",
                plan.title,
                fiscal_year(plan.period.from, era),
                fiscal_year(plan.period.to, era),
                ind.name
            ),
            note,
            url: paths::plan(&plan.id),
            rows: rows.into_iter().map(|r| r.2).collect(),
            across: across::across(plan, ind, now_plan, now, era),
        });
        self
    }
}

/// A value for a fiscal year, both ready to print.
#[derive(Debug, Serialize)]
pub struct YearValueView {
    /// Fiscal year label.
    pub year: String,
    /// Value with unit.
    pub value: String,
}
