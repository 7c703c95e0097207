//! The pipeline that `check`, `build` and tests share:
//! load → validate → render, a batch of pages at a time, into a sink (a
//! staging folder for `build`, memory for `check`, `serve` and tests) while
//! the search index is built beside it on its own thread.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::diagnostics::{Diagnostics, Place};
use crate::model::Site;
use crate::output::{OutputError, OutputFile, Sink, Staging, WriteOptions};
use crate::theme::Theme;
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
    /// Parsed content files to reuse when unchanged, and to keep for the
    /// next build (the preview server rebuilds with one).
    pub cache: Option<std::sync::Arc<load::Cache>>,
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
    /// Finishing the search index of this many pages.
    Indexing {
        /// Pages rendered.
        files: usize,
    },
    /// Putting the new site (this many pages and data files) in place.
    Writing {
        /// Pages and data files written.
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
    /// Indicator charts drawn (one per indicator with a published actual, so
    /// with two points; sparklines not counted).
    pub charts: usize,
    /// Open data files (CSV and JSON).
    pub data_files: usize,
    /// Wall time from loading to the swap.
    pub elapsed: Duration,
    /// The search index, built as part of the build (its time is in `elapsed`).
    pub search: search::SearchStats,
    /// Whether `sitemap.xml` and canonical links were written (only with a base URL).
    pub sitemap: bool,
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

/// Loads and validates the site under `root` and its theme, with `options`
/// applied; the diagnostics returned with them hold warnings only.
pub fn prepare(
    root: &Path,
    options: &BuildOptions,
) -> Result<(Site, Theme, Diagnostics), Diagnostics> {
    options.step(Step::Loading);
    let (raw, mut diags) = load::load_with(root, options.cache.as_deref());
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
    Ok((site, theme, diags))
}

/// What went into a [`Sink`], counted on the way.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    /// HTML pages.
    pages: usize,
    /// Open data files (CSV and JSON under `data/`).
    data_files: usize,
}

/// Passes files on to a sink, counting them and queueing the pages for the
/// search index.
struct Tee<'a> {
    sink: &'a mut dyn Sink,
    indexer: Option<&'a search::Indexer>,
    tally: Tally,
}

impl Sink for Tee<'_> {
    fn put(&mut self, files: Vec<OutputFile>) -> Result<(), OutputError> {
        for f in &files {
            if f.path.ends_with(".html") {
                self.tally.pages += 1;
            } else if f.path.starts_with("data/") {
                self.tally.data_files += 1;
            }
        }
        if let Some(indexer) = self.indexer {
            indexer.add(&files);
        }
        self.sink.put(files)
    }
}

/// Renders `site` into `sink` and, unless turned off, builds the search
/// index beside the rendering and adds its bundle at the end.
fn produce(
    site: &Site,
    theme: &Theme,
    options: &BuildOptions,
    diags: &mut Diagnostics,
    sink: &mut dyn Sink,
) -> Result<(Tally, search::SearchStats), BuildError> {
    let search_failed = |diags: &mut Diagnostics, e: search::SearchError| {
        diags.error_hint(
            Place::file(search::BUNDLE_DIR),
            "search-index",
            e.to_string(),
            "this is a fault in kohyo or pagefind, not in the content; please report it",
        );
        BuildError::Content(std::mem::take(diags))
    };
    let indexer = if options.no_search {
        None
    } else {
        Some(search::Indexer::start(&site.settings.language).map_err(|e| search_failed(diags, e))?)
    };
    options.step(Step::Rendering {
        items: site.plans.iter().map(|p| p.items.len()).sum(),
    });
    let mut tee = Tee {
        sink,
        indexer: indexer.as_ref(),
        tally: Tally::default(),
    };
    render::render(site, theme, diags, &mut tee)?;
    if diags.has_errors() {
        return Err(BuildError::Content(std::mem::take(diags)));
    }
    let tally = tee.tally;
    let Some(indexer) = indexer else {
        return Ok((tally, search::SearchStats::default()));
    };
    options.step(Step::Indexing { files: tally.pages });
    let index = indexer.finish().map_err(|e| search_failed(diags, e))?;
    sink.put(index.files)?;
    Ok((tally, index.stats))
}

/// Loads, validates and renders the site under `root`, all in memory.
pub fn render_site(root: &Path, options: &BuildOptions) -> Result<Rendered, Diagnostics> {
    let (site, theme, mut diags) = prepare(root, options)?;
    let mut files = Vec::new();
    let search = match produce(&site, &theme, options, &mut diags, &mut files) {
        Ok((_, search)) => search,
        Err(BuildError::Content(d)) => return Err(d),
        Err(BuildError::Output(e)) => {
            // Only a folder can refuse files; kept for completeness.
            diags.error(Place::file("."), "output", e.to_string());
            return Err(diags);
        }
    };
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Rendered {
        site,
        files,
        search,
    })
}

/// What `kohyo check` found: the checked model and how many pages it has.
#[derive(Debug)]
pub struct Checked {
    /// The checked model.
    pub site: Site,
    /// HTML pages rendered (and thrown away).
    pub pages: usize,
}

/// Loads, validates and renders the site under `root` without keeping or
/// writing anything and without a search index: what `kohyo check` does.
pub fn check_site(root: &Path, options: &BuildOptions) -> Result<Checked, Diagnostics> {
    struct Discard;
    impl Sink for Discard {
        fn put(&mut self, _: Vec<OutputFile>) -> Result<(), OutputError> {
            Ok(())
        }
    }
    let options = BuildOptions {
        no_search: true,
        ..options.clone()
    };
    let (site, theme, mut diags) = prepare(root, &options)?;
    match produce(&site, &theme, &options, &mut diags, &mut Discard) {
        Ok((tally, _)) => Ok(Checked {
            site,
            pages: tally.pages,
        }),
        Err(BuildError::Content(d)) => Err(d),
        Err(BuildError::Output(e)) => {
            diags.error(Place::file("."), "output", e.to_string());
            Err(diags)
        }
    }
}

/// Builds the site under `root` into `out`: pages are rendered in batches
/// and written at once into a fresh folder, which is swapped in only when
/// the whole site (and its search index) is complete. A failed build
/// removes that folder and leaves `out` as it was.
pub fn build(root: &Path, out: &Path, options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let start = Instant::now();
    let (site, theme, mut diags) = prepare(root, options).map_err(BuildError::Content)?;
    let mut staging = Staging::begin(
        out,
        &WriteOptions {
            force: options.force,
        },
    )?;
    let (tally, search) = produce(&site, &theme, options, &mut diags, &mut staging)?;
    options.step(Step::Writing {
        files: tally.pages + tally.data_files,
    });
    let report = staging.commit()?;
    Ok(BuildReport {
        files: report.files,
        pages: tally.pages,
        bytes: report.bytes,
        charts: site
            .plans
            .iter()
            .map(|p| {
                p.all_indicators()
                    .filter(|(_, i)| p.actuals(&i.id).iter().any(|(_, a)| a.value.is_some()))
                    .count()
            })
            .sum(),
        data_files: tally.data_files,
        elapsed: start.elapsed(),
        search,
        sitemap: site.settings.base_url.is_some(),
    })
}
