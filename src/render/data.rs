//! Open data: the plan structure, indicators and evaluations as CSV and JSON.
//!
//! CSV follows the government's rules for machine-readable data
//! (行政データにおける機械可読性に関するルール, and the Ministry of Internal
//! Affairs and Communications' rules for statistical tables before it): one
//! header row, one record per row, numbers as plain numbers, units in their
//! own column, fiscal years as Western-calendar numbers, long format, no
//! merged cells and no total rows. The encoding is stated, as rule L3-08
//! asks: UTF-8 with a byte-order mark, so that Japanese Excel on Windows
//! (the readers' usual tool) shows the text correctly when the file is
//! double-clicked. Every table also comes as JSON (an array of objects with
//! the same keys; JSON is never written with a byte-order mark), and
//! `data/catalog.jsonld` describes them all (see `catalog`).
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

/// The bytes every CSV file starts with: the UTF-8 byte-order mark.
pub const CSV_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A published data file and what its columns mean.
#[derive(Debug, Clone, Serialize)]
pub struct DataSet {
    /// Base name, e.g. `structure`; files are `data/<name>.csv` and `.json`.
    pub name: &'static str,
    /// Title for the data page, in the plans' level names.
    pub title: String,
    /// What one row is.
    pub row: String,
    /// Columns: (name, meaning).
    pub columns: Vec<(&'static str, String)>,
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
    /// Outer `None` when no plan of the site has four levels: the columns
    /// are then not published at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    node: Option<Option<u32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    node_title: Option<Option<&'a str>>,
    item: ItemNumber,
    title: &'a str,
    divisions: String,
    marks: String,
    placement: &'static str,
}

#[derive(Serialize)]
struct DivisionRow<'a> {
    plan: &'a str,
    item: ItemNumber,
    division_id: &'a str,
    division: &'a str,
}

#[derive(Serialize)]
struct IndicatorRow<'a> {
    plan: &'a str,
    goal: Option<GoalNumber>,
    item: Option<ItemNumber>,
    indicator: &'a str,
    name: &'a str,
    kind: &'static str,
    measure: &'static str,
    unit: &'a str,
    direction: &'static str,
    fiscal_year: i32,
    series: &'static str,
    series_label: &'a str,
    #[serde(serialize_with = "number")]
    value: Option<f64>,
    judgement: &'a str,
    outcome: &'static str,
    year_given: bool,
    note: String,
}

#[derive(Serialize)]
struct RateRow<'a> {
    plan: &'a str,
    fiscal_year: i32,
    name: &'a str,
    origin: &'static str,
    count: Option<u32>,
    of: Option<u32>,
    #[serde(serialize_with = "number")]
    value: Option<f64>,
    unit: &'a str,
    counter: &'a str,
    note: &'a str,
}

#[derive(Serialize)]
struct EvaluationRow<'a> {
    plan: &'a str,
    fiscal_year: i32,
    item: ItemNumber,
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
/// files of one data set under `data/`, written a batch of rows at a time,
/// so that a big site's rows are never all in memory.
struct Table<'s> {
    set: &'s DataSet,
    csv: csv::Writer<Vec<u8>>,
    /// The JSON array so far, as `serde_json::to_vec_pretty` writes it.
    json: Vec<u8>,
    rows: usize,
}

impl<'s> Table<'s> {
    fn new(set: &'s DataSet) -> Result<Self, String> {
        let mut csv = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .has_headers(false)
            .from_writer(CSV_BOM.to_vec());
        csv.write_record(set.columns.iter().map(|(c, _)| *c))
            .map_err(|e| format!("{}.csv: {e}", set.name))?;
        Ok(Self {
            set,
            csv,
            json: Vec::new(),
            rows: 0,
        })
    }

    /// Appends `rows` to both files.
    fn add<T: Serialize>(&mut self, rows: &[T]) -> Result<(), String> {
        let name = self.set.name;
        for r in rows {
            // Through a JSON value, so that text cells and number cells are
            // told apart and only text is guarded.
            let row = serde_json::to_value(r).map_err(|e| format!("{name}.csv: {e}"))?;
            self.csv
                .write_record(self.set.columns.iter().map(|(c, _)| csv_cell(row.get(c))))
                .map_err(|e| format!("{name}.csv: {e}"))?;
            // Each row pretty-printed on its own, indented one level: the
            // bytes of the whole array pretty-printed at once.
            self.json
                .extend_from_slice(if self.rows == 0 { b"[\n" } else { b",\n" });
            let one = serde_json::to_vec_pretty(r).map_err(|e| format!("{name}.json: {e}"))?;
            for (k, line) in one.split(|&b| b == b'\n').enumerate() {
                if k > 0 {
                    self.json.push(b'\n');
                }
                self.json.extend_from_slice(b"  ");
                self.json.extend_from_slice(line);
            }
            self.rows += 1;
        }
        Ok(())
    }

    /// The two files.
    fn finish(mut self) -> Result<[OutputFile; 2], String> {
        let name = self.set.name;
        self.json
            .extend_from_slice(if self.rows == 0 { b"[]\n" } else { b"\n]\n" });
        Ok([
            OutputFile {
                path: crate::urls::paths::data_file(name, "csv"),
                bytes: self
                    .csv
                    .into_inner()
                    .map_err(|e| format!("{name}.csv: {e}"))?,
            },
            OutputFile {
                path: crate::urls::paths::data_file(name, "json"),
                bytes: self.json,
            },
        ])
    }
}

fn kind(k: IndicatorKind) -> &'static str {
    match k {
        IndicatorKind::Target => "target",
        IndicatorKind::Reference => "reference",
    }
}

fn measure(m: Measure) -> &'static str {
    match m {
        Measure::Quantity => "quantity",
        Measure::Rank => "rank",
        Measure::Judgement => "judgement",
    }
}

fn outcome(o: Option<Outcome>) -> &'static str {
    match o {
        Some(Outcome::Met) => "met",
        Some(Outcome::Partly) => "partly",
        Some(Outcome::NotMet) => "not-met",
        None => "",
    }
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
    let mut rates = Vec::new();
    let four_levels = site.plans.iter().any(|p| p.levels.len() == 4);
    let mut sets = super::data_sets::describe(site, four_levels, [0; 5]);
    let mut tables = sets
        .iter()
        .map(Table::new)
        .collect::<Result<Vec<_>, String>>()?;
    for plan in &site.plans {
        for item in &plan.items {
            let goal = plan.goal_of(item);
            let policy = plan.policy_of(item);
            let node = plan.node_of(item);
            let names: Vec<&str> = item
                .divisions
                .iter()
                .filter_map(|id| site.division(id))
                .map(|d| d.name.as_str())
                .collect();
            structure.push(StructureRow {
                plan: &plan.id,
                goal: goal.map(|g| g.number.get()),
                goal_title: goal.map(|g| g.title.as_str()),
                policy: policy.map(|p| p.number.get()),
                policy_title: policy.map(|p| p.title.as_str()),
                node: four_levels.then_some(node.map(|n| n.number.get())),
                node_title: four_levels.then_some(node.map(|n| n.title.as_str())),
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
                Owner::Goal(r) => (Some(r.number()), None),
                Owner::Item(r) => (plan.item_at(r).goal(), Some(r.number())),
            };
            let row = |fiscal_year, series, value, note| IndicatorRow {
                plan: &plan.id,
                goal,
                item,
                indicator: &ind.id,
                name: &ind.name,
                kind: kind(ind.kind),
                measure: measure(ind.measure),
                unit: &ind.unit,
                direction: direction(ind.direction),
                fiscal_year,
                series,
                series_label: "",
                value,
                judgement: "",
                outcome: "",
                year_given: true,
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
                let label = s.label.as_deref().unwrap_or("");
                for t in &s.points {
                    indicators.push(IndicatorRow {
                        series_label: label,
                        ..row(t.year, name, Some(t.value), String::new())
                    });
                    if let Some(h) = t.high {
                        indicators.push(IndicatorRow {
                            series_label: label,
                            ..row(t.year, "target-range-high", Some(h), String::new())
                        });
                    }
                }
                for &(year, amount) in &s.amounts {
                    indicators.push(IndicatorRow {
                        series_label: label,
                        ..row(
                            year,
                            "target-cumulative-amount",
                            Some(amount),
                            String::new(),
                        )
                    });
                }
            }
            for (year, a) in plan.actuals(&ind.id) {
                let note = a.note.clone().unwrap_or_default();
                let actual = |series, value, note| IndicatorRow {
                    year_given: !a.undated,
                    ..row(year, series, value, note)
                };
                match (&a.judgement, a.total) {
                    (Some(j), _) => {
                        let note = if note.is_empty() {
                            format!("判定：{j}")
                        } else {
                            format!("判定：{j}（{note}）")
                        };
                        indicators.push(IndicatorRow {
                            judgement: j,
                            outcome: outcome(plan.judgement(j).and_then(|x| x.outcome)),
                            ..actual("actual", None, note)
                        });
                    }
                    (None, Some(total)) => {
                        if a.value.is_some() {
                            indicators.push(actual("actual", a.value, String::new()));
                        }
                        indicators.push(actual("actual-total", Some(total), note));
                    }
                    (None, None) => indicators.push(actual("actual", a.value, note)),
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
        // This plan's rows into the files, the tables side by side; then
        // the rows go, so only one plan's rows are ever in memory.
        let [t0, t1, t2, t3, _] = &mut tables[..] else {
            unreachable!("five data sets")
        };
        let ((a, b), (c, d)) = rayon::join(
            || rayon::join(|| t0.add(&structure), || t1.add(&divisions)),
            || rayon::join(|| t2.add(&indicators), || t3.add(&evaluations)),
        );
        a.and(b).and(c).and(d)?;
        structure.clear();
        divisions.clear();
        indicators.clear();
        evaluations.clear();
    }
    for plan in &site.plans {
        for c in &plan.cycles {
            // A rate of a cycle that graded no item is not computed.
            for (r, def) in crate::model::cycles::rates(plan, c).iter().zip(&plan.rates) {
                if r.denominator == 0 {
                    continue;
                }
                rates.push(RateRow {
                    plan: &plan.id,
                    fiscal_year: c.year,
                    name: &def.name,
                    origin: "computed",
                    count: u32::try_from(r.numerator).ok(),
                    of: u32::try_from(r.denominator).ok(),
                    value: r.percent(),
                    unit: "%",
                    counter: "項目",
                    note: "",
                });
            }
            for f in &c.figures {
                rates.push(RateRow {
                    plan: &plan.id,
                    fiscal_year: c.year,
                    name: &f.name,
                    origin: "published",
                    count: f.count.map(|(n, _)| n),
                    of: f.count.and_then(|(_, of)| of),
                    value: f.value.as_ref().map(|(v, _)| *v),
                    unit: f.value.as_ref().map_or("", |(_, u)| u.as_str()),
                    counter: &f.counter,
                    note: f.note.as_deref().unwrap_or(""),
                });
            }
        }
    }
    tables[4].add(&rates)?;
    let mut files = Vec::with_capacity(2 * tables.len() + 1);
    let mut counts = Vec::with_capacity(tables.len());
    for t in tables {
        counts.push(t.rows);
        files.extend(t.finish()?);
    }
    for (set, rows) in sets.iter_mut().zip(counts) {
        set.rows = rows;
    }
    files.push(super::catalog::catalogue(site, &sets)?);
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
