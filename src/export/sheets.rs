//! The layout of the entry workbooks, shared by `kohyo export` (which writes
//! them) and `kohyo import results` (which reads them back): sheet names,
//! column headers, the hidden sheet that says which plan, year and division
//! a workbook is for, and the kind of input each indicator takes.

use crate::model::{Indicator, Measure, Plan};

/// The instructions sheet, first and active.
pub const INSTRUCTIONS: &str = "記入方法";
/// One row per item: grade and the four texts.
pub const ITEMS: &str = "評価";
/// One row per roadmap row: status and what was done.
pub const ROADMAP: &str = "工程表";
/// One row per indicator: the year's actual or why there is none.
pub const INDICATORS: &str = "指標";
/// Committee meetings (secretariat workbook).
pub const MEETINGS: &str = "委員会";
/// Committee opinions and responses (secretariat workbook).
pub const OPINIONS: &str = "委員意見一覧";
/// Every item, for reference (secretariat workbook).
pub const ITEM_LIST: &str = "項目一覧";
/// The hidden sheet with the drop-down lists.
pub const LISTS: &str = "選択肢";
/// The hidden sheet that identifies the workbook.
pub const META: &str = "kohyo";

/// The spreadsheet row (1-based) of every table's header; data follow it.
pub const HEADER_ROW: u32 = 3;

/// Keys of the identifying sheet, one per row in column A, value in B.
pub const META_KIND: &str = "kind";
/// The plan id.
pub const META_PLAN: &str = "plan";
/// The fiscal year.
pub const META_YEAR: &str = "year";
/// The division id (entry workbooks only).
pub const META_DIVISION: &str = "division";
/// The layout version.
pub const META_FORMAT: &str = "format";
/// `kind` of a division's entry workbook.
pub const KIND_ENTRY: &str = "entry-sheet";
/// `kind` of the secretariat's workbook.
pub const KIND_SECRETARIAT: &str = "secretariat";
/// The layout version written and understood.
pub const FORMAT: &str = "1";

/// Item sheet columns.
pub mod items {
    /// Item number: the row's id.
    pub const NUMBER: &str = "項目番号";
    /// Item title.
    pub const TITLE: &str = "実施項目";
    /// Whether the division leads the item or is related.
    pub const ROLE: &str = "担当";
    /// Grade (input).
    pub const GRADE: &str = "評価";
    /// The four text inputs, with the results-file key each fills.
    pub const TEXTS: [(&str, &str); 4] = [
        ("自己評価", "self_evaluation"),
        ("要因分析", "analysis"),
        ("課題", "issues"),
        ("次年度に向けた対応", "next_response"),
    ];
}

/// Roadmap sheet columns.
pub mod roadmap {
    /// `item-project-row`, e.g. `9-1-2`: the row's id.
    pub const ID: &str = "行番号";
    /// Item number.
    pub const ITEM: &str = "項目番号";
    /// Project title.
    pub const PROJECT: &str = "事業";
    /// Roadmap row label.
    pub const LABEL: &str = "取組";
    /// The row's years.
    pub const YEARS: &str = "期間";
    /// Whether the row is planned in the year evaluated.
    pub const PLANNED: &str = "今年度の予定";
    /// Status (input): 実施, 一部実施 or 未実施.
    pub const STATUS: &str = "状況";
    /// What was done (input).
    pub const TEXT: &str = "実績";
    /// The statuses offered, with their results-file values.
    pub const STATUSES: [(&str, &str); 3] = [
        ("実施", "done"),
        ("一部実施", "partial"),
        ("未実施", "not-done"),
    ];
}

/// Indicator sheet columns.
pub mod indicators {
    /// Indicator id: the row's id.
    pub const ID: &str = "指標ID";
    /// Item number.
    pub const ITEM: &str = "項目番号";
    /// Name.
    pub const NAME: &str = "指標";
    /// 数値目標 or 参考指標.
    pub const KIND: &str = "種別";
    /// Unit.
    pub const UNIT: &str = "単位";
    /// Baseline year and value.
    pub const BASELINE: &str = "策定時";
    /// Targets.
    pub const TARGETS: &str = "目標";
    /// Last year's actual.
    pub const LAST_YEAR: &str = "前年度実績";
    /// The year's actual (input).
    pub const VALUE: &str = "実績値";
    /// Why there is no actual (input).
    pub const UNAVAILABLE: &str = "実績なしの理由";
    /// A note on the value (input).
    pub const NOTE: &str = "備考";
}

/// Meeting sheet columns (secretariat workbook).
pub mod meetings {
    /// Row number: the row's id.
    pub const NO: &str = "番号";
    /// Date `YYYY-MM-DD` (input).
    pub const DATE: &str = "開催日";
    /// Name (input).
    pub const TITLE: &str = "会議名";
    /// Summary (input).
    pub const SUMMARY: &str = "概要";
    /// Link to the minutes (input).
    pub const MINUTES: &str = "議事録URL";
}

/// Opinion sheet columns (secretariat workbook).
pub mod opinions {
    /// Row number: the row's id.
    pub const NO: &str = "番号";
    /// Item number (input, from a list).
    pub const ITEM: &str = "項目番号";
    /// The opinion (input).
    pub const OPINION: &str = "意見";
    /// The division's response (input).
    pub const RESPONSE: &str = "所属の対応";
}

/// What an indicator's actual cell takes. This is the one place for the
/// rule: the export writes the cell's validation from it and the import
/// checks every value read back with it (validations are not read back,
/// and a pasted value skips them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActualInput {
    /// A decimal number (validated as one), or a reason in the next column.
    Decimal,
    /// A rank 順位: a whole number from 1.
    Rank,
    /// A judgement in words, one of the plan's `judgements`.
    Judgement(Vec<String>),
}

/// An actual as read back from its cell.
#[derive(Debug, Clone, PartialEq)]
pub enum ActualValue {
    /// A number (decimal or rank).
    Number(f64),
    /// A judgement from the plan's list.
    Judgement(String),
}

/// What a cell holds, as the import reads it.
#[derive(Debug, Clone, Copy)]
pub enum CellValue<'a> {
    /// A number cell.
    Number(f64),
    /// A text cell, trimmed (empty: blank).
    Text(&'a str),
}

/// Why a value read back does not fit its cell's rule: what is wrong and
/// how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// The input an indicator's actual takes in `plan`.
pub fn actual_input(plan: &Plan, indicator: &Indicator) -> ActualInput {
    match indicator.measure {
        Measure::Quantity => ActualInput::Decimal,
        Measure::Rank => ActualInput::Rank,
        Measure::Judgement => {
            ActualInput::Judgement(plan.judgements.iter().map(|j| j.label.clone()).collect())
        }
    }
}

const NO_VALUE: &str = "値がない場合は空欄にし、「実績なしの理由」に理由を書いてください。";

impl ActualInput {
    /// The message the spreadsheet shows when a value does not fit.
    pub fn sheet_message(&self) -> String {
        match self {
            ActualInput::Decimal => {
                format!("実績値には数値だけを書いてください（単位は不要）。{NO_VALUE}")
            }
            ActualInput::Rank => {
                format!("順位は1以上の整数で書いてください（例：17位なら 17）。{NO_VALUE}")
            }
            ActualInput::Judgement(labels) => format!(
                "判定は一覧から選んでください（{}）。{NO_VALUE}",
                labels.join("・")
            ),
        }
    }

    /// Checks a value read back from the cell: `Ok(None)` for a blank cell.
    pub fn read(&self, cell: CellValue) -> Result<Option<ActualValue>, Refusal> {
        let refuse = |message: String, hint: String| Err(Refusal { message, hint });
        let no_value = format!(
            "if there is no value yet, leave {} empty and write why in {}",
            indicators::VALUE,
            indicators::UNAVAILABLE
        );
        match (self, cell) {
            (_, CellValue::Text("")) => Ok(None),
            (ActualInput::Judgement(labels), cell) => {
                let text = match cell {
                    CellValue::Number(n) => format!("{n}"),
                    CellValue::Text(t) => crate::load::cells::halfwidth(t),
                };
                match labels.iter().find(|l| **l == text) {
                    Some(l) => Ok(Some(ActualValue::Judgement(l.clone()))),
                    None if labels.is_empty() => refuse(
                        format!("`{text}` is not a judgement on the plan's list: the plan lists none"),
                        "list the plan's judgements under `judgements:` in plan.yaml (e.g. `- label: 達成`) and export the workbook again".into(),
                    ),
                    None => refuse(
                        format!("judgement `{text}` is not on the plan's list"),
                        format!("choose one of {} from the cell's list; {no_value}", labels.join(", ")),
                    ),
                }
            }
            (_, CellValue::Number(v)) => self.number(v, &no_value),
            (rule, CellValue::Text(t)) => match crate::load::cells::decimal(t) {
                Some(v) => self.number(v, &no_value),
                None => refuse(
                    format!("`{t}` is not a number"),
                    match rule {
                        ActualInput::Rank => format!(
                            "write the rank as a whole number without 位 (e.g. 17); {no_value}"
                        ),
                        _ => format!(
                            "write only the number without its unit (e.g. 12.5); {no_value}"
                        ),
                    },
                ),
            },
        }
    }

    fn number(&self, v: f64, no_value: &str) -> Result<Option<ActualValue>, Refusal> {
        if !v.is_finite() {
            return Err(Refusal {
                message: format!("`{v}` is not a finite number"),
                hint: format!("write the number itself; {no_value}"),
            });
        }
        if *self == ActualInput::Rank && (v < 1.0 || v.fract() != 0.0) {
            return Err(Refusal {
                message: format!("rank {} is not a whole number from 1", v),
                hint: format!(
                    "a rank (順位) is a whole number from 1, e.g. 17 for 17位; {no_value}"
                ),
            });
        }
        Ok(Some(ActualValue::Number(v)))
    }
}

/// Markdown as a cell shows it: one line per paragraph, no blank lines
/// (the import reads each line of a cell as a paragraph).
pub fn cell_text(markdown: &str) -> String {
    markdown
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The spreadsheet letters of a 0-based column: 0 → A, 26 → AA.
pub fn column_letters(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rule_per_kind_of_actual() {
        let judgement = ActualInput::Judgement(vec!["達成".into(), "未達成".into()]);
        let ok = |rule: &ActualInput, cell| rule.read(cell).unwrap();
        let refused = |rule: &ActualInput, cell| rule.read(cell).unwrap_err().message;
        assert_eq!(
            ok(&ActualInput::Decimal, CellValue::Text("1,234.5")),
            Some(ActualValue::Number(1234.5))
        );
        assert_eq!(
            ok(&ActualInput::Decimal, CellValue::Number(-2.5)),
            Some(ActualValue::Number(-2.5))
        );
        assert_eq!(
            ok(&ActualInput::Rank, CellValue::Text("１７")),
            Some(ActualValue::Number(17.0))
        );
        assert_eq!(ok(&ActualInput::Rank, CellValue::Text("")), None);
        assert_eq!(
            refused(&ActualInput::Rank, CellValue::Number(0.0)),
            "rank 0 is not a whole number from 1"
        );
        assert_eq!(
            refused(&ActualInput::Rank, CellValue::Text("17位")),
            "`17位` is not a number"
        );
        assert_eq!(
            ok(&judgement, CellValue::Text("達成")),
            Some(ActualValue::Judgement("達成".into()))
        );
        assert_eq!(
            refused(&judgement, CellValue::Number(3.0)),
            "judgement `3` is not on the plan's list"
        );
        assert!(
            refused(&ActualInput::Judgement(Vec::new()), CellValue::Text("達成"))
                .contains("the plan lists none")
        );
        assert!(
            judgement
                .sheet_message()
                .starts_with("判定は一覧から選んでください（達成・未達成）。")
        );
    }
}
