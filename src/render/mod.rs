//! Rendering: the model and the theme in, every output file in memory out.
//!
//! Each page gets a frame (site, way back to the root, title, breadcrumbs)
//! around its own view; pages are rendered in parallel and then sorted by
//! path, so the output is the same on every run.

use std::collections::HashMap;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::{Diagnostics, Place};
use crate::load::theme::Theme;
use crate::model::*;
use crate::output::{OutputError, OutputFile, Sink};
use crate::urls::{self, paths};
use crate::views::{GoalView, Html, LinkView, md};

mod catalog;
mod data;
mod data_sets;
mod dates;
mod divisions;
mod feed;
mod pages;
mod sitemap;
mod views;

pub use pages::PageKind;

fn value<T: Serialize>(v: &T) -> tera::Value {
    tera::Value::from_serializable(v)
}

/// Site-wide values every page shows.
#[derive(Debug, Serialize)]
struct SiteView {
    title: String,
    organisation: String,
    description: String,
    language: String,
    nav: Vec<LinkView>,
    licence: LinkView,
    contact: Html,
    /// Notice on every page, HTML; empty when none.
    notice: Html,
    /// Whether the organisation is the site's publisher.
    official: bool,
    /// Whether fiscal years and dates show their era.
    era_years: bool,
    /// The site-wide pages and files every page links to.
    urls: SiteUrls,
    /// The plans' names for the levels of their structure.
    levels: crate::views::levels::SiteLevels,
}

/// Site-relative paths of the pages and files the frame links to.
#[derive(Debug, Serialize)]
struct SiteUrls {
    home: &'static str,
    search: &'static str,
    /// The search index folder, with its `/` (for the search script).
    search_index: String,
    feed: &'static str,
    accessibility: &'static str,
    data: &'static str,
    indicators_csv: String,
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

/// Starting size of a page's buffer: item pages, most of a site, are 30 to
/// 60 KB.
const PAGE_CAPACITY: usize = 64 * 1024;

/// Pages rendered at once before they are handed on to be written: large
/// enough to keep every core busy, small enough that a big site is never
/// held in memory whole.
const BATCH: usize = 256;

/// A site's pages, listed by kind, ready to be rendered one by one, plus
/// the files that are not pages (open data, the theme's static files, the
/// feed and the sitemap), made at once.
///
/// It borrows nothing: each call that renders is given the site and theme
/// the pages were listed from. [`render`] renders all the pages; the preview
/// server renders only the pages a browser asks for.
pub struct Pages {
    site_value: tera::Value,
    kinds: Vec<PageKind>,
    /// Each page's output path, in the order of `kinds`.
    paths: Vec<String>,
    by_path: HashMap<String, usize>,
    others: Vec<OutputFile>,
    /// What the open data page describes.
    data_sets: Vec<data::DataSet>,
    /// Per division, its items (see [`divisions::items_by_division`]).
    division_items: Vec<Vec<(usize, usize)>>,
    /// Per plan, its goal views, built once for the plan page and the goal
    /// and policy pages.
    goal_views: Vec<OnceLock<Vec<GoalView>>>,
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

impl Pages {
    /// Lists the pages of `site` and makes the files that are not pages.
    /// Fails only if the open data cannot be written (an internal fault).
    pub fn new(site: &Site, theme: &Theme) -> Result<Self, String> {
        // The open data and the list of pages do not depend on each other.
        let (data, kinds) = rayon::join(|| data::data_files(site), || list(site));
        let (data_files, data_sets) = data.map_err(|e| e.to_string())?;
        let paths: Vec<String> = kinds.iter().map(|k| k.path(site)).collect();
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
        if let Some(base) = &site.settings.base_url {
            others.push(OutputFile {
                path: paths::SITEMAP.into(),
                bytes: sitemap::sitemap(base, paths.iter().map(String::as_str)).into_bytes(),
            });
        }
        let by_path = paths
            .iter()
            .enumerate()
            .map(|(i, p)| (p.clone(), i))
            .collect();
        Ok(Self {
            site_value: value(&site_view(site)),
            kinds,
            paths,
            by_path,
            others,
            data_sets,
            division_items: divisions::items_by_division(site),
            goal_views: site.plans.iter().map(|_| OnceLock::new()).collect(),
        })
    }

    /// Number of pages.
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    /// Whether there are no pages (never: every site has a home page).
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// The files that are not pages.
    pub fn others(&self) -> &[OutputFile] {
        &self.others
    }

    /// The paths of the pages, in rendering order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.paths.iter().map(String::as_str)
    }

    /// The kind of the page at `path`, if there is one.
    pub fn kind(&self, path: &str) -> Option<PageKind> {
        self.by_path.get(path).map(|&i| self.kinds[i])
    }

    /// Whether `path` is one of the pages.
    pub fn contains(&self, path: &str) -> bool {
        self.by_path.contains_key(path)
    }

    /// Renders the page at `path` of `site` (the site these pages were
    /// listed from), if there is one.
    pub fn render(
        &self,
        site: &Site,
        theme: &Theme,
        path: &str,
    ) -> Option<Result<OutputFile, TemplateError>> {
        let i = *self.by_path.get(path)?;
        Some(self.render_page(site, theme, i))
    }

    /// Renders every page into `sink`, a batch at a time in the same order
    /// on every run; pages whose template fails are left out and returned.
    pub fn render_all(
        &self,
        site: &Site,
        theme: &Theme,
        sink: &mut dyn Sink,
    ) -> Result<Vec<TemplateError>, OutputError> {
        let mut failed = Vec::new();
        let all: Vec<usize> = (0..self.kinds.len()).collect();
        for batch in all.chunks(BATCH) {
            let results: Vec<Result<OutputFile, TemplateError>> = batch
                .par_iter()
                .map(|&i| self.render_page(site, theme, i))
                .collect();
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

    /// The goal views of plan number `plan`, built on first use.
    fn goals(&self, site: &Site, plan: usize) -> &[GoalView] {
        self.goal_views[plan].get_or_init(|| {
            let p = &site.plans[plan];
            p.goals.iter().map(|g| GoalView::new(site, p, g)).collect()
        })
    }

    fn render_page(
        &self,
        site: &Site,
        theme: &Theme,
        i: usize,
    ) -> Result<OutputFile, TemplateError> {
        let (kind, path) = (self.kinds[i], &self.paths[i]);
        render_page(site, theme, &self.site_value, kind, path, || {
            views::page_view(self, site, kind)
        })
        .map_err(|(place, message)| TemplateError { place, message })
    }
}

/// Every page of `site`, in the order they are rendered: the home page;
/// each plan's overview, goals (each followed by its policies), dashboard,
/// marks, cycles and items; each division and the division index; the
/// Markdown pages; search, 404, open data and the accessibility statement.
fn list(site: &Site) -> Vec<PageKind> {
    let mut kinds = vec![PageKind::Home];
    for (p, plan) in site.plans.iter().enumerate() {
        kinds.push(PageKind::Plan { plan: p });
        for (g, goal) in plan.goals.iter().enumerate() {
            kinds.push(PageKind::Goal { plan: p, goal: g });
            for (q, policy) in goal.policies.iter().enumerate() {
                kinds.push(PageKind::Policy {
                    plan: p,
                    goal: g,
                    policy: q,
                });
                // The third level, in a plan of four levels.
                kinds.extend((0..policy.nodes.len()).map(|node| PageKind::Node {
                    plan: p,
                    goal: g,
                    policy: q,
                    node,
                }));
            }
        }
        kinds.push(PageKind::Dashboard { plan: p });
        kinds.extend((0..plan.marks.len()).map(|mark| PageKind::Mark { plan: p, mark }));
        kinds.extend((0..plan.cycles.len()).map(|cycle| PageKind::Cycle { plan: p, cycle }));
        kinds.extend((0..plan.items.len()).map(|item| PageKind::Item { plan: p, item }));
    }
    kinds.extend((0..site.divisions.len()).map(|division| PageKind::Division { division }));
    kinds.push(PageKind::Divisions);
    kinds.extend((0..site.pages.len()).map(|page| PageKind::Page { page }));
    kinds.extend([
        PageKind::Search,
        PageKind::NotFound,
        PageKind::Data,
        PageKind::Accessibility,
    ]);
    kinds
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
    render_then(site, theme, diags, sink, || {})
}

/// [`render`], calling `listed` once the files that are not pages (the
/// open data among them, a big site's largest files) have gone into `sink`
/// and before the pages are rendered: the build starts the search index
/// then, so that the two never hold memory at the same time.
pub fn render_then(
    site: &Site,
    theme: &Theme,
    diags: &mut Diagnostics,
    sink: &mut dyn Sink,
    listed: impl FnOnce(),
) -> Result<(), RenderError> {
    let mut pages = Pages::new(site, theme).map_err(RenderError::OpenData)?;
    sink.put(std::mem::take(&mut pages.others))?;
    listed();
    for e in pages.render_all(site, theme, sink)? {
        e.report(diags);
    }
    Ok(())
}

/// Renders the page `kind` at `path` in its frame; `view` makes its view.
fn render_page(
    site: &Site,
    theme: &Theme,
    site_value: &tera::Value,
    kind: PageKind,
    path: &str,
    view: impl FnOnce() -> tera::Value,
) -> Result<OutputFile, (Place, String)> {
    let meta = kind.meta(site);
    let mut title_parts = meta.title_parts;
    title_parts.push(site.settings.title.clone());
    let frame = Frame {
        // A server shows the 404 page at whatever address was asked for,
        // however deep, so relative links from it would go astray: with a
        // base URL its links are absolute, without one they start at the
        // server's root (`/`), where a site without a base URL is taken to be.
        root: match (&site.settings.base_url, kind) {
            (Some(base), PageKind::NotFound) => base.clone(),
            (None, PageKind::NotFound) => "/".to_string(),
            _ => urls::path_to_root(path),
        },
        path,
        title: title_parts.join("｜"),
        heading: meta.heading,
        description: meta.description,
        crumbs: meta.crumbs,
        canonical: site
            .settings
            .base_url
            .as_deref()
            .map(|b| urls::join_base(b, path))
            .unwrap_or_default(),
        updated: dates::page_date(site, kind),
        draft: draft_banner(site, kind),
    };
    let template = meta.template;
    let mut ctx = tera::Context::from_serialize(&frame)
        .map_err(|e| crate::load::theme::template_error(template, &e))?;
    ctx.insert_value("site", site_value.clone());
    ctx.insert_value("page", view());
    // Rendered into a buffer sized for a typical item page, so it seldom
    // grows (each growth copies the page); the templates and the values put
    // into them are UTF-8, so the bytes need no second check.
    let mut html = Vec::with_capacity(PAGE_CAPACITY);
    theme
        .tera
        .render_to(template, &ctx, &mut html)
        .map_err(|e| crate::load::theme::template_error(template, &e))?;
    Ok(OutputFile {
        path: path.to_string(),
        bytes: html,
    })
}

/// The 「公表前の案」 banner of the page `kind`, empty when it shows no draft.
fn draft_banner(site: &Site, kind: PageKind) -> String {
    let years = dates::draft_years(site, kind);
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
        urls: SiteUrls {
            home: paths::HOME,
            search: paths::SEARCH,
            search_index: format!("{}/", crate::search::BUNDLE_DIR),
            feed: paths::FEED,
            accessibility: paths::ACCESSIBILITY,
            data: paths::DATA,
            indicators_csv: paths::data_file("indicators", "csv"),
        },
        levels: crate::views::levels::SiteLevels::new(site),
    }
}

/// Escapes text for XML content and attribute values.
pub(crate) use crate::html::escape::xml as escape_xml;
