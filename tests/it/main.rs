//! kohyo's integration tests, in one test binary (so the suite links once):
//! a module per area. Fixture sites live in `tests/fixtures/`, the search and
//! browser scripts in `tests/search/` and `tests/browser/`.

mod build;
mod charts;
mod cli;
mod cycles;
mod data;
mod divisions;
mod drafts;
mod errors;
mod feeds;
mod fuzz;
mod harness;
mod import;
mod layers;
mod open_data_model;
mod pasted;
mod phone;
mod plan_shapes;
mod plans;
mod portable;
mod safety_input;
mod safety_output;
mod scale;
mod search;
mod seeds;
mod serve;
mod yearly;
