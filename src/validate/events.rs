//! Validation of a plan's own meetings, proposals 提言 and news (`events:`
//! in plan.yaml): the ones that belong to the plan, not to one fiscal
//! year's results file.
//!
//! Rules: a date is `YYYY-MM-DD` or `YYYY-MM`; the kind is `meeting`,
//! `proposal` or `news`; a link is safe. Any date is allowed, before,
//! during or after the plan's period.

use super::Checker;
use crate::load::raw::RawPlan;
use crate::model::{EventKind, PlanEvent};

/// The plan's events, in date order (file order for the same date).
pub(super) fn events(raw: &RawPlan, ck: &mut Checker<'_>) -> Vec<PlanEvent> {
    let mut out: Vec<PlanEvent> = raw
        .events
        .iter()
        .map(|e| {
            ck.date_ok(ck.place(&e.date), &e.date.value, true, "event date", "write YYYY-MM-DD, or YYYY-MM when the source gives only the month, e.g. 2025-11-20");
            let kind = match ck.one_of(&e.kind, "kind", &["meeting", "proposal", "news"]) {
                Some("proposal") => EventKind::Proposal,
                Some("news") => EventKind::News,
                _ => EventKind::Meeting,
            };
            PlanEvent {
                date: e.date.value.clone(),
                kind,
                title: e.title.clone(),
                summary: e.summary.clone(),
                url: e.url.as_ref().map(|u| ck.link_url(u)),
            }
        })
        .collect();
    out.sort_by(|a, b| a.date.cmp(&b.date));
    out
}
