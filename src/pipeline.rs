//! The pipeline that `check`, `build` and tests share:
//! load → validate → render (in memory) → search index (in memory) → write.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::diagnostics::{Diagnostics, Place};
use crate::model::Site;
use crate::output::{self, OutputError, OutputFile, WriteOptions};
use crate::{load, render, search, theme, validate};

/// Options of a build that do not come from the content.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Replace an output folder that does not look like kohyo output.
    pub force: bool,
    /// Skip the search index (the search page then says search is unavailable).
    pub no_search: bool,
    /// Called as each step starts, for progress display on a terminal.
    pub progress: Option<fn(Step)>,
}

/// A step of the build, reported to [`BuildOptions::progress`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Reading and parsing content files.
    Loading,
    /// Rendering this many items' pages and the rest.
    Rendering {
        /// Items in all plans.
        items: usize,
    },
    /// Indexing this many files for search.
    Indexing {
        /// Output files rendered so far.
        files: usize,
    },
    /// Writing this many files.
    Writing {
        /// Files to write.
        files: usize,
    },
}

impl BuildOptions {
    fn step(&self, step: Step) {
        if let Some(report) = self.progress {
            report(step);
        }
    }
}

/// A site rendered in memory.
#[derive(Debug)]
pub struct Rendered {
    /// The checked model.
    pub site: Site,
    /// Every output file, sorted by path.
    pub files: Vec<OutputFile>,
    /// The search index among them (under `pagefind/`).
    pub search: search::SearchStats,
}

/// What a finished build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Files written.
    pub files: usize,
    /// HTML pages among them.
    pub pages: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Indicator charts drawn (one per indicator; sparklines not counted).
    pub charts: usize,
    /// Open data files (CSV and JSON).
    pub data_files: usize,
    /// Wall time from loading to the swap.
    pub elapsed: Duration,
    /// The search index, built as part of the build (its time is in `elapsed`).
    pub search: search::SearchStats,
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content or the theme has problems; nothing was written.
    #[error("{} error(s) in the content; nothing was written", .0.error_count())]
    Content(Diagnostics),
    /// Writing the output failed; the previous output is untouched.
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// Loads and validates the site under `root`.
pub fn load_site(root: &Path) -> Result<Site, Diagnostics> {
    let (raw, mut diags) = load::load(root);
    match validate::validate(raw, &mut diags) {
        Some(site) if !diags.has_errors() => Ok(site),
        _ => Err(diags),
    }
}

/// Loads, validates and renders the site under `root`, all in memory.
pub fn render_site(root: &Path, options: &BuildOptions) -> Result<Rendered, Diagnostics> {
    options.step(Step::Loading);
    let (raw, mut diags) = load::load(root);
    let theme = theme::load(root, &mut diags);
    let site = validate::validate(raw, &mut diags);
    if let Some(base) = &options.base_url
        && !(base.starts_with("https://") || base.starts_with("http://"))
    {
        diags.error_hint(
                Place::file("--base-url"),
                "bad-url",
                format!("base URL `{base}` is not an absolute http(s) address"),
                "pass the address the site is published at, e.g. --base-url https://www.pref.example.jp/kaikaku/",
            );
    }
    let (Some(mut site), Some(theme)) = (site, theme) else {
        return Err(diags);
    };
    if diags.has_errors() {
        return Err(diags);
    }
    if let Some(base) = &options.base_url {
        site.settings.base_url = Some(if base.ends_with('/') {
            base.clone()
        } else {
            format!("{base}/")
        });
    }
    options.step(Step::Rendering {
        items: site.plans.iter().map(|p| p.items.len()).sum(),
    });
    let mut files = render::render(&site, &theme, &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }
    if options.no_search {
        return Ok(Rendered {
            site,
            files,
            search: search::SearchStats::default(),
        });
    }
    options.step(Step::Indexing { files: files.len() });
    let search = match search::index(&files, &site.settings.language) {
        Ok(index) => {
            files.extend(index.files);
            files.sort_by(|a, b| a.path.cmp(&b.path));
            index.stats
        }
        Err(e) => {
            diags.error_hint(
                Place::file(search::BUNDLE_DIR),
                "search-index",
                e.to_string(),
                "this is a fault in kohyo or pagefind, not in the content; please report it",
            );
            return Err(diags);
        }
    };
    Ok(Rendered {
        site,
        files,
        search,
    })
}

/// Builds the site under `root` into `out`: renders everything in memory,
/// then writes it into a fresh folder swapped in only on success.
pub fn build(root: &Path, out: &Path, options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let start = Instant::now();
    let rendered = render_site(root, options).map_err(BuildError::Content)?;
    options.step(Step::Writing {
        files: rendered.files.len(),
    });
    let report = output::write_site(
        out,
        &rendered.files,
        &WriteOptions {
            force: options.force,
        },
    )?;
    Ok(BuildReport {
        files: report.files,
        pages: rendered
            .files
            .iter()
            .filter(|f| f.path.ends_with(".html"))
            .count(),
        bytes: report.bytes,
        charts: rendered
            .site
            .plans
            .iter()
            .map(|p| p.indicator_count())
            .sum(),
        data_files: rendered
            .files
            .iter()
            .filter(|f| f.path.starts_with("data/") && !f.path.ends_with(".html"))
            .count(),
        elapsed: start.elapsed(),
        search: rendered.search,
    })
}
