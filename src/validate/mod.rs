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

use divisions::{DivisionLookup, divisions};
use indicators::indicators;
use items::items;
use plan::plan;
use site::{pages, settings};

/// Checks everything that was loaded and builds the model; `None` when any
/// error was found (all of them are in `diags`).
pub fn validate(mut content: RawContent, diags: &mut Diagnostics) -> Option<Site> {
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
        division_index: BTreeMap::new(),
    };
    site.index_divisions();
    Some(site)
}

fn link_url(file: &str, url: &Spanned<String>, diags: &mut Diagnostics) -> String {
    if !is_safe_link(&url.value) {
        diags.error_hint(
            Place::of(file, url),
            "unsafe-link",
            format!(
                "link `{}` uses an address kind that is not allowed",
                url.value
            ),
            "use an http://, https:// or mailto: address, or a path inside the site",
        );
    }
    url.value.clone()
}

fn check_id(file: &str, id: &Spanned<String>, what: &str, diags: &mut Diagnostics) {
    let trimmed = id.value.trim();
    if let Some(space) = crate::load::pasted::stray_space(&id.value)
        && is_url_safe_id(trimmed)
    {
        diags.error_hint(
            Place::of(file, id),
            "bad-id",
            format!("{what} id `{trimmed}` has {space} before or after it, which cannot be seen"),
            format!("delete the space, so the line reads `{trimmed}` with nothing after it"),
        );
        return;
    }
    if !is_url_safe_id(&id.value) {
        diags.error_hint(
            Place::of(file, id),
            "bad-id",
            format!("{what} id `{}` is not URL-safe", id.value),
            "use lowercase ASCII letters, digits and `-` only, starting with a letter or digit (e.g. `somu-soumu`)",
        );
    }
    reserved_name(Place::of(file, id), &format!("{what} id"), &id.value, diags);
}

/// Refuses a name Windows cannot use for a file or folder (see
/// [`is_windows_reserved`]): the published site could not be copied there.
fn reserved_name(place: Place, what: &str, name: &str, diags: &mut Diagnostics) {
    if is_windows_reserved(name) {
        diags.error_hint(
            place,
            "reserved-name",
            format!("{what} `{name}` is a file name Windows reserves for devices"),
            format!("Windows cannot use con, prn, aux, nul, com0–com9 or lpt0–lpt9 as a file name (with any extension), so the published site could not be copied or unzipped there; choose another, e.g. `{name}-1`"),
        );
    }
}

/// The candidate nearest to `word` by edit distance, if it is close enough to be a typo.
fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min()
        .map(|(_, c)| c)
}

fn one_of<'v>(
    file: &str,
    value: &Spanned<String>,
    what: &str,
    allowed: &[&'v str],
    diags: &mut Diagnostics,
) -> Option<&'v str> {
    let found = allowed.iter().find(|a| **a == value.value).copied();
    if found.is_none() {
        diags.error_hint(
            Place::of(file, value),
            "bad-value",
            format!("{what} `{}` is not one of the allowed values", value.value),
            format!("write one of: {}", allowed.join(", ")),
        );
    }
    found
}

/// [`one_of`] for the words of an enum (`names`, e.g. [`Direction::NAMES`]):
/// the value the word stands for.
fn one_of_named<T: Copy>(
    file: &str,
    value: &Spanned<String>,
    what: &str,
    names: &[(&str, T)],
    diags: &mut Diagnostics,
) -> Option<T> {
    let allowed: Vec<&str> = names.iter().map(|(word, _)| *word).collect();
    let word = one_of(file, value, what, &allowed, diags)?;
    names.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

fn year_in_range(file: &str, year: &Spanned<i64>, what: &str, diags: &mut Diagnostics) -> i32 {
    if !years::plausible(year.value) {
        diags.error_hint(
            Place::of(file, year),
            "bad-year",
            format!("{what} {} is not a plausible fiscal year", year.value),
            "write the fiscal year in the Western calendar, e.g. 2025 for 令和7年度",
        );
        return 0;
    }
    year.value as i32
}

fn year_in_period(
    file: &str,
    year: &Spanned<i64>,
    what: &str,
    period: Period,
    diags: &mut Diagnostics,
) -> i32 {
    let y = year_in_range(file, year, what, diags);
    if y != 0 && !period.contains(y) {
        diags.error_hint(
            Place::of(file, year),
            "year-out-of-period",
            format!(
                "{what} {y} is outside the plan period {}–{}",
                period.from, period.to
            ),
            format!("use a fiscal year from {} to {}", period.from, period.to),
        );
    }
    y
}

fn finite(file: &str, value: &Spanned<f64>, what: &str, diags: &mut Diagnostics) -> f64 {
    if !value.value.is_finite() {
        diags.error_hint(
            Place::of(file, value),
            "not-finite",
            format!("{what} is not a finite number"),
            "write a plain number such as 12.5; if there is no value yet, leave the entry out",
        );
        return 0.0;
    }
    value.value
}

/// Whether `value` is a date that exists ([`Date`]: `YYYY-MM-DD`, or also
/// `YYYY-MM` when `allow_month`). If not, an error at `place` says so:
/// `hint` for a text not written as a date, the month's last day for a day
/// past it (2025-02-31).
fn date_ok(
    place: Place,
    value: &str,
    allow_month: bool,
    what: &str,
    hint: &str,
    diags: &mut Diagnostics,
) -> bool {
    match Date::parse(value, allow_month) {
        Ok(_) => true,
        Err(DateError::Day { year, month, days }) => {
            diags.error_hint(
                place,
                "bad-date",
                format!("{what} `{value}` is not a date: {year}年{month}月 has {days} days"),
                format!(
                    "check the day; the last day of the month is {year:04}-{month:02}-{days:02}"
                ),
            );
            false
        }
        Err(DateError::Form | DateError::Month) => {
            diags.error_hint(
                place,
                "bad-date",
                format!("{what} `{value}` is not a date"),
                hint,
            );
            false
        }
    }
}

fn unique_by_id<'r, T>(
    file: &str,
    list: &'r [T],
    id: impl Fn(&T) -> &Spanned<String>,
    what: &str,
    diags: &mut Diagnostics,
) -> Vec<&'r T> {
    let mut seen: HashMap<&str, u64> = HashMap::new();
    let mut out = Vec::new();
    for entry in list {
        let key = id(entry);
        check_id(file, key, what, diags);
        if let Some(line) = seen.insert(&key.value, key.referenced.line()) {
            diags.error_hint(
                Place::of(file, key),
                "duplicate-id",
                format!("duplicate {what} id `{}`", key.value),
                format!("it is already used on line {line}"),
            );
        } else {
            out.push(entry);
        }
    }
    out
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
        let place = || Place::file("content/pages/about.md");
        assert!(date_ok(place(), "2025-03", true, "date", "-", &mut diags));
        assert!(date_ok(
            place(),
            "2024-02-29",
            false,
            "date",
            "-",
            &mut diags
        ));
        assert!(!diags.has_errors());
        assert!(!date_ok(
            place(),
            "2025-03",
            false,
            "date",
            "write YYYY-MM-DD",
            &mut diags
        ));
        assert!(!date_ok(
            place(),
            "2025-02-31",
            false,
            "date",
            "write YYYY-MM-DD",
            &mut diags
        ));
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
