//! `kohyo export entry-sheets`: the workbooks of the yearly 照会 — one per
//! responsible division, prefilled with its items, projects, roadmap rows
//! and indicators, with shaded input cells for the year's answers, and one
//! for the secretariat with the committee meetings and opinions. `kohyo
//! import results` reads them back; the layout they share is in [`sheets`].

mod book;
mod entry;
mod secretariat;
pub mod sheets;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::{Args, Subcommand};

use crate::diagnostics::Diagnostics;
use crate::model::{Division, Item, Plan, Site};
use crate::pipeline;

pub use entry::{Role, roadmap_id, status_word};

/// `kohyo export`: what to export.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export.
    #[command(subcommand)]
    pub what: ExportWhat,
}

/// The things `kohyo export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// Entry workbooks 評価記入シート for a fiscal year: one .xlsx per
    /// responsible division and one for the secretariat.
    EntrySheets(EntrySheetsArgs),
}

/// `kohyo export entry-sheets`.
#[derive(Debug, Clone, Args)]
pub struct EntrySheetsArgs {
    /// The plan id: the folder name under content/plans/.
    #[arg(long)]
    pub plan: String,
    /// The fiscal year to be evaluated, e.g. 2025.
    #[arg(long)]
    pub year: i32,
    /// The folder for the workbooks (default: entry-sheets/<plan>-<year>
    /// in the site folder); relative paths are taken from the site folder.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The site folder: the one holding content/.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Replace workbooks that already exist in the folder.
    #[arg(long)]
    pub force: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// One workbook written.
#[derive(Debug, Clone)]
pub struct Written {
    /// Its path.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: usize,
    /// The division it is for (`None` for the secretariat's).
    pub division: Option<String>,
    /// Items in it.
    pub items: usize,
}

/// What an export did.
#[derive(Debug)]
pub struct ExportReport {
    /// The folder written into.
    pub out: PathBuf,
    /// The workbooks, divisions first, in `divisions.yaml` order.
    pub written: Vec<Written>,
    /// Time from loading the site to the last file written.
    pub elapsed: Duration,
}

/// Why an export failed; nothing was written.
#[derive(Debug)]
pub enum ExportError {
    /// The site has content errors (exit code 1).
    Content(Diagnostics),
    /// A bad option, or a folder that cannot be written (exit code 2).
    Usage {
        /// What is wrong.
        message: String,
        /// How to fix it.
        hint: String,
    },
}

impl ExportError {
    fn usage(message: impl Into<String>, hint: impl Into<String>) -> Self {
        ExportError::Usage {
            message: message.into(),
            hint: hint.into(),
        }
    }
}

/// The items of `plan` a division answers for, with its role, in number order.
pub fn division_items<'a>(plan: &'a Plan, division: &str) -> Vec<(&'a Item, Role)> {
    plan.items
        .iter()
        .filter_map(|item| {
            if item.divisions.iter().any(|d| d == division) {
                Some((item, Role::Lead))
            } else if item.projects.iter().any(|p| {
                p.divisions
                    .iter()
                    .chain(&p.related_divisions)
                    .any(|d| d == division)
            }) {
                Some((item, Role::Related))
            } else {
                None
            }
        })
        .collect()
}

/// A file name from a division's name: characters file systems refuse are dropped.
fn file_part(name: &str) -> String {
    name.chars()
        .filter(|c| {
            !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control()
        })
        .collect()
}

/// The entry workbook's file name for a division.
pub fn entry_file_name(year: i32, division: &Division) -> String {
    format!(
        "{year}年度_評価記入シート_{}_{}.xlsx",
        file_part(&division.name),
        division.id
    )
}

/// The secretariat workbook's file name.
pub fn secretariat_file_name(year: i32) -> String {
    format!("{year}年度_委員会・委員意見一覧.xlsx")
}

/// Writes the entry workbooks of `args.plan` for `args.year`.
pub fn entry_sheets(args: &EntrySheetsArgs) -> Result<ExportReport, ExportError> {
    let start = Instant::now();
    if !args.root.join("content").is_dir() {
        return Err(ExportError::usage(
            format!("{} has no content/ folder", args.root.display()),
            "pass the site folder with --root (the folder that holds content/)",
        ));
    }
    let site = pipeline::load_site(&args.root).map_err(ExportError::Content)?;
    let Some(plan) = site.plans.iter().find(|p| p.id == args.plan) else {
        let ids: Vec<&str> = site.plans.iter().map(|p| p.id.as_str()).collect();
        return Err(ExportError::usage(
            format!("the site has no plan `{}`", args.plan),
            format!("its plans are: {}", ids.join(", ")),
        ));
    };
    if !plan.period.contains(args.year) {
        return Err(ExportError::usage(
            format!(
                "--year {} lies outside the plan period {}–{}",
                args.year, plan.period.from, plan.period.to
            ),
            "give the fiscal year to be evaluated, e.g. --year 2025",
        ));
    }
    let out = match &args.out {
        Some(o) if o.is_absolute() => o.clone(),
        Some(o) => args.root.join(o),
        None => args
            .root
            .join("entry-sheets")
            .join(format!("{}-{}", plan.id, args.year)),
    };
    let books = build_all(&site, plan, args.year)?;
    write_all(&out, books, args.force, start)
}

type Book = (String, Vec<u8>, Option<String>, usize);

fn build_all(site: &Site, plan: &Plan, year: i32) -> Result<Vec<Book>, ExportError> {
    let fault = |e: rust_xlsxwriter::XlsxError| {
        ExportError::usage(
            format!("internal error: a workbook could not be made: {e}"),
            "please report this with the content that caused it",
        )
    };
    let mut books = Vec::new();
    for division in &site.divisions {
        let items = division_items(plan, &division.id);
        if items.is_empty() {
            continue;
        }
        let n = items.len();
        let e = entry::Entry {
            plan,
            year,
            division,
            items,
        };
        let bytes = entry::workbook(&e).map_err(fault)?;
        books.push((
            entry_file_name(year, division),
            bytes,
            Some(division.name.clone()),
            n,
        ));
    }
    let bytes = secretariat::workbook(site, plan, year).map_err(fault)?;
    books.push((secretariat_file_name(year), bytes, None, plan.items.len()));
    Ok(books)
}

fn write_all(
    out: &Path,
    books: Vec<Book>,
    force: bool,
    start: Instant,
) -> Result<ExportReport, ExportError> {
    let existing: Vec<String> = books
        .iter()
        .filter(|(name, ..)| out.join(name).exists())
        .map(|(name, ..)| name.clone())
        .collect();
    if !existing.is_empty() && !force {
        return Err(ExportError::usage(
            format!(
                "{} workbook(s) already exist in {}, e.g. {}; nothing was written",
                existing.len(),
                out.display(),
                existing[0]
            ),
            "workbooks may have come back filled in: move them away first, or pass --force to replace them",
        ));
    }
    std::fs::create_dir_all(out).map_err(|e| {
        ExportError::usage(
            format!("cannot create {}: {e}", out.display()),
            "check that the folder can be created and written",
        )
    })?;
    let mut written = Vec::new();
    for (name, bytes, division, items) in books {
        let path = out.join(&name);
        std::fs::write(&path, &bytes).map_err(|e| {
            ExportError::usage(
                format!("cannot write {}: {e}", path.display()),
                "check that the folder can be written and the file is not open in a spreadsheet program",
            )
        })?;
        written.push(Written {
            path,
            bytes: bytes.len(),
            division,
            items,
        });
    }
    Ok(ExportReport {
        out: out.to_path_buf(),
        written,
        elapsed: start.elapsed(),
    })
}
