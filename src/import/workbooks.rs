//! Reading returned entry workbooks (made by `kohyo export entry-sheets`):
//! which plan, year and division each is for, and every answer in it, each
//! cell checked again (a spreadsheet's validations are not read back, and a
//! pasted value skips them). Problems name the file, sheet, row and column.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader};

use super::cells::{decimal, halfwidth, is_date, markdown, whole};
use super::table::RowError;
use crate::export::sheets::{self, column_letters};
use crate::export::{division_items, roadmap_id};
use crate::model::{Plan, RowStatus, Site};
use crate::urls::is_safe_link;

/// Where a cell is, and its text for messages.
#[derive(Debug, Clone)]
pub(crate) struct At {
    /// The file as given, then `:sheet S:row R:column C (header)`.
    pub place: String,
    /// 1-based row.
    pub row: u32,
    /// 0-based column.
    pub column: usize,
}

impl At {
    /// An error at this cell.
    pub fn error(&self, message: impl Into<String>, hint: impl Into<String>) -> RowError {
        RowError {
            place: self.place.clone(),
            row: self.row as usize,
            column: self.column,
            message: message.into(),
            hint: hint.into(),
        }
    }
}

/// What a workbook is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// A division's entry workbook, with the division's id.
    Entry(String),
    /// The secretariat's workbook.
    Secretariat,
}

/// An item row's answers.
#[derive(Debug, Clone)]
pub(crate) struct ItemAnswer {
    pub item: u32,
    pub grade: String,
    /// 自己評価, 要因分析, 課題, 次年度に向けた対応 as Markdown (empty: none).
    pub texts: [Option<String>; 4],
    pub at: At,
}

/// A roadmap row's answer.
#[derive(Debug, Clone)]
pub(crate) struct RowAnswer {
    pub item: u32,
    /// From 0.
    pub project: usize,
    /// From 0.
    pub row: usize,
    pub status: RowStatus,
    pub text: Option<String>,
    pub at: At,
}

/// An indicator's answer: a value or why there is none, and a note.
#[derive(Debug, Clone)]
pub(crate) struct ActualAnswer {
    pub indicator: String,
    pub value: Option<f64>,
    /// The reason (without a value) or the note (with one).
    pub note: Option<String>,
    pub at: At,
}

/// A committee meeting from the secretariat's workbook.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MeetingAnswer {
    pub date: String,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub minutes: Option<String>,
}

/// An opinion from the secretariat's workbook.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OpinionAnswer {
    pub item: u32,
    pub opinion: String,
    pub response: Option<String>,
}

/// One returned workbook, read and checked.
#[derive(Debug)]
pub(crate) struct Returned {
    pub file: String,
    pub kind: Kind,
    pub year: i32,
    pub items: Vec<ItemAnswer>,
    /// Item rows left wholly empty (not answered yet).
    pub unanswered: Vec<u32>,
    pub rows: Vec<RowAnswer>,
    pub actuals: Vec<ActualAnswer>,
    pub meetings: Vec<MeetingAnswer>,
    pub opinions: Vec<OpinionAnswer>,
}

/// Whether `path` is a workbook made by `kohyo export` (it has the
/// identifying sheet).
pub(crate) fn is_kohyo_workbook(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "ods" | "xls")
        && calamine::open_workbook_auto(path)
            .is_ok_and(|b| b.sheet_names().iter().any(|n| n == sheets::META))
}

/// The workbooks named: files as given, folders as their `.xlsx` and `.ods`
/// files (sorted; hidden files and Excel's `~$` lock files skipped).
pub(crate) fn expand(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|f| {
                    let name = f.file_name().unwrap_or_default().to_string_lossy();
                    let ext = f
                        .extension()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .to_ascii_lowercase();
                    f.is_file()
                        && !name.starts_with('.')
                        && !name.starts_with("~$")
                        && matches!(ext.as_str(), "xlsx" | "xlsm" | "ods")
                })
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// A sheet with its header row read.
struct Sheet<'a> {
    file: &'a str,
    name: &'static str,
    range: Range<Data>,
    header: Vec<(String, usize)>,
}

impl Sheet<'_> {
    fn at(&self, row: u32, column: usize) -> At {
        let header = self
            .header
            .iter()
            .find(|(_, c)| *c == column)
            .map(|(h, _)| format!(" ({h})"))
            .unwrap_or_default();
        At {
            place: format!(
                "{}:sheet {}:row {row}:column {}{header}",
                self.file,
                self.name,
                column_letters(column)
            ),
            row,
            column,
        }
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().find(|(h, _)| h == name).map(|(_, c)| *c)
    }

    fn cell(&self, row: u32, column: usize) -> &Data {
        self.range
            .get_value((row - 1, column as u32))
            .unwrap_or(&Data::Empty)
    }

    /// Data rows (1-based numbers) after the header that have any content.
    fn rows(&self) -> Vec<u32> {
        let end = self.range.end().map_or(0, |(r, _)| r + 1);
        (sheets::HEADER_ROW + 1..=end)
            .filter(|r| {
                self.header
                    .iter()
                    .any(|(_, c)| !is_blank(self.cell(*r, *c)))
            })
            .collect()
    }
}

fn is_blank(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A cell as text: whole numbers without `.0`.
fn text_of(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .trim()
            .to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string().trim().to_string(),
    }
}

fn is_number(d: &Data) -> bool {
    matches!(d, Data::Float(_) | Data::Int(_))
}

/// A date cell (an Excel serial date or text) as `YYYY-MM-DD`.
fn date_of(d: &Data) -> Option<String> {
    let serial = match d {
        Data::DateTime(dt) => dt.as_f64(),
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        Data::DateTimeIso(s) => return s.get(..10).filter(|s| is_date(s)).map(str::to_string),
        _ => {
            let t = halfwidth(&text_of(d)).replace('/', "-");
            let parts: Vec<&str> = t.split('-').collect();
            if let [y, m, dd] = parts.as_slice() {
                let s = format!("{y:0>4}-{m:0>2}-{dd:0>2}");
                return is_date(&s).then_some(s);
            }
            return None;
        }
    };
    // Days since 1899-12-30 to a civil date (Howard Hinnant's algorithm).
    let days = serial.floor() as i64 - 25569; // to days since 1970-01-01
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let s = format!("{year:04}-{month:02}-{day:02}");
    is_date(&s).then_some(s)
}

/// Reads one returned workbook. `plan_id` and `year` (when known) are what
/// the run imports; a workbook for another plan or year is an error.
pub(crate) fn read(
    path: &Path,
    site: &Site,
    plan: &Plan,
    year: Option<i32>,
    errors: &mut Vec<RowError>,
) -> Option<Returned> {
    let file = path.display().to_string();
    let whole_file = |message: String, hint: &str| RowError {
        place: file.clone(),
        row: 0,
        column: 0,
        message,
        hint: hint.to_string(),
    };
    let mut book = match calamine::open_workbook_auto(path) {
        Ok(b) => b,
        Err(e) => {
            errors.push(whole_file(
                format!("cannot read the workbook: {e}"),
                "check that the file is an .xlsx workbook returned by a division, and not open elsewhere",
            ));
            return None;
        }
    };
    let meta = book.worksheet_range(sheets::META).ok();
    let Some(meta) = meta else {
        errors.push(whole_file(
            format!("this workbook has no hidden sheet `{}`: it was not made by kohyo export entry-sheets", sheets::META),
            "import the workbooks made by kohyo export entry-sheets; a sheet of your own can be imported alone with --year",
        ));
        return None;
    };
    let value = |key: &str| {
        meta.rows()
            .find(|r| r.first().is_some_and(|c| text_of(c) == key))
            .and_then(|r| r.get(1).map(text_of))
            .unwrap_or_default()
    };
    let meta_at = |row: u32| At {
        place: format!("{file}:sheet {}:row {row}:column B", sheets::META),
        row,
        column: 1,
    };
    let before = errors.len();
    if value(sheets::META_PLAN) != plan.id {
        errors.push(meta_at(2).error(
            format!(
                "this workbook is for plan `{}`, not `{}`",
                value(sheets::META_PLAN),
                plan.id
            ),
            "import each plan's workbooks with its own --plan; leave this file out",
        ));
    }
    let wb_year: Option<i32> = value(sheets::META_YEAR).parse().ok();
    match (wb_year, year) {
        (Some(w), Some(y)) if w != y => errors.push(meta_at(3).error(
            format!("this workbook is for fiscal year {w}, not {y}"),
            format!("leave it out, or import the {w} workbooks on their own"),
        )),
        (None, _) => errors.push(meta_at(3).error(
            "the workbook's year was changed",
            "export the workbook again with kohyo export entry-sheets",
        )),
        _ => {}
    }
    let kind = match value(sheets::META_KIND).as_str() {
        sheets::KIND_ENTRY => {
            let d = value(sheets::META_DIVISION);
            if site.division(&d).is_none() {
                errors.push(meta_at(4).error(
                    format!("unknown division `{d}`"),
                    "the workbook was made for a division that is no longer in divisions.yaml; export it again",
                ));
            }
            Kind::Entry(d)
        }
        sheets::KIND_SECRETARIAT => Kind::Secretariat,
        other => {
            errors.push(meta_at(1).error(
                format!("unknown workbook kind `{other}`"),
                "export the workbook again with kohyo export entry-sheets",
            ));
            return None;
        }
    };
    if errors.len() > before {
        return None;
    }
    let mut r = Returned {
        file: file.clone(),
        kind: kind.clone(),
        year: wb_year.unwrap_or_default(),
        items: Vec::new(),
        unanswered: Vec::new(),
        rows: Vec::new(),
        actuals: Vec::new(),
        meetings: Vec::new(),
        opinions: Vec::new(),
    };
    let mut open = |name: &'static str, required: &[&str], errors: &mut Vec<RowError>| {
        let range = match book.worksheet_range(name) {
            Ok(r) => r,
            Err(_) => {
                errors.push(whole_file(
                    format!("the sheet `{name}` is missing"),
                    "do not rename or delete sheets; export the workbook again and copy the answers over",
                ));
                return None;
            }
        };
        let header: Vec<(String, usize)> = (0..range.end().map_or(0, |(_, c)| c + 1))
            .map(|c| {
                let d = range
                    .get_value((sheets::HEADER_ROW - 1, c))
                    .unwrap_or(&Data::Empty);
                (text_of(d), c as usize)
            })
            .filter(|(h, _)| !h.is_empty())
            .collect();
        let sheet = Sheet {
            file: &file,
            name,
            range,
            header,
        };
        let missing: Vec<&&str> = required
            .iter()
            .filter(|h| sheet.column(h).is_none())
            .collect();
        if !missing.is_empty() {
            errors.push(RowError {
                place: format!("{file}:sheet {name}:row {}", sheets::HEADER_ROW),
                row: sheets::HEADER_ROW as usize,
                column: 0,
                message: format!("the header row lacks {}", missing.iter().map(|h| format!("`{h}`")).collect::<Vec<_>>().join(", ")),
                hint: "do not change the header row; export the workbook again and copy the answers over".into(),
            });
            return None;
        }
        Some(sheet)
    };
    match &kind {
        Kind::Entry(division) => {
            use sheets::{indicators as ic, items as it, roadmap as rc};
            let mut item_cols = vec![it::NUMBER, it::GRADE];
            item_cols.extend(it::TEXTS.iter().map(|(h, _)| *h));
            if let Some(s) = open(sheets::ITEMS, &item_cols, errors) {
                read_items(&s, plan, division, &mut r, errors);
            }
            if let Some(s) = open(sheets::ROADMAP, &[rc::ID, rc::STATUS, rc::TEXT], errors) {
                read_rows(&s, plan, division, &mut r, errors);
            }
            if let Some(s) = open(
                sheets::INDICATORS,
                &[ic::ID, ic::VALUE, ic::UNAVAILABLE, ic::NOTE],
                errors,
            ) {
                read_actuals(&s, plan, division, &mut r, errors);
            }
        }
        Kind::Secretariat => {
            use sheets::{meetings as mc, opinions as oc};
            if let Some(s) = open(
                sheets::MEETINGS,
                &[mc::NO, mc::DATE, mc::TITLE, mc::SUMMARY, mc::MINUTES],
                errors,
            ) {
                read_meetings(&s, &mut r, errors);
            }
            if let Some(s) = open(
                sheets::OPINIONS,
                &[oc::NO, oc::ITEM, oc::OPINION, oc::RESPONSE],
                errors,
            ) {
                read_opinions(&s, plan, &mut r, errors);
            }
        }
    }
    Some(r)
}

/// A text input: a number here is a mistake (a value typed in the wrong column).
fn text_cell(
    s: &Sheet,
    row: u32,
    col: usize,
    what: &str,
    errors: &mut Vec<RowError>,
) -> Option<String> {
    let d = s.cell(row, col);
    if is_number(d) {
        errors.push(s.at(row, col).error(
            format!("a number ({}) where {what} is expected as text", text_of(d)),
            "this column takes sentences; check that the value was not typed one column off",
        ));
        return None;
    }
    let t = text_of(d);
    (!t.is_empty()).then(|| markdown(&t))
}

fn edited_id(s: &Sheet, row: u32, col: usize, id: &str, what: &str, known: &str) -> RowError {
    s.at(row, col).error(
        format!("{what} `{id}` is not one of this workbook's rows: the id was edited"),
        format!("put back the id the row came with ({known}), or export the workbook again; the import finds rows by these ids, never by titles"),
    )
}

fn list(ids: impl Iterator<Item = String>) -> String {
    let v: Vec<String> = ids.collect();
    if v.len() > 8 {
        format!("{} … {}", v[..4].join(", "), v[v.len() - 2..].join(", "))
    } else {
        v.join(", ")
    }
}

fn read_items(
    s: &Sheet,
    plan: &Plan,
    division: &str,
    r: &mut Returned,
    errors: &mut Vec<RowError>,
) {
    use sheets::items::*;
    let mine: BTreeSet<u32> = division_items(plan, division)
        .iter()
        .map(|(i, _)| i.number)
        .collect();
    let grades: Vec<&str> = plan.grades.iter().map(|g| g.key.as_str()).collect();
    let id_col = s.column(NUMBER).unwrap_or(0);
    let grade_col = s.column(GRADE).unwrap_or(0);
    let mut seen = BTreeSet::new();
    for row in s.rows() {
        let id = text_of(s.cell(row, id_col));
        let Some(item) = whole(&id).filter(|n| mine.contains(n)) else {
            errors.push(edited_id(
                s,
                row,
                id_col,
                &id,
                NUMBER,
                &list(mine.iter().map(u32::to_string)),
            ));
            continue;
        };
        if !seen.insert(item) {
            errors.push(s.at(row, id_col).error(
                format!("item {item} has two rows"),
                "keep the row the workbook came with and delete the copy's answers",
            ));
            continue;
        }
        let before = errors.len();
        let mut texts: [Option<String>; 4] = Default::default();
        for (k, (header, _)) in TEXTS.iter().enumerate() {
            if let Some(c) = s.column(header) {
                texts[k] = text_cell(s, row, c, header, errors);
            }
        }
        let grade = halfwidth(&text_of(s.cell(row, grade_col)));
        if grade.is_empty() {
            if texts.iter().any(Option::is_some) {
                errors.push(s.at(row, grade_col).error(
                    format!("item {item} has answers but no 評価"),
                    format!("choose its grade from the list ({})", grades.join(", ")),
                ));
            } else {
                r.unanswered.push(item);
            }
            continue;
        }
        if !grades.contains(&grade.as_str()) {
            errors.push(s.at(row, grade_col).error(
                format!("grade `{grade}` is not on the plan's scale"),
                format!("choose one of {} from the cell's list", grades.join(", ")),
            ));
        }
        if errors.len() == before {
            r.items.push(ItemAnswer {
                item,
                grade,
                texts,
                at: s.at(row, grade_col),
            });
        }
    }
}

fn read_rows(s: &Sheet, plan: &Plan, division: &str, r: &mut Returned, errors: &mut Vec<RowError>) {
    use sheets::roadmap::*;
    let mine: Vec<(String, u32, usize, usize)> = division_items(plan, division)
        .iter()
        .flat_map(|(item, _)| {
            item.projects.iter().enumerate().flat_map(move |(p, proj)| {
                (0..proj.roadmap.len())
                    .map(move |row| (roadmap_id(item.number, p, row), item.number, p, row))
            })
        })
        .collect();
    let (id_col, status_col, text_col) = (
        s.column(ID).unwrap_or(0),
        s.column(STATUS).unwrap_or(0),
        s.column(TEXT).unwrap_or(0),
    );
    let mut seen = BTreeSet::new();
    for row in s.rows() {
        let id = text_of(s.cell(row, id_col));
        let Some((_, item, project, rm)) = mine.iter().find(|m| m.0 == halfwidth(&id)) else {
            errors.push(edited_id(
                s,
                row,
                id_col,
                &id,
                ID,
                &list(mine.iter().map(|m| m.0.clone())),
            ));
            continue;
        };
        if !seen.insert(id.clone()) {
            errors.push(
                s.at(row, id_col)
                    .error(format!("roadmap row {id} has two rows"), "keep one"),
            );
            continue;
        }
        let text = text_cell(s, row, text_col, TEXT, errors);
        let word = text_of(s.cell(row, status_col));
        let status = STATUSES
            .iter()
            .find(|(w, v)| *w == word || *v == word)
            .map(|(_, v)| *v);
        let status = match (status, word.is_empty()) {
            (Some("done"), _) => RowStatus::Done,
            (Some("partial"), _) => RowStatus::Partial,
            (Some(_), _) => RowStatus::NotDone,
            (None, true) if text.is_none() => continue,
            (None, true) => {
                errors.push(s.at(row, status_col).error(
                    format!("roadmap row {id} has a 実績 but no 状況"),
                    "choose 実施, 一部実施 or 未実施 from the cell's list",
                ));
                continue;
            }
            (None, false) => {
                errors.push(s.at(row, status_col).error(
                    format!("状況 `{word}` is not 実施, 一部実施 or 未実施"),
                    "choose one from the cell's list",
                ));
                continue;
            }
        };
        r.rows.push(RowAnswer {
            item: *item,
            project: *project,
            row: *rm,
            status,
            text,
            at: s.at(row, status_col),
        });
    }
}

fn read_actuals(
    s: &Sheet,
    plan: &Plan,
    division: &str,
    r: &mut Returned,
    errors: &mut Vec<RowError>,
) {
    use sheets::indicators::*;
    let mine: Vec<String> = division_items(plan, division)
        .iter()
        .flat_map(|(i, _)| i.indicators.iter().map(|x| x.id.clone()))
        .collect();
    let col = |h| s.column(h).unwrap_or(0);
    let (id_col, value_col, why_col, note_col) = (col(ID), col(VALUE), col(UNAVAILABLE), col(NOTE));
    let mut seen = BTreeSet::new();
    for row in s.rows() {
        let id = text_of(s.cell(row, id_col));
        if !mine.contains(&id) {
            errors.push(edited_id(
                s,
                row,
                id_col,
                &id,
                ID,
                &list(mine.iter().cloned()),
            ));
            continue;
        }
        if !seen.insert(id.clone()) {
            errors.push(
                s.at(row, id_col)
                    .error(format!("indicator `{id}` has two rows"), "keep one"),
            );
            continue;
        }
        let before = errors.len();
        let why = text_cell(s, row, why_col, UNAVAILABLE, errors);
        let note = text_cell(s, row, note_col, NOTE, errors);
        let cell = s.cell(row, value_col);
        let value = match cell {
            Data::Float(f) if f.is_finite() => Some(*f),
            Data::Int(i) => Some(*i as f64),
            d if is_blank(d) => None,
            d => match decimal(&text_of(d)) {
                Some(v) => Some(v),
                None => {
                    errors.push(s.at(row, value_col).error(
                        format!("`{}` is not a number", text_of(d)),
                        format!("write only the number without its unit (e.g. 12.5); if there is no value yet, leave {VALUE} empty and write why in {UNAVAILABLE}"),
                    ));
                    continue;
                }
            },
        };
        if value.is_some() && why.is_some() {
            errors.push(s.at(row, why_col).error(
                format!("indicator `{id}` has both a value and a reason why there is none"),
                format!("keep one: the value in {VALUE}, or a reason in {UNAVAILABLE} with {VALUE} empty (a remark on the value goes in {NOTE})"),
            ));
        }
        if errors.len() > before || (value.is_none() && why.is_none()) {
            continue;
        }
        let note = match value {
            Some(_) => note,
            None => why,
        };
        r.actuals.push(ActualAnswer {
            indicator: id,
            value,
            note,
            at: s.at(row, value_col),
        });
    }
}

fn read_meetings(s: &Sheet, r: &mut Returned, errors: &mut Vec<RowError>) {
    use sheets::meetings::*;
    let col = |h| s.column(h).unwrap_or(0);
    let (date_col, title_col, summary_col, minutes_col) =
        (col(DATE), col(TITLE), col(SUMMARY), col(MINUTES));
    for row in s.rows() {
        let cells = [date_col, title_col, summary_col, minutes_col];
        if cells.iter().all(|c| is_blank(s.cell(row, *c))) {
            continue;
        }
        let Some(date) = date_of(s.cell(row, date_col)) else {
            errors.push(s.at(row, date_col).error(
                format!("`{}` is not a date", text_of(s.cell(row, date_col))),
                "write the meeting's date as YYYY-MM-DD, e.g. 2026-08-29",
            ));
            continue;
        };
        let minutes = Some(text_of(s.cell(row, minutes_col))).filter(|m| !m.is_empty());
        if let Some(m) = &minutes
            && !is_safe_link(m)
        {
            errors.push(s.at(row, minutes_col).error(
                format!("`{m}` is not a link kohyo publishes"),
                "write an address starting with https:// or http://",
            ));
            continue;
        }
        r.meetings.push(MeetingAnswer {
            date,
            title: Some(text_of(s.cell(row, title_col))).filter(|t| !t.is_empty()),
            summary: text_cell(s, row, summary_col, SUMMARY, errors),
            minutes,
        });
    }
}

fn read_opinions(s: &Sheet, plan: &Plan, r: &mut Returned, errors: &mut Vec<RowError>) {
    use sheets::opinions::*;
    let col = |h| s.column(h).unwrap_or(0);
    let (item_col, opinion_col, response_col) = (col(ITEM), col(OPINION), col(RESPONSE));
    for row in s.rows() {
        let cells = [item_col, opinion_col, response_col];
        if cells.iter().all(|c| is_blank(s.cell(row, *c))) {
            continue;
        }
        let before = errors.len();
        let id = text_of(s.cell(row, item_col));
        let item = whole(&id).filter(|n| plan.item(*n).is_some());
        if item.is_none() {
            errors.push(s.at(row, item_col).error(
                if id.is_empty() {
                    "the opinion names no item".to_string()
                } else {
                    format!("unknown item `{id}`")
                },
                format!(
                    "choose the item's number from the cell's list (see the sheet {})",
                    sheets::ITEM_LIST
                ),
            ));
        }
        let opinion = text_cell(s, row, opinion_col, OPINION, errors);
        let response = text_cell(s, row, response_col, RESPONSE, errors);
        if opinion.is_none() && errors.len() == before {
            errors.push(s.at(row, opinion_col).error(
                "a row without an opinion",
                "write the committee's opinion, or clear the row",
            ));
        }
        if let (Some(item), Some(opinion), true) = (item, opinion, errors.len() == before) {
            r.opinions.push(OpinionAnswer {
                item,
                opinion,
                response,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_dates() {
        assert_eq!(
            date_of(&Data::Float(46263.0)).as_deref(),
            Some("2026-08-29")
        );
        assert_eq!(
            date_of(&Data::String("2026/8/29".into())).as_deref(),
            Some("2026-08-29")
        );
        assert_eq!(date_of(&Data::String("八月".into())), None);
    }
}
