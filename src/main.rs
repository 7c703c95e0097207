//! The `kohyo` command line: parses the arguments and hands them to the
//! command's handler in [`cli`], which prints the outcome and picks the exit
//! code (0 success, 1 content errors, 2 usage, environment or internal errors).

use std::process::ExitCode;

use clap::Parser;

mod cli;

use cli::args::{Cli, Command};

/// mimalloc instead of the system allocator: builds allocate many small
/// strings on every core, and it is faster and returns memory more readily
/// (see the README's dependency list for the measurement).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => cli::build::build(args),
        Command::Check(args) => cli::build::check(args),
        Command::Init(args) => cli::commands::init(args),
        Command::Schema(args) => cli::commands::schema(args),
        Command::Export(args) => cli::export::export(args),
        Command::Import(args) => cli::import::import(args),
        Command::Serve(args) => cli::serve::serve(args),
    }
}
