//! `kohyo import`: turns spreadsheet exports into content files.
//!
//! Three tables can be imported, each from CSV, TSV (UTF-8 or Shift_JIS) or
//! one sheet of an XLSX workbook: the structure table 体系図 (item files, and
//! the goals and policies block for `plan.yaml`), indicator definitions
//! (merged into existing item files), and one fiscal year's results (a
//! results file). Every run reads the whole sheet first and writes nothing
//! if any row is bad, reporting every bad row at once as
//! `FILE:sheet NAME:row R:column C: error: message` with a hint. Existing
//! files are never replaced without `--force`. The YAML is written by
//! the `yaml` module with every text quoted, and parsed back before anything is
//! written.

mod answers;
mod args;
mod diff;
mod indicators;
mod merge;
mod results;
mod structure;
mod table;
mod workbooks;
mod yaml;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::load;
use crate::load::raw::{RawItem, RawPlan};
use crate::urls::is_url_safe_id;

pub use args::{
    ImportArgs, ImportTable, IndicatorsArgs, PlacementArg, ResultsArgs, ResultsCommand,
    StructureArgs, Target, WorkbooksArgs,
};
pub use indicators::import_indicators;
pub use merge::import_workbooks;
pub use results::import_results;
pub use structure::import_structure;
pub use table::RowError;

/// Why an import failed. Nothing was written in any case.
#[derive(Debug)]
pub enum ImportError {
    /// Rows of the sheet are bad (exit code 1); every one is listed.
    Data(Vec<RowError>),
    /// A bad option, a file that cannot be read or a folder that is missing (exit code 2).
    Usage {
        /// What is wrong.
        message: String,
        /// How to fix it.
        hint: String,
    },
    /// Files the import would replace already exist and `--force` was not given (exit code 2).
    Exists {
        /// The files, relative to the site folder.
        files: Vec<String>,
        /// What `--force` would do with them.
        hint: String,
    },
}

impl ImportError {
    pub(crate) fn usage(message: impl Into<String>, hint: impl Into<String>) -> Self {
        ImportError::Usage {
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// The process exit code: 1 for bad data, 2 for everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            ImportError::Data(_) => 1,
            _ => 2,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Data(errors) => {
                for e in errors {
                    writeln!(f, "{e}")?;
                }
                write!(f, "{} error(s); nothing was written.", errors.len())
            }
            ImportError::Usage { message, hint } => {
                write!(f, "error: {message}\n  hint: {hint}")
            }
            ImportError::Exists { files, hint } => {
                writeln!(
                    f,
                    "error: {} file(s) already exist; nothing was written:",
                    files.len()
                )?;
                const SHOWN: usize = 10;
                for file in files.iter().take(SHOWN) {
                    writeln!(f, "  {file}")?;
                }
                if files.len() > SHOWN {
                    writeln!(f, "  … and {} more", files.len() - SHOWN)?;
                }
                write!(f, "  hint: {hint}")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// What a successful import did.
#[derive(Debug, Default)]
pub struct Report {
    /// Files written, relative to the site folder, `/`-separated.
    pub written: Vec<String>,
    /// How many of them replaced an existing file (only with `--force`).
    pub replaced: usize,
    /// YAML to print on standard output (the goals block of `import structure`).
    pub stdout: String,
    /// Things the user should know, e.g. that `plan.yaml` disagrees with the sheet.
    pub notes: Vec<String>,
    /// The file that would be written, when only the changes were shown (no `--write`).
    pub preview: Option<String>,
}

/// `kohyo import results FILES…`: returned entry workbooks (any file or
/// folder that is one of them) go to [`import_workbooks`]; one table of
/// one's own to [`import_results`], which needs `--year`.
pub fn import_results_command(c: &ResultsCommand) -> Result<Report, ImportError> {
    let single = match c.files.as_slice() {
        [f] if !f.is_dir() && !workbooks::is_kohyo_workbook(f) => Some(f),
        _ => None,
    };
    let Some(file) = single else {
        if c.sheet.is_some() || c.published.is_some() {
            return Err(ImportError::usage(
                "--sheet and --published are for a results table of your own, not for entry workbooks",
                "leave them out; add the publication date to the results file when the results are published",
            ));
        }
        return import_workbooks(&WorkbooksArgs {
            files: c.files.clone(),
            year: c.year,
            write: c.write,
            target: c.target.clone(),
        });
    };
    let Some(year) = c.year else {
        return Err(ImportError::usage(
            format!(
                "{} is not an entry workbook made by kohyo export, so --year is needed",
                file.display()
            ),
            "give the fiscal year the table evaluates, e.g. --year 2025",
        ));
    };
    import_results(&ResultsArgs {
        file: file.clone(),
        sheet: c.sheet.clone(),
        year,
        published: c.published.clone(),
        target: c.target.clone(),
    })
}

/// Runs the `kohyo import` command `args`; returns its report and whether
/// `--quiet` was given (the command line prints both).
pub fn run(args: &ImportArgs) -> (Result<Report, ImportError>, bool) {
    match &args.table {
        ImportTable::Structure(a) => (import_structure(a), a.target.quiet),
        ImportTable::Indicators(a) => (import_indicators(a), a.target.quiet),
        ImportTable::Results(a) => (import_results_command(a), a.target.quiet),
    }
}

/// What the site already holds for the plan being imported into.
pub(crate) struct Context {
    root: PathBuf,
    /// `content/plans/<id>`, relative to the site folder.
    plan_rel: String,
    plan_id: String,
    /// `plan.yaml`, if it exists and parses.
    plan: Option<RawPlan>,
    /// Item files that parse: path relative to the site folder, and contents.
    items: Vec<(String, RawItem)>,
    /// Results files that parse: path and year.
    results: Vec<(String, i64)>,
    /// Every id, name and alias of `divisions.yaml`, if it parses.
    divisions: Option<Vec<String>>,
}

impl Context {
    /// Reads what the site holds; fails only when the site folder has no `content/`.
    fn load(target: &Target) -> Result<Self, ImportError> {
        if !is_url_safe_id(&target.plan) {
            return Err(ImportError::usage(
                format!("plan id `{}` is not URL-safe", target.plan),
                "use lowercase ASCII letters, digits and `-`, e.g. --plan gunma-2025",
            ));
        }
        if !target.root.join("content").is_dir() {
            return Err(ImportError::usage(
                format!("{} has no content/ folder", target.root.display()),
                "pass the site folder with --root (the folder that holds content/)",
            ));
        }
        let (raw, _) = load::load(&target.root);
        let divisions = raw.divisions.map(|d| {
            d.value
                .divisions
                .into_iter()
                .flat_map(|d| {
                    [d.id.value, d.name.value]
                        .into_iter()
                        .chain(d.aliases.into_iter().map(|a| a.value))
                })
                .collect()
        });
        let dir = raw.plans.into_iter().find(|p| p.id == target.plan);
        let (plan, items, results) = match dir {
            Some(d) => (
                d.plan.map(|p| p.value),
                d.items
                    .into_iter()
                    .map(|i| {
                        let i = std::sync::Arc::unwrap_or_clone(i);
                        (i.file, i.value)
                    })
                    .collect(),
                d.results
                    .into_iter()
                    .map(|r| (r.file.clone(), r.value.year.value))
                    .collect(),
            ),
            None => (None, Vec::new(), Vec::new()),
        };
        Ok(Context {
            root: target.root.clone(),
            plan_rel: format!("content/plans/{}", target.plan),
            plan_id: target.plan.clone(),
            plan,
            items,
            results,
            divisions,
        })
    }

    /// The plan period, when `plan.yaml` gives one.
    fn period(&self) -> Option<(i64, i64)> {
        self.plan
            .as_ref()
            .map(|p| (p.period.value.from, p.period.value.to))
    }

    /// The item file holding item `number`, if one exists.
    fn item(&self, number: u32) -> Option<&(String, RawItem)> {
        self.items.iter().find(|(_, i)| i.number.value == number)
    }

    /// Indicator ids defined outside the given items: plan.yaml and other item files.
    fn other_indicator_ids(&self, except_items: &[u32]) -> Vec<(String, String)> {
        let mut ids = Vec::new();
        if let Some(p) = &self.plan {
            let file = format!("{}/plan.yaml", self.plan_rel);
            for i in p
                .indicators
                .iter()
                .chain(p.goals.iter().flat_map(|g| &g.indicators))
            {
                ids.push((i.id.value.clone(), file.clone()));
            }
        }
        for (file, item) in &self.items {
            if !except_items.contains(&item.number.value) {
                for i in &item.indicators {
                    ids.push((i.id.value.clone(), file.clone()));
                }
            }
        }
        ids
    }
}

/// A file an import is about to write.
pub(crate) struct Planned {
    /// Relative to the site folder, `/`-separated.
    rel: String,
    text: String,
}

/// Writes every planned file, or none: refuses existing files without
/// `force`, writes each to a hidden temporary file first and renames them
/// into place only when all were written.
fn commit(
    root: &Path,
    planned: Vec<Planned>,
    force: bool,
    hint: &str,
    mut report: Report,
) -> Result<Report, ImportError> {
    let existing: Vec<String> = planned
        .iter()
        .filter(|p| root.join(&p.rel).exists())
        .map(|p| p.rel.clone())
        .collect();
    if !existing.is_empty() && !force {
        return Err(ImportError::Exists {
            files: existing,
            hint: hint.to_string(),
        });
    }
    // A file is written only where it is read from: inside the site folder,
    // never through a link (symbolic link) that leads out of it.
    let real_root = crate::fs::canonicalize_existing(root).ok();
    for p in &planned {
        let dir = root.join(&p.rel);
        let dir = dir.parent().unwrap_or(root);
        let inside = real_root.as_ref().is_some_and(|real| {
            crate::fs::canonicalize_existing(dir).is_ok_and(|d| d.starts_with(real))
        });
        if !inside {
            return Err(ImportError::usage(
                format!(
                    "{} lies behind a link (symbolic link) that leads outside the site folder; kohyo import writes only inside it",
                    p.rel
                ),
                "replace the link with a real folder inside the site folder, then import again",
            ));
        }
    }
    let io = |what: &str, path: &Path, e: std::io::Error| {
        ImportError::usage(
            format!("cannot {what} {}: {e}", path.display()),
            "check that the folder exists and can be written",
        )
    };
    let mut temps: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut result = Ok(());
    for p in &planned {
        let path = root.join(&p.rel);
        let Some(dir) = path.parent() else { continue };
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let temp = dir.join(format!(".{name}.kohyo-import"));
        let step = std::fs::create_dir_all(dir)
            .map_err(|e| io("create folder", dir, e))
            .and_then(|()| std::fs::write(&temp, &p.text).map_err(|e| io("write", &temp, e)));
        if let Err(e) = step {
            result = Err(e);
            break;
        }
        temps.push((temp, path));
    }
    if result.is_ok() {
        for (temp, path) in &temps {
            if let Err(e) = std::fs::rename(temp, path) {
                result = Err(io("write", path, e));
                break;
            }
        }
    }
    for (temp, _) in &temps {
        let _ = std::fs::remove_file(temp);
    }
    result?;
    report.replaced = existing.len();
    report.written = planned.into_iter().map(|p| p.rel).collect();
    Ok(report)
}

/// Parses generated YAML back as `T`; a failure is a bug in the importer.
fn self_check<T: serde::de::DeserializeOwned>(text: &str, rel: &str) -> Result<T, ImportError> {
    load::parse_yaml::<T>(text, rel).map_err(|d| {
        ImportError::usage(
            format!("internal error: the YAML written for {rel} does not read back: {d}"),
            "please report this with the sheet that caused it",
        )
    })
}
