//! `kohyo-synth`: synthetic sites for the speed benchmark in `bench/`.
//!
//! - `kohyo-synth --out DIR --items N [--plans P] [--seed S]` writes a valid
//!   kohyo site of N items (with projects, roadmaps, indicators and five
//!   fiscal years of results) into `DIR/content/`. Add `--hugo HDIR` to also
//!   write the equivalent Hugo site (same pages, same fields as front matter);
//!   `--hugo HDIR` alone writes only the Hugo site.
//! - `kohyo-synth --list DIR` prints `size<TAB>path` for every file below DIR.
//! - `kohyo-synth --floor-write OUT --like LIST` writes files with the paths and
//!   sizes of LIST (a `--list` manifest, or a folder), one `std::fs::write`
//!   each on one thread: the floor that any generator writing them must pay.
//! - `kohyo-synth --phases ROOT [--out DIR] [--skip-search]` runs the steps of
//!   `kohyo build` one by one through the library (load, validate, render,
//!   search index, write into DIR, by default `ROOT/public-phases`) and prints
//!   the time and peak memory after each.
//!
//! Everything is deterministic from `--seed`: a splitmix64 generator drives
//! word lists, so the same arguments give byte-identical files.

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

mod emit;
mod floor;
mod hugo;
mod kohyo_site;
mod phases;
mod site;
mod words;

use site::Site;

/// Write synthetic kohyo and Hugo sites, or the file-writing floor, for benchmarks.
#[derive(Parser)]
#[command(name = "kohyo-synth", version)]
struct Cli {
    /// Write a kohyo site into this folder (its `content/` must not exist yet).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Write the equivalent Hugo site into this folder (must not exist yet).
    #[arg(long)]
    hugo: Option<PathBuf>,
    /// Number of implementation items, split over the plans.
    #[arg(long, default_value_t = 35)]
    items: usize,
    /// Number of plans (1–20), each of five fiscal years: the first is
    /// current, the others archived. Items are split evenly over them. Each
    /// plan's results file for a year lists all its items; kohyo loads such
    /// files up to about 64 MiB (some 70,000 items).
    #[arg(long, default_value_t = 1)]
    plans: usize,
    /// Seed of the generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Print `size<TAB>path` of every file below this folder, for `--like`.
    #[arg(long, conflicts_with_all = ["out", "hugo", "floor_write"])]
    list: Option<PathBuf>,
    /// Write files with the paths and sizes given by `--like` into this new folder.
    #[arg(long, requires = "like", conflicts_with_all = ["out", "hugo"])]
    floor_write: Option<PathBuf>,
    /// A manifest printed by `--list`, or a folder whose files to mimic.
    #[arg(long)]
    like: Option<PathBuf>,
    /// Time each step of `kohyo build` on this site folder, writing into
    /// `--out` (default ROOT/public-phases).
    #[arg(long, conflicts_with_all = ["hugo", "floor_write", "list"])]
    phases: Option<PathBuf>,
    /// With `--phases`: leave out the search index, to see what the rest costs.
    #[arg(long, requires = "phases")]
    skip_search: bool,
}

/// mimalloc instead of the system allocator: builds allocate many small
/// strings on every core, and it is faster and returns memory more readily
/// (see the README's dependency list for the measurement).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = if let Some(dir) = &cli.list {
        floor::list(dir)
    } else if let Some(root) = &cli.phases {
        let out = cli
            .out
            .clone()
            .unwrap_or_else(|| root.join("public-phases"));
        phases::phases(root, &out, !cli.skip_search)
    } else if let (Some(out), Some(like)) = (&cli.floor_write, &cli.like) {
        floor::floor_write(out, like)
    } else if cli.out.is_some() || cli.hugo.is_some() {
        generate(&cli)
    } else {
        eprintln!(
            "error: give --out DIR, --hugo DIR, --list DIR, --floor-write OUT --like LIST or --phases ROOT"
        );
        return ExitCode::from(2);
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn generate(cli: &Cli) -> io::Result<()> {
    if cli.items == 0 || cli.plans == 0 || cli.plans > 20 {
        return Err(io::Error::other(
            "--items must be at least 1 and --plans between 1 and 20",
        ));
    }
    let site = Site::new(cli.items, cli.plans.min(cli.items), cli.seed);
    if let Some(out) = &cli.out {
        let content = out.join("content");
        if content.exists() {
            return Err(io::Error::other(format!(
                "{} already exists; pick a new folder",
                content.display()
            )));
        }
        kohyo_site::write(&site, &content)?;
    }
    if let Some(dir) = &cli.hugo {
        if dir.exists() {
            return Err(io::Error::other(format!(
                "{} already exists; pick a new folder",
                dir.display()
            )));
        }
        hugo::write(&site, dir)?;
    }
    Ok(())
}
