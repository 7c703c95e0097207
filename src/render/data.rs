//! Open data: the plan structure, indicators and evaluations as CSV and JSON.
//!
//! CSV follows the rules the Ministry of Internal Affairs and Communications
//! set for machine-readable tables: UTF-8, one header row, one record per row,
//! numbers as plain numbers, units in their own column, fiscal years as
//! Western-calendar numbers, no merged cells and no total rows. Every table
//! also comes as JSON (an array of objects with the same keys).
//!
//! A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
//! return (the characters OWASP's CSV injection guidance lists) is written
//! with a leading `'`, so that a spreadsheet shows it as text instead of
//! running it as a formula; Excel and LibreOffice hide that apostrophe.
//! Number cells are never changed (a negative number is data, not a
//! formula). The JSON files always carry the exact text.

use serde::Serialize;

use crate::model::*;
use crate::output::OutputFile;

/// A published data file and what its columns mean.
#[derive(Debug, Clone, Serialize)]
pub struct DataSet {
    /// Base name, e.g. `structure`; files are `data/<name>.csv` and `.json`.
    pub name: &'static str,
    /// Title for the data page.
    pub title: &'static str,
    /// What one row is.
    pub row: &'static str,
    /// Columns: (name, meaning).
    pub columns: Vec<(&'static str, &'static str)>,
    /// Number of rows.
    pub rows: usize,
}

#[derive(Serialize)]
struct StructureRow<'a> {
    plan: &'a str,
    goal: Option<u32>,
    goal_title: Option<&'a str>,
    policy: Option<u32>,
    policy_title: Option<&'a str>,
    item: u32,
    title: &'a str,
    divisions: String,
    marks: String,
    placement: &'static str,
}

#[derive(Serialize)]
struct DivisionRow<'a> {
    plan: &'a str,
    item: u32,
    division_id: &'a str,
    division: &'a str,
}

#[derive(Serialize)]
struct IndicatorRow<'a> {
    plan: &'a str,
    goal: Option<u32>,
    item: Option<u32>,
    indicator: &'a str,
    name: &'a str,
    unit: &'a str,
    direction: &'static str,
    fiscal_year: i32,
    series: &'static str,
    #[serde(serialize_with = "number")]
    value: Option<f64>,
    note: String,
}

#[derive(Serialize)]
struct EvaluationRow<'a> {
    plan: &'a str,
    fiscal_year: i32,
    item: u32,
    grade: &'a str,
    grade_label: &'a str,
}

/// Serialises a number as an integer when it is one (210, not 210.0).
fn number<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(*x as i64),
        Some(x) => s.serialize_f64(*x),
        None => s.serialize_none(),
    }
}

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as written to CSV: with a leading `'` when it begins with
/// one of [`FORMULA_STARTS`], as it is otherwise.
pub fn csv_text(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// One CSV cell from a JSON value of a row: numbers as they are, text
/// through [`csv_text`], nothing as an empty cell.
fn csv_cell(value: Option<&serde_json::Value>) -> String {
    match value {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(text)) => csv_text(text),
        Some(other) => other.to_string(),
    }
}

/// The CSV (with the header row even when there are no rows) and JSON
/// files of one data set under `data/`, made side by side.
fn table<T: Serialize + Sync>(set: &DataSet, rows: &[T]) -> Result<[OutputFile; 2], String> {
    let name = set.name;
    let csv = || -> Result<OutputFile, String> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .has_headers(false)
            .from_writer(Vec::new());
        w.write_record(set.columns.iter().map(|(c, _)| *c))
            .map_err(|e| format!("{name}.csv: {e}"))?;
        for r in rows {
            // Through a JSON value, so that text cells and number cells are
            // told apart and only text is guarded.
            let row = serde_json::to_value(r).map_err(|e| format!("{name}.csv: {e}"))?;
            w.write_record(set.columns.iter().map(|(c, _)| csv_cell(row.get(c))))
                .map_err(|e| format!("{name}.csv: {e}"))?;
        }
        let bytes = w.into_inner().map_err(|e| format!("{name}.csv: {e}"))?;
        Ok(OutputFile {
            path: crate::urls::paths::data_file(name, "csv"),
            bytes,
        })
    };
    let json = || -> Result<OutputFile, String> {
        let mut json = serde_json::to_vec_pretty(rows).map_err(|e| format!("{name}.json: {e}"))?;
        json.push(b'\n');
        Ok(OutputFile {
            path: crate::urls::paths::data_file(name, "json"),
            bytes: json,
        })
    };
    let (csv, json) = rayon::join(csv, json);
    Ok([csv?, json?])
}

fn direction(d: Direction) -> &'static str {
    match d {
        Direction::Higher => "higher",
        Direction::Lower => "lower",
        Direction::Neither => "neither",
    }
}

/// Every data file of `site`, and the description of each data set.
pub fn data_files(site: &Site) -> Result<(Vec<OutputFile>, Vec<DataSet>), String> {
    let mut structure = Vec::new();
    let mut divisions = Vec::new();
    let mut indicators = Vec::new();
    let mut evaluations = Vec::new();
    for plan in &site.plans {
        for item in &plan.items {
            let goal = item
                .goal
                .and_then(|n| plan.goals.iter().find(|g| g.number == n));
            let policy = item.policy.and_then(|n| plan.policy(n)).map(|(_, p)| p);
            let names: Vec<&str> = item
                .divisions
                .iter()
                .filter_map(|id| site.division(id))
                .map(|d| d.name.as_str())
                .collect();
            structure.push(StructureRow {
                plan: &plan.id,
                goal: goal.map(|g| g.number),
                goal_title: goal.map(|g| g.title.as_str()),
                policy: policy.map(|p| p.number),
                policy_title: policy.map(|p| p.title.as_str()),
                item: item.number,
                title: &item.title,
                divisions: names.join(";"),
                marks: item
                    .marks
                    .iter()
                    .filter_map(|m| plan.mark(m))
                    .map(|m| m.symbol.as_str())
                    .collect(),
                placement: match item.placement {
                    Placement::Documented => "documented",
                    Placement::Inferred => "inferred",
                    Placement::Unknown => "unknown",
                },
            });
            for id in &item.divisions {
                if let Some(d) = site.division(id) {
                    divisions.push(DivisionRow {
                        plan: &plan.id,
                        item: item.number,
                        division_id: &d.id,
                        division: &d.name,
                    });
                }
            }
        }
        for (owner, ind) in plan.all_indicators() {
            let (goal, item) = match owner {
                Owner::Plan => (None, None),
                Owner::Goal(g) => (Some(g), None),
                Owner::Item(n) => (plan.item(n).and_then(|i| i.goal), Some(n)),
            };
            let row = |fiscal_year, series, value, note| IndicatorRow {
                plan: &plan.id,
                goal,
                item,
                indicator: &ind.id,
                name: &ind.name,
                unit: &ind.unit,
                direction: direction(ind.direction),
                fiscal_year,
                series,
                value,
                note,
            };
            if let Some(b) = ind.baseline {
                indicators.push(row(b.year, "baseline", Some(b.value), String::new()));
            }
            for s in &ind.series {
                let name = match s.kind {
                    SeriesKind::Yearly => "target",
                    SeriesKind::Cumulative => "target-cumulative",
                    SeriesKind::Cap => "target-cap",
                    SeriesKind::Floor => "target-floor",
                    SeriesKind::Range => "target-range-low",
                };
                for t in &s.points {
                    indicators.push(row(t.year, name, Some(t.value), String::new()));
                    if let Some(h) = t.high {
                        indicators.push(row(t.year, "target-range-high", Some(h), String::new()));
                    }
                }
            }
            for (year, a) in plan.actuals(&ind.id) {
                let note = a.note.clone().unwrap_or_default();
                match (&a.judgement, a.total) {
                    (Some(j), _) => {
                        let note = if note.is_empty() {
                            format!("判定：{j}")
                        } else {
                            format!("判定：{j}（{note}）")
                        };
                        indicators.push(row(year, "actual", None, note));
                    }
                    (None, Some(total)) => {
                        if a.value.is_some() {
                            indicators.push(row(year, "actual", a.value, String::new()));
                        }
                        indicators.push(row(year, "actual-total", Some(total), note));
                    }
                    (None, None) => indicators.push(row(year, "actual", a.value, note)),
                }
            }
        }
        for c in &plan.cycles {
            for r in &c.items {
                evaluations.push(EvaluationRow {
                    plan: &plan.id,
                    fiscal_year: c.year,
                    item: r.item,
                    grade: &r.grade,
                    grade_label: plan.grade(&r.grade).map(|g| g.label.as_str()).unwrap_or(""),
                });
            }
        }
    }
    let sets = vec![
        DataSet {
            name: "structure",
            title: "計画の体系（実施項目の一覧）",
            row: "実施項目1件",
            columns: vec![
                ("plan", "計画のID"),
                ("goal", "目標の番号"),
                ("goal_title", "目標の名称"),
                ("policy", "方針の番号"),
                ("policy_title", "方針の名称"),
                ("item", "実施項目の番号"),
                ("title", "実施項目の名称"),
                (
                    "divisions",
                    "取組所属の名称（複数のときは ; で区切る。1所属1行の表は item-divisions）",
                ),
                ("marks", "印（★＝官民データ活用推進計画の取組項目など）"),
                (
                    "placement",
                    "体系への位置付けの根拠（documented＝資料で確認、inferred＝意味から読み取り、unknown＝資料に記載なし）",
                ),
            ],
            rows: structure.len(),
        },
        DataSet {
            name: "item-divisions",
            title: "実施項目と取組所属の対応",
            row: "実施項目と取組所属の組1件",
            columns: vec![
                ("plan", "計画のID"),
                ("item", "実施項目の番号"),
                ("division_id", "所属のID"),
                ("division", "所属の名称"),
            ],
            rows: divisions.len(),
        },
        DataSet {
            name: "indicators",
            title: "指標の値（縦持ち）",
            row: "指標・年度・系列ごとの値1件",
            columns: vec![
                ("plan", "計画のID"),
                ("goal", "目標の番号（計画全体の指標は空欄）"),
                ("item", "実施項目の番号（目標・計画全体の指標は空欄）"),
                ("indicator", "指標のID"),
                ("name", "指標の名称"),
                ("unit", "単位"),
                (
                    "direction",
                    "よい方向（higher＝高いほどよい、lower＝低いほどよい、neither＝なし）",
                ),
                ("fiscal_year", "年度（西暦）"),
                (
                    "series",
                    "系列（baseline＝策定時、target＝目標、target-cumulative＝累計の目標、target-cap＝上限、target-floor＝下限、target-range-low／target-range-high＝目標範囲の下端／上端、actual＝実績、actual-total＝公表された実績の累計）",
                ),
                ("value", "値（数値。実績が未公表のときは空欄）"),
                ("note", "備考（未公表の理由、数値でない判定など）"),
            ],
            rows: indicators.len(),
        },
        DataSet {
            name: "evaluations",
            title: "実施項目の評価",
            row: "実施項目・年度ごとの評価1件",
            columns: vec![
                ("plan", "計画のID"),
                ("fiscal_year", "評価の対象年度（西暦）"),
                ("item", "実施項目の番号"),
                ("grade", "評価（計画の評価区分の記号）"),
                ("grade_label", "評価区分の名称"),
            ],
            rows: evaluations.len(),
        },
    ];
    let ((a, b), (c, d)) = rayon::join(
        || {
            rayon::join(
                || table(&sets[0], &structure),
                || table(&sets[1], &divisions),
            )
        },
        || {
            rayon::join(
                || table(&sets[2], &indicators),
                || table(&sets[3], &evaluations),
            )
        },
    );
    let files = [a?, b?, c?, d?].into_iter().flatten().collect();
    Ok((files, sets))
}

#[cfg(test)]
mod tests {
    use super::csv_text;

    #[test]
    fn formula_starts_get_an_apostrophe_and_other_text_is_kept() {
        for (text, csv) in [
            ("=1+1", "'=1+1"),
            ("+81-27-000", "'+81-27-000"),
            ("-", "'-"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("ｰ全角", "ｰ全角"),
            ("＝全角", "＝全角"),
            ("1=1", "1=1"),
            ("'quoted", "'quoted"),
            ("", ""),
            ("総務課", "総務課"),
        ] {
            assert_eq!(csv_text(text), csv, "{text:?}");
        }
    }
}
