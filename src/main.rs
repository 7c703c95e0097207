//! The `kohyo` command line: parses arguments, runs one command, prints its
//! outcome once and picks the exit code (0 success, 1 content errors,
//! 2 usage or environment errors).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use kohyo::diagnostics::Diagnostics;
use kohyo::pipeline::{self, BuildError, BuildOptions};

/// Publish a reform plan and its evaluation results as a static website.
#[derive(Parser)]
#[command(name = "kohyo", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the content and build the site into the output folder.
    Build(BuildArgs),
    /// Check the content and templates without writing anything.
    Check(SiteArgs),
}

/// Where the site is.
#[derive(Args)]
struct SiteArgs {
    /// The site folder: the one holding content/ (and optionally themes/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Args)]
struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Output folder; relative paths are taken from the site folder.
    #[arg(long, default_value = "public")]
    out: PathBuf,
    /// Absolute address the site is published at (for the sitemap and canonical links).
    #[arg(long)]
    base_url: Option<String>,
    /// Replace the output folder even if it does not look like kohyo output.
    #[arg(long)]
    force: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => build(args),
        Command::Check(args) => check(args),
    }
}

fn print_diagnostics(diags: &Diagnostics) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in diags.sorted() {
        let text = d.to_string();
        if color {
            let (first, rest) = text.split_once('\n').unwrap_or((&text, ""));
            eprintln!("\x1b[1m{first}\x1b[0m");
            if !rest.is_empty() {
                eprintln!("\x1b[36m{rest}\x1b[0m");
            }
        } else {
            eprintln!("{text}");
        }
    }
    eprintln!("{} error(s); nothing was written.", diags.error_count());
}

fn build(args: BuildArgs) -> ExitCode {
    let out = if args.out.is_absolute() {
        args.out.clone()
    } else {
        args.site.root.join(&args.out)
    };
    let options = BuildOptions {
        base_url: args.base_url,
        force: args.force,
    };
    match pipeline::build(&args.site.root, &out, &options) {
        Ok(report) => {
            if !args.site.quiet {
                println!(
                    "built {} pages ({} files, {:.1} KiB) into {} in {} ms",
                    report.pages,
                    report.files,
                    report.bytes as f64 / 1024.0,
                    out.display(),
                    report.elapsed.as_millis()
                );
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Content(diags)) => {
            print_diagnostics(&diags);
            ExitCode::from(1)
        }
        Err(BuildError::Output(e)) => {
            eprintln!("error: {e}");
            eprintln!("The previous output, if any, was left as it was.");
            ExitCode::from(2)
        }
    }
}

fn check(args: SiteArgs) -> ExitCode {
    let start = std::time::Instant::now();
    match pipeline::render_site(&args.root, &BuildOptions::default()) {
        Ok(r) => {
            if !args.quiet {
                println!(
                    "ok: {} plan(s), {} item(s), {} pages checked in {} ms",
                    r.site.plans.len(),
                    r.site.plans.iter().map(|p| p.items.len()).sum::<usize>(),
                    r.files.iter().filter(|f| f.path.ends_with(".html")).count(),
                    start.elapsed().as_millis()
                );
            }
            ExitCode::SUCCESS
        }
        Err(diags) => {
            print_diagnostics(&diags);
            ExitCode::from(1)
        }
    }
}
