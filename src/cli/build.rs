//! The `build` and `check` commands: they run the pipeline, print its
//! outcome once and pick the exit code (0 success, 1 content errors, 2 usage,
//! environment or internal errors).

use std::io::IsTerminal;
use std::process::ExitCode;

use kohyo::diagnostics::{Paint, Style};
use kohyo::pipeline::{self, BuildError, BuildOptions, Step};

use super::args::{BuildArgs, CheckArgs};
use super::commands::fail;
use super::report::{Format, print_diagnostics, print_problems, warning_suffix};

/// Shows the current build step on one terminal line, replaced by the next.
fn show_step(step: Step) {
    let text = match step {
        Step::Loading => "reading content…".to_string(),
        Step::Rendering { items } => format!("rendering and writing pages for {items} items…"),
        Step::Indexing { files } => format!("finishing the search index of {files} pages…"),
        Step::Writing { files } => format!("putting {files} files in place…"),
    };
    eprint!("\r\x1b[2K{text}");
}

/// Says once that the build waits for another one.
fn say_waiting() {
    eprintln!("waiting for another kohyo build into the same output folder to finish…");
}

/// `kohyo build`: checks the content and builds the site.
pub fn build(args: BuildArgs) -> ExitCode {
    let out = if args.out.is_absolute() {
        args.out.clone()
    } else {
        args.site.root.join(&args.out)
    };
    super::interrupt::remove_staging_on_signal();
    let options = BuildOptions {
        base_url: args.base_url,
        force: args.force,
        lock_wait: std::time::Duration::from_secs(args.lock_wait),
        on_lock_wait: (!args.site.quiet).then_some(say_waiting as fn()),
        no_search: args.no_search,
        drafts: args.drafts,
        progress: (!args.site.quiet && std::io::stderr().is_terminal())
            .then_some(show_step as fn(Step)),
        cache: None,
    };
    match pipeline::build(&args.site.root, &out, &options) {
        Ok(report) => {
            if options.progress.is_some() {
                eprint!("\r\x1b[2K");
            }
            if let Some(old) = &report.restored {
                eprintln!(
                    "note: an earlier build had stopped while swapping folders; the previous site was put back from {} before this build",
                    old.display()
                );
            }
            print_problems(&report.warnings, &args.site.root, Format::Human);
            if !args.site.quiet {
                for file in &report.drafts_left_out {
                    eprintln!("note: {}", kohyo::load::drafts::left_out_note(file));
                }
                for file in &report.drafts_shown {
                    eprintln!(
                        "note: {file} is a draft, shown under a 「公表前の案」 banner: preview this output, do not publish it"
                    );
                }
                kohyo::outln!(
                    "built {} pages, {} charts, {} data files ({} files, {:.1} KiB) into {} in {} ms (search index: {} pages, {:.1} KiB, {} ms){}",
                    report.pages,
                    report.charts,
                    report.data_files,
                    report.files,
                    report.bytes as f64 / 1024.0,
                    out.display(),
                    report.elapsed.as_millis(),
                    report.search.pages,
                    report.search.bytes as f64 / 1024.0,
                    report.search.elapsed.as_millis(),
                    warning_suffix(&report.warnings)
                );
                if !report.sitemap {
                    kohyo::outln!(
                        "note: no sitemap.xml and no canonical links, as the site has no base URL (set base_url in content/site.yaml or pass --base-url)"
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Content(diags)) => {
            print_diagnostics(&diags, &args.site.root, Format::Human, args.site.quiet);
            ExitCode::from(1)
        }
        Err(e) => {
            if options.progress.is_some() {
                eprint!("\r\x1b[2K");
            }
            report_failure(&e)
        }
    }
}

/// Prints why a build or check failed for a reason other than the content.
fn report_failure(e: &BuildError) -> ExitCode {
    match e {
        BuildError::Content(_) => unreachable!("content errors are printed as diagnostics"),
        BuildError::Output(e) => {
            if e.previous_kept() {
                fail(
                    &e.to_string(),
                    "nothing was changed: the previous output, if any, is as it was",
                )
            } else {
                let style = Style::stderr();
                eprintln!("{}", style.paint(Paint::Bold, &format!("error: {e}")));
                ExitCode::from(2)
            }
        }
        BuildError::Internal(_) => fail(
            &e.to_string(),
            "nothing was written and the previous output, if any, was left as it was. Check that the current folder, the site folder and the output folder exist and can be read and written; if they do, please report this message to kohyo's maintainers",
        ),
    }
}

/// `kohyo check`: checks the content and templates, writing nothing.
pub fn check(args: CheckArgs) -> ExitCode {
    let CheckArgs { site, format } = args;
    let start = std::time::Instant::now();
    // The search index is left out: it cannot fail on content, only on an
    // internal fault, and it is most of the time of a build.
    match pipeline::check_site(&site.root, &BuildOptions::default()) {
        Ok(r) => {
            print_problems(&r.warnings, &site.root, format);
            if !site.quiet {
                // With `--format json` standard output carries only problems.
                let style = match format {
                    Format::Human => Style::stdout(),
                    Format::Json => Style::stderr(),
                };
                let summary = format!(
                    "{}: {} plan(s), {} item(s), {} pages checked in {} ms{}",
                    style.paint(Paint::Ok, "ok"),
                    r.site.plans.len(),
                    r.site.plans.iter().map(|p| p.items.len()).sum::<usize>(),
                    r.pages,
                    start.elapsed().as_millis(),
                    warning_suffix(&r.warnings)
                );
                match format {
                    Format::Human => kohyo::outln!("{summary}"),
                    Format::Json => eprintln!("{summary}"),
                }
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Content(diags)) => {
            print_diagnostics(&diags, &site.root, format, site.quiet);
            ExitCode::from(1)
        }
        Err(e) => report_failure(&e),
    }
}
