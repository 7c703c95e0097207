//! The `import` command: runs it, prints the imported YAML (standard
//! output) and what was written (standard error), and picks the exit code
//! (0 done, 1 bad rows, 2 usage or IO errors).

use std::process::ExitCode;

use kohyo::import::{self, ImportArgs};

/// `kohyo import …`.
pub fn import(args: ImportArgs) -> ExitCode {
    let (result, quiet) = import::run(&args);
    match result {
        Ok(report) => {
            kohyo::out!("{}", report.stdout);
            if !quiet {
                for note in &report.notes {
                    eprintln!("note: {note}");
                }
                if let Some(file) = &report.preview {
                    eprintln!("nothing was written: pass --write to write {file}");
                    return ExitCode::SUCCESS;
                }
                eprintln!(
                    "wrote {} file(s) ({} new, {} replaced)",
                    report.written.len(),
                    report.written.len() - report.replaced,
                    report.replaced
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.exit_code())
        }
    }
}
