//! The `export` command: runs it, prints what was written and picks the exit
//! code (0 done, 1 content errors, 2 usage or environment errors).

use std::process::ExitCode;

use kohyo::export::{self, ExportArgs, ExportError, ExportWhat};

use super::report::{Format, print_diagnostics};

/// `kohyo export entry-sheets …`.
pub fn export(args: ExportArgs) -> ExitCode {
    let ExportWhat::EntrySheets(a) = args.what;
    match export::entry_sheets(&a) {
        Ok(report) => {
            if !a.quiet {
                for w in &report.written {
                    let name = w.path.file_name().unwrap_or_default().to_string_lossy();
                    match &w.division {
                        Some(d) => kohyo::outln!(
                            "  {name}: {d}, {} item(s), {:.1} KiB",
                            w.items,
                            w.bytes as f64 / 1024.0
                        ),
                        None => kohyo::outln!(
                            "  {name}: secretariat (committee and opinions), {:.1} KiB",
                            w.bytes as f64 / 1024.0
                        ),
                    }
                }
                kohyo::outln!(
                    "wrote {} workbook(s) ({} division(s) and the secretariat's) into {} in {} ms; send them out, then kohyo import results {}",
                    report.written.len(),
                    report.written.len() - 1,
                    report.out.display(),
                    report.elapsed.as_millis(),
                    report.out.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(ExportError::Content(diags)) => {
            print_diagnostics(&diags, &a.root, Format::Human, a.quiet);
            ExitCode::from(1)
        }
        Err(ExportError::Usage { message, hint }) => {
            eprintln!("error: {message}\n  hint: {hint}");
            ExitCode::from(2)
        }
    }
}
