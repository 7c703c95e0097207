//! Reading returned entry workbooks (made by `kohyo export entry-sheets`):
//! which plan, year and division each is for, and every answer in it, each
//! cell checked again (a spreadsheet's validations are not read back, and a
//! pasted value skips them). Problems name the file, sheet, row and column.

use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader};

use super::answers::{read_actuals, read_items, read_meetings, read_opinions, read_rows};
use super::table::RowError;
use crate::export::sheets::{self, column_letters};
use crate::load::cells::{halfwidth, is_date};
use crate::model::{Plan, RowStatus, Site};

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

/// An indicator's answer: a value or a judgement, or why there is none;
/// and a note.
#[derive(Debug, Clone)]
pub(crate) struct ActualAnswer {
    pub indicator: String,
    pub value: ActualOut,
    pub at: At,
}

/// An actual as it will be written: a number, a judgement or neither, and
/// the reason (with neither) or the note (with a value).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct ActualOut {
    pub value: Option<f64>,
    pub judgement: Option<String>,
    pub note: Option<String>,
}

impl ActualOut {
    /// Whether it gives a value or a judgement (not just a reason).
    pub fn given(&self) -> bool {
        self.value.is_some() || self.judgement.is_some()
    }
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
#[derive(Debug, Clone)]
pub(crate) struct OpinionAnswer {
    pub item: u32,
    pub opinion: String,
    pub response: Option<String>,
    pub at: At,
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
    /// Item rows with an error (their other answers are not checked against them).
    pub rejected: Vec<u32>,
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
pub(super) struct Sheet<'a> {
    file: &'a str,
    name: &'static str,
    range: Range<Data>,
    header: Vec<(String, usize)>,
}

impl Sheet<'_> {
    pub(super) fn at(&self, row: u32, column: usize) -> At {
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

    pub(super) fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().find(|(h, _)| h == name).map(|(_, c)| *c)
    }

    pub(super) fn cell(&self, row: u32, column: usize) -> &Data {
        self.range
            .get_value((row - 1, column as u32))
            .unwrap_or(&Data::Empty)
    }

    /// Data rows (1-based numbers) after the header that have any content.
    pub(super) fn rows(&self) -> Vec<u32> {
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

pub(super) fn is_blank(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A cell as text: whole numbers without `.0`.
pub(super) fn text_of(d: &Data) -> String {
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

pub(super) fn is_number(d: &Data) -> bool {
    matches!(d, Data::Float(_) | Data::Int(_))
}

/// A date cell (an Excel serial date or text) as `YYYY-MM-DD`.
pub(super) fn date_of(d: &Data) -> Option<String> {
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
        rejected: Vec::new(),
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
