//! The `kohyo` command line: every clap type ([`args`]) and every command's
//! handler (`build`, `check`, `init`, `schema`, `export`, `import`, `serve`), how
//! problems are printed ([`report`], with the formats of
//! `kohyo::diagnostics`) and what Ctrl-C does to a build.

pub mod args;
pub mod build;
pub mod commands;
pub mod export;
pub mod import;
pub mod interrupt;
pub mod report;
pub mod serve;
