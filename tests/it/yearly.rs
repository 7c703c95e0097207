//! The yearly cycle from spreadsheets, end to end: `kohyo export
//! entry-sheets` for the `yearly` fixture, the workbooks filled in by
//! Python's openpyxl (not our library) with one wrong cell per kind of
//! mistake, `kohyo import results` reporting each by file, sheet, row and
//! column, then fixed, imported as a draft, previewed and published.
//!
//! Needs python3 with openpyxl (`.ci/run` installs it); without them the
//! test says so and passes without running, since nothing here can be
//! checked without a second spreadsheet library.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use kohyo::export::{self, EntrySheetsArgs};
use kohyo::import::{self, ImportError, Target, WorkbooksArgs};
use kohyo::pipeline::{self, BuildOptions};

use crate::harness::kohyo;
use crate::serve::harness::copy_dir;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the `yearly` fixture.
fn site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/fixtures/yearly"), tmp.path());
    tmp
}

fn export_to(root: &Path, out: &Path) -> export::ExportReport {
    export::entry_sheets(&EntrySheetsArgs {
        plan: "demo".into(),
        year: 2026,
        out: Some(out.to_path_buf()),
        root: root.to_path_buf(),
        force: false,
        quiet: true,
    })
    .unwrap_or_else(|e| panic!("{e:?}"))
}

fn args(root: &Path, files: &Path, write: bool) -> WorkbooksArgs {
    WorkbooksArgs {
        files: vec![files.to_path_buf()],
        year: None,
        write,
        target: Target {
            root: root.to_path_buf(),
            plan: "demo".into(),
            force: false,
            quiet: true,
        },
    }
}

/// Whether python3 with openpyxl is there; says why not when it is not.
fn openpyxl() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!(
            "skipped: the end-to-end spreadsheet test needs python3 with openpyxl (pip install openpyxl)"
        );
    }
    ok
}

/// Fills the workbooks in `dir`; returns what fill.py printed.
fn fill(dir: &Path, mode: &str) -> String {
    let out = Command::new("python3")
        .arg(repo().join("tests/yearly/fill.py"))
        .arg(dir)
        .arg(mode)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn page(rendered: &pipeline::Rendered, path: &str) -> String {
    let f = rendered.files.iter().find(|f| f.path == path).unwrap();
    String::from_utf8(f.bytes.clone()).unwrap()
}

#[test]
fn workbooks_out_filled_by_another_library_and_back_in() {
    let site = site();
    let root = site.path();
    let sheets = tempfile::tempdir().unwrap();
    let dir = sheets.path().join("returned");
    let report = export_to(root, &dir);
    let names: Vec<String> = report
        .written
        .iter()
        .map(|w| w.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "2026年度_評価記入シート_人事課_jinji.xlsx",
            "2026年度_評価記入シート_財政課_zaisei.xlsx",
            "2026年度_委員会・委員意見一覧.xlsx",
        ]
    );
    // The same content exports the same bytes.
    let again = sheets.path().join("again");
    export_to(root, &again);
    for n in &names {
        assert!(
            fs::read(dir.join(n)).unwrap() == fs::read(again.join(n)).unwrap(),
            "{n}"
        );
    }
    // Unfilled workbooks import as nothing to change.
    let blank = import::import_workbooks(&args(root, &dir, false)).unwrap();
    assert!(
        blank
            .stdout
            .ends_with("0 change(s) against no results file (a new one); 0 of 2 item(s) graded\n"),
        "{}",
        blank.stdout
    );
    if !openpyxl() {
        return;
    }

    // The rank cell takes whole numbers from 1, the judgement cell offers
    // the plan's judgements from the hidden list sheet.
    let rules = fill(&dir, "bad");
    assert!(
        rules.starts_with(
            "rank cell I5: whole greaterThanOrEqual 1\njudgement cell I8: list 選択肢!$C$1:$C$3\njudgements listed: ['達成', '概ね達成', '未達成']\n"
        ),
        "{rules}"
    );
    let err = import::import_workbooks(&args(root, &dir, true)).unwrap_err();
    let ImportError::Data(problems) = &err else {
        panic!("{err}")
    };
    let d = dir.display();
    let (jinji, zaisei, sec) = (
        format!("{d}/2026年度_評価記入シート_人事課_jinji.xlsx"),
        format!("{d}/2026年度_評価記入シート_財政課_zaisei.xlsx"),
        format!("{d}/2026年度_委員会・委員意見一覧.xlsx"),
    );
    let got: Vec<(String, String)> = problems
        .iter()
        .map(|p| (p.place.clone(), p.message.clone()))
        .collect();
    let want = [
        (
            format!("{sec}:sheet kohyo:row 3:column B"),
            "this workbook is for fiscal year 2025, not 2026 like the others",
        ),
        (
            format!("{jinji}:sheet 評価:row 4:column D (評価)"),
            "grade `S` is not on the plan's scale",
        ),
        (
            format!("{jinji}:sheet 工程表:row 4:column H (実績)"),
            "a number (42) where 実績 is expected as text",
        ),
        (
            format!("{jinji}:sheet 工程表:row 5:column A (行番号)"),
            "行番号 `2-1-9` is not one of this workbook's rows: the id was edited",
        ),
        (
            format!("{jinji}:sheet 指標:row 4:column I (実績値)"),
            "`約11時間` is not a number",
        ),
        (
            format!("{jinji}:sheet 指標:row 5:column I (実績値)"),
            "rank 2.5 is not a whole number from 1",
        ),
        (
            format!("{jinji}:sheet 指標:row 8:column I (実績値)"),
            "judgement `ほぼ達成` is not on the plan's list",
        ),
        (
            format!("{zaisei}:sheet 評価:row 4:column D (評価)"),
            "item 2 is answered differently by division 人事課 and division 財政課",
        ),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(p, m)| (p.clone(), m.to_string()))
        .collect();
    assert_eq!(got, want, "{err}");
    assert!(
        err.to_string()
            .contains("hint: choose one of A, B, C, D from the cell's list")
    );
    for hint in [
        "hint: a rank (順位) is a whole number from 1, e.g. 17 for 17位; if there is no value yet, leave 実績値 empty and write why in 実績なしの理由",
        "hint: choose one of 達成, 概ね達成, 未達成 from the cell's list; if there is no value yet",
    ] {
        assert!(err.to_string().contains(hint), "{hint}\n{err}");
    }
    assert!(
        err.to_string()
            .ends_with("8 error(s); nothing was written.")
    );
    assert!(!root.join("content/plans/demo/results/2026.yaml").exists());

    // Fixed: the changes are shown, and nothing is written without --write.
    // The secretariat's list offers 30 opinion rows; one written below them
    // is imported too.
    let printed = fill(&dir, "good");
    assert!(
        printed.ends_with("opinion rows offered: 30, rows 4-33\n"),
        "{printed}"
    );
    let shown = import::import_workbooks(&args(root, &dir, false)).unwrap();
    assert_eq!(
        shown.preview.as_deref(),
        Some("content/plans/demo/results/2026.yaml")
    );
    assert!(!root.join("content/plans/demo/results/2026.yaml").exists());
    for line in [
        "2026年度_評価記入シート_人事課_jinji.xlsx (division 人事課): 8 change(s)\n",
        "  item 1: 評価 A; 自己評価 「時間外勤務が減った。 偏りも小さくなった。」;",
        "  roadmap 1-1-1: 状況 実施「研修を2回開いた。」\n",
        "  indicator overtime-hours: 実績値 10.9\n",
        "  indicator leave-days: 実績値 なし（集計中）\n",
        "  indicator satisfaction-rank: 実績値 8\n",
        "  indicator leave-plan: 実績値 概ね達成（8割の所属で計画表を作った。）\n",
        "2026年度_委員会・委員意見一覧.xlsx (secretariat): 2 change(s)\n  committee: 1 meeting(s), was 0\n  opinions: 2 in all, was 0; changed for item(s) 1, 2\n",
        "12 change(s) against no results file (a new one); 2 of 2 item(s) graded\n",
    ] {
        assert!(shown.stdout.contains(line), "{line}\n{}", shown.stdout);
    }
    let written = import::import_workbooks(&args(root, &dir, true)).unwrap();
    assert_eq!(written.written, ["content/plans/demo/results/2026.yaml"]);
    let yaml = fs::read_to_string(root.join("content/plans/demo/results/2026.yaml")).unwrap();
    assert!(
        yaml.contains("year: 2026\nstatus: \"draft\"\ncommittee:\n  - date: \"2027-07-30\"\n"),
        "{yaml}"
    );
    assert!(
        yaml.contains(
            "    self_evaluation: |-\n      時間外勤務が減った。\n\n      偏りも小さくなった。\n"
        ),
        "{yaml}"
    );
    for actual in [
        "  - indicator: \"overtime-hours\"\n    value: 10.9\n",
        "  - indicator: \"satisfaction-rank\"\n    value: 8\n",
        "  - indicator: \"leave-plan\"\n    judgement: \"概ね達成\"\n    note: \"8割の所属で計画表を作った。\"\n",
        "  - item: 2\n    grade: \"B\"\n",
        "    opinions:\n      - opinion: \"取得の少ない職員にも目を向けてほしい。\"\n",
    ] {
        assert!(yaml.contains(actual), "{actual}\n{yaml}");
    }
    // Never over an existing file without --force.
    let again = import::import_workbooks(&args(root, &dir, true)).unwrap_err();
    assert!(matches!(again, ImportError::Exists { .. }), "{again}");
    // Exported again, the workbooks come prefilled with the draft, and
    // returned untouched they change nothing.
    let second = sheets.path().join("second-round");
    export_to(root, &second);
    let untouched = import::import_workbooks(&args(root, &second, false)).unwrap();
    assert!(
        untouched
            .stdout
            .ends_with("0 change(s) against the results file; 2 of 2 item(s) graded\n"),
        "{}",
        untouched.stdout
    );

    // A normal build leaves the draft out; a preview shows it on the item
    // thread, the cycle page and the dashboard.
    let normal = pipeline::render_site(root, &BuildOptions::default()).unwrap();
    assert!(
        !normal
            .files
            .iter()
            .any(|f| f.path == "plans/demo/cycles/2026.html")
    );
    let preview = pipeline::render_site(
        root,
        &BuildOptions {
            drafts: true,
            no_search: true,
            ..BuildOptions::default()
        },
    )
    .unwrap();
    let item = page(&preview, "plans/demo/items/1.html");
    assert!(
        item.contains("公表前の案")
            && item.contains("偏りの理由を示してほしい。")
            && item.contains("研修を2回開いた。")
    );
    let cycle = page(&preview, "plans/demo/cycles/2026.html");
    assert!(cycle.contains("第1回評価委員会") && cycle.contains("集計中"));
    let item2 = page(&preview, "plans/demo/items/2.html");
    assert!(item2.contains("概ね達成") && item2.contains("取得の少ない職員にも目を向けてほしい。"));
    let dashboard = page(&preview, "plans/demo/indicators.html");
    assert!(dashboard.contains("公表前の案") && dashboard.contains("10.9"));

    // Published: one key changed, and the pages carry the results without the banner.
    let path = root.join("content/plans/demo/results/2026.yaml");
    fs::write(
        &path,
        yaml.replace("status: \"draft\"", "status: \"published\""),
    )
    .unwrap();
    let published = pipeline::render_site(
        root,
        &BuildOptions {
            no_search: true,
            ..BuildOptions::default()
        },
    )
    .unwrap();
    let cycle = page(&published, "plans/demo/cycles/2026.html");
    assert!(cycle.contains("第1回評価委員会") && !cycle.contains("公表前の案"));
    assert!(page(&published, "plans/demo/indicators.html").contains("10.9"));
}

#[test]
fn workbooks_saved_by_libreoffice_import_correctly() {
    let site = site();
    let root = site.path();
    let returned = repo().join("tests/fixtures/yearly-returned");
    let report =
        import::import_workbooks(&args(root, &returned, true)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.written, ["content/plans/demo/results/2026.yaml"]);
    let written = fs::read_to_string(root.join(&report.written[0])).unwrap();
    let expected = fs::read_to_string(returned.join("expected-2026.yaml")).unwrap();
    assert_eq!(written, expected);
    pipeline::check_site(root, &BuildOptions::default()).unwrap_or_else(|d| panic!("{d}"));
}

#[test]
fn the_commands_say_what_they_did_and_refuse_what_they_should() {
    let site = site();
    let root = site.path();
    let (code, out, err) = kohyo(
        &["export", "entry-sheets", "--plan", "demo", "--year", "2026"],
        root,
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("  2026年度_評価記入シート_財政課_zaisei.xlsx: 財政課, 1 item(s), "),
        "{out}"
    );
    assert!(
        out.contains("wrote 3 workbook(s) (2 division(s) and the secretariat's) into "),
        "{out}"
    );
    assert!(
        root.join("entry-sheets/demo-2026/2026年度_委員会・委員意見一覧.xlsx")
            .is_file()
    );
    // Workbooks may have come back filled in: never replaced without --force.
    let (code, _, err) = kohyo(
        &["export", "entry-sheets", "--plan", "demo", "--year", "2026"],
        root,
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("error: 3 workbook(s) already exist in ") && err.contains("pass --force"),
        "{err}"
    );
    let (code, _, err) = kohyo(
        &["export", "entry-sheets", "--plan", "nope", "--year", "2026"],
        root,
    );
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "error: the site has no plan `nope`\n  hint: its plans are: demo\n"
        )
    );
    let (code, _, err) = kohyo(
        &["export", "entry-sheets", "--plan", "demo", "--year", "2031"],
        root,
    );
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: --year 2031 lies outside the plan period 2025–2029"),
        "{err}"
    );

    // The unfilled workbooks: a diff with nothing in it, and nothing written.
    let dir = root.join("entry-sheets/demo-2026");
    let dir = dir.to_str().unwrap();
    let (code, out, err) = kohyo(&["import", "results", dir, "--plan", "demo"], root);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.ends_with("0 change(s) against no results file (a new one); 0 of 2 item(s) graded\n"),
        "{out}"
    );
    assert_eq!(
        err,
        "note: 2 item(s) have no answer yet and are left out: 1, 2\nnothing was written: pass --write to write content/plans/demo/results/2026.yaml\n"
    );
    // A table of one's own still needs --year.
    let csv = root.join("own.csv");
    fs::write(&csv, "項目番号,評価\n1,A\n").unwrap();
    let (code, _, err) = kohyo(
        &["import", "results", csv.to_str().unwrap(), "--plan", "demo"],
        root,
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("is not an entry workbook made by kohyo export, so --year is needed"),
        "{err}"
    );
    let (code, _, err) = kohyo(
        &[
            "import",
            "results",
            csv.to_str().unwrap(),
            "--plan",
            "demo",
            "--year",
            "2026",
        ],
        root,
    );
    assert_eq!(code, 0, "{err}");
    assert!(root.join("content/plans/demo/results/2026.yaml").is_file());
}

#[test]
fn the_instructions_sheet_names_the_items_with_the_plans_word() {
    // example-four-levels calls its items 取組, not 実施項目.
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(
        &repo().join("tests/fixtures/example-four-levels"),
        tmp.path(),
    );
    let out = tmp.path().join("sheets");
    let report = export::entry_sheets(&EntrySheetsArgs {
        plan: "rei-2027".into(),
        year: 2027,
        out: Some(out.clone()),
        root: tmp.path().to_path_buf(),
        force: false,
        quiet: true,
    })
    .unwrap_or_else(|e| panic!("{e:?}"));
    let file = report
        .written
        .iter()
        .map(|w| w.path.clone())
        .find(|p| p.to_string_lossy().contains("総務課"))
        .expect("a workbook for 総務課");
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&file).unwrap();
    let sheet = book.worksheet_range("記入方法").unwrap();
    let text: String = sheet
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        text.contains("貴所属が担当（主担当または関係）する取組の評価を記入する"),
        "{text}"
    );
    assert!(
        text.contains("「評価」シート：取組ごとに、評価を一覧から選び"),
        "{text}"
    );
    assert!(
        text.contains("同じ取組を複数の所属が担当している場合"),
        "{text}"
    );
    assert!(!text.contains("実施項目"), "{text}");
}
