//! The `serve` command: its arguments, the human format it gives the preview
//! server for problems, and its exit codes (0 after Ctrl-C, 2 when it cannot
//! start: a missing site folder, a port in use).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use kohyo::diagnostics::Diagnostics;
use kohyo::serve::{self, Reader, ServeOptions};

use super::report::human_text;
use super::style::{Paint, Style};

/// Arguments of `kohyo serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site folder: the one holding content/ (and optionally themes/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The port to listen on at 127.0.0.1; 0 picks a free one.
    #[arg(long, default_value_t = serve::DEFAULT_PORT)]
    pub port: u16,
    /// Print no summary lines, only the address and problems.
    #[arg(long, short)]
    pub quiet: bool,
    /// Skip the search index on every rebuild (much faster for large sites;
    /// the search page then says search is unavailable).
    #[arg(long)]
    pub no_search: bool,
}

/// `kohyo serve`: previews the site until Ctrl-C.
pub fn serve(args: ServeArgs) -> ExitCode {
    let options = ServeOptions {
        root: args.root,
        port: args.port,
        quiet: args.quiet,
        no_search: args.no_search,
    };
    match serve::run(&options, describe) {
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

/// The problems in the human format; colours only for a terminal that has them.
fn describe(diags: &Diagnostics, root: &Path, reader: Reader) -> String {
    let style = match reader {
        Reader::Terminal => Style::stderr(),
        Reader::Browser => Style::new(false, None),
    };
    human_text(diags, root, style)
}
