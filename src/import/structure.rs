//! `kohyo import structure`: the structure table 体系図 → item files, and the
//! goals and policies block for `plan.yaml` (printed, never written).

use std::collections::BTreeMap;

use super::indicators::{self, IndicatorRow};
use super::table::{self, RowError, Table};
use super::yaml::{Doc, quote};
use super::{Context, ImportError, Planned, Report, StructureArgs, commit, self_check};
use crate::load::cells::{nearest, whole};
use crate::load::raw::RawItem;

const GOAL_NO: &str = "目標番号";
const GOAL: &str = "目標";
const POLICY_NO: &str = "方針番号";
const POLICY: &str = "方針";
const ITEM_NO: &str = "項目番号";
const TITLE: &str = "実施項目";
const DIVISIONS: &str = "取組所属";
const PLACEMENT: &str = "配置";

/// A column of marks such as `官民データ活用★`.
struct MarkColumn {
    id: String,
    symbol: String,
    label: String,
    in_plan: bool,
}

/// One row of the structure table, checked.
struct ItemRow {
    row: usize,
    number: u32,
    title: String,
    policy: u32,
    marks: Vec<String>,
    divisions: Vec<String>,
    placement: &'static str,
}

/// Goal number → (title, policy number → title), as the sheet gives them.
type Tree = BTreeMap<u32, (String, BTreeMap<u32, String>)>;

/// Imports the structure table: one item file per row (`NN.yaml`, or the
/// existing file that holds the item), with the indicators of `--indicators`
/// if given. Prints the goals and policies for `plan.yaml`; notes whether
/// the existing `plan.yaml` agrees with them.
pub fn import_structure(args: &StructureArgs) -> Result<Report, ImportError> {
    let ctx = Context::load(&args.target)?;
    let table = table::read(&args.file, args.sheet.as_deref(), ITEM_NO)?;
    let mut errors = Vec::new();
    let (rows, tree, marks) = parse(&table, &ctx, args, &mut errors);
    errors.sort_by_key(|e| (e.row, e.column));
    let mut inds: BTreeMap<u32, Vec<IndicatorRow>> = BTreeMap::new();
    let mut ind_source = None;
    if let Some(file) = &args.indicators {
        let t = table::read(file, args.indicators_sheet.as_deref(), ITEM_NO)?;
        let numbers: Vec<u32> = rows.iter().map(|r| r.number).collect();
        let mut ind_errors = Vec::new();
        for r in indicators::parse(&t, &ctx, &numbers, &mut ind_errors) {
            if !rows.is_empty() && !numbers.contains(&r.item) {
                ind_errors.push(t.error(
                    r.row,
                    t.header.iter().position(|h| h == ITEM_NO),
                    format!("item {} is not in the structure table", r.item),
                    format!(
                        "the structure table {} lists items {}",
                        table.describe(),
                        span(&numbers)
                    ),
                ));
            }
            inds.entry(r.item).or_default().push(r);
        }
        ind_errors.sort_by_key(|e| (e.row, e.column));
        errors.extend(ind_errors);
        ind_source = Some(t.describe());
    }
    if !errors.is_empty() {
        return Err(ImportError::Data(errors));
    }

    let mut planned = Vec::new();
    for r in &rows {
        let rel = match ctx.item(r.number) {
            Some((file, _)) => file.clone(),
            None => format!("{}/items/{:02}.yaml", ctx.plan_rel, r.number),
        };
        let item_inds: Vec<&IndicatorRow> = inds.get(&r.number).into_iter().flatten().collect();
        let text = item_file(&rel, r, &table, &item_inds, ind_source.as_deref());
        self_check::<RawItem>(&text, &rel)?;
        planned.push(Planned { rel, text });
    }
    let mut report = Report {
        stdout: goals_block(&tree, &marks, &table),
        notes: plan_notes(&ctx, &tree, &marks),
        ..Report::default()
    };
    if ctx.divisions.is_none() {
        report.notes.push(
            "content/divisions.yaml was not found or does not parse, so division names were not checked"
                .into(),
        );
    }
    commit(
        &ctx.root,
        planned,
        args.target.force,
        "pass --force to rewrite them from the sheet (anything written by hand in them is lost), or move them away first",
        report,
    )
}

/// `1–35`, or the numbers listed when they are not a run.
fn span(numbers: &[u32]) -> String {
    match (numbers.iter().min(), numbers.iter().max()) {
        (Some(a), Some(b)) if (*b - *a) as usize + 1 == numbers.len() => format!("{a}–{b}"),
        _ => numbers
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn mark_column(ctx: &Context, header: &str) -> Option<Result<MarkColumn, String>> {
    let plan_marks = ctx.plan.iter().flat_map(|p| &p.marks);
    for m in plan_marks {
        if let Some(label) = header.strip_suffix(m.symbol.as_str()) {
            return Some(Ok(MarkColumn {
                id: m.id.value.clone(),
                symbol: m.symbol.clone(),
                label: label.to_string(),
                in_plan: true,
            }));
        }
    }
    header.strip_suffix('★').map(|label| {
        Ok(MarkColumn {
            id: "star".into(),
            symbol: "★".into(),
            label: label.to_string(),
            in_plan: false,
        })
    })
}

fn parse(
    t: &Table,
    ctx: &Context,
    args: &StructureArgs,
    errors: &mut Vec<RowError>,
) -> (Vec<ItemRow>, Tree, Vec<MarkColumn>) {
    let required = [GOAL_NO, GOAL, POLICY_NO, POLICY, ITEM_NO, TITLE, DIVISIONS];
    let (cols, marks) = t.columns(
        &required,
        &[PLACEMENT],
        |h| mark_column(ctx, h),
        "a mark column's header ends with the mark's symbol, e.g. 官民データ活用★",
        errors,
    );
    if !required.iter().all(|k| cols.contains_key(k)) {
        return (
            Vec::new(),
            Tree::new(),
            marks.into_iter().map(|(_, m)| m).collect(),
        );
    }
    let mut tree = Tree::new();
    let mut goal_rows: BTreeMap<u32, usize> = BTreeMap::new();
    let mut policy_rows: BTreeMap<u32, (usize, u32)> = BTreeMap::new();
    let mut item_rows: BTreeMap<u32, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for row in &t.rows {
        let n = row.number;
        let before = errors.len();
        let cell = |k: &str| row.cell(cols[k]);
        let mut err = |k: &str, message: String, hint: String| {
            errors.push(t.error(n, Some(cols[k]), message, hint));
        };
        let mut number = |k: &str, what: &str, eg: &str| {
            let s = cell(k);
            let v = whole(s);
            if v.is_none() {
                let message = if s.is_empty() {
                    format!("{k} is empty")
                } else {
                    format!("{k} `{s}` is not a whole number")
                };
                err(k, message, format!("write the {what}'s number, e.g. {eg}"));
            }
            v
        };
        let goal = number(GOAL_NO, "goal", "1");
        let policy = number(
            POLICY_NO,
            "policy",
            "5 (policies are numbered across goals)",
        );
        let item = number(ITEM_NO, "item", "9");
        let mut text = |k: &str, what: &str| {
            let s = cell(k);
            if s.is_empty() {
                err(
                    k,
                    format!("empty {what}"),
                    format!("write the {what} ({k}); every row needs one"),
                );
            } else if s.contains('\n') {
                err(
                    k,
                    format!("the {what} has a line break"),
                    "write it on one line".into(),
                );
            }
            s.to_string()
        };
        let goal_title = text(GOAL, "goal title");
        let policy_title = text(POLICY, "policy title");
        let title = text(TITLE, "title");

        let mut item_marks = Vec::new();
        for (i, m) in &marks {
            match row.cell(*i) {
                "" => {}
                s if s == m.symbol => item_marks.push(m.id.clone()),
                s => errors.push(t.error(
                    n,
                    Some(*i),
                    format!("unknown mark `{s}`"),
                    format!(
                        "write {} when the item carries the mark, or leave the cell empty",
                        m.symbol
                    ),
                )),
            }
        }
        let divisions = divisions(t, ctx, n, cols[DIVISIONS], cell(DIVISIONS), errors);
        let placement = match cols.get(PLACEMENT).map(|i| row.cell(*i)) {
            None | Some("") => args.placement.as_str(),
            Some("documented") => "documented",
            Some("inferred") => "inferred",
            Some(s) => {
                errors.push(t.error(
                    n,
                    cols.get(PLACEMENT).copied(),
                    format!("unknown placement `{s}`"),
                    "write documented (the source states the item's policy) or inferred (read from meaning), or leave it empty",
                ));
                "documented"
            }
        };

        if let Some(item) = item
            && let Some(first) = item_rows.insert(item, n)
        {
            errors.push(t.error(
                n,
                Some(cols[ITEM_NO]),
                format!("item {item} appears twice"),
                format!("it is already on row {first}; give each item one row"),
            ));
        }
        if let Some(g) = goal
            && !goal_title.is_empty()
        {
            let (known, _) = tree
                .entry(g)
                .or_insert_with(|| (goal_title.clone(), BTreeMap::new()));
            if *known != goal_title {
                errors.push(t.error(
                    n,
                    Some(cols[GOAL]),
                    format!(
                        "goal {g} is titled `{known}` on row {}, `{goal_title}` here",
                        goal_rows[&g]
                    ),
                    "write each goal's title the same way on every row",
                ));
            }
            goal_rows.entry(g).or_insert(n);
        }
        if let (Some(g), Some(p)) = (goal, policy)
            && !policy_title.is_empty()
        {
            match policy_rows.get(&p) {
                Some((first, pg)) if *pg != g => errors.push(t.error(
                    n,
                    Some(cols[GOAL_NO]),
                    format!("policy {p} is under goal {pg} on row {first}, goal {g} here"),
                    "a policy belongs to one goal; policies are numbered across the whole plan",
                )),
                Some(_) => {}
                None => {
                    policy_rows.insert(p, (n, g));
                }
            }
            if let Some((_, policies)) = tree.get_mut(&g) {
                let known = policies.entry(p).or_insert_with(|| policy_title.clone());
                if *known != policy_title {
                    errors.push(t.error(
                        n,
                        Some(cols[POLICY]),
                        format!(
                            "policy {p} is titled `{known}` on row {}, `{policy_title}` here",
                            policy_rows[&p].0
                        ),
                        "write each policy's title the same way on every row",
                    ));
                }
            }
        }
        if errors.len() == before
            && let (Some(number), Some(policy)) = (item, policy)
        {
            out.push(ItemRow {
                row: n,
                number,
                title,
                policy,
                marks: item_marks,
                divisions,
                placement,
            });
        }
    }
    (out, tree, marks.into_iter().map(|(_, m)| m).collect())
}

/// Splits a 取組所属 cell on `、` (or a line break) and checks each name
/// against `divisions.yaml` when it is there.
fn divisions(
    t: &Table,
    ctx: &Context,
    row: usize,
    col: usize,
    cell: &str,
    errors: &mut Vec<RowError>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in cell
        .split(['、', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        if out.iter().any(|d| d == name) {
            errors.push(t.error(
                row,
                Some(col),
                format!("division `{name}` is listed twice"),
                "list each division once",
            ));
            continue;
        }
        if let Some(known) = &ctx.divisions
            && !known.iter().any(|k| k == name)
        {
            let hint = match nearest(name, known.iter().map(String::as_str)) {
                Some(k) => format!(
                    "did you mean `{k}`? Otherwise add `{name}` to content/divisions.yaml (as a name or an alias)"
                ),
                None => format!(
                    "add `{name}` to content/divisions.yaml (as a name or an alias), or correct the spelling"
                ),
            };
            errors.push(t.error(row, Some(col), format!("unknown division `{name}`"), hint));
        }
        out.push(name.to_string());
    }
    out
}

fn item_file(
    rel: &str,
    r: &ItemRow,
    t: &Table,
    inds: &[&IndicatorRow],
    ind_source: Option<&str>,
) -> String {
    let mut comment = format!(
        "{rel}: implementation item {} (RawItem in src/raw.rs).\nImported by `kohyo import structure` from {}, row {}",
        r.number,
        t.describe(),
        r.row
    );
    if let (Some(src), Some(first)) = (ind_source, inds.first()) {
        let last = inds[inds.len() - 1].row;
        if last == first.row {
            comment.push_str(&format!(";\nindicators from {src}, row {last}"));
        } else {
            comment.push_str(&format!(
                ";\nindicators from {src}, rows {}–{last}",
                first.row
            ));
        }
    }
    comment.push_str(".\nImporting again leaves this file alone unless --force is given, which\nrewrites it from the sheet: move hand-written text elsewhere first.");
    let mut d = Doc::with_comment(&comment);
    d.raw(0, false, "number", r.number);
    d.text(0, false, "title", &r.title);
    d.raw(0, false, "policy", r.policy);
    if !r.marks.is_empty() {
        d.open(0, false, "marks");
        for m in &r.marks {
            d.item(2, m);
        }
    }
    if r.divisions.is_empty() {
        d.raw(0, false, "divisions", "[]");
    } else {
        d.open(0, false, "divisions");
        for name in &r.divisions {
            d.item(2, name);
        }
    }
    d.raw(0, false, "placement", quote(r.placement));
    let mut text = d.finish();
    if !inds.is_empty() {
        text.push_str(&indicators::block(inds, None));
    }
    text
}

fn goals_block(tree: &Tree, marks: &[MarkColumn], t: &Table) -> String {
    let mut d = Doc::with_comment(&format!(
        "Goals and policies from {}, for plan.yaml (replace its `goals:` list).",
        t.describe()
    ));
    let new_marks: Vec<&MarkColumn> = marks.iter().filter(|m| !m.in_plan).collect();
    if !new_marks.is_empty() {
        d.open(0, false, "marks");
        for m in new_marks {
            d.raw(2, true, "id", quote(&m.id));
            d.text(4, false, "symbol", &m.symbol);
            d.text(4, false, "label", &m.label);
        }
    }
    d.open(0, false, "goals");
    for (g, (title, policies)) in tree {
        d.raw(2, true, "number", g);
        d.text(4, false, "title", title);
        d.open(4, false, "policies");
        for (p, title) in policies {
            d.raw(6, true, "number", p);
            d.text(8, false, "title", title);
        }
    }
    d.finish()
}

/// Compares the sheet's goals, policies and marks with `plan.yaml`.
fn plan_notes(ctx: &Context, tree: &Tree, marks: &[MarkColumn]) -> Vec<String> {
    let file = format!("{}/plan.yaml", ctx.plan_rel);
    let Some(plan) = &ctx.plan else {
        return vec![format!(
            "{file} was not found or does not parse: create it with title, period, adopted, status and grades, and the goals printed above"
        )];
    };
    let mut diffs = Vec::new();
    for (g, (title, policies)) in tree {
        let Some(goal) = plan.goals.iter().find(|x| x.number.value == *g) else {
            diffs.push(format!("goal {g} is missing"));
            continue;
        };
        if goal.title != *title {
            diffs.push(format!("goal {g} is titled `{}`", goal.title));
        }
        for (p, title) in policies {
            match goal.policies.iter().find(|x| x.number.value == *p) {
                None => diffs.push(format!("policy {p} is missing from goal {g}")),
                Some(x) if x.title != *title => {
                    diffs.push(format!("policy {p} is titled `{}`", x.title))
                }
                Some(_) => {}
            }
        }
    }
    for m in marks.iter().filter(|m| !m.in_plan) {
        diffs.push(format!("no mark has the symbol {}", m.symbol));
    }
    if diffs.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "{file} does not match the sheet ({}); update it from the goals printed above (the plan's id is `{}`)",
            diffs.join("; "),
            ctx.plan_id
        )]
    }
}
