//! The plan's own meetings, proposals 提言 and news, as the plan page lists
//! them: each with its kind and where it falls against the plan's period.

use serde::Serialize;

use super::md;
use crate::model::{EventKind, Plan};

/// A plan-level event ready to print.
#[derive(Debug, Serialize)]
pub struct EventView {
    /// Date as written, `YYYY-MM-DD` or `YYYY-MM` (templates format it).
    pub date: String,
    /// 会議, 提言 or お知らせ.
    pub kind: &'static str,
    /// Name.
    pub title: String,
    /// Summary HTML.
    pub summary: super::Html,
    /// Link, empty when none.
    pub url: String,
    /// 計画期間の前, 計画期間中 or 計画期間の後: where the date falls
    /// against the plan's fiscal years (a fiscal year runs April to March).
    pub when: &'static str,
}

/// The fiscal year a `YYYY-MM[-DD]` date falls in (April to March).
fn fiscal_year_of(date: &str) -> Option<i32> {
    let year: i32 = date.get(..4)?.parse().ok()?;
    let month: u32 = date.get(5..7)?.parse().ok()?;
    Some(if month >= 4 { year } else { year - 1 })
}

/// The events of `plan`, in date order.
pub fn events(plan: &Plan) -> Vec<EventView> {
    plan.events
        .iter()
        .map(|e| EventView {
            date: e.date.clone(),
            kind: match e.kind {
                EventKind::Meeting => "会議",
                EventKind::Proposal => "提言",
                EventKind::News => "お知らせ",
            },
            title: e.title.clone(),
            summary: md(&e.summary),
            url: e.url.clone().unwrap_or_default(),
            when: match fiscal_year_of(&e.date) {
                Some(y) if y < plan.period.from => "計画期間の前",
                Some(y) if y > plan.period.to => "計画期間の後",
                _ => "計画期間中",
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::fiscal_year_of;

    #[test]
    fn a_date_in_march_belongs_to_the_fiscal_year_before() {
        assert_eq!(fiscal_year_of("2026-03-31"), Some(2025));
        assert_eq!(fiscal_year_of("2026-04-01"), Some(2026));
        assert_eq!(fiscal_year_of("2026-02"), Some(2025));
        assert_eq!(fiscal_year_of("x"), None);
    }
}
