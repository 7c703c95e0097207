//! Validation: raw records in, the checked model out, every problem recorded.
//!
//! Rules (docs/content-format.md lists them for authors): allowed values for
//! enumerations, ids URL-safe and unique, numbers unique, references resolved
//! (policy, division, mark), years inside the plan period (baselines may come
//! before it), numbers finite, links with safe schemes. Checks continue after
//! a problem so that one run reports them all.

use std::collections::{BTreeMap, HashMap};

use serde_saphyr::Spanned;

use crate::diagnostics::{Diagnostics, Place};
use crate::load::raw::*;
use crate::load::{RawContent, RawPage, RawPlanDir, Sourced};
use crate::model::*;
use crate::urls::{is_safe_link, is_url_safe_id, is_windows_reserved};
use crate::years::{self, Date, DateError};

mod checker;
mod divisions;
mod events;
mod indicators;
mod items;
mod levels;
mod plan;
mod results;
mod roadmap;
mod site;
mod synonyms;

use checker::Checker;
use divisions::{DivisionLookup, divisions};
use indicators::indicators;
use items::items;
use plan::plan;
use site::{pages, settings};

/// Checks everything that was loaded and builds the model; `None` when any
/// error was found (all of them are in `diags`).
pub fn validate(content: RawContent, diags: &mut Diagnostics) -> Option<Site> {
    validate_each(content, diags, &mut |_, _| {})
}

/// [`validate`], calling `read` on each plan folder just before the plan is
/// checked: with content from [`crate::load::load_deferred`], `read` reads
/// the plan's files, so only one plan's parsed files are in memory at a time.
pub fn validate_each(
    mut content: RawContent,
    diags: &mut Diagnostics,
    read: &mut dyn FnMut(&mut RawPlanDir, &mut Diagnostics),
) -> Option<Site> {
    let settings = content.site.as_ref().map(|s| settings(s, diags));
    let divisions = content
        .divisions
        .as_ref()
        .map(|d| divisions(d, diags))
        .unwrap_or_default();
    // Without a readable divisions file every division an item names would
    // be "unknown": that one error is enough.
    let lookup = DivisionLookup::new(&divisions, content.divisions.is_some());
    let mut plans: Vec<Plan> = Vec::with_capacity(content.plans.len());
    for dir in &mut content.plans {
        read(dir, diags);
        plans.extend(plan(dir, &lookup, diags));
        // The parsed files of a plan are not needed once it is checked: let
        // them go now, so a site's parsed files and its model are never all
        // in memory at once.
        dir.items = Vec::new();
        dir.results = Vec::new();
    }
    check_single_current(&content.plans, &plans, diags);
    indicators::check_continues(&plans, diags);
    plans.sort_by_key(|p| (p.status != PlanStatus::Current, -p.period.from));
    let pages = pages(&content.pages, diags);
    let synonyms = synonyms::groups(
        content
            .synonyms
            .as_ref()
            .map(|s| (s.file.as_str(), &s.value)),
        diags,
    );
    if diags.has_errors() {
        return None;
    }
    let mut site = Site {
        settings: settings?,
        divisions,
        plans,
        pages,
        synonyms,
        division_index: Index::default(),
    };
    site.index_divisions();
    Some(site)
}

/// The candidate nearest to `word` by edit distance, if it is close enough to be a typo.
fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min()
        .map(|(_, c)| c)
}

fn check_single_current(dirs: &[RawPlanDir], plans: &[Plan], diags: &mut Diagnostics) {
    let current: Vec<&Plan> = plans
        .iter()
        .filter(|p| p.status == PlanStatus::Current)
        .collect();
    if current.len() > 1 {
        for p in &current[1..] {
            if let Some(src) = dirs
                .iter()
                .find(|d| d.id == p.id)
                .and_then(|d| d.plan.as_ref())
            {
                diags.error_hint(
                    Place::of(&src.file, &src.value.status),
                    "two-current-plans",
                    format!(
                        "plan `{}` is marked current, but so is `{}`",
                        p.id, current[0].id
                    ),
                    "only one plan can be current; mark earlier plans `status: archived`",
                );
            }
        }
    }
}

/// The hint for a grade that is not on the scale.
fn grade_hint(grades: &[Grade]) -> String {
    let keys: Vec<&str> = grades.iter().map(|g| g.key.as_str()).collect();
    format!("the plan's grades (in plan.yaml) are: {}", keys.join(", "))
}

fn summarise_numbers(numbers: &[String]) -> String {
    match (numbers.first(), numbers.last()) {
        (Some(a), Some(b)) if numbers.len() > 3 => format!("{a}–{b}"),
        _ => numbers.join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_typos_only() {
        let names = ["人事課", "財政課", "デジタルトランスフォーメーション課"];
        assert_eq!(closest("人事科", names.iter().copied()), Some("人事課"));
        assert_eq!(
            closest("デジタルトランスフォメーション課", names.iter().copied()),
            Some("デジタルトランスフォーメーション課")
        );
        assert_eq!(closest("農政部", names.iter().copied()), None);
    }

    #[test]
    fn dates_that_do_not_exist_are_errors_with_the_last_day() {
        let mut diags = Diagnostics::default();
        let file = "content/pages/about.md";
        let mut ck = Checker::new(file, &mut diags);
        let place = || Place::file(file);
        assert!(ck.date_ok(place(), "2025-03", true, "date", "-"));
        assert!(ck.date_ok(place(), "2024-02-29", false, "date", "-"));
        assert!(!ck.diags().has_errors());
        assert!(!ck.date_ok(place(), "2025-03", false, "date", "write YYYY-MM-DD"));
        assert!(!ck.date_ok(place(), "2025-02-31", false, "date", "write YYYY-MM-DD"));
        let shown: Vec<String> = diags
            .sorted()
            .iter()
            .map(|d| format!("{} / {:?}", d.message, d.hint))
            .collect();
        assert_eq!(
            shown,
            [
                "date `2025-02-31` is not a date: 2025年2月 has 28 days / Some(\"check the day; the last day of the month is 2025-02-28\")",
                "date `2025-03` is not a date / Some(\"write YYYY-MM-DD\")",
            ]
        );
    }
}
