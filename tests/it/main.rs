//! kohyo's integration tests, in one test binary (so the suite links once):
//! a module per area. Fixture sites live in `tests/fixtures/`, the search and
//! browser scripts in `tests/search/` and `tests/browser/`.

mod build;
mod charts;
mod cli;
mod cycles;
mod data;
mod errors;
mod feeds;
mod import;
mod phone;
mod search;
mod seeds;
mod serve;
mod synth;
