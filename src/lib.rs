//! kohyo (公表): publishes a government reform plan and its yearly evaluation
//! results as a static, accessible website.
//!
//! The data flows through the modules in order: [`load`] reads YAML and
//! Markdown into [`raw`](load::raw) records, [`validate`] checks them and builds the
//! [`model`], [`render`] turns the model into pages in memory through
//! [`views`] and the [`theme`](load::theme), and [`output`] writes them in one swap.
//! [`pipeline`] strings these together for the command line and for tests.

pub mod achievement;
pub mod charts;
pub mod diagnostics;
pub mod export;
pub mod fs;
pub mod html;
pub mod import;
pub mod init;
pub mod load;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod search;
pub mod serve;
pub mod text;
pub mod urls;
pub mod validate;
pub mod views;
pub mod years;

/// Like `println!`, but a closed standard output (the reader went away, as
/// in `kohyo build | head -1`) is not a panic: the line is dropped and the
/// command goes on, so a build still finishes and a preview keeps serving.
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let _ = ::std::writeln!(::std::io::stdout(), $($arg)*);
    }};
}

/// Like `print!`, with [`outln!`]'s handling of a closed standard output.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let _ = ::std::write!(::std::io::stdout(), $($arg)*);
    }};
}
