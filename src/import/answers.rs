//! The answers on each sheet of a returned entry workbook, cell by cell:
//! ids that must be the rows the workbook was made with, grades on the
//! plan's scale, statuses, numbers where numbers go and text where text
//! goes, dates and links. Each problem is an error at its cell.

use std::collections::BTreeSet;

use calamine::Data;

use super::table::RowError;
use super::workbooks::{
    ActualAnswer, ActualOut, ItemAnswer, MeetingAnswer, OpinionAnswer, Returned, RowAnswer, Sheet,
    date_of, is_blank, is_number, text_of,
};
use crate::export::sheets::{self, ActualInput, ActualValue, CellValue, actual_input};
use crate::export::{division_items, roadmap_id};
use crate::load::cells::{halfwidth, markdown, whole};
use crate::model::{Plan, RowStatus};
use crate::urls::is_safe_link;

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

pub(super) fn read_items(
    s: &Sheet,
    plan: &Plan,
    division: &str,
    r: &mut Returned,
    errors: &mut Vec<RowError>,
) {
    use sheets::items::*;
    let mine: BTreeSet<u32> = division_items(plan, division)
        .iter()
        .map(|(i, _)| i.number.get())
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
                r.rejected.push(item);
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
        } else {
            r.rejected.push(item);
        }
    }
}

pub(super) fn read_rows(
    s: &Sheet,
    plan: &Plan,
    division: &str,
    r: &mut Returned,
    errors: &mut Vec<RowError>,
) {
    use sheets::roadmap::*;
    let mine: Vec<(String, u32, usize, usize)> = division_items(plan, division)
        .iter()
        .flat_map(|(item, _)| {
            item.projects.iter().enumerate().flat_map(move |(p, proj)| {
                (0..proj.roadmap.len()).map(move |row| {
                    (
                        roadmap_id(item.number.get(), p, row),
                        item.number.get(),
                        p,
                        row,
                    )
                })
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

pub(super) fn read_actuals(
    s: &Sheet,
    plan: &Plan,
    division: &str,
    r: &mut Returned,
    errors: &mut Vec<RowError>,
) {
    use sheets::indicators::*;
    let mine: Vec<(&str, ActualInput)> = division_items(plan, division)
        .iter()
        .flat_map(|(i, _)| {
            i.indicators
                .iter()
                .map(|x| (x.id.as_str(), actual_input(plan, x)))
        })
        .collect();
    let col = |h| s.column(h).unwrap_or(0);
    let (id_col, value_col, why_col, note_col) = (col(ID), col(VALUE), col(UNAVAILABLE), col(NOTE));
    let mut seen = BTreeSet::new();
    for row in s.rows() {
        let id = text_of(s.cell(row, id_col));
        let Some((_, input)) = mine.iter().find(|(m, _)| *m == id) else {
            errors.push(edited_id(
                s,
                row,
                id_col,
                &id,
                ID,
                &list(mine.iter().map(|(m, _)| m.to_string())),
            ));
            continue;
        };
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
        let text = text_of(cell);
        let read = match cell {
            Data::Float(f) => CellValue::Number(*f),
            Data::Int(i) => CellValue::Number(*i as f64),
            d if is_blank(d) => CellValue::Text(""),
            _ => CellValue::Text(&text),
        };
        let value = match input.read(read) {
            Ok(v) => v,
            Err(refusal) => {
                errors.push(s.at(row, value_col).error(refusal.message, refusal.hint));
                continue;
            }
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
        let out = match value {
            Some(ActualValue::Number(v)) => ActualOut {
                value: Some(v),
                judgement: None,
                note,
            },
            Some(ActualValue::Judgement(j)) => ActualOut {
                value: None,
                judgement: Some(j),
                note,
            },
            None => ActualOut {
                value: None,
                judgement: None,
                note: why,
            },
        };
        r.actuals.push(ActualAnswer {
            indicator: id,
            value: out,
            at: s.at(row, value_col),
        });
    }
}

pub(super) fn read_meetings(s: &Sheet, r: &mut Returned, errors: &mut Vec<RowError>) {
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

pub(super) fn read_opinions(s: &Sheet, plan: &Plan, r: &mut Returned, errors: &mut Vec<RowError>) {
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
        let item = whole(&id).filter(|n| plan.item_by_number(*n).is_some());
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
                at: s.at(row, item_col),
            });
        }
    }
}
