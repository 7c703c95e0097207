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
use walkdir::WalkDir;

use crate::diagnostics::{self, Diagnostic, Diagnostics, Place};
use crate::raw::{RawDivisions, RawItem, RawPageMeta, RawPlan, RawResults, RawSite};

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
    pub synonyms: Option<Sourced<crate::search::synonyms::RawSynonyms>>,
}

/// The parser options every content file is read with: booleans only as
/// `true`/`false` (so `NO` stays text), duplicate keys rejected, and a
/// budget for big files (see [`YAML_MAX_NODES`]).
fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_nodes: YAML_MAX_NODES,
            max_events: 2 * YAML_MAX_NODES,
        },
    }
}

/// Most nodes (scalars, sequences, mappings) one content file may have.
///
/// serde-saphyr's default, 250,000, stops a year's results file at about
/// 5,000 items (some 50 nodes and 900 bytes each). This allows one node per
/// 4 bytes (`- 1` and a line break) of a 64 MiB file, the size up to which
/// the default 64 MiB of scalar text also suffices; each node gives at most
/// two parser events. The limits on aliases, anchors and nesting, which stop
/// inputs that expand, stay at their defaults.
const YAML_MAX_NODES: usize = 16 << 20;

/// Parses one YAML document; `file` names it in the diagnostic.
pub fn parse_yaml<T: DeserializeOwned>(text: &str, file: &str) -> Result<T, Diagnostic> {
    parse_yaml_at(text, file, 0)
}

fn parse_yaml_at<T: DeserializeOwned>(
    text: &str,
    file: &str,
    line_offset: u64,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str_with_options(text, yaml_options())
        .map_err(|e| diagnostics::from_yaml_error(file, &e, line_offset))
}

/// Splits a Markdown page into front matter and body and parses the front matter.
pub fn parse_page(text: &str, file: &str) -> Result<(RawPageMeta, String), Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let missing = || Diagnostic {
        place: Place {
            file: file.to_string(),
            line: 1,
            column: 1,
        },
        severity: diagnostics::Severity::Error,
        code: "front-matter",
        message: "page has no front matter".into(),
        hint: Some(
            "start the file with a line `---`, then `title: …`, then another line `---`".into(),
        ),
    };
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
        .ok_or_else(missing)?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let meta = parse_yaml_at(front, file, 1)?;
            return Ok((meta, body.to_string()));
        }
        offset += line.len();
    }
    Err(missing())
}

/// The path of `path` relative to `root`, with `/` separators, for messages.
pub fn display_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn read(root: &Path, path: &Path, diags: &mut Diagnostics) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) => {
            diags.error_hint(
                Place::file(&display_path(root, path)),
                "read",
                format!("cannot read file: {e}"),
                "check that the file exists, is readable and is saved as UTF-8",
            );
            None
        }
    }
}

fn load_yaml<T: DeserializeOwned>(
    root: &Path,
    path: &Path,
    diags: &mut Diagnostics,
) -> Option<Sourced<T>> {
    let file = display_path(root, path);
    let text = read(root, path, diags)?;
    match parse_yaml(&text, &file) {
        Ok(value) => Some(Sourced { file, value }),
        Err(d) => {
            diags.extend(Diagnostics::from(d));
            None
        }
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// Files directly in `dir` that `keep` accepts, sorted by name; hidden and
/// editor backup files are skipped.
fn files_in(dir: &Path, keep: fn(&Path) -> bool) -> Vec<PathBuf> {
    WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.starts_with('.') && !name.ends_with('~') && keep(p)
        })
        .collect()
}

fn subdirs(dir: &Path) -> Vec<PathBuf> {
    WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir())
        .map(|e| e.into_path())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect()
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
    root: &Path,
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
    let value = Arc::new(load_yaml(root, path, diags)?);
    if let Some(stamp) = stamp {
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
    let mut diags = Diagnostics::new();
    let mut content = RawContent::default();
    let dir = root.join("content");
    let site_file = dir.join("site.yaml");
    if !site_file.is_file() {
        diags.error_hint(
            Place::file(&display_path(root, &site_file)),
            "missing-file",
            "the site settings file is missing",
            "every site needs content/site.yaml; `kohyo init DIR` creates a site to start from, or pass --root to point at an existing site",
        );
        return (content, diags);
    }
    content.site = load_yaml(root, &site_file, &mut diags);
    let divisions_file = dir.join("divisions.yaml");
    if divisions_file.is_file() {
        content.divisions = load_yaml(root, &divisions_file, &mut diags);
    } else {
        diags.error_hint(
            Place::file(&display_path(root, &divisions_file)),
            "missing-file",
            "the divisions file is missing",
            "list every division (所属) that items name in content/divisions.yaml",
        );
    }
    let synonyms_file = dir.join("synonyms.yaml");
    if synonyms_file.is_file() {
        content.synonyms = load_yaml(root, &synonyms_file, &mut diags);
    }
    content.plans = load_plan_dirs(root, &subdirs(&dir.join("plans")), cache, &mut diags);
    content.pages = load_pages(root, &dir.join("pages"), &mut diags);
    (content, diags)
}

/// One file of a plan folder to read, or its missing `plan.yaml`.
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

    fn load(&self, root: &Path, cache: Option<&Cache>, diags: &mut Diagnostics) -> Loaded {
        match self {
            PlanFile::Plan(path) => Loaded::Plan(load_yaml(root, path, diags).map(Box::new)),
            PlanFile::MissingPlan(path) => {
                diags.error_hint(
                    Place::file(&display_path(root, path)),
                    "missing-file",
                    "the plan folder has no plan.yaml",
                    "each folder under content/plans/ is one plan and needs a plan.yaml",
                );
                Loaded::Nothing
            }
            PlanFile::Item(path) => {
                Loaded::Item(load_kept(cache.map(|c| &c.items), root, path, diags))
            }
            PlanFile::Results(path) => {
                Loaded::Results(load_kept(cache.map(|c| &c.results), root, path, diags))
            }
        }
    }
}

/// Reads every plan folder: the files of all plans are parsed in one
/// parallel pass, so several plans keep every core busy, and the results and
/// diagnostics come out in folder order, then plan, items and results files
/// in name order, as if read one after another.
fn load_plan_dirs(
    root: &Path,
    plan_dirs: &[PathBuf],
    cache: Option<&Cache>,
    diags: &mut Diagnostics,
) -> Vec<RawPlanDir> {
    let mut plans = Vec::with_capacity(plan_dirs.len());
    let mut files: Vec<(usize, PlanFile)> = Vec::new();
    for (index, plan_dir) in plan_dirs.iter().enumerate() {
        let plan_file = plan_dir.join("plan.yaml");
        files.push((
            index,
            if plan_file.is_file() {
                PlanFile::Plan(plan_file)
            } else {
                PlanFile::MissingPlan(plan_file)
            },
        ));
        let items = files_in(&plan_dir.join("items"), is_yaml);
        let results = files_in(&plan_dir.join("results"), is_yaml);
        plans.push(RawPlanDir {
            id: plan_dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            dir: display_path(root, plan_dir),
            plan: None,
            items: Vec::with_capacity(items.len()),
            results: Vec::with_capacity(results.len()),
        });
        files.extend(items.into_iter().map(|f| (index, PlanFile::Item(f))));
        files.extend(results.into_iter().map(|f| (index, PlanFile::Results(f))));
    }
    // Indexed parallel iterators collect in input order.
    let loaded: Vec<(usize, Loaded, Diagnostics)> = files
        .par_iter()
        .map(|(index, file)| {
            let mut d = Diagnostics::new();
            let loaded = file.load(root, cache, &mut d);
            (*index, loaded, d)
        })
        .collect();
    if let Some(cache) = cache {
        cache.keep_only(&files.iter().map(|(_, f)| f.path()).collect());
    }
    for (index, loaded, d) in loaded {
        diags.extend(d);
        let plan = &mut plans[index];
        match loaded {
            Loaded::Plan(value) => plan.plan = value.map(|v| *v),
            Loaded::Item(value) => plan.items.extend(value),
            Loaded::Results(value) => plan.results.extend(value),
            Loaded::Nothing => {}
        }
    }
    plans
}

fn load_pages(root: &Path, dir: &Path, diags: &mut Diagnostics) -> Vec<RawPage> {
    let is_md = |p: &Path| p.extension().and_then(|e| e.to_str()) == Some("md");
    let mut pages = Vec::new();
    for path in files_in(dir, is_md) {
        let file = display_path(root, &path);
        let Some(text) = read(root, &path, diags) else {
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
            Err(d) => diags.extend(Diagnostics::from(d)),
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Copies the folder `from` to `to`, recursively.
    fn copy_tree(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let dest = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_tree(&entry.path(), &dest);
            } else {
                std::fs::copy(entry.path(), dest).unwrap();
            }
        }
    }

    #[test]
    fn the_cache_reuses_unchanged_files_and_rereads_changed_and_broken_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        copy_tree(&fixture, tmp.path());
        let cache = Cache::default();
        let (first, diags) = load_with(tmp.path(), Some(&cache));
        assert!(!diags.has_errors(), "{diags}");
        let (second, _) = load_with(tmp.path(), Some(&cache));
        let item = |c: &RawContent| Arc::clone(&c.plans[0].items[0]);
        assert!(
            Arc::ptr_eq(&item(&first), &item(&second)),
            "unchanged: reused"
        );

        let file = tmp.path().join(&item(&first).file);
        let text = std::fs::read_to_string(&file).unwrap();
        let title = item(&first).value.title.clone();
        std::fs::write(&file, text.replace(&title, "変えた題名")).unwrap();
        let (third, _) = load_with(tmp.path(), Some(&cache));
        assert_eq!(
            item(&third).value.title,
            "変えた題名",
            "changed: read again"
        );

        std::fs::write(&file, "number: [\n").unwrap();
        let (_, diags) = load_with(tmp.path(), Some(&cache));
        assert!(diags.has_errors(), "a broken file is reported every time");
        let (_, diags) = load_with(tmp.path(), Some(&cache));
        assert!(diags.has_errors(), "and not kept");

        std::fs::remove_file(&file).unwrap();
        let (fourth, _) = load_with(tmp.path(), Some(&cache));
        assert!(fourth.plans[0].items.is_empty());
        assert!(
            cache.items.lock().unwrap().is_empty(),
            "deleted files are forgotten"
        );
    }

    #[test]
    fn front_matter_is_split_and_line_numbers_shift() {
        let (meta, body) = parse_page("---\ntitle: 概要\norder: 2\n---\n本文\n", "p.md").unwrap();
        assert_eq!(meta.title, "概要");
        assert_eq!(meta.order, Some(2));
        assert_eq!(body, "本文\n");
        let err = parse_page("---\ntitle: x\ncolour: red\n---\n", "p.md").unwrap_err();
        assert_eq!(err.place.line, 3);
        assert_eq!(err.code, "unknown-key");
    }

    /// A results file for `items` items in the shape `kohyo-synth` writes.
    fn results_yaml(items: u32) -> String {
        let mut yaml =
            String::from("year: 2025\npublished: \"2026-08-20\"\nsummary: |\n  概要。\nitems:\n");
        for item in 1..=items {
            yaml.push_str(&format!(
                "  - item: {item}\n    grade: B\n    achievements:\n"
            ));
            for row in 1..=3 {
                yaml.push_str(&format!(
                    "      - project: 1\n        row: {row}\n        status: done\n        text: \"財政運営の見える化を導入した。\"\n"
                ));
            }
            yaml.push_str(concat!(
                "    self_evaluation: |\n      利用者の声をもとに情報の共有を定期的に把握し、必要に応じて取組を周知します。\n",
                "    issues: |\n      利用者の声をもとに現場の人手を定期的に把握し、必要に応じて取組を点検します。\n",
                "    next_response: |\n      契約事務の最適化により、地域の持続的な発展につなげます。\n",
            ));
        }
        yaml.push_str("indicators:\n");
        for item in 1..=items {
            for n in 1..=2 {
                yaml.push_str(&format!("  - indicator: i{item:05}-{n}\n    value: 65.8\n"));
            }
        }
        yaml
    }

    #[test]
    fn a_results_file_of_ten_thousand_items_parses() {
        // About 8.7 MB and 490,000 nodes: twice serde-saphyr's default node budget.
        let yaml = results_yaml(10_000);
        let results: RawResults = parse_yaml(&yaml, "results/2025.yaml").unwrap();
        assert_eq!(results.items.len(), 10_000);
        assert_eq!(results.indicators.len(), 20_000);
        assert_eq!(results.items[9_999].item.value, 10_000);
    }

    #[test]
    fn plans_read_in_one_pass_as_if_one_after_another() {
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/plans");
        let valid_plan = std::fs::read_to_string(sample.join("gunma-2025/plan.yaml")).unwrap();
        let valid_item = std::fs::read_to_string(sample.join("gunma-2025/items/01.yaml")).unwrap();
        let valid_results =
            std::fs::read_to_string(sample.join("gunma-2020/results/2024.yaml")).unwrap();
        let root = tempfile::tempdir().unwrap();
        let plans = root.path().join("content/plans");
        let write = |path: &str, text: &str| {
            let path = plans.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        // Valid files, syntax errors and unknown keys, in several plans, one
        // without plan.yaml.
        for (p, plan) in ["a", "b", "c", "d"].into_iter().enumerate() {
            match p {
                0 => write(&format!("{plan}/plan.yaml"), &valid_plan),
                1 => {}
                _ => write(&format!("{plan}/plan.yaml"), "title: [\n"),
            }
            for i in 0..12 {
                let text = match (i + p) % 3 {
                    0 => valid_item.clone(),
                    1 => format!("colour: red{i}\n"),
                    _ => format!("number: [{i}\n"),
                };
                write(&format!("{plan}/items/{i:02}.yaml"), &text);
            }
            for year in 2020..2023 {
                let text = if (year + p) % 2 == 0 {
                    valid_results.clone()
                } else {
                    format!("year: {year}\nmood: good\n")
                };
                write(&format!("{plan}/results/{year}.yaml"), &text);
            }
        }
        let dirs = subdirs(&plans);
        assert_eq!(dirs.len(), 4);

        let mut diags = Diagnostics::new();
        let loaded = load_plan_dirs(root.path(), &dirs, None, &mut diags);

        // The same, one file after another.
        let mut want_diags = Diagnostics::new();
        let mut want = Vec::new();
        for dir in &dirs {
            let d = &mut want_diags;
            let plan_file = dir.join("plan.yaml");
            let plan = if plan_file.is_file() {
                load_yaml(root.path(), &plan_file, d)
            } else {
                PlanFile::MissingPlan(plan_file).load(root.path(), None, d);
                None
            };
            let items = files_in(&dir.join("items"), is_yaml);
            let items: Vec<Arc<Sourced<RawItem>>> = items
                .iter()
                .filter_map(|f| load_yaml(root.path(), f, d).map(Arc::new))
                .collect();
            let results = files_in(&dir.join("results"), is_yaml);
            let results: Vec<Arc<Sourced<RawResults>>> = results
                .iter()
                .filter_map(|f| load_yaml(root.path(), f, d).map(Arc::new))
                .collect();
            want.push(RawPlanDir {
                id: dir.file_name().unwrap().to_string_lossy().into_owned(),
                dir: display_path(root.path(), dir),
                plan,
                items,
                results,
            });
        }
        assert_eq!(format!("{loaded:?}"), format!("{want:?}"));
        assert_eq!(format!("{diags:?}"), format!("{want_diags:?}"));
        assert!(diags.error_count() > 30, "{}", diags.error_count());
        assert_eq!(loaded[0].items.len(), 4);
        assert!(loaded[0].plan.is_some() && loaded[1].plan.is_none());
    }

    #[test]
    fn page_without_front_matter_is_an_error() {
        let err = parse_page("# 見出し\n", "p.md").unwrap_err();
        assert_eq!(err.code, "front-matter");
    }
}
