//! The secretariat's workbook 委員会・委員意見一覧: the year's committee
//! meetings and the list of the committee's opinions, each with its item and
//! the responsible division's response, plus every item for reference.

use rust_xlsxwriter::{DataValidation, Formula, Workbook, XlsxError};

use super::book::{self, Formats};
use super::sheets;
use crate::model::*;

/// Blank, numbered and shaded rows offered beyond those already filled;
/// more can be written below them (see [`book::protect_growing`]).
pub const SPARE_MEETINGS: usize = 5;
/// Blank opinion rows offered beyond those already filled.
pub const SPARE_OPINIONS: usize = 30;
/// The last spreadsheet row (0-based) a drop-down list of item numbers
/// reaches, far below the rows offered.
const LIST_ROWS_TO: u32 = 9_999;

/// The `.xlsx` bytes of the secretariat's workbook for `plan` and `year`.
pub fn workbook(site: &Site, plan: &Plan, year: i32) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let current = plan.cycles.iter().find(|c| c.year == year);
    let mut book = Workbook::new();
    let title = format!("{} {}年度 委員会・委員意見一覧", plan.title, year);
    book::properties(&mut book, &title, year)?;
    let lines = vec![
        format!("計画：{}（{}）　評価年度：{}年度", plan.title, plan.id, year),
        String::new(),
        "このファイルは事務局が、行財政改革評価・推進委員会の開催と委員の意見、各所属の対応を記入するためのものです。".into(),
        "色の付いたセルにだけ記入できます。".into(),
        format!(
            "「{}」シート：開催日は 2026-08-29 のように書いてください。議事録URLは https:// から始まるアドレスです。",
            sheets::MEETINGS
        ),
        format!(
            "「{}」シート：意見ごとに1行、項目番号を一覧から選び、意見と所属の対応を書いてください。項目番号と所属は「{}」シートで確かめられます。",
            sheets::OPINIONS,
            sheets::ITEM_LIST
        ),
        "先頭の「番号」は変えないでください。使わない行は空欄のままで構いません。".into(),
        format!(
            "行が足りないときは、表のすぐ下に続けて書くか、行を挿入してください（番号は空欄で構いません）。内容のある行はすべて取り込まれます。用意した空き行は「{}」が{}行、「{}」が{}行です。",
            sheets::MEETINGS,
            SPARE_MEETINGS,
            sheets::OPINIONS,
            SPARE_OPINIONS
        ),
        String::new(),
        "作成：kohyo export entry-sheets（取り込みは kohyo import results）".into(),
    ];
    book::instructions(book.add_worksheet(), &f, &title, &lines)?;
    meetings_sheet(&mut book, &f, current)?;
    opinions_sheet(&mut book, &f, plan, current)?;
    item_list(&mut book, &f, site, plan)?;
    book::meta_sheet(&mut book, sheets::KIND_SECRETARIAT, &plan.id, year, None)?;
    book.save_to_buffer()
}

fn meetings_sheet(
    book: &mut Workbook,
    f: &Formats,
    current: Option<&Cycle>,
) -> Result<(), XlsxError> {
    use sheets::meetings::*;
    let sheet = book::titled_sheet(book, f, sheets::MEETINGS, "委員会の開催")?;
    book::header(
        sheet,
        f,
        &[
            (NO, 6.0),
            (DATE, 14.0),
            (TITLE, 36.0),
            (SUMMARY, 50.0),
            (MINUTES, 40.0),
        ],
    )?;
    let existing = current.map(|c| c.meetings.as_slice()).unwrap_or_default();
    for n in 0..existing.len() + SPARE_MEETINGS {
        let row = sheets::HEADER_ROW + n as u32;
        let m = existing.get(n);
        sheet.write_number_with_format(row, 0, (n + 1) as f64, &f.locked)?;
        let cells = [
            m.map(|m| m.date.as_str()),
            m.and_then(|m| m.title.as_deref()),
            m.and_then(|m| m.summary.as_deref()),
            m.and_then(|m| m.minutes.as_deref()),
        ];
        for (k, text) in cells.iter().enumerate() {
            let text = sheets::cell_text(text.unwrap_or(""));
            sheet.write_string_with_format(row, 1 + k as u16, text, &f.input)?;
        }
    }
    book::protect_growing(sheet, 1..=4)?;
    Ok(())
}

fn opinions_sheet(
    book: &mut Workbook,
    f: &Formats,
    plan: &Plan,
    current: Option<&Cycle>,
) -> Result<(), XlsxError> {
    use sheets::opinions::*;
    let sheet = book::titled_sheet(book, f, sheets::OPINIONS, "委員意見一覧")?;
    book::header(
        sheet,
        f,
        &[(NO, 6.0), (ITEM, 10.0), (OPINION, 56.0), (RESPONSE, 56.0)],
    )?;
    let existing: Vec<(u32, &Opinion)> = current
        .map(|c| {
            c.items
                .iter()
                .flat_map(|r| r.opinions.iter().map(move |o| (r.item.get(), o)))
                .collect()
        })
        .unwrap_or_default();
    let total = existing.len() + SPARE_OPINIONS;
    for n in 0..total {
        let row = sheets::HEADER_ROW + n as u32;
        sheet.write_number_with_format(row, 0, (n + 1) as f64, &f.locked)?;
        match existing.get(n) {
            Some((item, o)) => {
                sheet.write_number_with_format(row, 1, *item, &f.input)?;
                sheet.write_string_with_format(row, 2, sheets::cell_text(&o.opinion), &f.input)?;
                let response = sheets::cell_text(o.response.as_deref().unwrap_or(""));
                sheet.write_string_with_format(row, 3, response, &f.input)?;
            }
            None => {
                for col in 1..4 {
                    sheet.write_blank(row, col, &f.input)?;
                }
            }
        }
    }
    if !plan.items.is_empty() {
        let list = DataValidation::new()
            .allow_list_formula(Formula::new(format!(
                "={}!$A${}:$A${}",
                sheets::ITEM_LIST,
                sheets::HEADER_ROW + 1,
                sheets::HEADER_ROW as usize + plan.items.len()
            )))
            .set_error_title("項目番号")?
            .set_error_message("項目番号は一覧から選んでください。")?;
        let first = sheets::HEADER_ROW;
        let last = (first + total as u32 - 1).max(LIST_ROWS_TO);
        sheet.add_data_validation(first, 1, last, 1, &list)?;
    }
    book::protect_growing(sheet, 1..=3)?;
    Ok(())
}

fn item_list(book: &mut Workbook, f: &Formats, site: &Site, plan: &Plan) -> Result<(), XlsxError> {
    let sheet = book::titled_sheet(book, f, sheets::ITEM_LIST, "実施項目の一覧（参照用）")?;
    let names: Vec<String> = plan
        .items
        .iter()
        .map(|i| {
            i.divisions
                .iter()
                .filter_map(|d| site.division(d).map(|d| d.name.clone()))
                .collect::<Vec<_>>()
                .join("、")
        })
        .collect();
    book::header(
        sheet,
        f,
        &[
            ("項目番号", 10.0),
            (
                "実施項目",
                book::fit(plan.items.iter().map(|i| i.title.as_str()), 16.0, 50.0),
            ),
            (
                "取組所属",
                book::fit(names.iter().map(String::as_str), 12.0, 40.0),
            ),
        ],
    )?;
    for (n, (item, names)) in plan.items.iter().zip(&names).enumerate() {
        let row = sheets::HEADER_ROW + n as u32;
        sheet.write_number_with_format(row, 0, item.number.get(), &f.locked)?;
        sheet.write_string_with_format(row, 1, &item.title, &f.locked)?;
        sheet.write_string_with_format(row, 2, names, &f.locked)?;
    }
    book::protect(sheet);
    Ok(())
}
