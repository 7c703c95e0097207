//! Validation of a roadmap row's years: `from` and `to` inside the plan's
//! period, or `undated: true` when the source gives the row without years.

use super::Checker;
use crate::load::raw::RawRoadmapRow;
use crate::model::{Period, Plan};

/// The years of a roadmap row: `from` and `to` in the plan's period, or
/// none for a row marked `undated: true`.
pub(super) fn years(plan: &Plan, row: &RawRoadmapRow, ck: &mut Checker<'_>) -> Option<Period> {
    let undated = row.undated.as_ref().filter(|u| u.value);
    match (&row.from, &row.to, undated) {
        (Some(f), Some(t), None) => {
            let from = ck.year_in_period(f, "roadmap year", plan.period);
            let to = ck.year_in_period(t, "roadmap year", plan.period);
            if from > to {
                ck.error(
                    t,
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
                .map_or(ck.place(u), |y| ck.place(y));
            ck.error_at(
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
                .map_or(ck.place(&row.label), |y| ck.place(y));
            ck.error_at(
                at,
                "missing-field",
                format!("the roadmap row 「{}」 has no `{missing}` year", row.label.value),
                "write `from:` and `to:` (fiscal years), or `undated: true` when the source gives the row without years",
            );
            None
        }
    }
}
