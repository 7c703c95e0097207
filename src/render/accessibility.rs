//! The accessibility statement page (ウェブアクセシビリティ方針と試験結果):
//! the policy and the automated checks that `tests/browser/` runs on the
//! built site, with what those checks leave to people.

use serde::Serialize;

use super::{Job, home_crumb, value};

/// Where the statement is written, from the site root.
pub const PATH: &str = "accessibility.html";

#[derive(Serialize)]
struct StatementPage {
    /// Every HTML page of the site, this one included.
    page_count: usize,
}

/// The statement's page; `page_count` counts every page of the site.
pub(super) fn job(page_count: usize) -> Job<'static> {
    let heading = "ウェブアクセシビリティ方針と試験結果";
    Job {
        path: PATH.into(),
        template: "accessibility.html",
        heading: heading.into(),
        title_parts: vec![heading.into()],
        description: "このサイトのウェブアクセシビリティ方針（JIS X 8341-3:2016 の適合レベルAAを目標）と、自動の試験の方法と結果。".into(),
        crumbs: vec![home_crumb()],
        page: value(&StatementPage { page_count }).into(),
    }
}
