//! Validation of a roadmap row's years: `from` and `to` inside the plan's
//! period, or `undated: true` when the source gives the row without years.

use super::year_in_period;
use crate::diagnostics::{Diagnostics, Place};
use crate::load::raw::RawRoadmapRow;
use crate::model::{Period, Plan};

/// The years of a roadmap row: `from` and `to` in the plan's period, or
/// none for a row marked `undated: true`.
pub(super) fn years(
    plan: &Plan,
    file: &str,
    row: &RawRoadmapRow,
    diags: &mut Diagnostics,
) -> Option<Period> {
    let undated = row.undated.as_ref().filter(|u| u.value);
    match (&row.from, &row.to, undated) {
        (Some(f), Some(t), None) => {
            let from = year_in_period(file, f, "roadmap year", plan.period, diags);
            let to = year_in_period(file, t, "roadmap year", plan.period, diags);
            if from > to {
                diags.error_hint(
                    Place::of(file, t),
                    "bad-period",
                    format!("roadmap row ends ({to}) before it starts ({from})"),
                    "`from` must not be after `to`",
                );
            }
            Some(Period { from, to })
        }
        (None, None, Some(_)) => None,
        (f, t, Some(u)) => {
            let at = f
                .as_ref()
                .or(t.as_ref())
                .map_or(Place::of(file, u), |y| Place::of(file, y));
            diags.error_hint(
                at,
                "roadmap-years",
                "the roadmap row is marked `undated: true` but also gives years",
                "remove `from` and `to` if the source gives no years, or remove `undated: true`",
            );
            None
        }
        (f, t, None) => {
            let missing = if f.is_none() { "from" } else { "to" };
            let at = t
                .as_ref()
                .or(f.as_ref())
                .map_or(Place::of(file, &row.label), |y| Place::of(file, y));
            diags.error_hint(
                at,
                "missing-field",
                format!("the roadmap row 「{}」 has no `{missing}` year", row.label.value),
                "write `from:` and `to:` (fiscal years), or `undated: true` when the source gives the row without years",
            );
            None
        }
    }
}
