//! Helpers every exported workbook uses: the cell formats (locked structure,
//! unlocked and shaded input), column widths measured for Japanese text,
//! sheet protection that still allows resizing, the hidden identifying
//! sheet, and a fixed creation date so the same input gives the same bytes.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, ProtectionOptions, Workbook,
    Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

use super::sheets;

/// The formats of a workbook.
pub struct Formats {
    /// A sheet's title line.
    pub title: Format,
    /// Header cells.
    pub header: Format,
    /// Structure cells: locked, wrapped.
    pub locked: Format,
    /// Input cells: unlocked, shaded, wrapped.
    pub input: Format,
    /// Plain text of the instructions sheet.
    pub text: Format,
}

impl Formats {
    /// The formats every workbook uses.
    pub fn new() -> Self {
        let base = Format::new()
            .set_font_name("Yu Gothic")
            .set_font_size(10.5)
            .set_align(FormatAlign::Top);
        let cell = base
            .clone()
            .set_text_wrap()
            .set_border(FormatBorder::Thin)
            .set_border_color("#A6A6A6");
        Formats {
            title: base.clone().set_bold().set_font_size(13),
            header: cell
                .clone()
                .set_bold()
                .set_background_color("#D9D9D9")
                .set_align(FormatAlign::Center),
            locked: cell.clone().set_background_color("#F2F2F2"),
            input: cell.set_unlocked().set_background_color("#FFF2CC"),
            text: base.set_text_wrap(),
        }
    }
}

impl Default for Formats {
    fn default() -> Self {
        Self::new()
    }
}

/// The display width of a text in Excel's column units: full-width
/// characters count two, each line is measured on its own. rust_xlsxwriter's
/// autofit counts every non-ASCII character as one wide unit and gets
/// Japanese wrong, so widths are set here.
pub fn text_width(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// A column width that fits the widest of `texts`, within `min` and `max`
/// (longer texts wrap).
pub fn fit<'a>(texts: impl IntoIterator<Item = &'a str>, min: f64, max: f64) -> f64 {
    let widest = texts.into_iter().map(text_width).max().unwrap_or(0);
    (widest as f64 + 2.0).clamp(min, max)
}

/// Locks the sheet: only unlocked cells can be edited; columns and rows can
/// still be resized and formatted so long answers can be made visible.
pub fn protect(sheet: &mut Worksheet) {
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    sheet.protect_with_options(&options);
}

/// Locks a list that may grow (the secretariat's meetings and opinions):
/// like [`protect`], and rows may be inserted, and the input `columns` stay
/// writable below the rows offered, so a longer list can be written on
/// (the import reads every row with content, with no limit).
pub fn protect_growing(
    sheet: &mut Worksheet,
    columns: std::ops::RangeInclusive<u16>,
) -> Result<(), XlsxError> {
    let open = Format::new().set_unlocked();
    for col in columns {
        sheet.set_column_format(col, &open)?;
    }
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        insert_rows: true,
        ..ProtectionOptions::default()
    };
    sheet.protect_with_options(&options);
    Ok(())
}

/// A new sheet named `name` with `title` as its title line in A1.
pub fn titled_sheet<'b>(
    book: &'b mut Workbook,
    f: &Formats,
    name: &str,
    title: &str,
) -> Result<&'b mut Worksheet, XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    sheet.write_string_with_format(0, 0, title, &f.title)?;
    Ok(sheet)
}

/// Writes the header row at [`sheets::HEADER_ROW`] with its widths.
pub fn header(
    sheet: &mut Worksheet,
    f: &Formats,
    columns: &[(&str, f64)],
) -> Result<(), XlsxError> {
    let row = sheets::HEADER_ROW - 1;
    for (i, (name, width)) in columns.iter().enumerate() {
        let col = i as u16;
        sheet.write_string_with_format(row, col, *name, &f.header)?;
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_freeze_panes(row + 1, 0)?;
    Ok(())
}

/// The hidden sheet that tells the import which plan, year and division a
/// workbook is for.
pub fn meta_sheet(
    book: &mut Workbook,
    kind: &str,
    plan: &str,
    year: i32,
    division: Option<&str>,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(sheets::META)?;
    let mut rows = vec![
        (sheets::META_KIND, kind.to_string()),
        (sheets::META_PLAN, plan.to_string()),
        (sheets::META_YEAR, year.to_string()),
    ];
    if let Some(d) = division {
        rows.push((sheets::META_DIVISION, d.to_string()));
    }
    rows.push((sheets::META_FORMAT, sheets::FORMAT.to_string()));
    for (i, (k, v)) in rows.iter().enumerate() {
        sheet.write_string(i as u32, 0, *k)?;
        sheet.write_string(i as u32, 1, v)?;
    }
    sheet.write_string(
        rows.len() as u32 + 1,
        0,
        "このシートは kohyo が取り込みに使います。変更しないでください。",
    )?;
    protect(sheet);
    sheet.set_hidden(true);
    Ok(())
}

/// Sets the document properties, with a creation date derived from the
/// year evaluated (the first day of the next fiscal year) rather than the
/// clock, so two exports of the same content are byte-identical.
pub fn properties(book: &mut Workbook, title: &str, year: i32) -> Result<(), XlsxError> {
    let created = ExcelDateTime::from_ymd((year + 1).clamp(1900, 9999) as u16, 4, 1)?;
    let props = DocProperties::new()
        .set_title(title)
        .set_author("kohyo")
        .set_creation_datetime(&created);
    book.set_properties(&props);
    Ok(())
}

/// Writes the instructions sheet's lines from row 1, in column A.
pub fn instructions(
    sheet: &mut Worksheet,
    f: &Formats,
    title: &str,
    lines: &[String],
) -> Result<(), XlsxError> {
    sheet.set_name(sheets::INSTRUCTIONS)?;
    sheet.set_column_width(0, 100)?;
    sheet.write_string_with_format(0, 0, title, &f.title)?;
    for (i, line) in lines.iter().enumerate() {
        sheet.write_string_with_format(i as u32 + 2, 0, line, &f.text)?;
    }
    protect(sheet);
    sheet.set_active(true);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_counts_twice() {
        assert_eq!(text_width("人事課"), 6);
        assert_eq!(text_width("A1"), 2);
        assert_eq!(text_width("一行目\n長い二行目です"), 14);
        assert_eq!(fit(["人事課"], 8.0, 60.0), 8.0);
        assert_eq!(fit(["デジタルトランスフォーメーション課"], 8.0, 60.0), 36.0);
        assert_eq!(fit(["あ".repeat(100).as_str()], 8.0, 60.0), 60.0);
    }
}
