//! Every clap type of the `kohyo` command line: the commands and their
//! arguments, with one [`SiteArgs`] flattened into each command that reads a
//! site.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use super::report::Format;

/// Publish a reform plan and its evaluation results as a static website.
#[derive(Parser)]
#[command(name = "kohyo", version, about)]
pub struct Cli {
    #[command(subcommand)]
    /// The command to run.
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check the content and build the site into the output folder.
    Build(BuildArgs),
    /// Check the content and templates without writing anything.
    Check(CheckArgs),
    /// Create a new, small example site to start from in an empty folder.
    Init(super::commands::InitArgs),
    /// Print the JSON Schemas of the content files, or write them with --out.
    Schema(super::commands::SchemaArgs),
    /// Write the entry workbooks of a fiscal year for the divisions and the secretariat.
    Export(kohyo::export::ExportArgs),
    /// Import spreadsheet exports (CSV, TSV, XLSX) into content files.
    Import(kohyo::import::ImportArgs),
    /// Preview the site on 127.0.0.1, rebuilt in memory and reloaded on every change.
    Serve(super::serve::ServeArgs),
}

/// Where the site is and how much to say: flattened into every command
/// that reads a site.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site folder: the one holding content/ (and optionally themes/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Print no summary line, only problems.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Arguments of `kohyo check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// How problems are printed: `human` text on stderr, or `json`, one JSON
    /// object per problem and line on stdout.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

/// Arguments of `kohyo build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Output folder; relative paths are taken from the site folder.
    #[arg(long, default_value = "public")]
    pub out: PathBuf,
    /// Absolute address the site is published at (for the sitemap and canonical links).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Replace the output folder even if it does not look like kohyo output
    /// (never the site folder, a folder above it, or content/ or themes/).
    #[arg(long)]
    pub force: bool,
    /// How many seconds to wait for another build into the same output
    /// folder to finish before giving up (exit code 2); 0 gives up at once.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub lock_wait: u64,
    /// Skip building the search index (faster for very large sites; the
    /// search page then says search is unavailable).
    #[arg(long)]
    pub no_search: bool,
    /// Include draft results (`status: draft`), each page that shows them
    /// under a 「公表前の案」 banner: a preview to share, not to publish.
    #[arg(long)]
    pub drafts: bool,
}
