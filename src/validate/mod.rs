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

mod events;
mod indicators;
mod levels;
pub mod quoted;
mod results;
mod roadmap;

use indicators::indicators;

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
    let synonyms = crate::search::synonyms::groups(
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
        division_index: HashMap::new(),
    };
    site.index_divisions();
    Some(site)
}

fn settings(src: &Sourced<RawSite>, diags: &mut Diagnostics) -> Settings {
    let (file, raw) = (src.file.as_str(), &src.value);
    let language = match &raw.language {
        Some(l) if l.value != "ja" => {
            diags.error_hint(
                Place::of(file, l),
                "bad-value",
                format!("unsupported language `{}`", l.value),
                "only `ja` is supported for now",
            );
            l.value.clone()
        }
        Some(l) => l.value.clone(),
        None => "ja".to_string(),
    };
    let base_url = raw.base_url.as_ref().map(|b| {
        let v = b.value.trim();
        if !(v.starts_with("https://") || v.starts_with("http://")) || v.contains(char::is_whitespace) {
            diags.error_hint(
                Place::of(file, b),
                "bad-url",
                format!("base_url `{v}` is not an absolute http(s) address"),
                "write the address the site is published at, e.g. https://www.pref.example.jp/kaikaku/",
            );
        }
        if v.ends_with('/') { v.to_string() } else { format!("{v}/") }
    });
    let licence = match &raw.licence {
        Some(l) => Licence {
            name: l.name.clone(),
            url: l
                .url
                .as_ref()
                .map(|u| link_url(file, u, diags))
                .or_else(|| known_licence_url(&l.name).map(String::from)),
        },
        None => Licence {
            name: "CC BY 4.0".into(),
            url: known_licence_url("CC BY 4.0").map(String::from),
        },
    };
    Settings {
        title: raw.title.clone(),
        organisation: raw.organisation.clone(),
        base_url,
        language,
        era_years: raw.era_years,
        description: raw.description.clone(),
        contact: raw.contact.clone(),
        notice: raw.notice.clone(),
        official: raw.official,
        licence,
    }
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

fn divisions(src: &Sourced<RawDivisions>, diags: &mut Diagnostics) -> Vec<Division> {
    let file = src.file.as_str();
    let mut seen_ids: HashMap<&str, u64> = HashMap::new();
    let mut seen_names: HashMap<&str, u64> = HashMap::new();
    let mut out = Vec::new();
    for d in &src.value.divisions {
        check_id(file, &d.id, "division", diags);
        if let Some(line) = seen_ids.insert(&d.id.value, d.id.referenced.line()) {
            diags.error_hint(
                Place::of(file, &d.id),
                "duplicate-id",
                format!("duplicate division id `{}`", d.id.value),
                format!("it is already used on line {line}; each division needs its own id"),
            );
        }
        for name in std::iter::once(&d.name).chain(&d.aliases) {
            if let Some(line) = seen_names.insert(&name.value, name.referenced.line()) {
                diags.error_hint(
                    Place::of(file, name),
                    "duplicate-name",
                    format!("division name `{}` is used twice", name.value),
                    format!("it is already used on line {line}; a name or alias must point to one division"),
                );
            }
        }
        out.push(Division {
            id: d.id.value.clone(),
            name: d.name.value.clone(),
            bureau: d.bureau.clone(),
            aliases: d.aliases.iter().map(|a| a.value.clone()).collect(),
            contact: d.contact.clone().filter(|c| !c.trim().is_empty()),
            url: d.url.as_ref().map(|u| link_url(file, u, diags)),
        });
    }
    out
}

/// Finds divisions by id, name or alias.
struct DivisionLookup<'a> {
    by_key: HashMap<&'a str, &'a str>,
    names: Vec<&'a str>,
    /// Whether the divisions file was read; if not, names are not checked.
    known: bool,
}

impl<'a> DivisionLookup<'a> {
    fn new(divisions: &'a [Division], known: bool) -> Self {
        let mut by_key = HashMap::new();
        for d in divisions {
            by_key.insert(d.id.as_str(), d.id.as_str());
            // An id with a stray space is already an error; found by its
            // visible part it causes no second one.
            by_key.insert(d.id.trim(), d.id.as_str());
            by_key.insert(d.name.as_str(), d.id.as_str());
            for a in &d.aliases {
                by_key.insert(a.as_str(), d.id.as_str());
            }
        }
        let names = divisions.iter().map(|d| d.name.as_str()).collect();
        DivisionLookup {
            by_key,
            names,
            known,
        }
    }

    fn resolve(
        &self,
        file: &str,
        refs: &[Spanned<String>],
        diags: &mut Diagnostics,
    ) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for r in refs {
            match self.by_key.get(r.value.trim()) {
                Some(id) if ids.iter().any(|x| x == id) => diags.error_hint(
                    Place::of(file, r),
                    "duplicate-reference",
                    format!("division `{}` is listed twice", r.value),
                    "list each division once",
                ),
                Some(id) => ids.push(id.to_string()),
                None if !self.known => {}
                None => {
                    let hint = match closest(&r.value, self.names.iter().copied()) {
                        Some(near) => format!("did you mean `{near}`? Divisions are listed in content/divisions.yaml; add it there if it is new"),
                        None => "use a division id or name from content/divisions.yaml, or add the division there".to_string(),
                    };
                    diags.error_hint(
                        Place::of(file, r),
                        "unknown-division",
                        format!("unknown division `{}`", r.value),
                        hint,
                    );
                }
            }
        }
        ids
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

/// The text of the two licences Japanese governments publish data under,
/// by the names sites write: CC BY 4.0, and 公共データ利用規約（第1.0版）
/// (PDL1.0, the government's standard terms, compatible with CC BY 4.0).
fn known_licence_url(name: &str) -> Option<&'static str> {
    let n: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if n == "ccby4.0" || n == "cc-by-4.0" || n == "クリエイティブ・コモンズ表示4.0国際"
    {
        Some("https://creativecommons.org/licenses/by/4.0/deed.ja")
    } else if n.contains("pdl1.0") || n.starts_with("公共データ利用規約") {
        Some("https://www.digital.go.jp/resources/open_data/public_data_license_v1.0")
    } else {
        None
    }
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

fn plan(dir: &RawPlanDir, divisions: &DivisionLookup, diags: &mut Diagnostics) -> Option<Plan> {
    let src = dir.plan.as_ref()?;
    let (file, raw) = (src.file.as_str(), &src.value);
    if !is_url_safe_id(&dir.id) {
        diags.error_hint(
            Place::file(&dir.dir),
            "bad-id",
            format!("plan folder name `{}` is not URL-safe", dir.id),
            "the folder name is the plan id: use lowercase ASCII letters, digits and `-`, e.g. `gunma-2025`",
        );
    }
    reserved_name(Place::file(&dir.dir), "plan folder name", &dir.id, diags);
    let period = period(file, &raw.period, diags);
    if let Some(adopted) = &raw.adopted {
        date_ok(
            Place::of(file, adopted),
            &adopted.value,
            true,
            "adoption date",
            "write YYYY-MM or YYYY-MM-DD, e.g. 2025-03; leave `adopted` out when the date is not known",
            diags,
        );
    }
    let status = match one_of(file, &raw.status, "status", &["current", "archived"], diags) {
        Some("archived") => PlanStatus::Archived,
        _ => PlanStatus::Current,
    };
    let marks = unique_by_id(file, &raw.marks, |m| &m.id, "mark", diags)
        .into_iter()
        .map(|m| Mark {
            id: m.id.value.clone(),
            symbol: m.symbol.clone(),
            label: m.label.clone(),
        })
        .collect::<Vec<_>>();
    let grades = grades(file, raw, diags);
    let rates = rates(file, raw, &grades, diags);
    let mut indicator_ids = HashMap::new();
    let plan_indicators = indicators(period, file, &raw.indicators, &mut indicator_ids, diags);
    let goals = goals(file, raw, period, &mut indicator_ids, diags);
    let mut plan = Plan {
        id: dir.id.clone(),
        title: raw.title.clone(),
        subtitle: raw.subtitle.clone(),
        period,
        adopted: raw.adopted.as_ref().map(|a| a.value.clone()),
        status,
        summary: raw.summary.clone(),
        source: raw.source.clone(),
        structure_note: raw.structure_note.clone(),
        summarised: raw.summarised,
        marks,
        grades,
        grades_note: raw.grades_note.clone(),
        rates,
        levels: levels::levels(file, raw, diags),
        judgements: levels::judgements(file, raw, diags),
        goals,
        indicators: plan_indicators,
        items: Vec::new(),
        cycles: Vec::new(),
        events: events::events(file, raw, diags),
        indicator_index: HashMap::new(),
    };
    plan.items = items(&plan, &dir.items, divisions, &mut indicator_ids, diags);
    plan.index_indicators();
    plan.cycles = results::cycles(&plan, &dir.results, diags);
    Some(plan)
}

fn period(file: &str, raw: &Spanned<RawPeriod>, diags: &mut Diagnostics) -> Period {
    let (from, to) = (raw.value.from, raw.value.to);
    if !years::plausible(from) || !years::plausible(to) || from > to {
        diags.error_hint(
            Place::of(file, raw),
            "bad-period",
            format!("plan period {from}–{to} is not a valid span of fiscal years"),
            "write `period: {from: 2025, to: 2029}` with Western-calendar fiscal years, `from` not after `to`",
        );
        return Period {
            from: 2000,
            to: 2000,
        };
    }
    Period {
        from: from as i32,
        to: to as i32,
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

fn grades(file: &str, raw: &RawPlan, diags: &mut Diagnostics) -> Vec<Grade> {
    let mut seen: HashMap<&str, u64> = HashMap::new();
    let mut out = Vec::new();
    for g in &raw.grades {
        if g.key.value.trim().is_empty() {
            diags.error(Place::of(file, &g.key), "bad-value", "grade key is empty");
        }
        if let Some(line) = seen.insert(&g.key.value, g.key.referenced.line()) {
            diags.error_hint(
                Place::of(file, &g.key),
                "duplicate-id",
                format!("duplicate grade `{}`", g.key.value),
                format!("it is already defined on line {line}"),
            );
        }
        out.push(Grade {
            key: g.key.value.clone(),
            label: g.label.clone(),
            meaning: g.meaning.clone(),
        });
    }
    out
}

fn rates(file: &str, raw: &RawPlan, grades: &[Grade], diags: &mut Diagnostics) -> Vec<Rate> {
    raw.rates
        .iter()
        .map(|r| {
            for g in &r.grades {
                if !grades.iter().any(|x| x.key == g.value) {
                    diags.error_hint(
                        Place::of(file, g),
                        "unknown-grade",
                        format!(
                            "rate `{}` counts grade `{}`, which is not on the scale",
                            r.name, g.value
                        ),
                        grade_hint(grades),
                    );
                }
            }
            Rate {
                name: r.name.clone(),
                grades: r.grades.iter().map(|g| g.value.clone()).collect(),
                meaning: r.meaning.clone(),
            }
        })
        .collect()
}

/// The hint for a grade that is not on the scale.
fn grade_hint(grades: &[Grade]) -> String {
    let keys: Vec<&str> = grades.iter().map(|g| g.key.as_str()).collect();
    format!("the plan's grades (in plan.yaml) are: {}", keys.join(", "))
}

fn goals(
    file: &str,
    raw: &RawPlan,
    period: Period,
    ids: &mut HashMap<String, String>,
    diags: &mut Diagnostics,
) -> Vec<Goal> {
    let mut goal_seen: HashMap<u32, u64> = HashMap::new();
    let mut policy_seen: HashMap<u32, u64> = HashMap::new();
    let mut node_seen: HashMap<u32, u64> = HashMap::new();
    let mut goals = Vec::new();
    for g in &raw.goals {
        if let Some(line) = goal_seen.insert(g.number.value, g.number.referenced.line()) {
            diags.error_hint(
                Place::of(file, &g.number),
                "duplicate-number",
                format!("duplicate goal number {}", g.number.value),
                format!("goal {} is already defined on line {line}", g.number.value),
            );
        }
        let mut policies = Vec::new();
        for p in &g.policies {
            if let Some(line) = policy_seen.insert(p.number.value, p.number.referenced.line()) {
                diags.error_hint(
                    Place::of(file, &p.number),
                    "duplicate-number",
                    format!("duplicate policy number {}", p.number.value),
                    format!("policy {} is already defined on line {line}; policies are numbered across the whole plan", p.number.value),
                );
            }
            let mut nodes = Vec::new();
            for n in &p.nodes {
                if let Some(line) = node_seen.insert(n.number.value, n.number.referenced.line()) {
                    diags.error_hint(
                        Place::of(file, &n.number),
                        "duplicate-number",
                        format!("duplicate node number {} under `nodes`", n.number.value),
                        format!("number {} is already used on line {line}; the third level is numbered across the whole plan", n.number.value),
                    );
                }
                nodes.push(Node {
                    number: n.number.value,
                    title: n.title.clone(),
                    summary: n.summary.clone(),
                });
            }
            nodes.sort_by_key(|n| n.number);
            policies.push(Policy {
                number: p.number.value,
                title: p.title.clone(),
                summary: p.summary.clone(),
                nodes,
            });
        }
        policies.sort_by_key(|p| p.number);
        goals.push(Goal {
            number: g.number.value,
            title: g.title.clone(),
            summary: g.summary.clone(),
            policies,
            indicators: indicators(period, file, &g.indicators, ids, diags),
        });
    }
    goals.sort_by_key(|g| g.number);
    goals
}

fn items(
    plan: &Plan,
    raw: &[std::sync::Arc<Sourced<RawItem>>],
    divisions: &DivisionLookup,
    indicator_ids: &mut HashMap<String, String>,
    diags: &mut Diagnostics,
) -> Vec<Item> {
    let mut numbers: BTreeMap<u32, &str> = BTreeMap::new();
    let mut out = Vec::new();
    for src in raw {
        let (file, r) = (src.file.as_str(), &src.value);
        if let Some(first) = numbers.get(&r.number.value) {
            diags.error_hint(
                Place::of(file, &r.number),
                "duplicate-number",
                format!("duplicate item number {}", r.number.value),
                format!(
                    "item {} is already defined in {first}; give each item its own number",
                    r.number.value
                ),
            );
            continue;
        }
        numbers.insert(r.number.value, file);
        if let Some(item) = item(plan, file, r, divisions, indicator_ids, diags) {
            out.push(item);
        }
    }
    out.sort_by_key(|i| i.number);
    out
}

fn item(
    plan: &Plan,
    file: &str,
    r: &RawItem,
    divisions: &DivisionLookup,
    indicator_ids: &mut HashMap<String, String>,
    diags: &mut Diagnostics,
) -> Option<Item> {
    let (goal, policy, node) = levels::placement(
        plan,
        file,
        &r.number,
        r.parent.as_ref(),
        r.policy.as_ref(),
        diags,
    );
    for m in &r.marks {
        if plan.mark(&m.value).is_none() {
            let known: Vec<&str> = plan.marks.iter().map(|m| m.id.as_str()).collect();
            diags.error_hint(
                Place::of(file, m),
                "unknown-mark",
                format!("unknown mark `{}`", m.value),
                if known.is_empty() {
                    "the plan defines no marks; add them under `marks:` in plan.yaml".to_string()
                } else {
                    format!("the plan's marks are: {}", known.join(", "))
                },
            );
        }
    }
    let placement = match r.placement.as_ref().map(|p| {
        one_of(
            file,
            p,
            "placement",
            &["confirmed", "documented", "inferred", "unknown"],
            diags,
        )
    }) {
        Some(Some("inferred")) => Placement::Inferred,
        Some(Some("unknown")) => Placement::Unknown,
        _ => Placement::Documented,
    };
    let projects = r
        .projects
        .iter()
        .map(|p| project(plan, file, p, divisions, diags))
        .collect();
    let indicators = indicators(plan.period, file, &r.indicators, indicator_ids, diags);
    Some(Item {
        number: r.number.value,
        title: r.title.clone(),
        policy,
        goal,
        node,
        marks: r.marks.iter().map(|m| m.value.clone()).collect(),
        divisions: divisions.resolve(file, &r.divisions, diags),
        placement,
        summary: r.summary.clone(),
        note: r.note.clone(),
        projects,
        indicators,
        source_file: file.to_string(),
    })
}

fn summarise_numbers(numbers: &[String]) -> String {
    match (numbers.first(), numbers.last()) {
        (Some(a), Some(b)) if numbers.len() > 3 => format!("{a}–{b}"),
        _ => numbers.join(", "),
    }
}

fn project(
    plan: &Plan,
    file: &str,
    p: &RawProject,
    divisions: &DivisionLookup,
    diags: &mut Diagnostics,
) -> Project {
    let roadmap = p
        .roadmap
        .iter()
        .map(|row| RoadmapRow {
            label: row.label.value.clone(),
            years: roadmap::years(plan, file, row, diags),
            detail: row.detail.clone(),
        })
        .collect();
    Project {
        title: p.title.clone(),
        divisions: divisions.resolve(file, &p.divisions, diags),
        related_divisions: divisions.resolve(file, &p.related_divisions, diags),
        situation: p.situation.clone(),
        actions: p.actions.clone(),
        links: p
            .links
            .iter()
            .map(|l| Link {
                title: l.title.clone(),
                url: l.url.as_ref().map(|u| link_url(file, u, diags)),
            })
            .collect(),
        roadmap,
        evaluation: p
            .evaluation
            .iter()
            .map(|e| EvaluationRow {
                label: e.label.clone(),
                detail: e.detail.clone(),
            })
            .collect(),
    }
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

fn pages(raw: &[RawPage], diags: &mut Diagnostics) -> Vec<Page> {
    let mut out: Vec<Page> = Vec::new();
    for p in raw {
        if !is_url_safe_id(&p.slug) {
            diags.error_hint(
                Place::file(&p.file),
                "bad-id",
                format!("page file name `{}` is not URL-safe", p.slug),
                "the file name becomes the page address: use lowercase ASCII letters, digits and `-`, e.g. `about.md`",
            );
        }
        reserved_name(Place::file(&p.file), "page file name", &p.slug, diags);
        if let Some(date) = &p.meta.date {
            date_ok(
                Place::of(&p.file, date).shifted(1),
                &date.value,
                false,
                "date",
                "write YYYY-MM-DD, e.g. 2026-04-01",
                diags,
            );
        }
        out.push(Page {
            slug: p.slug.clone(),
            title: p.meta.title.clone(),
            order: p.meta.order.unwrap_or(0),
            date: p.meta.date.as_ref().map(|d| d.value.clone()),
            description: p.meta.description.clone(),
            body: p.body.clone(),
        });
    }
    out.sort_by(|a, b| (a.order, &a.slug).cmp(&(b.order, &b.slug)));
    out
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
