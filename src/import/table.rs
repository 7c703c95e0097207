//! Reading one sheet of a spreadsheet export into rows of text cells.
//!
//! CSV and TSV files may be UTF-8 (with or without a byte-order mark),
//! UTF-16 with a byte-order mark (Excel's "Unicode text") or Shift_JIS
//! (Windows code page 932, what Excel writes for "CSV" on a Japanese
//! system): valid UTF-8 is taken as UTF-8, anything else is decoded as
//! Shift_JIS and refused if it is not valid Shift_JIS either. XLSX (and XLS,
//! ODS) workbooks are read with calamine. Every cell becomes trimmed text;
//! rows and columns keep the numbers a spreadsheet program shows, so errors
//! can point at `row 12`, `column E`.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use calamine::{Data, Reader};

use super::ImportError;
use crate::export::sheets::column_letters;

/// One problem with a row or a cell of a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// `FILE:sheet NAME:row R:column C (header)`, the sheet part only for workbooks.
    pub place: String,
    /// Spreadsheet row number (1-based), for sorting.
    pub row: usize,
    /// Column index (0-based), for sorting.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: error: {}\n  hint: {}",
            self.place, self.message, self.hint
        )
    }
}

/// A data row: its spreadsheet row number and its cells.
#[derive(Debug)]
pub(crate) struct Row {
    /// 1-based row number as a spreadsheet program shows it.
    pub number: usize,
    cells: Vec<String>,
}

impl Row {
    /// The trimmed text of the cell in column `index` ("" when absent).
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", String::as_str)
    }
}

/// One sheet: where it came from, its header and its data rows.
#[derive(Debug)]
pub(crate) struct Table {
    /// The file as the user named it.
    pub source: String,
    /// The file name alone, for header comments.
    pub file_name: String,
    /// The sheet name, for workbooks.
    pub sheet: Option<String>,
    /// The header row's number.
    pub header_row: usize,
    /// Header names by column index.
    pub header: Vec<String>,
    /// Column offset of the first cell (workbook ranges need not start at A).
    first_column: usize,
    /// Data rows after the header, blank rows left out.
    pub rows: Vec<Row>,
}

impl Table {
    /// Where a cell is: `FILE:sheet NAME:row R:column C (header)`.
    pub fn place(&self, row: usize, column: Option<usize>) -> String {
        let mut s = self.source.clone();
        if let Some(sheet) = &self.sheet {
            s.push_str(&format!(":sheet {sheet}"));
        }
        s.push_str(&format!(":row {row}"));
        if let Some(c) = column {
            s.push_str(&format!(
                ":column {}",
                column_letters(c + self.first_column)
            ));
            if let Some(name) = self.header.get(c).filter(|n| !n.is_empty()) {
                s.push_str(&format!(" ({name})"));
            }
        }
        s
    }

    /// An error at a row and, optionally, a column.
    pub fn error(
        &self,
        row: usize,
        column: Option<usize>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> RowError {
        RowError {
            place: self.place(row, column),
            row,
            column: column.unwrap_or(0),
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// Describes the source for a header comment: `体系図.xlsx (sheet 体系図)`.
    pub fn describe(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!("{} (sheet {sheet})", self.file_name),
            None => self.file_name.clone(),
        }
    }

    /// Matches the header against the columns an import knows.
    ///
    /// `required` columns must be present, `optional` ones may be; any other
    /// header must be accepted by `dynamic` (e.g. `目標2029`), which may
    /// itself reject it with a message. Empty header cells over empty
    /// columns are ignored. Returns the index of each named column and the
    /// dynamic columns in sheet order.
    pub fn columns<T>(
        &self,
        required: &[&'static str],
        optional: &[&'static str],
        dynamic: impl Fn(&str) -> Option<Result<T, String>>,
        dynamic_hint: &str,
        errors: &mut Vec<RowError>,
    ) -> (HashMap<&'static str, usize>, Vec<(usize, T)>) {
        let mut named = HashMap::new();
        let mut extra = Vec::new();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let known = || {
            let mut all: Vec<&str> = required.iter().chain(optional).copied().collect();
            all.sort_unstable();
            all.join(", ")
        };
        for (i, name) in self.header.iter().enumerate() {
            if name.is_empty() {
                if self.rows.iter().any(|r| !r.cell(i).is_empty()) {
                    errors.push(self.error(
                        self.header_row,
                        Some(i),
                        "column has data but no header",
                        "name the column in the header row, or delete it",
                    ));
                }
                continue;
            }
            if let Some(first) = seen.insert(name, i) {
                errors.push(self.error(
                    self.header_row,
                    Some(i),
                    format!("column `{name}` appears twice"),
                    format!(
                        "it is already column {}; keep one",
                        column_letters(first + self.first_column)
                    ),
                ));
                continue;
            }
            if let Some(k) = required.iter().chain(optional).find(|k| **k == name) {
                named.insert(*k, i);
                continue;
            }
            match dynamic(name) {
                Some(Ok(t)) => extra.push((i, t)),
                Some(Err(message)) => {
                    errors.push(self.error(self.header_row, Some(i), message, dynamic_hint))
                }
                None => errors.push(self.error(
                    self.header_row,
                    Some(i),
                    format!("unknown column `{name}`"),
                    format!(
                        "check the spelling; the columns known here are: {}{dynamic_hint_sep}{dynamic_hint}",
                        known(),
                        dynamic_hint_sep = if dynamic_hint.is_empty() { "" } else { "; " }
                    ),
                )),
            }
        }
        for k in required {
            if !named.contains_key(k) {
                errors.push(RowError {
                    place: self.place(self.header_row, None),
                    row: self.header_row,
                    column: usize::MAX,
                    message: format!("missing column `{k}`"),
                    hint: format!(
                        "the header row must name these columns: {}",
                        required.join(", ")
                    ),
                });
            }
        }
        (named, extra)
    }
}

/// Reads `path` and returns the sheet whose header row holds `key_column`.
///
/// The header is the first row (among the first 20) that has a cell
/// `key_column`, so title rows above the table are skipped; if none has it,
/// the first non-blank row is taken and the caller reports the missing
/// columns. `sheet` picks a workbook's sheet (default: the first) and is an
/// error for CSV and TSV.
pub(crate) fn read(
    path: &Path,
    sheet: Option<&str>,
    key_column: &str,
) -> Result<Table, ImportError> {
    let source = path.display().to_string();
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| source.clone());
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let (grid, sheet, first_column) = if matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods") {
        let (grid, name, col) = read_workbook(path, &source, sheet)?;
        (grid, Some(name), col)
    } else {
        if let Some(s) = sheet {
            return Err(ImportError::usage(
                format!("--sheet {s} was given, but {source} is not a workbook"),
                "--sheet picks a sheet of an .xlsx, .xls or .ods file; leave it out for CSV and TSV",
            ));
        }
        (read_delimited(path, &source, &ext)?, None, 0)
    };
    let blank = |cells: &Vec<String>| cells.iter().all(String::is_empty);
    let header_at = grid
        .iter()
        .take(20)
        .position(|(_, cells)| cells.iter().any(|c| c == key_column))
        .or_else(|| grid.iter().position(|(_, cells)| !blank(cells)));
    let Some(header_at) = header_at else {
        return Err(ImportError::usage(
            format!("{source} has no rows"),
            "export the sheet with its header row and at least one data row",
        ));
    };
    let mut grid = grid.into_iter().skip(header_at);
    let (header_row, header) = grid.next().unwrap_or_default();
    let rows = grid
        .filter(|(_, cells)| !blank(cells))
        .map(|(number, cells)| Row { number, cells })
        .collect();
    Ok(Table {
        source,
        file_name,
        sheet,
        header_row,
        header,
        first_column,
        rows,
    })
}

type Grid = Vec<(usize, Vec<String>)>;

fn clean(cell: &str) -> String {
    cell.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_string()
}

/// Decodes a CSV/TSV file: UTF-8 (BOM stripped), UTF-16 with BOM, else Shift_JIS.
fn decode(bytes: &[u8], source: &str) -> Result<String, ImportError> {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, had_errors) = enc.decode(bytes);
        if !had_errors {
            return Ok(text.into_owned());
        }
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    } else if let Some(text) =
        encoding_rs::SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return Ok(text.into_owned());
    }
    Err(ImportError::usage(
        format!("{source} is neither UTF-8 nor Shift_JIS text"),
        "save the sheet as CSV UTF-8 (or CSV from Excel on a Japanese system), or as .xlsx",
    ))
}

fn read_delimited(path: &Path, source: &str, ext: &str) -> Result<Grid, ImportError> {
    let bytes = std::fs::read(path)
        .map_err(|e| ImportError::usage(format!("cannot read {source}: {e}"), "check the path"))?;
    let text = decode(&bytes, source)?;
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = match ext {
        "tsv" | "tab" => b'\t',
        "csv" => b',',
        _ if first_line.contains('\t') => b'\t',
        _ => b',',
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut grid = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            ImportError::usage(
                format!("{source}:row {}: cannot read the row: {e}", i + 1),
                "check for an unmatched double quote in this row or the one before",
            )
        })?;
        grid.push((i + 1, record.iter().map(clean).collect()));
    }
    Ok(grid)
}

fn read_workbook(
    path: &Path,
    source: &str,
    sheet: Option<&str>,
) -> Result<(Grid, String, usize), ImportError> {
    let mut book = calamine::open_workbook_auto(path).map_err(|e| {
        ImportError::usage(
            format!("cannot read {source}: {e}"),
            "check the path, and that the file is an .xlsx, .xls or .ods workbook",
        )
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) if names.iter().any(|n| n == s) => s.to_string(),
        Some(s) => {
            return Err(ImportError::usage(
                format!("{source} has no sheet `{s}`"),
                format!("its sheets are: {}", names.join(", ")),
            ));
        }
        None => names.first().cloned().ok_or_else(|| {
            ImportError::usage(
                format!("{source} has no sheets"),
                "export a workbook with the table in it",
            )
        })?,
    };
    let range = book.worksheet_range(&name).map_err(|e| {
        ImportError::usage(
            format!("cannot read sheet `{name}` of {source}: {e}"),
            "open the workbook in a spreadsheet program and save it again",
        )
    })?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let grid = range
        .rows()
        .enumerate()
        .map(|(i, cells)| (row0 as usize + i + 1, cells.iter().map(cell_text).collect()))
        .collect();
    Ok((grid, name, col0 as usize))
}

/// A workbook cell as text: whole numbers without `.0`, errors as `#DIV/0!`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::String(s) => clean(s),
        other => clean(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_column_letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(4), "E");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn decodes_utf8_bom_and_shift_jis() {
        let sjis = encoding_rs::SHIFT_JIS.encode("項目番号,実施項目").0;
        assert!(std::str::from_utf8(&sjis).is_err());
        assert_eq!(decode(&sjis, "x").unwrap(), "項目番号,実施項目");
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice("項目番号".as_bytes());
        assert_eq!(decode(&bom, "x").unwrap(), "項目番号");
        assert!(decode(b"\x81\x20\xff", "x").is_err());
    }

    #[test]
    fn whole_floats_lose_their_point() {
        assert_eq!(cell_text(&Data::Float(2024.0)), "2024");
        assert_eq!(cell_text(&Data::Float(12.5)), "12.5");
        assert_eq!(cell_text(&Data::Int(9)), "9");
        assert_eq!(cell_text(&Data::String(" 総務課\r\n".into())), "総務課");
    }
}
