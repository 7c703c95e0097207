//! The search documents of a site, made from the model the pages are
//! rendered from: one per item (with its projects and indicators), policy,
//! goal, plan, goal- or plan-level indicator, division, mark list,
//! evaluation cycle, Markdown page, and the home and division index pages.
//!
//! Each document has the page's address and heading, its fields (title,
//! headings, body prose, division names, marks, and `list`: the titles a
//! listing page merely lists, which rank low) and its filter values.

use crate::achievement;
use crate::html::markdown;
use crate::model::*;
use crate::views::indicator::{self, Series};
use crate::views::paths;
use crate::years::fiscal_year;

/// A field of a document, in the order of [`FIELDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// The page's heading.
    Title,
    /// Section headings (projects, indicators, Markdown headings).
    Heading,
    /// Prose.
    Body,
    /// Names of the divisions responsible.
    Division,
    /// Mark labels (★ …).
    Mark,
    /// Titles of what a listing page lists.
    List,
}

/// The letter of each field in the posting files, in [`Field`] order.
pub const FIELDS: [char; 6] = ['t', 'h', 'b', 'd', 'm', 'l'];

/// Most characters of a document's text kept for excerpts.
pub const EXCERPT_SOURCE: usize = 1500;

/// One search document.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// Site-relative address, maybe with a `#fragment`.
    pub url: String,
    /// The page's heading, as shown in the results.
    pub title: String,
    /// Where it belongs (plan › policy), shown under the title.
    pub context: String,
    /// Texts of each field, in [`Field`] order.
    pub fields: [Vec<String>; 6],
    /// Filter values: (filter name, value).
    pub filters: Vec<(&'static str, String)>,
    /// Rank of the document against others that match as well, in percent:
    /// 100, less for archived plans and for indicators (their item or goal
    /// is the page about the subject).
    pub prior: u8,
}

impl Doc {
    fn new(url: String, title: String, context: String) -> Self {
        let mut d = Doc {
            url,
            title: title.clone(),
            context,
            prior: 100,
            ..Doc::default()
        };
        d.push(Field::Title, title);
        d
    }

    fn push(&mut self, field: Field, text: impl Into<String>) {
        let text = text.into();
        if !text.trim().is_empty() {
            self.fields[field as usize].push(text);
        }
    }

    fn prose(&mut self, markdown_text: &Option<String>) {
        if let Some(t) = markdown_text {
            self.push(Field::Body, markdown::plain_text(t));
        }
    }

    fn filter(&mut self, name: &'static str, value: impl Into<String>) {
        let value = value.into();
        if !self.filters.iter().any(|(n, v)| *n == name && *v == value) {
            self.filters.push((name, value));
        }
    }

    /// The text excerpts are cut from: the prose, then the headings and
    /// what the page lists, at most [`EXCERPT_SOURCE`] characters.
    pub fn excerpt_text(&self) -> String {
        let parts = [Field::Body, Field::Heading, Field::List]
            .iter()
            .flat_map(|f| self.fields[*f as usize].iter().map(String::as_str));
        let mut out = String::new();
        let mut chars = 0;
        for p in parts {
            if chars >= EXCERPT_SOURCE {
                break;
            }
            if !out.is_empty() {
                out.push('\n');
            }
            let take: String = p.chars().take(EXCERPT_SOURCE - chars).collect();
            chars += take.chars().count();
            out.push_str(&take);
        }
        out
    }
}

/// A first-level node as the plan names it, e.g. 目標1 …, 基本方針Ⅰ ….
fn goal_title(plan: &Plan, g: &Goal) -> String {
    format!("{} {}", plan.goal_label(g.number), g.title)
}

/// A second-level node as the plan names it, e.g. 方針5 ….
fn policy_title(plan: &Plan, p: &Policy) -> String {
    format!("{} {}", plan.policy_label(p.number), p.title)
}

/// A third-level node as the plan names it, e.g. 事業3 ….
fn node_title(plan: &Plan, n: &Node) -> String {
    format!("{} {}", plan.node_label(n.number), n.title)
}

/// An item as the plan names it, e.g. 実施項目9 …, 取組項目3 ….
fn item_title(plan: &Plan, i: &Item) -> String {
    format!("{} {}", plan.item_label(i.number), i.title)
}

/// Rank of an archived plan's documents, in percent.
const ARCHIVED: u8 = 70;

/// Rank of an indicator's own document, in percent.
const INDICATOR: u8 = 80;

/// The documents of a site, in a fixed order (plans in content order, then
/// divisions, then pages), each made when asked for: the items, most of a
/// site, are made from the model one by one, so the index writer never
/// holds every document at once.
pub struct Documents<'a> {
    site: &'a Site,
    list: Vec<Source<'a>>,
}

/// Where a document comes from.
enum Source<'a> {
    /// Made already (the home page, plans' own pages, divisions, pages).
    Ready(Box<Doc>),
    /// An item of a plan, made when asked for.
    Item(&'a Plan, &'a Item),
}

impl<'a> Documents<'a> {
    /// The documents of `site`.
    pub fn new(site: &'a Site) -> Self {
        let mut list = vec![Source::Ready(Box::new(home(site)))];
        for plan in &site.plans {
            list.extend(plan_docs(site, plan).into_iter().map(|mut d| {
                archive(plan, &mut d);
                Source::Ready(Box::new(d))
            }));
            list.extend(plan.items.iter().map(|i| Source::Item(plan, i)));
        }
        list.extend(
            division_docs(site)
                .into_iter()
                .map(|d| Source::Ready(Box::new(d))),
        );
        for p in &site.pages {
            let mut d = Doc::new(paths::page(&p.slug), p.title.clone(), String::new());
            for line in p.body.lines() {
                if let Some(h) = line.trim_start().strip_prefix('#') {
                    d.push(Field::Heading, h.trim_start_matches('#').trim().to_string());
                }
            }
            d.push(Field::Body, markdown::plain_text(&p.body));
            list.push(Source::Ready(Box::new(d)));
        }
        Self { site, list }
    }

    /// How many documents there are.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are none (never: the home page is one).
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Document `i` (below [`Documents::len`]).
    pub fn get(&self, i: usize) -> Doc {
        match &self.list[i] {
            Source::Ready(d) => Doc::clone(d),
            Source::Item(plan, item) => {
                let mut d = item_doc(self.site, plan, item);
                archive(plan, &mut d);
                d
            }
        }
    }
}

/// An archived plan's documents rank below the current plan's.
fn archive(plan: &Plan, d: &mut Doc) {
    if plan.status == PlanStatus::Archived {
        d.prior = (u16::from(d.prior) * u16::from(ARCHIVED) / 100) as u8;
    }
}

/// Every document of `site`, in the order of [`Documents`].
pub fn documents(site: &Site) -> Vec<Doc> {
    use rayon::prelude::*;
    let docs = Documents::new(site);
    (0..docs.len())
        .into_par_iter()
        .map(|i| docs.get(i))
        .collect()
}

fn home(site: &Site) -> Doc {
    let mut d = Doc::new(
        paths::HOME.into(),
        site.settings.title.clone(),
        String::new(),
    );
    d.push(
        Field::Body,
        site.settings.description.clone().unwrap_or_default(),
    );
    d
}

fn plan_docs(site: &Site, plan: &Plan) -> Vec<Doc> {
    let era = site.settings.era_years;
    let mut docs = Vec::new();
    let mut indicators = Vec::new();
    let mut d = Doc::new(paths::plan(&plan.id), plan.title.clone(), String::new());
    d.push(Field::Heading, plan.subtitle.clone().unwrap_or_default());
    d.push(
        Field::Heading,
        format!(
            "{}〜{}",
            fiscal_year(plan.period.from, era),
            fiscal_year(plan.period.to, era)
        ),
    );
    d.prose(&plan.summary);
    for g in &plan.goals {
        d.push(Field::List, goal_title(plan, g));
    }
    d.filter("plan", plan.title.clone());
    docs.push(d);
    for g in &plan.goals {
        let mut d = Doc::new(
            paths::goal(&plan.id, g.number.get()),
            goal_title(plan, g),
            plan.title.clone(),
        );
        d.prose(&g.summary);
        // The goal page has a section per policy, listing its items, and
        // lists the items directly under the goal (plans of two levels).
        for i in plan.items_of_goal(g.number) {
            d.push(Field::List, item_title(plan, i));
        }
        for p in &g.policies {
            d.push(Field::Heading, policy_title(plan, p));
            for i in plan.items_of_policy(p.number) {
                d.push(Field::List, item_title(plan, i));
            }
        }
        for i in &g.indicators {
            d.push(Field::List, i.name.clone());
        }
        d.filter("plan", plan.title.clone());
        d.filter("goal", goal_title(plan, g));
        docs.push(d);
        for p in &g.policies {
            let mut d = Doc::new(
                paths::policy(&plan.id, p.number.get()),
                policy_title(plan, p),
                format!("{} › {}", plan.title, goal_title(plan, g)),
            );
            d.prose(&p.summary);
            for i in plan.items_of_policy(p.number) {
                d.push(Field::List, item_title(plan, i));
            }
            d.filter("plan", plan.title.clone());
            d.filter("goal", goal_title(plan, g));
            d.filter("policy", policy_title(plan, p));
            docs.push(d);
            // The pages of the third level, in a plan of four levels.
            for n in &p.nodes {
                let mut d = Doc::new(
                    paths::node(&plan.id, n.number.get()),
                    node_title(plan, n),
                    format!("{} › {}", plan.title, policy_title(plan, p)),
                );
                d.prose(&n.summary);
                for i in plan.items_of_node(n.number) {
                    d.push(Field::List, item_title(plan, i));
                }
                d.filter("plan", plan.title.clone());
                d.filter("goal", goal_title(plan, g));
                d.filter("policy", policy_title(plan, p));
                d.filter("node", node_title(plan, n));
                docs.push(d);
            }
        }
        for i in &g.indicators {
            let url = format!(
                "{}#indicator-{}",
                paths::goal(&plan.id, g.number.get()),
                i.id
            );
            indicators.push(indicator_doc(plan, i, url, goal_title(plan, g), era));
        }
    }
    for i in &plan.indicators {
        let url = format!("{}#indicator-{}", paths::plan(&plan.id), i.id);
        indicators.push(indicator_doc(plan, i, url, plan.title.clone(), era));
    }
    let mut d = Doc::new(
        paths::dashboard(&plan.id),
        "指標の一覧".into(),
        plan.title.clone(),
    );
    for (_, i) in plan.all_indicators() {
        d.push(Field::List, i.name.clone());
    }
    d.filter("plan", plan.title.clone());
    docs.push(d);
    for m in &plan.marks {
        let mut d = Doc::new(
            paths::mark(&plan.id, &m.id),
            format!("{}（{}）の{}", m.symbol, m.label, plan.item_level().name),
            plan.title.clone(),
        );
        for i in plan.items.iter().filter(|i| i.marks.contains(&m.id)) {
            d.push(Field::List, item_title(plan, i));
        }
        d.filter("plan", plan.title.clone());
        docs.push(d);
    }
    for c in &plan.cycles {
        let mut d = Doc::new(
            paths::cycle(&plan.id, c.year),
            format!("{}の評価結果", fiscal_year(c.year, era)),
            plan.title.clone(),
        );
        d.prose(&c.summary);
        for m in &c.meetings {
            d.push(Field::Heading, m.title.clone().unwrap_or_default());
            d.prose(&m.summary);
        }
        d.filter("plan", plan.title.clone());
        docs.push(d);
    }
    // Together, so their ranks make one run of ids in meta.json.
    docs.extend(indicators);
    docs
}

/// The indicator's values as a sentence, e.g. 策定時 93.2%（2024年度）,
/// worded by the achievement module as on the pages.
fn indicator_values(i: &Indicator, series: &Series, era: bool) -> String {
    let observed = &series.observed;
    let facts = indicator::facts(i, observed, era);
    let mut s = i.name.clone();
    if let Some(b) = i.baseline {
        s.push_str(&format!(
            "　策定時 {}（{}）",
            achievement::with_unit(b.value, &facts),
            fiscal_year(b.year, era)
        ));
    }
    for t in i.series.iter() {
        for p in &t.points {
            s.push_str(&format!(
                "　目標 {}（{}）",
                achievement::target_text(t, *p, &facts),
                fiscal_year(p.year, era)
            ));
        }
    }
    if let Some((y, shown)) = &series.assessment.latest {
        s.push_str(&format!("　実績 {shown}（{}）", fiscal_year(*y, era)));
    }
    s
}

fn indicator_doc(plan: &Plan, i: &Indicator, url: String, owner: String, era: bool) -> Doc {
    let series = Series::new(plan, i, era);
    let mut d = Doc::new(url, i.name.clone(), format!("{} › {owner}", plan.title));
    d.prose(&i.notes);
    d.push(Field::Body, indicator_values(i, &series, era));
    d.push(Field::Body, i.source.clone().unwrap_or_default());
    d.prior = INDICATOR;
    d.filter("plan", plan.title.clone());
    d.filter(
        "status",
        achievement::status_label(series.assessment.status),
    );
    d
}

fn item_doc(site: &Site, plan: &Plan, item: &Item) -> Doc {
    let era = site.settings.era_years;
    let goal = plan.goal_of(item);
    let policy = plan.policy_of(item);
    let node = plan.node_of(item);
    let parent = match item.parent {
        Parent::Node(r) => node_title(plan, plan.node_at(r).2),
        Parent::Policy(r) => policy_title(plan, plan.policy_at(r).1),
        Parent::Goal(r) => goal_title(plan, plan.goal_at(r)),
        Parent::Plan => plan.title.clone(),
    };
    let mut d = Doc::new(
        paths::item(&plan.id, item.number.get()),
        item_title(plan, item),
        format!("{} › {parent}", plan.title),
    );
    d.prose(&item.summary);
    d.prose(&item.note);
    d.filter("plan", plan.title.clone());
    if let Some(g) = goal {
        d.filter("goal", goal_title(plan, g));
    }
    if let Some(p) = policy {
        d.filter("policy", policy_title(plan, p));
    }
    if let Some(n) = node {
        d.filter("node", node_title(plan, n));
    }
    let ids = item.divisions.iter().chain(
        item.projects
            .iter()
            .flat_map(|p| p.divisions.iter().chain(&p.related_divisions)),
    );
    for id in ids {
        if let Some(div) = site.division(id) {
            if !d.fields[Field::Division as usize].contains(&div.name) {
                d.push(Field::Division, div.name.clone());
            }
            d.filter("division", div.name.clone());
        }
    }
    let marks: Vec<&Mark> = item.marks.iter().filter_map(|m| plan.mark(m)).collect();
    if !marks.is_empty() {
        let symbols: String = marks.iter().map(|m| m.symbol.as_str()).collect();
        let labels: Vec<&str> = marks.iter().map(|m| m.label.as_str()).collect();
        for l in &labels {
            d.push(Field::Mark, l.to_string());
        }
        d.filter("mark", format!("{symbols} {}", labels.join("、")));
    }
    for p in &item.projects {
        d.push(Field::Heading, p.title.clone());
        d.prose(&p.situation);
        d.prose(&p.actions);
        for r in &p.roadmap {
            d.push(Field::Body, r.label.clone());
            d.push(Field::Body, r.detail.clone().unwrap_or_default());
        }
        for e in &p.evaluation {
            d.push(Field::Body, e.label.clone());
            d.push(Field::Body, e.detail.clone().unwrap_or_default());
        }
        for l in &p.links {
            d.push(Field::Body, l.title.clone());
        }
    }
    for i in &item.indicators {
        d.push(Field::Heading, i.name.clone());
        d.prose(&i.notes);
        d.push(
            Field::Body,
            indicator_values(i, &Series::new(plan, i, era), era),
        );
    }
    // The evaluation results, newest first; the latest grade is a filter.
    let mut graded = false;
    for c in plan.cycles.iter().rev() {
        let Some(r) = c.item(item.number) else {
            continue;
        };
        if !graded && let Some(g) = plan.grade(&r.grade) {
            d.filter("grade", format!("{} {}", g.key, g.label));
            graded = true;
        }
        for t in [&r.self_evaluation, &r.analysis, &r.issues, &r.next_response] {
            d.prose(t);
        }
        for a in &r.achievements {
            d.prose(&a.text);
        }
    }
    d
}

fn division_docs(site: &Site) -> Vec<Doc> {
    let item_word = crate::views::levels::SiteLevels::new(site).item;
    let mut docs: Vec<Doc> = site
        .divisions
        .iter()
        .map(|div| {
            let mut d = Doc::new(
                paths::division(&div.id),
                div.name.clone(),
                div.bureau.clone().unwrap_or_default(),
            );
            d.push(
                Field::Body,
                format!("{}が担当する{}の一覧。", div.name, item_word),
            );
            d.push(Field::Heading, div.bureau.clone().unwrap_or_default());
            for a in &div.aliases {
                d.push(Field::Heading, a.clone());
            }
            d.filter("division", div.name.clone());
            d
        })
        .collect();
    // Each item once per division, in content order.
    let mut last: Vec<Option<(usize, ItemNumber)>> = vec![None; docs.len()];
    for (p, plan) in site.plans.iter().enumerate() {
        for item in &plan.items {
            let ids = item.divisions.iter().chain(
                item.projects
                    .iter()
                    .flat_map(|p| p.divisions.iter().chain(&p.related_divisions)),
            );
            for id in ids {
                let Some(k) = site.division_position(id) else {
                    continue;
                };
                if last[k] == Some((p, item.number)) {
                    continue;
                }
                last[k] = Some((p, item.number));
                docs[k].push(Field::List, item_title(plan, item));
                docs[k].filter("plan", plan.title.clone());
            }
        }
    }
    let mut index = Doc::new(
        paths::DIVISIONS.into(),
        format!("所属別の{item_word}"),
        String::new(),
    );
    for div in &site.divisions {
        index.push(Field::List, div.name.clone());
    }
    docs.push(index);
    docs
}
