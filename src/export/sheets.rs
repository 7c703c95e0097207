//! The layout of the entry workbooks, shared by `kohyo export` (which writes
//! them) and `kohyo import results` (which reads them back): sheet names,
//! column headers, the hidden sheet that says which plan, year and division
//! a workbook is for, and the kind of input each indicator takes.

use crate::model::Indicator;

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

/// What an indicator's actual cell takes. One function decides it, so a
/// new indicator kind (a rank, a judgement) gets its own input here and
/// its own check in the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActualInput {
    /// A decimal number (validated as one), or a reason in the next column.
    Decimal,
}

/// The input an indicator's actual takes.
pub fn actual_input(_indicator: &Indicator) -> ActualInput {
    ActualInput::Decimal
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
