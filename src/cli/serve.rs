//! The `serve` command: its arguments, how the preview server's events are
//! printed, and its exit codes (0 after Ctrl-C, 2 when it cannot start: a
//! missing site folder, a port in use).

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;
use kohyo::diagnostics::{Paint, Style, human};
use kohyo::fs::within::SiteRoot;
use kohyo::serve::{self, Event, ServeOptions};

/// Arguments of `kohyo serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site folder, and whether to print only the address and problems.
    #[command(flatten)]
    pub site: super::args::SiteArgs,
    /// The port to listen on at 127.0.0.1; 0 picks a free one.
    #[arg(long, default_value_t = serve::DEFAULT_PORT)]
    pub port: u16,
    /// Skip the search index on every rebuild (much faster for large sites;
    /// the search page then says search is unavailable).
    #[arg(long)]
    pub no_search: bool,
}

/// `kohyo serve`: previews the site until Ctrl-C.
pub fn serve(args: ServeArgs) -> ExitCode {
    let options = ServeOptions {
        root: args.site.root.clone(),
        port: args.port,
        no_search: args.no_search,
    };
    let (root, quiet) = (args.site.root, args.site.quiet);
    let events = Arc::new(move |event: Event| print_event(&event, &root, quiet));
    match serve::run(&options, events) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let style = Style::stderr();
            eprintln!("{}", style.paint(Paint::Bold, &format!("error: {e}")));
            eprintln!(
                "{}",
                style.paint(Paint::Hint, &format!("  hint: {}", e.hint()))
            );
            ExitCode::from(2)
        }
    }
}

/// Prints what the server tells: the address and problems always, the
/// summary lines unless `quiet`. Snippets are read from files under `root`.
fn print_event(event: &Event, root: &Path, quiet: bool) {
    match event {
        Event::Serving { port } => {
            kohyo::outln!("serving at http://127.0.0.1:{port}/ (Ctrl-C stops)");
        }
        Event::Built {
            rebuilt,
            pages,
            elapsed,
            warnings,
        } => {
            eprint!(
                "{}",
                human::text(warnings, &SiteRoot::new(root), Style::stderr())
            );
            if !quiet {
                let verb = if *rebuilt { "rebuilt" } else { "built" };
                kohyo::outln!(
                    "{verb} {pages} pages in {} ms{}",
                    elapsed.as_millis(),
                    super::report::warning_suffix(warnings)
                );
            }
        }
        Event::Failed {
            problems,
            still_serving,
        } => {
            eprint!(
                "{}",
                human::text(problems, &SiteRoot::new(root), Style::stderr())
            );
            if !quiet {
                eprintln!(
                    "{}; {}",
                    problems.counts(),
                    if *still_serving {
                        "still serving the last good build"
                    } else {
                        "serving an error page until they are fixed"
                    }
                );
            }
        }
        Event::SearchIndexed { elapsed } => {
            if !quiet {
                kohyo::outln!("search index updated in {} ms", elapsed.as_millis());
            }
        }
        Event::Warning(text) => eprintln!("warning: {text}"),
        Event::Stopped => {
            if !quiet {
                kohyo::outln!("stopped");
            }
        }
    }
}
