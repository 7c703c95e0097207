//! A division's entry workbook 評価記入シート: its items, roadmap rows and
//! indicators, prefilled with what is known and with shaded input cells for
//! the year's answers.

use rust_xlsxwriter::{DataValidation, DataValidationRule, Formula, Workbook, XlsxError};

use super::book::{self, Formats};
use super::sheets::{self, ActualInput, actual_input, cell_text};
use crate::model::*;
use crate::years::number;

/// Whether a division leads an item or is named on one of its projects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Named in the item's `divisions`.
    Lead,
    /// Named on a project, as responsible or related.
    Related,
}

impl Role {
    fn label(self) -> &'static str {
        match self {
            Role::Lead => "主担当",
            Role::Related => "関係",
        }
    }
}

/// What one division's workbook holds.
pub struct Entry<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// The fiscal year evaluated.
    pub year: i32,
    /// The division.
    pub division: &'a Division,
    /// Its items, in number order, with its role.
    pub items: Vec<(&'a Item, Role)>,
}

impl Entry<'_> {
    /// The cycle of the year, if a results file for it exists already.
    fn current(&self) -> Option<&Cycle> {
        self.plan.cycles.iter().find(|c| c.year == self.year)
    }

    fn previous(&self) -> Option<&Cycle> {
        self.plan.cycles.iter().find(|c| c.year == self.year - 1)
    }
}

/// The `.xlsx` bytes of a division's entry workbook.
pub fn workbook(e: &Entry) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut book = Workbook::new();
    let title = format!(
        "{} {}年度 評価記入シート（{}）",
        e.plan.title, e.year, e.division.name
    );
    book::properties(&mut book, &title, e.year)?;
    book::instructions(book.add_worksheet(), &f, &title, &instructions(e))?;
    items_sheet(&mut book, &f, e)?;
    roadmap_sheet(&mut book, &f, e)?;
    indicators_sheet(&mut book, &f, e)?;
    lists_sheet(&mut book, e.plan)?;
    book::meta_sheet(
        &mut book,
        sheets::KIND_ENTRY,
        &e.plan.id,
        e.year,
        Some(&e.division.id),
    )?;
    book.save_to_buffer()
}

fn instructions(e: &Entry) -> Vec<String> {
    // The plan's word for its items, e.g. 実施項目, 取組項目, 取組.
    let item = &e.plan.item_level().name;
    let mut lines = vec![
        format!(
            "計画：{}（{}）　評価年度：{}年度　所属：{}（{}）",
            e.plan.title, e.plan.id, e.year, e.division.name, e.division.id
        ),
        String::new(),
        format!("このファイルは、貴所属が担当（主担当または関係）する{item}の評価を記入するためのものです。"),
        "色の付いたセルにだけ記入できます。他のセルは保護されています（列の幅と行の高さは変えられます）。".into(),
        format!(
            "「{}」シート：{item}ごとに、評価を一覧から選び、自己評価・要因分析・課題・次年度に向けた対応を文章で書いてください。セル内の改行（Alt＋Enter）は段落の区切りになります。",
            sheets::ITEMS
        ),
        format!(
            "「{}」シート：工程表の行ごとに、状況を「実施」「一部実施」「未実施」から選び、実績に行ったことを書いてください。",
            sheets::ROADMAP
        ),
        format!(
            "「{}」シート：実績値は単位を付けずに数値だけを書いてください（例：12.5）。値がまだない場合は実績値を空欄のままにし、「実績なしの理由」に理由を書いてください（例：集計中）。",
            sheets::INDICATORS
        ),
        "　種別に「順位」とある指標は、1以上の整数で書いてください（例：17位なら 17）。".into(),
        "　種別に「判定」とある指標は、実績値のセルで判定を一覧から選んでください。".into(),
        "各行の先頭の番号（項目番号・行番号・指標ID）は変えないでください。取り込みのときに、これで行を見分けます。行や列の追加・削除、シート名の変更もしないでください。".into(),
        format!("同じ{item}を複数の所属が担当している場合は、所属の間で内容をそろえてください。違う内容が返ってくると、取り込みのときに誤りとして示されます。"),
        "記入が終わったら、ファイル名を変えずに保存し、事務局へ返送してください。".into(),
        String::new(),
        "評価の尺度：".into(),
    ];
    for g in &e.plan.grades {
        lines.push(match &g.meaning {
            Some(m) => format!("　{}：{}　{}", g.key, g.label, m),
            None => format!("　{}：{}", g.key, g.label),
        });
    }
    lines.push(String::new());
    lines.push("作成：kohyo export entry-sheets（取り込みは kohyo import results）".into());
    lines
}

fn items_sheet(book: &mut Workbook, f: &Formats, e: &Entry) -> Result<(), XlsxError> {
    use sheets::items::*;
    let current = e.current();
    let title = format!("{}年度の評価（{}）", e.year, e.division.name);
    let sheet = book::titled_sheet(book, f, sheets::ITEMS, &title)?;
    let mut columns = vec![
        (NUMBER, 10.0),
        (
            TITLE,
            book::fit(e.items.iter().map(|(i, _)| i.title.as_str()), 16.0, 40.0),
        ),
        (ROLE, 8.0),
        (GRADE, 8.0),
    ];
    columns.extend(TEXTS.iter().map(|(h, _)| (*h, 40.0)));
    book::header(sheet, f, &columns)?;
    let first = sheets::HEADER_ROW;
    for (n, (item, role)) in e.items.iter().enumerate() {
        let row = first + n as u32;
        let done = current.and_then(|c| c.item(item.number));
        sheet.write_number_with_format(row, 0, item.number.get(), &f.locked)?;
        sheet.write_string_with_format(row, 1, &item.title, &f.locked)?;
        sheet.write_string_with_format(row, 2, role.label(), &f.locked)?;
        sheet.write_string_with_format(
            row,
            3,
            done.map(|r| r.grade.as_str()).unwrap_or(""),
            &f.input,
        )?;
        let texts = done.map(|r| [&r.self_evaluation, &r.analysis, &r.issues, &r.next_response]);
        for k in 0..TEXTS.len() {
            let text = texts.and_then(|t| t[k].as_deref()).unwrap_or("");
            sheet.write_string_with_format(row, 4 + k as u16, cell_text(text), &f.input)?;
        }
    }
    if !e.items.is_empty() {
        let last = first + e.items.len() as u32 - 1;
        let grades = DataValidation::new()
            .allow_list_formula(Formula::new(format!(
                "={}!$A$1:$A${}",
                sheets::LISTS,
                e.plan.grades.len().max(1)
            )))
            .set_error_title("評価")?
            .set_error_message(format!(
                "評価は一覧から選んでください（{}）。",
                e.plan
                    .grades
                    .iter()
                    .map(|g| g.key.as_str())
                    .collect::<Vec<_>>()
                    .join("・")
            ))?;
        sheet.add_data_validation(first, 3, last, 3, &grades)?;
    }
    book::protect(sheet);
    Ok(())
}

/// `item-project-row`, projects and rows counted from 1.
pub fn roadmap_id(item: u32, project: usize, row: usize) -> String {
    format!("{item}-{}-{}", project + 1, row + 1)
}

fn roadmap_sheet(book: &mut Workbook, f: &Formats, e: &Entry) -> Result<(), XlsxError> {
    use sheets::roadmap::*;
    let current = e.current();
    let rows: Vec<(&Item, usize, &Project, usize, &RoadmapRow)> = e
        .items
        .iter()
        .flat_map(|(item, _)| {
            item.projects
                .iter()
                .enumerate()
                .flat_map(move |(p, project)| {
                    project
                        .roadmap
                        .iter()
                        .enumerate()
                        .map(move |(r, row)| (*item, p, project, r, row))
                })
        })
        .collect();
    let title = format!("{}年度の工程表の実績（{}）", e.year, e.division.name);
    let sheet = book::titled_sheet(book, f, sheets::ROADMAP, &title)?;
    book::header(
        sheet,
        f,
        &[
            (ID, 10.0),
            (ITEM, 10.0),
            (
                PROJECT,
                book::fit(rows.iter().map(|r| r.2.title.as_str()), 12.0, 30.0),
            ),
            (
                LABEL,
                book::fit(rows.iter().map(|r| r.4.label.as_str()), 12.0, 36.0),
            ),
            (YEARS, 14.0),
            (PLANNED, 14.0),
            (STATUS, 10.0),
            (TEXT, 44.0),
        ],
    )?;
    let first = sheets::HEADER_ROW;
    for (n, (item, p, project, r, rm)) in rows.iter().enumerate() {
        let row = first + n as u32;
        let done = current.and_then(|c| c.item(item.number)).and_then(|res| {
            res.achievements
                .iter()
                .find(|a| a.project == *p && a.row == *r)
        });
        let planned = if rm.years.is_none() {
            crate::views::roadmap::UNDATED.to_string()
        } else if rm.years.is_some_and(|p| p.contains(e.year)) {
            match &rm.detail {
                Some(d) => format!("予定あり：{d}"),
                None => "予定あり".to_string(),
            }
        } else {
            "予定なし".to_string()
        };
        sheet.write_string_with_format(row, 0, roadmap_id(item.number.get(), *p, *r), &f.locked)?;
        sheet.write_number_with_format(row, 1, item.number.get(), &f.locked)?;
        sheet.write_string_with_format(row, 2, &project.title, &f.locked)?;
        sheet.write_string_with_format(row, 3, &rm.label, &f.locked)?;
        sheet.write_string_with_format(
            row,
            4,
            match rm.years {
                Some(p) => format!("{}〜{}年度", p.from, p.to),
                None => crate::views::roadmap::UNDATED.to_string(),
            },
            &f.locked,
        )?;
        sheet.write_string_with_format(row, 5, planned, &f.locked)?;
        let status = done.map(|a| status_word(a.status)).unwrap_or("");
        sheet.write_string_with_format(row, 6, status, &f.input)?;
        let text = done.and_then(|a| a.text.as_deref()).unwrap_or("");
        sheet.write_string_with_format(row, 7, cell_text(text), &f.input)?;
    }
    if !rows.is_empty() {
        let last = first + rows.len() as u32 - 1;
        let statuses = DataValidation::new()
            .allow_list_formula(Formula::new(format!("={}!$B$1:$B$3", sheets::LISTS)))
            .set_error_title("状況")?
            .set_error_message("状況は「実施」「一部実施」「未実施」から選んでください。")?;
        sheet.add_data_validation(first, 6, last, 6, &statuses)?;
    }
    book::protect(sheet);
    Ok(())
}

/// The word a roadmap status is written as in the workbooks.
pub fn status_word(status: RowStatus) -> &'static str {
    match status {
        RowStatus::Done => "実施",
        RowStatus::Partial => "一部実施",
        RowStatus::NotDone => "未実施",
    }
}

fn indicators_sheet(book: &mut Workbook, f: &Formats, e: &Entry) -> Result<(), XlsxError> {
    use sheets::indicators::*;
    let (current, previous) = (e.current(), e.previous());
    let rows: Vec<(&Item, &Indicator)> = e
        .items
        .iter()
        .flat_map(|(item, _)| item.indicators.iter().map(move |i| (*item, i)))
        .collect();
    let title = format!("{}年度の指標の実績（{}）", e.year, e.division.name);
    let sheet = book::titled_sheet(book, f, sheets::INDICATORS, &title)?;
    let targets: Vec<String> = rows.iter().map(|(_, i)| targets_text(i)).collect();
    book::header(
        sheet,
        f,
        &[
            (
                ID,
                book::fit(rows.iter().map(|r| r.1.id.as_str()), 10.0, 30.0),
            ),
            (ITEM, 10.0),
            (
                NAME,
                book::fit(rows.iter().map(|r| r.1.name.as_str()), 12.0, 36.0),
            ),
            (KIND, 18.0),
            (
                UNIT,
                book::fit(rows.iter().map(|r| r.1.unit.as_str()), 6.0, 14.0),
            ),
            (BASELINE, 16.0),
            (
                TARGETS,
                book::fit(targets.iter().map(String::as_str), 12.0, 30.0),
            ),
            (LAST_YEAR, 16.0),
            (VALUE, 12.0),
            (UNAVAILABLE, 20.0),
            (NOTE, 24.0),
        ],
    )?;
    let first = sheets::HEADER_ROW;
    for (n, (item, ind)) in rows.iter().enumerate() {
        let row = first + n as u32;
        sheet.write_string_with_format(row, 0, ind.id.as_str(), &f.locked)?;
        sheet.write_number_with_format(row, 1, item.number.get(), &f.locked)?;
        sheet.write_string_with_format(row, 2, &ind.name, &f.locked)?;
        let kind = match ind.kind {
            IndicatorKind::Target => "数値目標",
            IndicatorKind::Reference => "参考指標",
        };
        let measure = match ind.measure {
            Measure::Quantity => "",
            Measure::Rank => "（順位）",
            Measure::Judgement => "（判定）",
        };
        sheet.write_string_with_format(row, 3, format!("{kind}{measure}"), &f.locked)?;
        sheet.write_string_with_format(row, 4, &ind.unit, &f.locked)?;
        sheet.write_string_with_format(
            row,
            5,
            match &ind.baseline {
                Some(b) => format!("{}年度：{}", b.year, number(b.value, ind.precision)),
                None => "公表なし".to_string(),
            },
            &f.locked,
        )?;
        sheet.write_string_with_format(row, 6, &targets[n], &f.locked)?;
        let last =
            previous
                .and_then(|c| c.actual(&ind.id))
                .map(|a| match (a.value, &a.judgement) {
                    (Some(v), _) => number(v, ind.precision),
                    (None, Some(j)) => j.clone(),
                    (None, None) => format!("なし（{}）", a.note.as_deref().unwrap_or("")),
                });
        sheet.write_string_with_format(row, 7, last.unwrap_or_default(), &f.locked)?;
        let now = current.and_then(|c| c.actual(&ind.id));
        let input = actual_input(e.plan, ind);
        match (
            now.and_then(|a| a.value),
            now.and_then(|a| a.judgement.as_deref()),
        ) {
            (Some(v), _) => sheet.write_number_with_format(row, 8, v, &f.input)?,
            (None, Some(j)) => sheet.write_string_with_format(row, 8, j, &f.input)?,
            (None, None) => sheet.write_blank(row, 8, &f.input)?,
        };
        let given = now.is_some_and(|a| a.value.is_some() || a.judgement.is_some());
        let (reason, note) = match now {
            Some(a) if !given => (a.note.clone(), None),
            Some(a) => (None, a.note.clone()),
            None => (None, None),
        };
        sheet.write_string_with_format(row, 9, cell_text(&reason.unwrap_or_default()), &f.input)?;
        sheet.write_string_with_format(row, 10, cell_text(&note.unwrap_or_default()), &f.input)?;
        let v = match &input {
            ActualInput::Decimal => {
                DataValidation::new().allow_decimal_number(DataValidationRule::Between(-1e15, 1e15))
            }
            ActualInput::Rank => DataValidation::new()
                .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(1)),
            ActualInput::Judgement(labels) => {
                DataValidation::new().allow_list_formula(Formula::new(format!(
                    "={}!$C$1:$C${}",
                    sheets::LISTS,
                    labels.len().max(1)
                )))
            }
        };
        let v = v
            .set_error_title(VALUE)?
            .set_error_message(input.sheet_message())?;
        sheet.add_data_validation(row, 8, row, 8, &v)?;
    }
    book::protect(sheet);
    Ok(())
}

/// Every target series, one line per target, each series under its kind
/// (単年度, 累計, 上限, 下限, 範囲) when there is more than one kind to tell apart.
fn targets_text(ind: &Indicator) -> String {
    let mut lines = Vec::new();
    for series in &ind.series {
        let kind = match series.kind {
            SeriesKind::Yearly => "",
            SeriesKind::Cumulative => "（累計）",
            SeriesKind::Cap => "（上限・以下）",
            SeriesKind::Floor => "（下限・以上）",
            SeriesKind::Range => "（範囲）",
        };
        for t in &series.points {
            let value = match t.high {
                Some(high) => format!(
                    "{}〜{}",
                    number(t.value, ind.precision),
                    number(high, ind.precision)
                ),
                None => number(t.value, ind.precision),
            };
            lines.push(format!("{}年度{kind}：{value}", t.year));
        }
    }
    lines.join("\n")
}

/// The hidden sheet of drop-down lists: grades in A, statuses in B, the
/// judgements of qualitative indicators in C.
fn lists_sheet(book: &mut Workbook, plan: &Plan) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(sheets::LISTS)?;
    for (i, g) in plan.grades.iter().enumerate() {
        sheet.write_string(i as u32, 0, &g.key)?;
    }
    for (i, (word, _)) in sheets::roadmap::STATUSES.iter().enumerate() {
        sheet.write_string(i as u32, 1, *word)?;
    }
    for (i, j) in plan.judgements.iter().enumerate() {
        sheet.write_string(i as u32, 2, &j.label)?;
    }
    book::protect(sheet);
    sheet.set_hidden(true);
    Ok(())
}
