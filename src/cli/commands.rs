//! The `init` and `schema` commands: their arguments, what they print and
//! their exit codes (0 success, 2 usage or environment errors).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use kohyo::init;
use kohyo::load::schema;

use kohyo::diagnostics::{Paint, Style};

/// Arguments of `kohyo init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create the site in; it must not exist yet or be empty.
    pub dir: PathBuf,
    /// Print no summary line, only errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Arguments of `kohyo schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Write one `<kind>.schema.json` file per content file kind into this
    /// folder, instead of printing all schemas as one JSON object.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Print no summary line, only errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Prints an environment or usage error with its hint; exit code 2.
pub fn fail(message: &str, hint: &str) -> ExitCode {
    let style = Style::stderr();
    eprintln!("{}", style.paint(Paint::Bold, &format!("error: {message}")));
    eprintln!("{}", style.paint(Paint::Hint, &format!("  hint: {hint}")));
    ExitCode::from(2)
}

/// `kohyo init DIR`: writes the example site.
pub fn init(args: InitArgs) -> ExitCode {
    match init::init(&args.dir) {
        Ok(report) => {
            if !args.quiet {
                let dir = args.dir.display();
                kohyo::outln!(
                    "created an example site in {dir} ({} files); next: kohyo check --root {dir}",
                    report.files.len()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string(), e.hint()),
    }
}

/// `kohyo schema [--out DIR]`: prints or writes the JSON Schemas.
pub fn schema(args: SchemaArgs) -> ExitCode {
    let kinds = schema::Kind::ALL
        .iter()
        .map(|k| k.name())
        .collect::<Vec<_>>()
        .join(", ");
    match &args.out {
        None => {
            kohyo::out!("{}", schema::to_pretty(&schema::combined()));
            if !args.quiet {
                eprintln!(
                    "printed {} schemas ({kinds}) as one JSON object",
                    schema::Kind::ALL.len()
                );
            }
            ExitCode::SUCCESS
        }
        Some(out) => match schema::write_all(out) {
            Ok(files) => {
                if !args.quiet {
                    kohyo::outln!(
                        "wrote {} schemas ({kinds}) into {}",
                        files.len(),
                        out.display()
                    );
                }
                ExitCode::SUCCESS
            }
            Err(e) => fail(
                &e.to_string(),
                "check that the folder can be created and written",
            ),
        },
    }
}
