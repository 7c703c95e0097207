//! Printing the problems of a run, in one of two formats:
//!
//! - `human` (on standard error): `file:line:column: error: message`, the
//!   offending line with a caret `^` under the column, then the hint;
//! - `json` (on standard output): one JSON object per problem and line
//!   (JSON Lines), for editors and CI annotations.
//!
//! Either way a one-line summary follows on standard error unless `--quiet`.

use std::path::Path;

use clap::ValueEnum;
use kohyo::diagnostics::{Diagnostics, Style, human};
use kohyo::fs::within::SiteRoot;

/// How problems are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// Text for people, on standard error, with a snippet of each offending line.
    #[default]
    Human,
    /// One JSON object per problem and line (JSON Lines), on standard output.
    Json,
}

/// Prints every problem in `diags` (sorted) and, unless `quiet`, the summary
/// `N error(s); nothing was written.` (with `, M warning(s)` when there are
/// warnings). Snippets are read from files under `root`.
pub fn print_diagnostics(diags: &Diagnostics, root: &Path, format: Format, quiet: bool) {
    print_problems(diags, root, format);
    if !quiet {
        eprintln!("{}", diags.failure_summary());
    }
}

/// Prints every problem in `diags` (sorted), without a summary: the
/// warnings of a run that succeeded.
pub fn print_problems(diags: &Diagnostics, root: &Path, format: Format) {
    match format {
        Format::Json => kohyo::out!("{}", diags.json_lines()),
        Format::Human => eprint!(
            "{}",
            human::text(diags, &SiteRoot::new(root), Style::stderr())
        ),
    }
}

/// `; N warning(s)` for the summary of a run that succeeded, or nothing.
pub fn warning_suffix(warnings: &Diagnostics) -> String {
    match warnings.warning_count() {
        0 => String::new(),
        n => format!("; {n} warning(s)"),
    }
}
