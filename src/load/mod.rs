//! Reading the content folder: files in, raw records out (IO and serde only).
//!
//! Each file is parsed on its own, in parallel; a file that fails to parse
//! becomes one diagnostic and the others are still read, so one run reports
//! every file's problem. Meaning is checked later, in `validate`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostics, Place};
use crate::fs::within::SiteRoot;
use raw::{RawDivisions, RawItem, RawPageMeta, RawPlan, RawResults, RawSite};

pub mod cells;
pub mod drafts;
mod files;
mod parse;
pub mod pasted;
mod quoted;
pub mod raw;
pub mod schema;
pub mod theme;

use files::{Found, YAML, content_files, expect_dir, expect_file, other_entries, plan_dirs};
pub use parse::{parse_page, parse_yaml};

/// A parsed record with the file it came from.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    /// The file, relative to the site root, `/`-separated.
    pub file: String,
    /// The record.
    pub value: T,
}

/// A plan folder: its plan file and its item files.
#[derive(Debug)]
pub struct RawPlanDir {
    /// The folder name, which is the plan id.
    pub id: String,
    /// The folder, relative to the site root.
    pub dir: String,
    /// `plan.yaml`, if it exists and parsed.
    pub plan: Option<Sourced<RawPlan>>,
    /// Every item file that parsed, in file-name order.
    pub items: Vec<Arc<Sourced<RawItem>>>,
    /// Every results file that parsed, in file-name order.
    pub results: Vec<Arc<Sourced<RawResults>>>,
    /// Files of the folder not read yet (see [`load_deferred`]).
    pending: Vec<PlanFile>,
}

/// A Markdown page: front matter and body.
#[derive(Debug)]
pub struct RawPage {
    /// The file, relative to the site root.
    pub file: String,
    /// File name without extension.
    pub slug: String,
    /// Front matter.
    pub meta: RawPageMeta,
    /// Markdown body.
    pub body: String,
}

/// Everything read from `content/`.
#[derive(Debug, Default)]
pub struct RawContent {
    /// `site.yaml`.
    pub site: Option<Sourced<RawSite>>,
    /// `divisions.yaml`.
    pub divisions: Option<Sourced<RawDivisions>>,
    /// Plan folders in name order.
    pub plans: Vec<RawPlanDir>,
    /// Pages in file-name order.
    pub pages: Vec<RawPage>,
    /// `synonyms.yaml`, when the site has one.
    pub synonyms: Option<Sourced<raw::RawSynonyms>>,
}

pub use crate::fs::display_path;

/// The largest content file kohyo reads, in bytes: 16 MiB. Every build step
/// costs time in proportion to the size (a 10 MB item file of 60,000
/// projects builds in about 9 s and 0.6 GiB without search, release build;
/// see the README), so a bigger file is refused at once with its size and
/// this limit instead of building for minutes.
pub const MAX_FILE_BYTES: u64 = 16 << 20;

/// The largest results file (`results/<year>.yaml`): 64 MiB, some 70,000
/// items of one plan, the size the YAML budget ([`YAML_MAX_NODES`]) is set
/// for. A results file lists short rows for items that exist, so its pages
/// are small next to it.
pub const MAX_RESULTS_BYTES: u64 = 64 << 20;

/// The size limit of the content file at `path`.
fn size_limit(path: &Path) -> u64 {
    let in_results = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|dir| dir == "results");
    if in_results {
        MAX_RESULTS_BYTES
    } else {
        MAX_FILE_BYTES
    }
}

/// Reads a file already found to be a regular file inside the site, and
/// decodes it (UTF-8; any other encoding is an error that names it). A file
/// over its size limit is refused before it is read.
fn read(site: &SiteRoot, path: &Path, diags: &mut Diagnostics) -> Option<String> {
    let file = site.show(path);
    let limit = size_limit(path);
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() > limit
    {
        diags.error_hint(
            Place::file(&file),
            "too-large",
            format!(
                "file is too large: {:.1} MiB, and kohyo reads files of this kind up to {} MiB",
                meta.len() as f64 / f64::from(1 << 20),
                limit >> 20
            ),
            if limit == MAX_RESULTS_BYTES {
                "a results file holds one plan's evaluation of one year (64 MiB is some 70,000 items): check that nothing else was pasted into it"
            } else {
                "split it into smaller files: one file per implementation item in items/, a long page into several pages"
            },
        );
        return None;
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            diags.error_hint(
                Place::file(&file),
                "read",
                format!("cannot read file: {e}"),
                "check that you may read the file (its permissions)",
            );
            return None;
        }
    };
    match pasted::decode(bytes, &file) {
        Ok(text) => Some(text),
        Err(d) => {
            diags.add(d);
            None
        }
    }
}

fn load_yaml<T: DeserializeOwned>(
    site: &SiteRoot,
    path: &Path,
    diags: &mut Diagnostics,
) -> Option<Sourced<T>> {
    let file = site.show(path);
    let text = read(site, path, diags)?;
    match parse_yaml(&text, &file) {
        Ok(value) => {
            // A quoted number the parser took as text; a file that does not
            // parse has its quoted numbers explained by the parse error.
            quoted::scan(&file, &text, diags);
            Some(Sourced { file, value })
        }
        Err(d) => {
            diags.extend(d);
            None
        }
    }
}

/// Parsed item and results files kept from one load to the next (the
/// preview server keeps one): a file whose size and modification time are
/// unchanged is neither read nor parsed again. Files that failed to parse are
/// never kept, so their problems are reported on every load.
#[derive(Debug, Default)]
pub struct Cache {
    items: Kept<RawItem>,
    results: Kept<RawResults>,
}

/// What tells a changed file from an unchanged one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: SystemTime,
    len: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Self {
            modified: meta.modified().ok()?,
            len: meta.len(),
        })
    }
}

type Kept<T> = Mutex<HashMap<PathBuf, (Stamp, Arc<Sourced<T>>)>>;

/// `path` parsed, from `kept` when it has not changed since it was kept.
fn load_kept<T: DeserializeOwned>(
    kept: Option<&Kept<T>>,
    root: &SiteRoot,
    path: &Path,
    diags: &mut Diagnostics,
) -> Option<Arc<Sourced<T>>> {
    let Some(kept) = kept else {
        return load_yaml(root, path, diags).map(Arc::new);
    };
    let stamp = Stamp::of(path);
    let lock = || kept.lock().unwrap_or_else(|e| e.into_inner());
    if let (Some(stamp), Some((was, value))) = (stamp, lock().get(path))
        && stamp == *was
    {
        return Some(Arc::clone(value));
    }
    let before = diags.error_count();
    let value = Arc::new(load_yaml(root, path, diags)?);
    // A file with findings (a quoted number) is read again next time, so
    // its errors are reported on every rebuild.
    if let Some(stamp) = stamp.filter(|_| diags.error_count() == before) {
        lock().insert(path.to_path_buf(), (stamp, Arc::clone(&value)));
    }
    Some(value)
}

impl Cache {
    /// Forgets files that are not in `paths` (deleted or renamed).
    fn keep_only(&self, paths: &HashSet<&Path>) {
        let lock_items = &mut *self.items.lock().unwrap_or_else(|e| e.into_inner());
        lock_items.retain(|p, _| paths.contains(p.as_path()));
        let lock_results = &mut *self.results.lock().unwrap_or_else(|e| e.into_inner());
        lock_results.retain(|p, _| paths.contains(p.as_path()));
    }
}

/// Reads every content file under `root/content`.
pub fn load(root: &Path) -> (RawContent, Diagnostics) {
    load_with(root, None)
}

/// [`load`], taking unchanged item and results files from `cache` (and
/// keeping the ones it parses there).
pub fn load_with(root: &Path, cache: Option<&Cache>) -> (RawContent, Diagnostics) {
    let (mut content, mut diags) = load_deferred(root, cache);
    read_plan_files(&SiteRoot::new(root), &mut content.plans, cache, &mut diags);
    (content, diags)
}

/// [`load_with`], leaving the plans' files (most of a site) to be read by
/// [`read_plan_files`] a plan at a time, so that a big site's parsed files
/// need never be in memory all at once: validation checks each plan as
/// soon as its files are read and lets them go.
pub fn load_deferred(root: &Path, cache: Option<&Cache>) -> (RawContent, Diagnostics) {
    let site = SiteRoot::new(root);
    let mut diags = Diagnostics::new();
    let mut content = RawContent::default();
    let dir = root.join("content");
    let site_file = dir.join("site.yaml");
    let top = expect_dir(&site, &dir, "the content files", &mut diags);
    if top.is_none() && diags.has_errors() {
        // `content` itself is a link out of the site or not a folder.
        return (content, diags);
    }
    match expect_file(&site, &site_file, &mut diags) {
        Found::File => content.site = load_yaml(&site, &site_file, &mut diags),
        Found::Reported => {}
        Found::Missing => {
            diags.error_hint(
                Place::file(&display_path(root, &site_file)),
                "missing-file",
                "the site settings file is missing",
                "every site needs content/site.yaml; `kohyo init DIR` creates a site to start from, or pass --root to point at an existing site",
            );
            if let Some(top) = &top {
                other_entries(&site, top, &["site.yaml"], &mut diags);
            }
            return (content, diags);
        }
    }
    if let Some(top) = &top {
        let known = [
            "site.yaml",
            "divisions.yaml",
            "synonyms.yaml",
            "plans",
            "pages",
        ];
        other_entries(&site, top, &known, &mut diags);
    }
    let divisions_file = dir.join("divisions.yaml");
    match expect_file(&site, &divisions_file, &mut diags) {
        Found::File => content.divisions = load_yaml(&site, &divisions_file, &mut diags),
        Found::Reported => {}
        Found::Missing => diags.error_hint(
            Place::file(&display_path(root, &divisions_file)),
            "missing-file",
            "the divisions file is missing",
            "list every division (所属) that items name in content/divisions.yaml",
        ),
    }
    let synonyms_file = dir.join("synonyms.yaml");
    match expect_file(&site, &synonyms_file, &mut diags) {
        Found::File => content.synonyms = load_yaml(&site, &synonyms_file, &mut diags),
        Found::Reported | Found::Missing => {}
    }
    let plan_dirs = plan_dirs(&site, &dir.join("plans"), &mut diags);
    content.plans = list_plan_dirs(&site, &plan_dirs, cache, &mut diags);
    content.pages = load_pages(&site, &dir.join("pages"), &mut diags);
    (content, diags)
}

/// One file of a plan folder to read, or its missing `plan.yaml`.
#[derive(Debug)]
enum PlanFile {
    Plan(PathBuf),
    MissingPlan(PathBuf),
    Item(PathBuf),
    Results(PathBuf),
}

/// What reading a [`PlanFile`] gave.
enum Loaded {
    Plan(Option<Box<Sourced<RawPlan>>>),
    Item(Option<Arc<Sourced<RawItem>>>),
    Results(Option<Arc<Sourced<RawResults>>>),
    Nothing,
}

impl PlanFile {
    fn path(&self) -> &Path {
        match self {
            PlanFile::Plan(p)
            | PlanFile::MissingPlan(p)
            | PlanFile::Item(p)
            | PlanFile::Results(p) => p,
        }
    }

    fn load(&self, site: &SiteRoot, cache: Option<&Cache>, diags: &mut Diagnostics) -> Loaded {
        match self {
            PlanFile::Plan(path) => Loaded::Plan(load_yaml(site, path, diags).map(Box::new)),
            PlanFile::MissingPlan(path) => {
                diags.error_hint(
                    Place::file(&site.show(path)),
                    "missing-file",
                    "the plan folder has no plan.yaml",
                    "each folder under content/plans/ is one plan and needs a plan.yaml",
                );
                Loaded::Nothing
            }
            PlanFile::Item(path) => {
                Loaded::Item(load_kept(cache.map(|c| &c.items), site, path, diags))
            }
            PlanFile::Results(path) => {
                Loaded::Results(load_kept(cache.map(|c| &c.results), site, path, diags))
            }
        }
    }
}

/// Lists every plan folder; its `plan.yaml`, item and results files are
/// left pending for [`read_plan_files`]. The cache forgets files no longer
/// there.
fn list_plan_dirs(
    site: &SiteRoot,
    plan_dirs: &[PathBuf],
    cache: Option<&Cache>,
    diags: &mut Diagnostics,
) -> Vec<RawPlanDir> {
    let mut plans = Vec::with_capacity(plan_dirs.len());
    for plan_dir in plan_dirs {
        let (plan_file, items, results) = plan_files(site, plan_dir, diags);
        let mut pending: Vec<PlanFile> = plan_file.into_iter().collect();
        pending.extend(items.into_iter().map(PlanFile::Item));
        pending.extend(results.into_iter().map(PlanFile::Results));
        plans.push(RawPlanDir {
            id: plan_dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            dir: site.show(plan_dir),
            plan: None,
            items: Vec::new(),
            results: Vec::new(),
            pending,
        });
    }
    if let Some(cache) = cache {
        cache.keep_only(
            &plans
                .iter()
                .flat_map(|p| &p.pending)
                .map(PlanFile::path)
                .collect(),
        );
    }
    plans
}

/// Reads the pending files of the plan folders `plans` (see
/// [`load_deferred`]): the files of all of them are parsed in one parallel
/// pass, so several plans keep every core busy, and the results and
/// diagnostics come out in folder order, then plan, items and results files
/// in name order, as if read one after another.
pub fn read_plan_files(
    site: &SiteRoot,
    plans: &mut [RawPlanDir],
    cache: Option<&Cache>,
    diags: &mut Diagnostics,
) {
    let files: Vec<(usize, PlanFile)> = plans
        .iter_mut()
        .enumerate()
        .flat_map(|(index, p)| {
            std::mem::take(&mut p.pending)
                .into_iter()
                .map(move |f| (index, f))
        })
        .collect();
    // Results files, a plan's largest (one lists all its items), are
    // started first, so the cores do not end a plan waiting on one of them;
    // the results and diagnostics are then put back in file order.
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&i| !matches!(files[i].1, PlanFile::Results(_)));
    let mut loaded: Vec<(usize, usize, Loaded, Diagnostics)> = order
        .into_par_iter()
        .with_max_len(1)
        .map(|i| {
            let (index, file) = &files[i];
            let mut d = Diagnostics::new();
            let loaded = file.load(site, cache, &mut d);
            (i, *index, loaded, d)
        })
        .collect();
    loaded.sort_unstable_by_key(|l| l.0);
    for (_, index, loaded, d) in loaded {
        diags.extend(d);
        let plan = &mut plans[index];
        match loaded {
            Loaded::Plan(value) => plan.plan = value.map(|v| *v),
            Loaded::Item(value) => plan.items.extend(value),
            Loaded::Results(value) => plan.results.extend(value),
            Loaded::Nothing => {}
        }
    }
}

/// A plan folder's `plan.yaml` (or its absence), item files and results
/// files; every other entry of the folder is reported.
fn plan_files(
    site: &SiteRoot,
    plan_dir: &Path,
    diags: &mut Diagnostics,
) -> (Option<PlanFile>, Vec<PathBuf>, Vec<PathBuf>) {
    let plan_file = plan_dir.join("plan.yaml");
    let plan = match expect_file(site, &plan_file, diags) {
        Found::File => Some(PlanFile::Plan(plan_file)),
        Found::Missing => Some(PlanFile::MissingPlan(plan_file)),
        Found::Reported => None,
    };
    if let Some(entries) = expect_dir(site, plan_dir, "a plan", diags) {
        other_entries(site, &entries, &["plan.yaml", "items", "results"], diags);
    }
    let items = content_files(site, &plan_dir.join("items"), YAML, "item files", diags);
    let results = content_files(
        site,
        &plan_dir.join("results"),
        YAML,
        "results files",
        diags,
    );
    (plan, items, results)
}

fn load_pages(site: &SiteRoot, dir: &Path, diags: &mut Diagnostics) -> Vec<RawPage> {
    let mut pages = Vec::new();
    for path in content_files(site, dir, &["md"], "Markdown pages", diags) {
        let file = site.show(&path);
        let Some(text) = read(site, &path, diags) else {
            continue;
        };
        match parse_page(&text, &file) {
            Ok((meta, body)) => pages.push(RawPage {
                slug: path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                file,
                meta,
                body,
            }),
            Err(d) => diags.extend(d),
        }
    }
    pages
}

#[cfg(test)]
mod tests;
