"""Fills the entry workbooks of tests/fixtures/yearly as divisions would,
with openpyxl (a spreadsheet library that is not kohyo's): `good` gives
valid answers, `bad` the same with one wrong cell per kind of mistake.
Prints how many opinion rows the secretariat's workbook offers.

Usage: python3 fill.py FOLDER good|bad
"""
import datetime
import glob
import os
import sys

import openpyxl


def book(folder, suffix):
    [path] = glob.glob(os.path.join(folder, "*" + suffix))
    return path, openpyxl.load_workbook(path)


def row_of(sheet, ident):
    """The row whose id (column A) is `ident`, as the workbook came."""
    for row in range(4, sheet.max_row + 1):
        if str(sheet.cell(row, 1).value) == str(ident):
            return row
    raise KeyError(ident)


def main(folder, mode):
    bad = mode == "bad"

    path, wb = book(folder, "_jinji.xlsx")
    items = wb["評価"]
    one, two = row_of(items, 1), row_of(items, 2)
    items.cell(one, 4).value = "S" if bad else "A"
    items.cell(one, 5).value = "時間外勤務が減った。\n偏りも小さくなった。"
    items.cell(one, 6).value = "個別の働きかけが効いた。"
    items.cell(one, 7).value = "繁忙期の平準化。"
    items.cell(one, 8).value = "業務の前倒しを進める。"
    items.cell(two, 4).value = "B"
    items.cell(two, 5).value = "取得日数が伸びた。"
    roadmap = wb["工程表"]
    r111 = row_of(roadmap, "1-1-1")
    r211 = 5  # row 2-1-1 as exported; `bad` edits its id, `good` puts it back
    assert roadmap.cell(r211, 1).value in ("2-1-1", "2-1-9")
    roadmap.cell(r111, 7).value = "実施"
    roadmap.cell(r111, 8).value = 42 if bad else "研修を2回開いた。"
    roadmap.cell(r211, 1).value = "2-1-9" if bad else "2-1-1"
    roadmap.cell(r211, 7).value = "一部実施"
    indicators = wb["指標"]
    overtime, leave = row_of(indicators, "overtime-hours"), row_of(indicators, "leave-days")
    indicators.cell(overtime, 9).value = "約11時間" if bad else 10.9
    indicators.cell(leave, 10).value = "集計中"
    rank, plan = row_of(indicators, "satisfaction-rank"), row_of(indicators, "leave-plan")
    # The rules the workbook gives these cells, as another library reads them.
    for what, row in (("rank", rank), ("judgement", plan)):
        [dv] = [d for d in indicators.data_validations.dataValidation if f"I{row}" in str(d.sqref)]
        print(f"{what} cell I{row}: {dv.type} {dv.operator or ''} {dv.formula1}".replace("  ", " "))
    print("judgements listed:", [wb["選択肢"].cell(r, 3).value for r in range(1, 4)])
    indicators.cell(rank, 9).value = 2.5 if bad else 8
    indicators.cell(plan, 9).value = "ほぼ達成" if bad else "概ね達成"
    indicators.cell(plan, 11).value = "8割の所属で計画表を作った。"
    wb.save(path)

    path, wb = book(folder, "_zaisei.xlsx")
    items = wb["評価"]
    two = row_of(items, 2)
    items.cell(two, 4).value = "C" if bad else "B"
    items.cell(two, 5).value = "取得日数が伸びた。"
    roadmap = wb["工程表"]
    roadmap.cell(row_of(roadmap, "2-1-1"), 7).value = "一部実施"
    wb.save(path)

    [path] = glob.glob(os.path.join(folder, "*委員意見一覧.xlsx"))
    wb = openpyxl.load_workbook(path)
    meta = wb["kohyo"]
    meta.cell(3, 2).value = "2025" if bad else "2026"
    meetings = wb["委員会"]
    meetings.cell(4, 2).value = datetime.date(2027, 7, 30)
    meetings.cell(4, 3).value = "第1回評価委員会"
    meetings.cell(4, 4).value = "例示の会議です。"
    meetings.cell(4, 5).value = "https://example.org/minutes/2026.html"
    opinions = wb["委員意見一覧"]
    opinions.cell(4, 2).value = 1
    opinions.cell(4, 3).value = "偏りの理由を示してほしい。"
    opinions.cell(4, 4).value = "次年度に所属別の要因を示す。"
    # The rows offered are numbered; one more opinion goes below them, after
    # two empty rows, as a secretariat with a long list would write it.
    offered = [r for r in range(4, opinions.max_row + 1) if opinions.cell(r, 1).value is not None]
    print(f"opinion rows offered: {len(offered)}, rows {offered[0]}-{offered[-1]}")
    beyond = offered[-1] + 3
    opinions.cell(beyond, 2).value = 2
    opinions.cell(beyond, 3).value = "取得の少ない職員にも目を向けてほしい。"
    wb.save(path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
