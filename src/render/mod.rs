//! Rendering: the model and the theme in, every output file in memory out.
//!
//! Each page gets a frame (site, way back to the root, title, breadcrumbs)
//! around its own view; pages are rendered in parallel and then sorted by
//! path, so the output is the same on every run.

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::{Diagnostics, Place};
use crate::html::markdown;
use crate::load::theme::Theme;
use crate::model::*;
use crate::output::{OutputError, OutputFile, Sink};
use crate::urls;
use crate::views::cycle;
use crate::views::*;

mod accessibility;
mod catalog;
mod data;
mod data_sets;
mod dates;
mod feed;
mod nodes;

use dates::page_date;

/// Site-wide values every page shows.
#[derive(Debug, Serialize)]
struct SiteView {
    title: String,
    organisation: String,
    description: String,
    language: String,
    nav: Vec<LinkView>,
    licence: LinkView,
    contact: String,
    /// Notice on every page, HTML; empty when none.
    notice: String,
    /// Whether the organisation is the site's publisher.
    official: bool,
    /// Whether fiscal years and dates show their era.
    era_years: bool,
    /// The plans' names for the levels of their structure.
    levels: crate::views::levels::SiteLevels,
}

/// What every template receives besides `site` and `page`: the frame of
/// the page. `site` (a [`SiteView`]) and `page` (the page's own view) are
/// inserted as ready values, so the large page view is never copied.
#[derive(Serialize)]
struct Frame<'a> {
    /// Way back to the site root from this page, e.g. `../../`.
    root: String,
    /// This page's site-relative path.
    path: &'a str,
    /// Text of the `<title>` element.
    title: String,
    /// Text of the `h1`.
    heading: String,
    /// Meta description.
    description: String,
    /// Breadcrumbs above the heading, ending before this page.
    crumbs: Vec<LinkView>,
    /// Absolute URL when the site has a base URL.
    canonical: String,
    /// 更新日: the date of the newest data the page shows, never the build time.
    updated: String,
    /// The 「公表前の案」 banner's text when the page shows draft results, else empty.
    draft: String,
}

/// A page waiting to be rendered.
struct Job<'a> {
    path: String,
    template: &'static str,
    heading: String,
    title_parts: Vec<String>,
    description: String,
    crumbs: Vec<LinkView>,
    /// The page's view.
    page: PageData<'a>,
}

/// A page's view: ready, or built when the page is rendered (in parallel,
/// and dropped right after, so the views of thousands of item and division
/// pages are never all in memory at once).
enum PageData<'a> {
    /// Built already, type-erased so jobs of every kind fit in one list.
    Ready(tera::Value),
    /// Built by this function when the page is rendered.
    Lazy(Box<dyn Fn() -> tera::Value + Send + Sync + 'a>),
}

/// A view built when its page is rendered.
fn lazy<'a>(view: impl Fn() -> tera::Value + Send + Sync + 'a) -> PageData<'a> {
    PageData::Lazy(Box::new(view))
}

/// Starting size of a page's buffer: item pages, most of a site, are 30 to
/// 60 KB.
const PAGE_CAPACITY: usize = 64 * 1024;

/// The page a server shows for a missing address.
const NOT_FOUND: &str = "404.html";

/// Pages rendered at once before they are handed on to be written: large
/// enough to keep every core busy, small enough that a big site is never
/// held in memory whole.
const BATCH: usize = 256;

impl From<tera::Value> for PageData<'_> {
    fn from(v: tera::Value) -> Self {
        PageData::Ready(v)
    }
}

fn value<T: Serialize>(v: &T) -> tera::Value {
    tera::Value::from_serializable(v)
}

/// A site ready to be rendered page by page: every page's path and how to
/// build its view, plus the files that are not pages (open data, the theme's
/// static files, the feed and the sitemap), made at once.
///
/// [`render`] renders all the pages; the preview server renders only the
/// pages a browser asks for.
pub struct Pages<'a> {
    site: &'a Site,
    theme: &'a Theme,
    site_value: tera::Value,
    jobs: Vec<Job<'a>>,
    by_path: std::collections::HashMap<String, usize>,
    others: Vec<OutputFile>,
}

/// A page whose template failed: where (the template, with a line when
/// Tera knows one) and the error.
#[derive(Debug, Clone)]
pub struct TemplateError {
    /// The template's file, e.g. `themes/default/templates/item.html:12:5`.
    pub place: Place,
    /// What went wrong.
    pub message: String,
}

impl TemplateError {
    /// Adds this error to `diags`.
    fn report(self, diags: &mut Diagnostics) {
        diags.error_hint(
            self.place,
            "template",
            format!("template failed to render: {}", self.message),
            "check the variable names the template uses against the README's Themes section (the values each page receives)",
        );
    }
}

impl<'a> Pages<'a> {
    /// Lists the pages of `site` and makes the files that are not pages.
    /// Fails only if the open data cannot be written (an internal fault).
    pub fn new(site: &'a Site, theme: &'a Theme) -> Result<Self, String> {
        // The open data and the list of pages do not depend on each other.
        let (data, mut jobs) = rayon::join(|| data::data_files(site), || jobs(site));
        let (data_files, data_sets) = data.map_err(|e| e.to_string())?;
        jobs.push(data_job(site, &data_sets));
        jobs.push(accessibility::job(jobs.len() + 1));
        let mut others = data_files;
        for (path, bytes) in &theme.statics {
            others.push(OutputFile {
                path: path.clone(),
                bytes: bytes.clone(),
            });
        }
        others.push(OutputFile {
            path: paths::FEED.into(),
            bytes: feed::atom(site).into_bytes(),
        });
        // A sitemap lists absolute addresses, so only a site with a base URL has one.
        if site.settings.base_url.is_some() {
            others.push(OutputFile {
                path: "sitemap.xml".into(),
                bytes: sitemap(site, &jobs).into_bytes(),
            });
        }
        let by_path = jobs
            .iter()
            .enumerate()
            .map(|(i, j)| (j.path.clone(), i))
            .collect();
        Ok(Self {
            site,
            theme,
            site_value: value(&site_view(site)),
            jobs,
            by_path,
            others,
        })
    }

    /// The site being rendered.
    pub fn site(&self) -> &'a Site {
        self.site
    }

    /// Number of pages.
    pub fn len(&self) -> usize {
        self.jobs.len()
    }

    /// Whether there are no pages (never: every site has a home page).
    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
    }

    /// The files that are not pages.
    pub fn others(&self) -> &[OutputFile] {
        &self.others
    }

    /// The paths of the pages, in rendering order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.jobs.iter().map(|j| j.path.as_str())
    }

    /// Whether `path` is one of the pages.
    pub fn contains(&self, path: &str) -> bool {
        self.by_path.contains_key(path)
    }

    /// Renders the page at `path`, if there is one.
    pub fn render(&self, path: &str) -> Option<Result<OutputFile, TemplateError>> {
        let job = &self.jobs[*self.by_path.get(path)?];
        Some(self.render_job(job))
    }

    /// Renders every page into `sink`, a batch at a time in the same order
    /// on every run; pages whose template fails are left out and returned.
    pub fn render_all(&self, sink: &mut dyn Sink) -> Result<Vec<TemplateError>, OutputError> {
        let mut failed = Vec::new();
        for batch in self.jobs.chunks(BATCH) {
            let results: Vec<Result<OutputFile, TemplateError>> =
                batch.par_iter().map(|job| self.render_job(job)).collect();
            let mut files = Vec::with_capacity(results.len());
            for r in results {
                match r {
                    Ok(f) => files.push(f),
                    Err(e) => failed.push(e),
                }
            }
            sink.put(files)?;
        }
        Ok(failed)
    }

    fn render_job(&self, job: &Job<'_>) -> Result<OutputFile, TemplateError> {
        render_job(self.site, self.theme, &self.site_value, job)
            .map_err(|(place, message)| TemplateError { place, message })
    }
}

/// Why rendering stopped: faults of kohyo or of the output, never of the
/// content (those become diagnostics).
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The sink refused or could not write a batch.
    #[error(transparent)]
    Output(#[from] OutputError),
    /// The open data files could not be made (a fault in kohyo).
    #[error("the open data files could not be made: {0}")]
    OpenData(String),
}

/// Renders every page of `site` with `theme` into `sink`, a batch at a time
/// and always in the same order; template errors become diagnostics (the
/// pages that failed are left out, the others still go to `sink`).
pub fn render(
    site: &Site,
    theme: &Theme,
    diags: &mut Diagnostics,
    sink: &mut dyn Sink,
) -> Result<(), RenderError> {
    let mut pages = Pages::new(site, theme).map_err(RenderError::OpenData)?;
    sink.put(std::mem::take(&mut pages.others))?;
    for e in pages.render_all(sink)? {
        e.report(diags);
    }
    Ok(())
}

fn render_job(
    site: &Site,
    theme: &Theme,
    site_value: &tera::Value,
    job: &Job,
) -> Result<OutputFile, (Place, String)> {
    let mut title_parts = job.title_parts.clone();
    title_parts.push(site.settings.title.clone());
    let frame = Frame {
        // A server shows the 404 page at whatever address was asked for,
        // however deep, so relative links from it would go astray: with a
        // base URL its links are absolute, without one they start at the
        // server's root (`/`), where a site without a base URL is taken to be.
        root: match (&site.settings.base_url, job.path.as_str()) {
            (Some(base), NOT_FOUND) => base.clone(),
            (None, NOT_FOUND) => "/".to_string(),
            _ => urls::path_to_root(&job.path),
        },
        path: &job.path,
        title: title_parts.join("｜"),
        heading: job.heading.clone(),
        description: job.description.clone(),
        crumbs: job.crumbs.clone(),
        canonical: site
            .settings
            .base_url
            .as_deref()
            .map(|b| urls::join_base(b, &job.path))
            .unwrap_or_default(),
        updated: page_date(site, &job.path),
        draft: draft_banner(site, &job.path),
    };
    let mut ctx = tera::Context::from_serialize(&frame)
        .map_err(|e| crate::load::theme::template_error(job.template, &e))?;
    ctx.insert_value("site", site_value.clone());
    ctx.insert_value(
        "page",
        match &job.page {
            PageData::Ready(v) => v.clone(),
            PageData::Lazy(view) => view(),
        },
    );
    // Rendered into a buffer sized for a typical item page, so it seldom
    // grows (each growth copies the page); the templates and the values put
    // into them are UTF-8, so the bytes need no second check.
    let mut html = Vec::with_capacity(PAGE_CAPACITY);
    theme
        .tera
        .render_to(job.template, &ctx, &mut html)
        .map_err(|e| crate::load::theme::template_error(job.template, &e))?;
    Ok(OutputFile {
        path: job.path.clone(),
        bytes: html,
    })
}

/// The 「公表前の案」 banner of the page at `path`, empty when it shows no draft.
fn draft_banner(site: &Site, path: &str) -> String {
    let years = dates::draft_years(site, path);
    if years.is_empty() {
        return String::new();
    }
    let years: Vec<String> = years
        .into_iter()
        .map(|y| crate::years::fiscal_year(y, site.settings.era_years))
        .collect();
    crate::load::drafts::banner(&years)
}

fn site_view(site: &Site) -> SiteView {
    let s = &site.settings;
    let mut nav = Vec::new();
    if let Some(plan) = site.main_plan() {
        nav.push(LinkView {
            title: "計画の全体像".into(),
            url: paths::plan(&plan.id),
        });
    }
    nav.push(LinkView {
        title: "所属別".into(),
        url: paths::DIVISIONS.into(),
    });
    nav.push(LinkView {
        title: "オープンデータ".into(),
        url: paths::DATA.into(),
    });
    for p in site.pages.iter().filter(|p| p.date.is_none()) {
        nav.push(LinkView {
            title: p.title.clone(),
            url: paths::page(&p.slug),
        });
    }
    SiteView {
        title: s.title.clone(),
        organisation: s.organisation.clone(),
        description: s.description.clone().unwrap_or_default(),
        language: s.language.clone(),
        nav,
        licence: LinkView {
            title: s.licence.name.clone(),
            url: s.licence.url.clone().unwrap_or_default(),
        },
        contact: md(&s.contact),
        notice: md(&s.notice),
        official: s.official,
        era_years: s.era_years,
        levels: crate::views::levels::SiteLevels::new(site),
    }
}

fn home_crumb() -> LinkView {
    LinkView {
        title: "ホーム".into(),
        url: paths::HOME.into(),
    }
}

fn plan_crumb(plan: &Plan) -> LinkView {
    LinkView {
        title: plan.title.clone(),
        url: paths::plan(&plan.id),
    }
}

#[derive(Serialize)]
struct GradeView {
    key: String,
    label: String,
    meaning: String,
}

#[derive(Serialize)]
struct MarkView {
    symbol: String,
    label: String,
    /// The page listing the plan's items with this mark.
    url: String,
    /// How many items carry it.
    count: usize,
}

fn data_job<'a>(site: &'a Site, sets: &[data::DataSet]) -> Job<'a> {
    Job {
        path: paths::DATA.into(),
        template: "data.html",
        heading: "オープンデータ".into(),
        title_parts: vec!["オープンデータ".into()],
        description: "計画の体系、指標の値、評価結果を CSV と JSON で提供しています。".into(),
        crumbs: vec![home_crumb()],
        page: PageData::Ready(value(&serde_helpers::DataPage {
            sets,
            licence: LinkView {
                title: site.settings.licence.name.clone(),
                url: site.settings.licence.url.clone().unwrap_or_default(),
            },
        })),
    }
}

fn jobs(site: &Site) -> Vec<Job<'_>> {
    let era = site.settings.era_years;
    let mut jobs = Vec::new();
    let main = site.main_plan();
    jobs.push(Job {
        path: paths::HOME.into(),
        template: "index.html",
        heading: site.settings.title.clone(),
        title_parts: vec![],
        description: site.settings.description.clone().unwrap_or_default(),
        crumbs: vec![],
        page: PageData::Ready(value(&serde_helpers::Home {
            plan: main.map(|p| PlanView::new(p, era)),
            goals: main
                .map(|p| p.goals.iter().map(|g| GoalView::new(site, p, g)).collect())
                .unwrap_or_default(),
            latest: main.and_then(|p| p.latest_cycle().map(|c| cycle::cycle_view(site, p, c))),
            indicator_counts: main.map(crate::views::indicator::status_counts),
            dashboard: main.map(|p| paths::dashboard(&p.id)).unwrap_or_default(),
            archived: site
                .plans
                .iter()
                .filter(|p| p.status == PlanStatus::Archived)
                .map(|p| PlanView::new(p, era))
                .collect(),
            pages: site
                .pages
                .iter()
                .filter(|p| p.date.is_none())
                .map(|p| LinkView {
                    title: p.title.clone(),
                    url: paths::page(&p.slug),
                })
                .collect(),
            news: {
                let mut news: Vec<&Page> = site.pages.iter().filter(|p| p.date.is_some()).collect();
                news.sort_by(|a, b| b.date.cmp(&a.date).then(a.slug.cmp(&b.slug)));
                news.iter()
                    .map(|p| LinkView {
                        title: format!("{}　{}", p.date.as_deref().unwrap_or_default(), p.title),
                        url: paths::page(&p.slug),
                    })
                    .collect()
            },
        })),
    });
    for plan in &site.plans {
        plan_jobs(site, plan, &mut jobs);
    }
    division_jobs(site, &mut jobs);
    for p in &site.pages {
        jobs.push(Job {
            path: paths::page(&p.slug),
            template: "page.html",
            heading: p.title.clone(),
            title_parts: vec![p.title.clone()],
            description: p
                .description
                .clone()
                .unwrap_or_else(|| first_sentence(&markdown::plain_text(&p.body))),
            crumbs: vec![home_crumb()],
            page: PageData::Ready(value(&serde_helpers::PageBody {
                content: markdown::render_under_title(&p.body),
                date: p.date.clone().unwrap_or_default(),
            })),
        });
    }
    jobs.push(Job {
        path: crate::search::PAGE.into(),
        template: "search.html",
        heading: "サイト内検索".into(),
        title_parts: vec!["サイト内検索".into()],
        description: {
            let l = crate::views::levels::SiteLevels::new(site);
            format!(
                "{}・事業・指標・所属・ページを言葉で検索し、計画・{}・{}・所属などで絞り込めます。",
                l.item, l.goal, l.policy
            )
        },
        crumbs: vec![home_crumb()],
        page: PageData::Ready(value(&crate::search::page_view(site))),
    });
    jobs.push(Job {
        path: NOT_FOUND.into(),
        template: "404.html",
        heading: "ページが見つかりません".into(),
        title_parts: vec!["ページが見つかりません".into()],
        description: String::new(),
        crumbs: vec![],
        page: tera::Value::none().into(),
    });
    jobs
}

fn first_sentence(text: &str) -> String {
    let end = text
        .find('。')
        .map(|i| i + '。'.len_utf8())
        .unwrap_or(text.len());
    text[..end].chars().take(120).collect()
}

fn plan_jobs<'a>(site: &'a Site, plan: &'a Plan, jobs: &mut Vec<Job<'a>>) {
    let era = site.settings.era_years;
    let pv = PlanView::new(plan, era);
    let goals: Vec<GoalView> = plan
        .goals
        .iter()
        .map(|g| GoalView::new(site, plan, g))
        .collect();
    let inferred = plan
        .items
        .iter()
        .filter(|i| i.placement == Placement::Inferred)
        .count();
    let unknown = plan
        .items
        .iter()
        .filter(|i| i.placement == Placement::Unknown)
        .count();
    jobs.push(Job {
        path: paths::plan(&plan.id),
        template: "plan.html",
        heading: plan.title.clone(),
        title_parts: vec![plan.title.clone()],
        description: format!(
            "{}（{}）の{}の一覧。",
            plan.title,
            pv.period,
            plan.levels
                .iter()
                .map(|l| l.name.as_str())
                .collect::<Vec<_>>()
                .join("・")
        ),
        crumbs: vec![home_crumb()],
        page: lazy(move || {
            let pv = PlanView::new(plan, era);
            let goals: Vec<GoalView> = plan
                .goals
                .iter()
                .map(|g| GoalView::new(site, plan, g))
                .collect();
            value(&serde_helpers::PlanPage {
                summary: md(&plan.summary),
                source: md(&plan.source),
                structure_note: md(&plan.structure_note),
                grades_note: md(&plan.grades_note),
                grades: plan
                    .grades
                    .iter()
                    .map(|g| GradeView {
                        key: g.key.clone(),
                        label: g.label.clone(),
                        meaning: g.meaning.clone().unwrap_or_default(),
                    })
                    .collect(),
                marks: plan
                    .marks
                    .iter()
                    .map(|m| MarkView {
                        symbol: m.symbol.clone(),
                        label: m.label.clone(),
                        url: paths::mark(&plan.id, &m.id),
                        count: plan
                            .items
                            .iter()
                            .filter(|i| i.marks.contains(&m.id))
                            .count(),
                    })
                    .collect(),
                divisions: plan_divisions(site, plan),
                cycles: plan
                    .cycles
                    .iter()
                    .rev()
                    .map(|c| cycle::cycle_link(plan, c, era))
                    .collect(),
                indicators: plan
                    .indicators
                    .iter()
                    .map(|i| IndicatorView::new(plan, i, era).with_earlier(site))
                    .collect(),
                documented_count: plan.items.len() - inferred - unknown,
                inferred_count: inferred,
                unknown_count: unknown,
                placement_of: placement_of(plan),
                items: plan
                    .items
                    .iter()
                    .filter(|i| i.goal.is_none())
                    .map(|i| ItemRow::new(site, plan, i))
                    .collect(),
                goals: &goals,
                events: crate::views::events::events(plan),
                plan: &pv,
            })
        }),
    });
    for (goal, gv) in plan.goals.iter().zip(&goals) {
        jobs.push(Job {
            path: paths::goal(&plan.id, goal.number),
            template: "goal.html",
            heading: format!("{} {}", gv.label, goal.title),
            title_parts: vec![format!("{} {}", gv.label, goal.title), plan.title.clone()],
            description: if plan.levels.len() > 2 {
                format!(
                    "{}の{}「{}」の{}と{}。",
                    plan.title,
                    gv.label,
                    goal.title,
                    plan.level(1).name,
                    plan.item_level().name
                )
            } else {
                format!(
                    "{}の{}「{}」の{}。",
                    plan.title,
                    gv.label,
                    goal.title,
                    plan.item_level().name
                )
            },
            crumbs: vec![home_crumb(), plan_crumb(plan)],
            page: PageData::Ready(value(&serde_helpers::GoalPage {
                plan: &pv,
                goal: gv,
            })),
        });
        for pol in &gv.policies {
            jobs.push(Job {
                path: pol.url.clone(),
                template: "policy.html",
                heading: format!("{} {}", pol.label, pol.title),
                title_parts: vec![format!("{} {}", pol.label, pol.title), plan.title.clone()],
                description: format!(
                    "{}の{}「{}」の{}。",
                    plan.title,
                    pol.label,
                    pol.title,
                    plan.item_level().name
                ),
                crumbs: vec![
                    home_crumb(),
                    plan_crumb(plan),
                    LinkView {
                        title: format!("{} {}", gv.label, gv.title),
                        url: gv.url.clone(),
                    },
                ],
                page: PageData::Ready(value(&serde_helpers::PolicyPage {
                    plan: &pv,
                    policy: pol,
                })),
            });
            nodes::node_jobs(plan, &pv, gv, pol, jobs);
        }
    }
    jobs.push(Job {
        path: paths::dashboard(&plan.id),
        template: "dashboard.html",
        heading: "指標の一覧".into(),
        title_parts: vec!["指標の一覧".into(), plan.title.clone()],
        description: format!(
            "{}のすべての指標の策定時の値、最新の実績、目標と状況。",
            plan.title
        ),
        crumbs: vec![home_crumb(), plan_crumb(plan)],
        page: lazy(move || {
            value(&serde_helpers::DashboardPage {
                plan: &PlanView::new(plan, era),
                groups: crate::views::indicator::dashboard(plan, era),
                cards: crate::views::card::dashboard(plan, era),
                counts: crate::views::indicator::status_counts(plan),
                formulas: crate::views::indicator::formulas(),
            })
        }),
    });
    for m in &plan.marks {
        let item_level = &plan.item_level().name;
        let label = format!("{}（{}）の{item_level}", m.symbol, m.label);
        jobs.push(Job {
            path: paths::mark(&plan.id, &m.id),
            template: "mark.html",
            heading: label.clone(),
            title_parts: vec![label.clone(), plan.title.clone()],
            description: format!("{}のうち、{}の{item_level}の一覧。", plan.title, m.label),
            crumbs: vec![home_crumb(), plan_crumb(plan)],
            page: lazy(move || {
                value(&serde_helpers::MarkPage {
                    plan: &PlanView::new(plan, era),
                    label: m.label.clone(),
                    items: plan
                        .items
                        .iter()
                        .filter(|i| i.marks.contains(&m.id))
                        .map(|i| ItemRow::new(site, plan, i))
                        .collect(),
                })
            }),
        });
    }
    for c in &plan.cycles {
        let year = crate::years::fiscal_year(c.year, era);
        jobs.push(Job {
            path: paths::cycle(&plan.id, c.year),
            template: "cycle.html",
            heading: format!("{year}の評価結果"),
            title_parts: vec![format!("{year}の評価結果"), plan.title.clone()],
            description: format!(
                "{}の{year}の評価結果：評価の分布、委員会の意見、見直し。",
                plan.title
            ),
            crumbs: vec![home_crumb(), plan_crumb(plan)],
            page: lazy(move || {
                value(&serde_helpers::CyclePage {
                    plan: &PlanView::new(plan, era),
                    cycle: cycle::cycle_view(site, plan, c),
                })
            }),
        });
    }
    for item in &plan.items {
        let row = ItemRow::new(site, plan, item);
        let label = plan.item_label(item.number);
        // The page title names the node just above the item, else the plan.
        let above = row
            .node
            .as_ref()
            .or(row.policy.as_ref())
            .or(row.goal.as_ref())
            .map_or_else(|| plan.title.clone(), |l| l.title.clone());
        let mut crumbs = vec![home_crumb(), plan_crumb(plan)];
        crumbs.extend(row.goal.clone());
        crumbs.extend(row.policy.clone());
        crumbs.extend(row.node.clone());
        jobs.push(Job {
            path: row.url.clone(),
            template: "item.html",
            heading: format!("{label} {}", item.title),
            title_parts: vec![format!("{label} {}", item.title), above],
            description: format!(
                "{}の{label}「{}」の事業、工程表、指標。",
                plan.title, item.title
            ),
            crumbs,
            page: lazy(move || item_page(site, plan, item)),
        });
    }
}

/// The name of the level items are placed in: the one just above them, or
/// 体系 when the plan has one level.
fn placement_of(plan: &Plan) -> String {
    plan.placement_level().to_string()
}

/// The view of an item page, built while the page is rendered.
fn item_page(site: &Site, plan: &Plan, item: &Item) -> tera::Value {
    let era = site.settings.era_years;
    value(&serde_helpers::ItemPage {
        plan: &PlanView::new(plan, era),
        placement_of: placement_of(plan),
        summary: md(&item.summary),
        note: md(&item.note),
        years: plan
            .period
            .years()
            .map(|y| crate::years::fiscal_year(y, era))
            .collect(),
        projects: (0..item.projects.len())
            .map(|i| ProjectView::new(site, plan, item, i))
            .collect(),
        thread: cycle::thread(site, plan, item),
        indicators: item
            .indicators
            .iter()
            .map(|i| IndicatorView::new(plan, i, era).with_earlier(site))
            .collect(),
        source_file: item.source_file.clone(),
        item: ItemRow::new(site, plan, item),
    })
}

/// Links to the divisions responsible for items of `plan`, with item counts.
fn plan_divisions(site: &Site, plan: &Plan) -> Vec<LinkView> {
    site.divisions
        .iter()
        .filter_map(|d| {
            let n = plan
                .items
                .iter()
                .filter(|i| i.divisions.contains(&d.id))
                .count();
            (n > 0).then(|| LinkView {
                title: format!("{}（{}）", d.name, n),
                url: paths::division(&d.id),
            })
        })
        .collect()
}

/// The items each division is responsible for or involved in (through a
/// project), as (plan index, item index) in plan and item order; built in
/// one pass over the items.
fn items_by_division(site: &Site) -> Vec<Vec<(usize, usize)>> {
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
fn division_page(site: &Site, d: &Division, items: &[(usize, usize)]) -> tera::Value {
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
            (!items.is_empty()).then_some(serde_helpers::FilterGroup {
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
                    &|i: &Item| i.goal == Some(g.number),
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
        groups.push(serde_helpers::DivisionPlan {
            plan: PlanView::new(plan, era),
            items: selected.iter().map(|(_, row)| row).collect(),
            goals,
            marks,
        });
    }
    value(&serde_helpers::DivisionPage {
        bureau: d.bureau.clone().unwrap_or_default(),
        aliases: d.aliases.clone(),
        groups,
    })
}

fn division_jobs<'a>(site: &'a Site, jobs: &mut Vec<Job<'a>>) {
    let item_word = crate::views::levels::SiteLevels::new(site).item;
    let mut index = Vec::new();
    for (d, items) in site.divisions.iter().zip(items_by_division(site)) {
        index.push(serde_helpers::DivisionRow {
            name: d.name.clone(),
            bureau: d.bureau.clone().unwrap_or_default(),
            url: paths::division(&d.id),
            item_count: items.len(),
        });
        jobs.push(Job {
            path: paths::division(&d.id),
            template: "division.html",
            heading: d.name.clone(),
            title_parts: vec![d.name.clone(), "所属別".into()],
            description: format!("{}が担当する{}の一覧。", d.name, item_word),
            crumbs: vec![
                home_crumb(),
                LinkView {
                    title: "所属別".into(),
                    url: paths::DIVISIONS.into(),
                },
            ],
            page: lazy(move || division_page(site, d, &items)),
        });
    }
    jobs.push(Job {
        path: paths::DIVISIONS.into(),
        template: "divisions.html",
        heading: format!("所属別の{item_word}"),
        title_parts: vec![format!("所属別の{item_word}")],
        description: format!("{item_word}を担当する所属の一覧。"),
        crumbs: vec![home_crumb()],
        page: PageData::Ready(value(&by_bureau(index))),
    });
}

/// The division index grouped by 部局, bureaus in the order they first
/// appear; divisions without one come last, under 部局の記載なし.
fn by_bureau(rows: Vec<serde_helpers::DivisionRow>) -> Vec<serde_helpers::BureauGroup> {
    let mut groups: Vec<serde_helpers::BureauGroup> = Vec::new();
    let mut none = Vec::new();
    for row in rows {
        if row.bureau.is_empty() {
            none.push(row);
        } else if let Some(g) = groups.iter_mut().find(|g| g.bureau == row.bureau) {
            g.divisions.push(row);
        } else {
            groups.push(serde_helpers::BureauGroup {
                bureau: row.bureau.clone(),
                divisions: vec![row],
            });
        }
    }
    if !none.is_empty() {
        groups.push(serde_helpers::BureauGroup {
            bureau: "部局の記載なし".into(),
            divisions: none,
        });
    }
    groups
}

/// `sitemap.xml`, for a site with a base URL (every address absolute).
fn sitemap(site: &Site, jobs: &[Job<'_>]) -> String {
    let mut paths: Vec<&str> = jobs
        .iter()
        .map(|j| j.path.as_str())
        .filter(|p| *p != NOT_FOUND)
        .collect();
    paths.sort_unstable();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let base = site.settings.base_url.as_deref().unwrap_or_default();
    for p in paths {
        let loc = urls::join_base(base, p);
        xml.push_str("  <url><loc>");
        xml.push_str(&escape_xml(&loc));
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Escapes text for XML content and attribute values.
pub(crate) use crate::html::escape::xml as escape_xml;

/// Page views that exist only to be serialised for one template each.
mod serde_helpers {
    use super::*;

    #[derive(Serialize)]
    pub struct Home {
        pub plan: Option<PlanView>,
        pub goals: Vec<GoalView>,
        pub latest: Option<crate::views::cycle::CycleView>,
        pub indicator_counts: Option<crate::views::indicator::StatusCounts>,
        pub dashboard: String,
        pub archived: Vec<PlanView>,
        pub pages: Vec<LinkView>,
        pub news: Vec<LinkView>,
    }

    #[derive(Serialize)]
    pub struct PlanPage<'a> {
        pub plan: &'a PlanView,
        pub summary: String,
        pub source: String,
        pub structure_note: String,
        pub grades_note: String,
        pub grades: Vec<GradeView>,
        pub marks: Vec<MarkView>,
        pub divisions: Vec<LinkView>,
        pub cycles: Vec<LinkView>,
        pub indicators: Vec<IndicatorView>,
        pub documented_count: usize,
        pub inferred_count: usize,
        pub unknown_count: usize,
        /// The name of the level items are placed in (方針 in Gunma's plan).
        pub placement_of: String,
        /// Items outside any goal: every item of a one-level plan.
        pub items: Vec<ItemRow>,
        pub goals: &'a [GoalView],
        /// Meetings, proposals and news of the plan as a whole.
        pub events: Vec<crate::views::events::EventView>,
    }

    #[derive(Serialize)]
    pub struct GoalPage<'a> {
        pub plan: &'a PlanView,
        pub goal: &'a GoalView,
    }

    #[derive(Serialize)]
    pub struct PolicyPage<'a> {
        pub plan: &'a PlanView,
        pub policy: &'a PolicyView,
    }

    #[derive(Serialize)]
    pub struct ItemPage<'a> {
        pub plan: &'a PlanView,
        pub placement_of: String,
        pub item: ItemRow,
        pub summary: String,
        pub note: String,
        pub years: Vec<String>,
        pub projects: Vec<ProjectView>,
        pub indicators: Vec<IndicatorView>,
        pub thread: Vec<crate::views::cycle::ThreadEntry>,
        pub source_file: String,
    }

    #[derive(Serialize)]
    pub struct DashboardPage<'a> {
        pub plan: &'a PlanView,
        pub groups: Vec<crate::views::indicator::DashboardGroup>,
        pub cards: Vec<crate::views::card::CardGroup>,
        pub counts: crate::views::indicator::StatusCounts,
        pub formulas: Vec<crate::views::indicator::FormulaView>,
    }

    #[derive(Serialize)]
    pub struct DataPage<'a> {
        pub sets: &'a [super::data::DataSet],
        pub licence: LinkView,
    }

    #[derive(Serialize)]
    pub struct CyclePage<'a> {
        pub plan: &'a PlanView,
        pub cycle: crate::views::cycle::CycleView,
    }

    #[derive(Serialize)]
    pub struct DivisionRow {
        pub name: String,
        pub bureau: String,
        pub url: String,
        pub item_count: usize,
    }

    #[derive(Serialize)]
    pub struct BureauGroup {
        pub bureau: String,
        pub divisions: Vec<DivisionRow>,
    }

    #[derive(Serialize)]
    pub struct DivisionPlan<'a> {
        pub plan: PlanView,
        pub items: Vec<&'a ItemRow>,
        /// The same items by goal, for the static filter links.
        pub goals: Vec<FilterGroup<'a>>,
        /// The items carrying each mark, for the static filter links.
        pub marks: Vec<FilterGroup<'a>>,
    }

    /// A subset of items reachable by a plain link (an anchor on the page).
    #[derive(Serialize)]
    pub struct FilterGroup<'a> {
        pub anchor: String,
        pub title: String,
        pub items: Vec<&'a ItemRow>,
    }

    #[derive(Serialize)]
    pub struct MarkPage<'a> {
        pub plan: &'a PlanView,
        pub label: String,
        pub items: Vec<ItemRow>,
    }

    #[derive(Serialize)]
    pub struct DivisionPage<'a> {
        pub bureau: String,
        pub aliases: Vec<String>,
        pub groups: Vec<DivisionPlan<'a>>,
    }

    #[derive(Serialize)]
    pub struct PageBody {
        pub content: String,
        pub date: String,
    }
}
