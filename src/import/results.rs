//! `kohyo import results`: one fiscal year's evaluation sheet →
//! `content/plans/<plan>/results/<year>.yaml`.
//!
//! One row per item. Achievement columns are `実績` (the first roadmap row of
//! the first project) or `実績<project>-<row>`; their cells start with 実施,
//! 一部実施 or 未実施,
//! optionally followed by `：` and what was done. Indicator columns are
//! `指標:<id>`; a number is the actual value, any other text (`集計中`, `-`)
//! says why there is none.

use std::collections::BTreeMap;

use super::table::{self, RowError, Table};
use super::yaml::{Doc, number, quote};
use super::{Context, ImportError, Planned, Report, ResultsArgs, commit, self_check};
use crate::load::cells::{decimal, halfwidth, is_date, markdown, whole};
use crate::load::raw::RawResults;

const ITEM_NO: &str = "項目番号";
const GRADE: &str = "評価";
const ACHIEVED: &str = "実績";
const TEXTS: [(&str, &str); 4] = [
    ("自己評価", "self_evaluation"),
    ("要因分析", "analysis"),
    ("課題", "issues"),
    ("次年度に向けた対応", "next_response"),
];

/// A column beyond the fixed ones.
enum Extra {
    /// Achievement of a roadmap row: project and row, from 1.
    Achievement(u32, u32),
    /// Actual value of an indicator.
    Indicator(String),
}

/// What an indicator cell says.
enum Actual {
    Value(f64),
    Unavailable(String),
}

struct ItemResult {
    item: u32,
    grade: String,
    achievements: Vec<(u32, u32, &'static str, Option<String>)>,
    texts: Vec<(&'static str, String)>,
}

fn extra_column(ctx: &Context, header: &str) -> Option<Result<Extra, String>> {
    if let Some(id) = header
        .strip_prefix("指標:")
        .or_else(|| header.strip_prefix("指標："))
    {
        let id = id.trim();
        let known = ctx.other_indicator_ids(&[]).iter().any(|(k, _)| k == id);
        return Some(if known {
            Ok(Extra::Indicator(id.to_string()))
        } else {
            Err(format!("unknown indicator `{id}`"))
        });
    }
    let rest = header.strip_prefix(ACHIEVED)?;
    let rest = halfwidth(rest);
    let rest = rest.trim_matches(['(', ')']);
    let parsed = rest
        .split_once('-')
        .and_then(|(p, r)| Some((whole(p)?, whole(r)?)));
    Some(
        parsed
            .map(|(p, r)| Extra::Achievement(p, r))
            .ok_or_else(|| {
                format!("achievement column `{header}` names no project and roadmap row")
            }),
    )
}

/// `実施：text` → (`done`, text).
fn achievement(cell: &str) -> Option<(&'static str, Option<String>)> {
    let statuses = [
        ("一部実施", "partial"),
        ("未実施", "not-done"),
        ("実施", "done"),
        ("partial", "partial"),
        ("not-done", "not-done"),
        ("done", "done"),
    ];
    let (rest, status) = statuses
        .iter()
        .find_map(|(word, status)| cell.strip_prefix(word).map(|r| (r, *status)))?;
    if !rest.is_empty() && !rest.starts_with([':', '：', ' ', '　', '\n']) {
        return None; // `実施済み` and the like: not a status word alone
    }
    let text = rest.trim_start_matches([':', '：']).trim();
    Some((status, (!text.is_empty()).then(|| markdown(text))))
}

/// Imports one fiscal year's results into `results/<year>.yaml`.
pub fn import_results(args: &ResultsArgs) -> Result<Report, ImportError> {
    let ctx = Context::load(&args.target)?;
    let Some(plan) = &ctx.plan else {
        return Err(ImportError::usage(
            format!("{}/plan.yaml was not found or does not parse", ctx.plan_rel),
            "results refer to the plan's items and grades: import the structure and write plan.yaml first, and run kohyo check",
        ));
    };
    let (from, to) = (plan.period.value.from, plan.period.value.to);
    if !(from..=to).contains(&args.year) {
        return Err(ImportError::usage(
            format!(
                "--year {} lies outside the plan period {from}–{to}",
                args.year
            ),
            "give the fiscal year the results evaluate, e.g. --year 2025",
        ));
    }
    if let Some(p) = &args.published
        && !is_date(p)
    {
        return Err(ImportError::usage(
            format!("--published `{p}` is not a date"),
            "write YYYY-MM-DD, e.g. --published 2026-08-29",
        ));
    }
    let t = table::read(&args.file, args.sheet.as_deref(), ITEM_NO)?;
    let mut errors = Vec::new();
    let (items, actuals) = parse(&t, &ctx, &mut errors);
    if !errors.is_empty() {
        errors.sort_by_key(|e| (e.row, e.column));
        return Err(ImportError::Data(errors));
    }
    let rel = ctx
        .results
        .iter()
        .find(|(_, y)| *y == args.year)
        .map(|(f, _)| f.clone())
        .unwrap_or_else(|| format!("{}/results/{}.yaml", ctx.plan_rel, args.year));
    let text = results_file(&rel, args, &t, &items, &actuals);
    self_check::<RawResults>(&text, &rel)?;
    commit(
        &ctx.root,
        vec![Planned { rel, text }],
        args.target.force,
        "pass --force to rewrite it from the sheet (anything written by hand in it, such as committee meetings, is lost), or move it away first",
        Report::default(),
    )
}

fn parse(
    t: &Table,
    ctx: &Context,
    errors: &mut Vec<RowError>,
) -> (Vec<ItemResult>, Vec<(String, Actual)>) {
    let mut optional = vec![ACHIEVED];
    optional.extend(TEXTS.iter().map(|(k, _)| *k));
    let (cols, mut extras) = t.columns(
        &[ITEM_NO, GRADE],
        &optional,
        |h| extra_column(ctx, h),
        "indicator columns are named 指標:<id> with an id from an item file; achievement columns 実績 or 実績<project>-<row>, e.g. 実績1-2",
        errors,
    );
    if let Some(i) = cols.get(ACHIEVED) {
        extras.push((*i, Extra::Achievement(1, 1)));
    }
    extras.sort_by_key(|(i, _)| *i);
    let mut targets: BTreeMap<(u32, u32), usize> = BTreeMap::new();
    for (i, extra) in &extras {
        if let Extra::Achievement(p, r) = extra
            && let Some(first) = targets.insert((*p, *r), *i)
        {
            errors.push(t.error(
                t.header_row,
                Some(*i),
                format!("a second column for roadmap row {r} of project {p}"),
                format!(
                    "column `{}` already holds it (`実績` means `実績1-1`); keep one",
                    t.header[first]
                ),
            ));
        }
    }
    if !cols.contains_key(ITEM_NO) || !cols.contains_key(GRADE) {
        return (Vec::new(), Vec::new());
    }
    let plan = ctx.plan.as_ref();
    let grades: Vec<&str> = plan
        .map(|p| p.grades.iter().map(|g| g.key.value.as_str()).collect())
        .unwrap_or_default();
    let owner: BTreeMap<&str, u32> = ctx
        .items
        .iter()
        .flat_map(|(_, i)| {
            i.indicators
                .iter()
                .map(|x| (x.id.value.as_str(), i.number.value))
        })
        .collect();
    let mut items = Vec::new();
    let mut seen_items: BTreeMap<u32, usize> = BTreeMap::new();
    let mut actuals: Vec<(usize, usize, String, Actual)> = Vec::new();
    let mut seen_actuals: BTreeMap<String, usize> = BTreeMap::new();
    for row in &t.rows {
        let n = row.number;
        let before = errors.len();
        let s = row.cell(cols[ITEM_NO]);
        let item = whole(s);
        let known = item.and_then(|i| ctx.item(i));
        match (item, known) {
            (None, _) => errors.push(t.error(
                n,
                Some(cols[ITEM_NO]),
                format!("{ITEM_NO} `{s}` is not a whole number"),
                "write the number of the item evaluated on this row, e.g. 9",
            )),
            (Some(i), None) => errors.push(t.error(
                n,
                Some(cols[ITEM_NO]),
                format!("unknown item {i}"),
                format!("the plan has no item file for item {i}; check the number"),
            )),
            (Some(i), Some(_)) => {
                if let Some(first) = seen_items.insert(i, n) {
                    errors.push(t.error(
                        n,
                        Some(cols[ITEM_NO]),
                        format!("item {i} appears twice"),
                        format!("it is already on row {first}; give each item one row"),
                    ));
                }
            }
        }
        let grade = halfwidth(row.cell(cols[GRADE]));
        if !grades.contains(&grade.as_str()) {
            let message = if grade.is_empty() {
                "empty grade".to_string()
            } else {
                format!("grade `{grade}` is not on the plan's scale")
            };
            errors.push(t.error(
                n,
                Some(cols[GRADE]),
                message,
                format!("the plan's grades are {}", grades.join(", ")),
            ));
        }
        let mut achievements = Vec::new();
        for (i, extra) in &extras {
            let cell = row.cell(*i);
            if cell.is_empty() {
                continue;
            }
            match extra {
                Extra::Achievement(p, r) => {
                    let Some((status, text)) = achievement(cell) else {
                        errors.push(t.error(
                            n,
                            Some(*i),
                            "an achievement must start with 実施, 一部実施 or 未実施".to_string(),
                            "e.g. `実施：会員向けセミナーを4回開催`, or leave the cell empty",
                        ));
                        continue;
                    };
                    if let Some((_, it)) = known {
                        let rows = it.projects.get(*p as usize - 1).map(|x| x.roadmap.len());
                        if rows.is_none_or(|len| *r as usize > len) {
                            errors.push(t.error(
                                n,
                                Some(*i),
                                format!("item {} has no roadmap row {r} in project {p}", it.number.value),
                                format!(
                                    "its projects have {} roadmap row(s); leave the cell empty or correct the column",
                                    it.projects.iter().map(|x| x.roadmap.len().to_string()).collect::<Vec<_>>().join(", ")
                                ),
                            ));
                        }
                    }
                    achievements.push((*p, *r, status, text));
                }
                Extra::Indicator(id) => {
                    if let (Some(o), Some(it)) = (owner.get(id.as_str()), item)
                        && *o != it
                    {
                        errors.push(t.error(
                            n,
                            Some(*i),
                            format!("indicator `{id}` belongs to item {o}, not item {it}"),
                            format!("give its value on item {o}'s row"),
                        ));
                        continue;
                    }
                    let actual = match decimal(cell) {
                        Some(v) => Actual::Value(v),
                        None if cell.chars().any(|c| c.is_ascii_digit()) => {
                            errors.push(t.error(
                                n,
                                Some(*i),
                                format!("`{cell}` is not a number"),
                                "write the plain number without the unit (e.g. 12.5), or why there is none (e.g. 集計中)",
                            ));
                            continue;
                        }
                        None => Actual::Unavailable(cell.to_string()),
                    };
                    if let Some(first) = seen_actuals.insert(id.clone(), n) {
                        errors.push(t.error(
                            n,
                            Some(*i),
                            format!("indicator `{id}` has a value on two rows"),
                            format!("it already has one on row {first}; give each indicator one value per year"),
                        ));
                    }
                    actuals.push((*i, n, id.clone(), actual));
                }
            }
        }
        achievements.sort_by_key(|(p, r, _, _)| (*p, *r));
        let texts = TEXTS
            .iter()
            .filter_map(|(k, key)| {
                let cell = cols.get(k).map(|i| row.cell(*i)).unwrap_or("");
                (!cell.is_empty()).then(|| (*key, markdown(cell)))
            })
            .collect();
        if let (true, Some(item)) = (errors.len() == before, item) {
            items.push(ItemResult {
                item,
                grade,
                achievements,
                texts,
            });
        }
    }
    actuals.sort_by_key(|(col, row, _, _)| (*col, *row));
    (
        items,
        actuals.into_iter().map(|(_, _, id, a)| (id, a)).collect(),
    )
}

fn results_file(
    rel: &str,
    args: &ResultsArgs,
    t: &Table,
    items: &[ItemResult],
    actuals: &[(String, Actual)],
) -> String {
    let rows = match (t.rows.first(), t.rows.last()) {
        (Some(a), Some(b)) if a.number != b.number => format!("rows {}–{}", a.number, b.number),
        (Some(a), _) => format!("row {}", a.number),
        _ => "no rows".to_string(),
    };
    let mut d = Doc::with_comment(&format!(
        "{rel}: results for fiscal year {} (RawResults in src/raw.rs).\n\
         Imported by `kohyo import results` from {}, {rows}.\n\
         Importing again leaves this file alone unless --force is given, which\n\
         rewrites it from the sheet: add committee meetings and revisions after importing.",
        args.year,
        t.describe()
    ));
    d.raw(0, false, "year", args.year);
    if let Some(p) = &args.published {
        d.raw(0, false, "published", quote(p));
    }
    if !items.is_empty() {
        d.open(0, false, "items");
    }
    for r in items {
        d.raw(2, true, "item", r.item);
        d.raw(4, false, "grade", quote(&r.grade));
        if !r.achievements.is_empty() {
            d.open(4, false, "achievements");
            for (p, row, status, text) in &r.achievements {
                d.raw(6, true, "project", p);
                d.raw(8, false, "row", row);
                d.raw(8, false, "status", quote(status));
                if let Some(text) = text {
                    d.text(8, false, "text", text);
                }
            }
        }
        for (key, text) in &r.texts {
            d.text(4, false, key, text);
        }
    }
    if !actuals.is_empty() {
        d.open(0, false, "indicators");
    }
    for (id, actual) in actuals {
        d.raw(2, true, "indicator", quote(id));
        match actual {
            Actual::Value(v) => d.raw(4, false, "value", number(*v)),
            Actual::Unavailable(why) => d.text(4, false, "unavailable", why),
        }
    }
    d.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn achievement_cells() {
        assert_eq!(achievement("実施"), Some(("done", None)));
        assert_eq!(
            achievement("一部実施：説明会を開催"),
            Some(("partial", Some("説明会を開催".into())))
        );
        assert_eq!(
            achievement("未実施\n予算化できず"),
            Some(("not-done", Some("予算化できず".into())))
        );
        assert_eq!(achievement("実施済み"), None);
        assert_eq!(achievement("完了"), None);
    }
}
