//! Draft cycles 公表前の案: which results files are drafts, and leaving them
//! out of a build that does not preview them.
//!
//! A results file with `status: draft` is checked like any other, shown by
//! `kohyo serve` and `kohyo build --drafts` under a banner, and otherwise
//! dropped before validation, so no page, feed entry, sitemap line, search
//! record or open-data row can carry it. Publishing is changing the key.

use crate::load::RawPlanDir;
use crate::load::raw::RawResults;

/// Whether a results file says `status: draft`.
pub fn is_draft(results: &RawResults) -> bool {
    results
        .status
        .as_ref()
        .is_some_and(|s| s.value.trim() == "draft")
}

/// Removes every draft results file from the plan folder `dir`, adding
/// their files (relative to the site folder) to `left_out`, in file order;
/// a build calls it on each plan as the plan's files are read.
pub fn leave_out_of(dir: &mut RawPlanDir, left_out: &mut Vec<String>) {
    dir.results.retain(|r| {
        let draft = is_draft(&r.value);
        if draft {
            left_out.push(r.file.clone());
        }
        !draft
    });
}

/// The line a build prints for a draft it left out.
pub fn left_out_note(file: &str) -> String {
    format!("{file} is a draft (status: draft) and was left out; build with --drafts to preview it")
}

/// The banner text of a page that shows draft results of these fiscal years.
pub fn banner(years: &[String]) -> String {
    format!(
        "このページには、まだ公表していない{}の評価結果（案）が含まれています。内容は変わることがあります。",
        years.join("・")
    )
}
