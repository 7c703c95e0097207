//! Indicator definitions 指標: rows → `indicators:` lists of item files.
//!
//! `kohyo import indicators` changes only the `indicators:` key of existing
//! item files: a file without one gets the list appended at its end; a file
//! with one is refused unless `--force` is given, and then only that list
//! is replaced. Every other line, comments included, stays as it was.

use std::collections::BTreeMap;

use super::table::{self, RowError, Table};
use super::yaml::{Doc, number, quote};
use super::{Context, ImportError, IndicatorsArgs, Planned, Report, commit, self_check};
use crate::load::cells::{decimal, fiscal_year, halfwidth, whole};
use crate::load::raw::RawItem;
use crate::urls::is_url_safe_id;

const ITEM_NO: &str = "項目番号";
const ID: &str = "指標ID";
const NAME: &str = "指標";
const KIND: &str = "種別";
const UNIT: &str = "単位";
const DIRECTION: &str = "方向";
const BASE_YEAR: &str = "策定時年度";
const BASE_VALUE: &str = "策定時値";
const PRECISION: &str = "精度";
const SOURCE: &str = "出典";
const NOTES: &str = "備考";

/// One checked row of the indicators table.
pub(crate) struct IndicatorRow {
    /// Spreadsheet row number.
    pub row: usize,
    /// The item the indicator belongs to.
    pub item: u32,
    id: String,
    name: String,
    kind: &'static str,
    unit: String,
    direction: &'static str,
    baseline: (i64, f64),
    targets: Vec<(i64, f64)>,
    precision: Option<u8>,
    source: Option<String>,
    notes: Option<String>,
}

/// The year of a target column such as `目標2029`, `目標値2029年度` or `目標（令和11年度）`.
fn target_column(header: &str, period: Option<(i64, i64)>) -> Option<Result<i64, String>> {
    let rest = header
        .strip_prefix("目標値")
        .or_else(|| header.strip_prefix("目標"))?;
    let rest = rest.trim().trim_matches(['(', ')', '（', '）']);
    let Some(year) = fiscal_year(rest) else {
        return Some(Err(format!(
            "target column `{header}` names no fiscal year"
        )));
    };
    match period {
        Some((from, to)) if !(from..=to).contains(&year) => Some(Err(format!(
            "target year {year} lies outside the plan period {from}–{to}"
        ))),
        _ => Some(Ok(year)),
    }
}

/// Reads and checks every row. `rewritten` are the items whose indicators
/// this import replaces (ids they used now may be reused).
pub(crate) fn parse(
    t: &Table,
    ctx: &Context,
    rewritten: &[u32],
    errors: &mut Vec<RowError>,
) -> Vec<IndicatorRow> {
    let period = ctx.period();
    let required = [
        ITEM_NO, ID, NAME, KIND, UNIT, DIRECTION, BASE_YEAR, BASE_VALUE,
    ];
    let (cols, targets) = t.columns(
        &required,
        &[PRECISION, SOURCE, NOTES],
        |h| target_column(h, period),
        "target columns are named 目標 and a fiscal year inside the plan period, e.g. 目標2029",
        errors,
    );
    if !required.iter().all(|k| cols.contains_key(k)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for row in &t.rows {
        let n = row.number;
        let before = errors.len();
        let cell = |k: &str| row.cell(cols[k]);
        let mut err = |k: &str, message: String, hint: &str| {
            errors.push(t.error(n, Some(cols[k]), message, hint));
        };
        let item = whole(cell(ITEM_NO));
        if item.is_none() {
            err(
                ITEM_NO,
                format!("{ITEM_NO} `{}` is not a whole number", cell(ITEM_NO)),
                "write the number of the item the indicator belongs to, e.g. 25",
            );
        }
        let id = cell(ID).to_string();
        if id.is_empty() {
            err(
                ID,
                format!("empty {ID}"),
                "give every indicator an id that results can refer to, e.g. overtime-hours",
            );
        } else if !is_url_safe_id(&id) {
            err(
                ID,
                format!("indicator id `{id}` is not URL-safe"),
                "use lowercase ASCII letters, digits and `-`, e.g. overtime-hours",
            );
        } else if let Some(first) = seen.insert(id.clone(), n) {
            err(
                ID,
                format!("indicator id `{id}` appears twice"),
                &format!("it is already on row {first}; ids are unique in the plan"),
            );
        }
        for k in [NAME, UNIT] {
            if cell(k).is_empty() {
                err(
                    k,
                    format!("empty {k}"),
                    "every indicator needs a name (指標) and a unit (単位)",
                );
            }
        }
        let kind = match cell(KIND) {
            "参考指標" | "reference" => "reference",
            "数値目標" | "target" => "target",
            s => {
                err(
                    KIND,
                    format!("unknown 種別 `{s}`"),
                    "write 数値目標 (a numeric target) or 参考指標 (a reference indicator)",
                );
                ""
            }
        };
        let direction = match cell(DIRECTION) {
            "higher" => "higher",
            "lower" => "lower",
            "neither" => "neither",
            s => {
                err(
                    DIRECTION,
                    format!("unknown 方向 `{s}`"),
                    "write higher or lower (which way is better), or neither",
                );
                ""
            }
        };
        let year = fiscal_year(cell(BASE_YEAR));
        match (year, period) {
            (None, _) => err(
                BASE_YEAR,
                format!("{BASE_YEAR} `{}` is not a fiscal year", cell(BASE_YEAR)),
                "write the fiscal year of the baseline, e.g. 2024 or 令和6年度",
            ),
            (Some(y), Some((_, to))) if y > to => err(
                BASE_YEAR,
                format!("baseline year {y} is after the plan period, which ends in {to}"),
                "the baseline (策定時) is the value when the plan was made",
            ),
            _ => {}
        }
        let value = decimal(cell(BASE_VALUE));
        if value.is_none() {
            err(
                BASE_VALUE,
                format!("{BASE_VALUE} `{}` is not a number", cell(BASE_VALUE)),
                "write a plain number such as 12.5, without the unit",
            );
        }
        let mut target_values = Vec::new();
        for (i, year) in &targets {
            let s = row.cell(*i);
            match decimal(s) {
                _ if s.is_empty() => {}
                Some(v) => target_values.push((*year, v)),
                None => errors.push(t.error(
                    n,
                    Some(*i),
                    format!("target `{s}` is not a number"),
                    "write a plain number such as 10, without the unit, or leave the cell empty",
                )),
            }
        }
        let precision = cols
            .get(PRECISION)
            .map(|i| row.cell(*i))
            .filter(|s| !s.is_empty());
        let precision = precision.and_then(|s| {
            let p = halfwidth(s).parse::<u8>().ok().filter(|p| *p <= 6);
            if p.is_none() {
                errors.push(t.error(
                    n,
                    cols.get(PRECISION).copied(),
                    format!("{PRECISION} `{s}` is not a whole number from 0 to 6"),
                    "write how many decimal places to show, e.g. 1, or leave the cell empty",
                ));
            }
            p
        });
        let optional = |k: &str| {
            cols.get(k)
                .map(|i| row.cell(*i).to_string())
                .filter(|s| !s.is_empty())
        };
        if let (true, Some(item), Some(year), Some(value)) =
            (errors.len() == before, item, year, value)
        {
            out.push(IndicatorRow {
                row: n,
                item,
                id,
                name: cell(NAME).to_string(),
                kind,
                unit: cell(UNIT).to_string(),
                direction,
                baseline: (year, value),
                targets: target_values,
                precision,
                source: optional(SOURCE),
                notes: optional(NOTES),
            });
        }
    }
    let mut except: Vec<u32> = rewritten.to_vec();
    except.extend(out.iter().map(|r| r.item));
    let others = ctx.other_indicator_ids(&except);
    for r in &out {
        if let Some((_, file)) = others.iter().find(|(id, _)| *id == r.id) {
            errors.push(t.error(
                r.row,
                Some(cols[ID]),
                format!("indicator id `{}` is already used in {file}", r.id),
                "ids are unique in the plan; choose another id",
            ));
        }
    }
    out
}

/// The `indicators:` key with its list, at the top level of an item file.
pub(crate) fn block(inds: &[&IndicatorRow], comment: Option<&str>) -> String {
    let mut d = Doc::default();
    d.open(0, false, "indicators");
    let mut text = d.finish();
    if let Some(c) = comment {
        text.push_str(&format!("  # {c}\n"));
    }
    let mut d = Doc::default();
    for r in inds {
        d.raw(2, true, "id", quote(&r.id));
        d.text(4, false, "name", &r.name);
        d.raw(4, false, "kind", quote(r.kind));
        d.text(4, false, "unit", &r.unit);
        d.raw(4, false, "direction", quote(r.direction));
        d.open(4, false, "baseline");
        d.raw(6, false, "year", r.baseline.0);
        d.raw(6, false, "value", number(r.baseline.1));
        if !r.targets.is_empty() {
            d.open(4, false, "targets");
            for (year, value) in &r.targets {
                d.raw(6, true, "year", year);
                d.raw(8, false, "value", number(*value));
            }
        }
        if let Some(p) = r.precision {
            d.raw(4, false, "precision", p);
        }
        if let Some(s) = &r.source {
            d.text(4, false, "source", s);
        }
        if let Some(s) = &r.notes {
            d.text(4, false, "notes", s);
        }
    }
    text.push_str(&d.finish());
    text
}

/// Where the top-level `indicators:` key of an item file starts and ends
/// (line indices, end exclusive); comments and blank lines just before the
/// next key stay with that key.
fn find_block(lines: &[&str]) -> Option<(usize, usize)> {
    let start = lines.iter().position(|l| {
        l.strip_prefix("indicators:")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '#']))
    })?;
    let mut end = (start + 1..lines.len())
        .find(|&i| {
            let l = lines[i];
            !l.is_empty() && !l.starts_with([' ', '\t', '-', '#'])
        })
        .unwrap_or(lines.len());
    while end > start + 1 && (lines[end - 1].trim().is_empty() || lines[end - 1].starts_with('#')) {
        end -= 1;
    }
    Some((start, end))
}

/// `text` with its `indicators:` list replaced by (or extended with) `block`.
pub(crate) fn merge(text: &str, block: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    match find_block(&lines) {
        Some((start, end)) => {
            let mut out: String = lines[..start].iter().map(|l| format!("{l}\n")).collect();
            out.push_str(block);
            out.extend(lines[end..].iter().map(|l| format!("{l}\n")));
            out
        }
        None => {
            let mut out = text.to_string();
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(block);
            out
        }
    }
}

/// Imports indicator definitions into the existing item files they belong to.
pub fn import_indicators(args: &IndicatorsArgs) -> Result<Report, ImportError> {
    let ctx = super::Context::load(&args.target)?;
    let t = table::read(&args.file, args.sheet.as_deref(), ITEM_NO)?;
    let mut errors = Vec::new();
    let rows = parse(&t, &ctx, &[], &mut errors);
    let mut by_item: BTreeMap<u32, Vec<&IndicatorRow>> = BTreeMap::new();
    for r in &rows {
        if ctx.item(r.item).is_none() {
            errors.push(t.error(
                r.row,
                t.header.iter().position(|h| h == ITEM_NO),
                format!("item {} has no item file in {}/items", r.item, ctx.plan_rel),
                "import the structure table first (kohyo import structure), or correct the number",
            ));
        }
        by_item.entry(r.item).or_default().push(r);
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| (e.row, e.column));
        return Err(ImportError::Data(errors));
    }
    let mut planned = Vec::new();
    let mut refused = Vec::new();
    for (item, inds) in &by_item {
        let Some((rel, _)) = ctx.item(*item) else {
            continue;
        };
        let path = ctx.root.join(rel);
        let old = std::fs::read_to_string(&path).map_err(|e| {
            ImportError::usage(
                format!("cannot read {rel}: {e}"),
                "check the file's permissions",
            )
        })?;
        let lines: Vec<&str> = old.lines().collect();
        if find_block(&lines).is_some() && !args.target.force {
            refused.push(rel.clone());
            continue;
        }
        let rows_text = match (inds.first(), inds.last()) {
            (Some(a), Some(b)) if a.row != b.row => format!("rows {}–{}", a.row, b.row),
            (Some(a), _) => format!("row {}", a.row),
            _ => String::new(),
        };
        let comment = format!(
            "imported by `kohyo import indicators` from {}, {rows_text}",
            t.describe()
        );
        let text = merge(&old, &block(inds, Some(&comment)));
        let parsed: RawItem = self_check(&text, rel).map_err(|_| {
            ImportError::usage(
                format!("cannot add indicators to {rel}: the file's layout is unusual (e.g. written as one {{…}} mapping)"),
                "give it a top-level `indicators:` key written in block style, or add the indicators by hand",
            )
        })?;
        let ids: Vec<&str> = parsed
            .indicators
            .iter()
            .map(|i| i.id.value.as_str())
            .collect();
        let want: Vec<&str> = inds.iter().map(|i| i.id.as_str()).collect();
        if parsed.number.value != *item || ids != want {
            return Err(ImportError::usage(
                format!(
                    "cannot add indicators to {rel}: merging them would change more than its indicators"
                ),
                "add the indicators by hand; the file was left as it was",
            ));
        }
        planned.push(Planned {
            rel: rel.clone(),
            text,
        });
    }
    if !refused.is_empty() {
        return Err(ImportError::Exists {
            files: refused,
            hint: "these item files already have indicators; pass --force to replace their `indicators:` lists (the rest of each file is kept)".into(),
        });
    }
    let root = ctx.root.clone();
    // The files exist by construction; `force` only governs the check above.
    commit(&root, planned, true, "", Report::default()).map(|mut r| {
        r.replaced = r.written.len();
        r
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_appends_or_replaces_only_the_indicators_key() {
        let block = "indicators:\n  - id: \"x\"\n";
        assert_eq!(
            merge("number: 1\n# c\ntitle: t", block),
            "number: 1\n# c\ntitle: t\nindicators:\n  - id: \"x\"\n"
        );
        let text =
            "number: 1\nindicators:\n- id: old\n  name: o\n\n# about projects\nprojects: []\n";
        assert_eq!(
            merge(text, block),
            "number: 1\nindicators:\n  - id: \"x\"\n\n# about projects\nprojects: []\n"
        );
        assert_eq!(find_block(&["indicatorsx: 1"]), None);
    }

    #[test]
    fn target_columns() {
        assert_eq!(
            target_column("目標2029", Some((2025, 2029))),
            Some(Ok(2029))
        );
        assert_eq!(target_column("目標値（令和11年度）", None), Some(Ok(2029)));
        assert!(matches!(
            target_column("目標2030", Some((2025, 2029))),
            Some(Err(_))
        ));
        assert!(target_column("目標", None).unwrap().is_err());
        assert_eq!(target_column("指標", None), None);
    }
}
