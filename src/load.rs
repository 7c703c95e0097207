//! Reading the content folder: files in, raw records out (IO and serde only).
//!
//! Each file is parsed on its own, in parallel; a file that fails to parse
//! becomes one diagnostic and the others are still read, so one run reports
//! every file's problem. Meaning is checked later, in `validate`.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::diagnostics::{self, Diagnostic, Diagnostics, Place};
use crate::raw::{RawDivisions, RawItem, RawPageMeta, RawPlan, RawResults, RawSite};

/// A parsed record with the file it came from.
#[derive(Debug)]
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
    pub items: Vec<Sourced<RawItem>>,
    /// Every results file that parsed, in file-name order.
    pub results: Vec<Sourced<RawResults>>,
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
}

/// The parser options every content file is read with: booleans only as
/// `true`/`false` (so `NO` stays text), duplicate keys rejected.
fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! { strict_booleans: true, with_snippet: false }
}

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

/// Reads every content file under `root/content`.
pub fn load(root: &Path) -> (RawContent, Diagnostics) {
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
    for plan_dir in subdirs(&dir.join("plans")) {
        content
            .plans
            .push(load_plan_dir(root, &plan_dir, &mut diags));
    }
    content.pages = load_pages(root, &dir.join("pages"), &mut diags);
    (content, diags)
}

fn load_plan_dir(root: &Path, plan_dir: &Path, diags: &mut Diagnostics) -> RawPlanDir {
    let id = plan_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let plan_file = plan_dir.join("plan.yaml");
    let plan = if plan_file.is_file() {
        load_yaml(root, &plan_file, diags)
    } else {
        diags.error_hint(
            Place::file(&display_path(root, &plan_file)),
            "missing-file",
            "the plan folder has no plan.yaml",
            "each folder under content/plans/ is one plan and needs a plan.yaml",
        );
        None
    };
    let items = load_all(root, &files_in(&plan_dir.join("items"), is_yaml), diags);
    let results = load_all(root, &files_in(&plan_dir.join("results"), is_yaml), diags);
    RawPlanDir {
        id,
        dir: display_path(root, plan_dir),
        plan,
        items,
        results,
    }
}

/// Parses many files of one kind in parallel, keeping file order.
fn load_all<T: DeserializeOwned + Send>(
    root: &Path,
    files: &[PathBuf],
    diags: &mut Diagnostics,
) -> Vec<Sourced<T>> {
    let parsed: Vec<(Option<Sourced<T>>, Diagnostics)> = files
        .par_iter()
        .map(|path| {
            let mut d = Diagnostics::new();
            let value = load_yaml(root, path, &mut d);
            (value, d)
        })
        .collect();
    let mut out = Vec::with_capacity(parsed.len());
    for (value, d) in parsed {
        diags.extend(d);
        out.extend(value);
    }
    out
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

    #[test]
    fn page_without_front_matter_is_an_error() {
        let err = parse_page("# 見出し\n", "p.md").unwrap_err();
        assert_eq!(err.code, "front-matter");
    }
}
