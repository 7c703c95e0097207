//! The pipeline that `check`, `build` and tests share:
//! load → validate → render, a batch of pages at a time, into a sink (a
//! staging folder for `build`, memory for `check`, `serve` and tests) while
//! the search index is written from the model beside it.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::diagnostics::{Diagnostics, Place};
use crate::load::theme::Theme;
use crate::load::{drafts, theme};
use crate::model::Site;
use crate::output::{Output, OutputError, OutputFile, Sink, WriteOptions};
use crate::render::RenderError;
use crate::{load, render, search, validate};

/// Options of a build that do not come from the content.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Replace an output folder that does not look like kohyo output.
    pub force: bool,
    /// How long `build` waits for another build into the same output folder
    /// to finish; zero gives up at once.
    pub lock_wait: Duration,
    /// Called once when `build` has to wait for another build.
    pub on_lock_wait: Option<fn()>,
    /// Skip the search index (the search page then says search is unavailable).
    pub no_search: bool,
    /// Keep draft results (`status: draft`) and show them under a banner;
    /// without it they are left out of the model before validation.
    pub drafts: bool,
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
    /// Finishing the search index (this many pages rendered).
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
    /// The search index among them (under `search/`).
    pub search: search::SearchStats,
    /// Warnings: problems that did not stop the build.
    pub warnings: Diagnostics,
    /// Draft results files left out (without [`BuildOptions::drafts`]).
    pub drafts_left_out: Vec<String>,
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
    /// The folder the previous site was put back from before the build,
    /// because an earlier build died between the two renames of its swap.
    pub restored: Option<std::path::PathBuf>,
    /// Warnings: problems that did not stop the build.
    pub warnings: Diagnostics,
    /// Draft results files left out (without [`BuildOptions::drafts`]).
    pub drafts_left_out: Vec<String>,
    /// Draft results files shown (with [`BuildOptions::drafts`]).
    pub drafts_shown: Vec<String>,
    /// Whether `sitemap.xml` and canonical links were written (only with a base URL).
    pub sitemap: bool,
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content or the theme has problems; nothing was written.
    #[error("{} error(s) in the content; nothing was written", .0.error_count())]
    Content(Diagnostics),
    /// The output folder was refused, or writing it failed.
    #[error(transparent)]
    Output(#[from] OutputError),
    /// kohyo itself failed (not the content); nothing was written.
    #[error("kohyo itself failed, not the content: {0}")]
    Internal(#[from] InternalError),
}

/// A fault of kohyo itself or of its surroundings, not of the content.
#[derive(Debug, thiserror::Error)]
pub enum InternalError {
    /// The search index could not be built.
    #[error("{0}")]
    Search(#[from] search::SearchError),
    /// The open data files could not be made.
    #[error("the open data files could not be made: {0}")]
    OpenData(String),
}

impl BuildError {
    /// Adds this fault of kohyo or of the output to `diags` as a problem of
    /// the site as a whole: how previews, which have no exit code, show it.
    pub fn report_as_problem(&self, diags: &mut Diagnostics) {
        diags.error_hint(
            Place::file("."),
            "internal",
            self.to_string(),
            "this is a fault in kohyo or its surroundings, not in the content",
        );
    }
}

impl From<RenderError> for BuildError {
    fn from(e: RenderError) -> Self {
        match e {
            RenderError::Output(e) => Self::Output(e),
            RenderError::OpenData(e) => Self::Internal(InternalError::OpenData(e)),
        }
    }
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
    prepare_noting_drafts(root, options).map(|(site, theme, diags, _)| (site, theme, diags))
}

/// [`prepare`], also returning the draft results files left out.
fn prepare_noting_drafts(
    root: &Path,
    options: &BuildOptions,
) -> Result<(Site, Theme, Diagnostics, Vec<String>), Diagnostics> {
    options.step(Step::Loading);
    let cache = options.cache.as_deref();
    let (raw, mut diags) = load::load_deferred(root, cache);
    let theme = theme::load(root, &mut diags);
    // Each plan's files are read just before the plan is checked, and let go
    // after, so a big site's parsed files are never all in memory.
    let site_root = crate::fs::within::SiteRoot::new(root);
    let mut left_out = Vec::new();
    let site = validate::validate_each(raw, &mut diags, &mut |dir, diags| {
        load::read_plan_files(&site_root, std::slice::from_mut(dir), cache, diags);
        if !options.drafts {
            drafts::leave_out_of(dir, &mut left_out);
        }
    });
    if let Some(base) = &options.base_url
        && crate::urls::base_url(base).is_none()
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
        site.settings.base_url = crate::urls::base_url(base);
    }
    Ok((site, theme, diags, left_out))
}

/// What went into a [`Sink`], counted on the way.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    /// HTML pages.
    pages: usize,
    /// Open data files (CSV and JSON under `data/`).
    data_files: usize,
}

/// Passes files on to a sink, counting them, and with them the search
/// index's files that have come in meanwhile.
struct Tee<'a> {
    sink: &'a mut dyn Sink,
    tally: Tally,
    /// The search index's files, as the thread writing it makes them.
    index: Option<std::sync::mpsc::Receiver<Vec<OutputFile>>>,
}

impl Tee<'_> {
    /// Passes on the search index's files that have come in.
    fn take_index_files(&mut self) -> Result<(), OutputError> {
        while let Some(files) = self.index.as_ref().and_then(|r| r.try_recv().ok()) {
            self.sink.put(files)?;
        }
        Ok(())
    }
}

impl Sink for Tee<'_> {
    fn put(&mut self, files: Vec<OutputFile>) -> Result<(), OutputError> {
        for f in &files {
            if f.path.ends_with(".html") {
                self.tally.pages += 1;
            } else if f.path.starts_with(crate::urls::paths::DATA_DIR) {
                self.tally.data_files += 1;
            }
        }
        self.sink.put(files)?;
        self.take_index_files()
    }
}

/// Renders `site` into `sink` and, unless turned off, writes the search
/// index from the model on a thread of its own meanwhile (both share the
/// rayon pool), from when the open data is made and written. The index's
/// files go into the sink as they are made, between batches of pages, so a
/// big site's index is never held whole.
fn produce(
    site: &Site,
    theme: &Theme,
    options: &BuildOptions,
    diags: &mut Diagnostics,
    sink: &mut dyn Sink,
) -> Result<(Tally, search::SearchStats), BuildError> {
    options.step(Step::Rendering {
        items: site.plans.iter().map(|p| p.items.len()).sum(),
    });
    let (send, receive) = std::sync::mpsc::channel();
    let mut tee = Tee {
        sink,
        tally: Tally::default(),
        index: (!options.no_search).then_some(receive),
    };
    let (rendered, index) = std::thread::scope(|s| {
        let mut index = None;
        let rendered = render::render_then(site, theme, diags, &mut tee, || {
            if !options.no_search {
                index = Some(s.spawn(move || {
                    index_site(site, &|files| {
                        // The receiver is gone only when the build has failed.
                        let _ = send.send(files);
                    })
                }));
            }
        });
        if rendered.is_ok() && index.is_some() {
            options.step(Step::Indexing {
                files: tee.tally.pages,
            });
        }
        // The rest of the index's files, until its thread is done.
        let rest = match (&rendered, tee.index.take()) {
            (Ok(_), Some(receive)) => receive.iter().try_for_each(|f| tee.sink.put(f)),
            _ => Ok(()),
        };
        (
            rendered.and(rest.map_err(RenderError::Output)),
            index.map(|h| h.join()),
        )
    });
    rendered?;
    if diags.has_errors() {
        return Err(BuildError::Content(std::mem::take(diags)));
    }
    let tally = tee.tally;
    let Some(index) = index else {
        return Ok((tally, search::SearchStats::default()));
    };
    let stats = index
        .unwrap_or_else(|_| {
            Err(search::SearchError(
                "the thread writing the search index stopped".into(),
            ))
        })
        .map_err(InternalError::from)?;
    Ok((tally, stats))
}

/// Builds the search index of `site`. Test-only hook: with the environment
/// variable `KOHYO_TEST_FAULT=search` it fails as a fault of kohyo would, so
/// tests can check how such a fault is reported. Not for users.
fn index_site(
    site: &Site,
    out: &(dyn Fn(Vec<OutputFile>) + Sync),
) -> Result<search::SearchStats, search::SearchError> {
    if std::env::var_os("KOHYO_TEST_FAULT").is_some_and(|v| v == "search") {
        return Err(search::SearchError(
            "the index writer failed (KOHYO_TEST_FAULT=search)".into(),
        ));
    }
    Ok(search::build_each(site, out))
}

/// Loads, validates and renders the site under `root`, all in memory.
pub fn render_site(root: &Path, options: &BuildOptions) -> Result<Rendered, Diagnostics> {
    let (site, theme, mut diags, drafts_left_out) = prepare_noting_drafts(root, options)?;
    let mut files = Vec::new();
    let search = match produce(&site, &theme, options, &mut diags, &mut files) {
        Ok((_, search)) => search,
        Err(BuildError::Content(d)) => return Err(d),
        // Only a folder can refuse files, so this is an internal fault;
        // previews show it as a problem of the site as a whole.
        Err(e @ (BuildError::Output(_) | BuildError::Internal(_))) => {
            e.report_as_problem(&mut diags);
            return Err(diags);
        }
    };
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Rendered {
        site,
        files,
        search,
        warnings: diags.warnings(),
        drafts_left_out,
    })
}

/// What `kohyo check` found: the checked model and how many pages it has.
#[derive(Debug)]
pub struct Checked {
    /// The checked model.
    pub site: Site,
    /// HTML pages rendered (and thrown away).
    pub pages: usize,
    /// Warnings: problems that do not stop a build.
    pub warnings: Diagnostics,
}

/// Loads, validates and renders the site under `root` without keeping or
/// writing anything and without a search index: what `kohyo check` does.
/// Draft results are checked too, so their problems show before a preview.
/// Fails with [`BuildError::Content`] or, for a fault of kohyo itself,
/// [`BuildError::Internal`].
pub fn check_site(root: &Path, options: &BuildOptions) -> Result<Checked, BuildError> {
    struct Discard;
    impl Sink for Discard {
        fn put(&mut self, _: Vec<OutputFile>) -> Result<(), OutputError> {
            Ok(())
        }
    }
    let options = BuildOptions {
        no_search: true,
        drafts: true,
        ..options.clone()
    };
    let (site, theme, mut diags) = prepare(root, &options).map_err(BuildError::Content)?;
    let (tally, _) = produce(&site, &theme, &options, &mut diags, &mut Discard)?;
    Ok(Checked {
        site,
        pages: tally.pages,
        warnings: diags.warnings(),
    })
}

/// Builds the site under `root` into `out`: pages are rendered in batches
/// and written at once into a fresh folder, which is swapped in only when
/// the whole site (and its search index) is complete. A failed build
/// removes that folder and leaves `out` as it was.
///
/// Before the content is read, `out` is checked (never the site folder,
/// a folder above it, or anything in its `content/` or `themes/`) and
/// locked against other builds for the whole build, and what a build that
/// died left there is cleaned up (see [`Output::open`]).
pub fn build(root: &Path, out: &Path, options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let start = Instant::now();
    let output = Output::open(
        out,
        &WriteOptions {
            force: options.force,
            site_root: Some(root.to_path_buf()),
            lock_wait: options.lock_wait,
            on_wait: options.on_lock_wait,
        },
    )?;
    let (site, theme, mut diags, drafts_left_out) =
        prepare_noting_drafts(root, options).map_err(BuildError::Content)?;
    let mut staging = output.stage()?;
    let restored = staging.restored().map(Path::to_path_buf);
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
        restored,
        warnings: diags.warnings(),
        drafts_left_out,
        drafts_shown: site
            .plans
            .iter()
            .flat_map(|p| &p.cycles)
            .filter(|c| c.draft)
            .map(|c| c.source_file.clone())
            .collect(),
        sitemap: site.settings.base_url.is_some(),
    })
}
