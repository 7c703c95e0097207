//! The parts of the `kohyo` command line beyond argument parsing: how
//! problems are printed (text with a snippet of the offending line, or JSON
//! Lines), when colours are used, what Ctrl-C does to a build, and the
//! `init`, `schema` and `serve` commands.

pub mod commands;
pub mod export;
pub mod interrupt;
pub mod report;
pub mod serve;
pub mod style;
