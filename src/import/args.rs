//! The command-line arguments of `kohyo import`, which are also the options
//! of the library functions ([`super::import_structure`] and the others).

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

/// `kohyo import`: the table to import.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Which table the file holds.
    #[command(subcommand)]
    pub table: ImportTable,
}

/// The tables `kohyo import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportTable {
    /// The structure table 体系図: writes one item file per row and prints the
    /// goals and policies for plan.yaml.
    Structure(StructureArgs),
    /// Indicator definitions 指標: adds an `indicators:` list to existing item files.
    Indicators(IndicatorsArgs),
    /// One fiscal year's results 評価: the returned entry workbooks (a folder
    /// or files) shown as a diff and written with --write, or one sheet of
    /// your own with --year: writes `results/<year>.yaml`.
    Results(ResultsCommand),
}

/// Where the imported files go, shared by every table.
#[derive(Debug, Clone, Args)]
pub struct Target {
    /// The site folder: the one holding content/.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The plan id: the folder name under content/plans/.
    #[arg(long)]
    pub plan: String,
    /// Replace files that already exist.
    #[arg(long)]
    pub force: bool,
    /// Print nothing but errors (and the goals block of `import structure`).
    #[arg(long, short)]
    pub quiet: bool,
}

/// Whether an item's place in the structure is stated by the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlacementArg {
    /// The source states the item's policy.
    Documented,
    /// The item's policy was read from meaning.
    Inferred,
}

impl PlacementArg {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            PlacementArg::Documented => "documented",
            PlacementArg::Inferred => "inferred",
        }
    }
}

/// `kohyo import structure`.
#[derive(Debug, Clone, Args)]
pub struct StructureArgs {
    /// The structure table: .csv, .tsv or .xlsx.
    pub file: PathBuf,
    /// The sheet of an .xlsx workbook (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
    /// An indicators table to put into the item files as they are written.
    #[arg(long)]
    pub indicators: Option<PathBuf>,
    /// The sheet of the indicators workbook (default: the first).
    #[arg(long)]
    pub indicators_sheet: Option<String>,
    /// `placement` for rows without a 配置 cell.
    #[arg(long, value_enum, default_value = "documented")]
    pub placement: PlacementArg,
    /// Where the files go.
    #[command(flatten)]
    pub target: Target,
}

/// `kohyo import indicators`.
#[derive(Debug, Clone, Args)]
pub struct IndicatorsArgs {
    /// The indicators table: .csv, .tsv or .xlsx.
    pub file: PathBuf,
    /// The sheet of an .xlsx workbook (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
    /// Where the files go.
    #[command(flatten)]
    pub target: Target,
}

/// `kohyo import results`.
#[derive(Debug, Clone, Args)]
pub struct ResultsArgs {
    /// The results table: .csv, .tsv or .xlsx.
    pub file: PathBuf,
    /// The sheet of an .xlsx workbook (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
    /// The fiscal year evaluated, e.g. 2025.
    #[arg(long)]
    pub year: i64,
    /// When the results were published, YYYY-MM-DD.
    #[arg(long)]
    pub published: Option<String>,
    /// Where the files go.
    #[command(flatten)]
    pub target: Target,
}

/// `kohyo import results` as typed: returned entry workbooks (made by
/// `kohyo export entry-sheets`), or one sheet of your own with `--year`.
#[derive(Debug, Clone, Args)]
pub struct ResultsCommand {
    /// Returned entry workbooks (or the folders holding them); or one .csv,
    /// .tsv or .xlsx results table of your own.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The sheet of your own .xlsx table (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
    /// The fiscal year evaluated, e.g. 2025 (required for a table of your
    /// own; for entry workbooks it is checked against theirs).
    #[arg(long)]
    pub year: Option<i64>,
    /// When the results were published, YYYY-MM-DD (a table of your own).
    #[arg(long)]
    pub published: Option<String>,
    /// Write the results file (entry workbooks): without it the changes are only shown.
    #[arg(long)]
    pub write: bool,
    /// Where the files go.
    #[command(flatten)]
    pub target: Target,
}

/// Importing returned entry workbooks: the options of [`super::import_workbooks`].
#[derive(Debug, Clone)]
pub struct WorkbooksArgs {
    /// The workbooks, or folders of them.
    pub files: Vec<PathBuf>,
    /// The year expected, if given.
    pub year: Option<i64>,
    /// Write the results file (else only show the changes).
    pub write: bool,
    /// Where the file goes.
    pub target: Target,
}
