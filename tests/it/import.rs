//! `kohyo import`: spreadsheet exports in, content files out.
//!
//! The main test imports the repository's own seed tables into a fresh site
//! and checks that the result says what the sample content says. The others
//! cover the file kinds (Shift_JIS CSV, TSV, XLSX), results, bad rows (all
//! reported, nothing written) and the refusal to overwrite.
//!
//! The fixtures in `tests/fixtures/import/` are committed files; the XLSX one
//! was made once with LibreOffice, so these tests do not need it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use kohyo::import::{
    self, ImportError, IndicatorsArgs, PlacementArg, ResultsArgs, StructureArgs, Target,
};
use kohyo::model::{Plan, PolicyNumber, RowStatus, Site};
use kohyo::pipeline;

const PLAN: &str = "gunma-2025";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/import").join(name)
}

/// A site with the sample's site.yaml, divisions.yaml and plan.yaml, and no items.
fn empty_site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    fs::create_dir_all(content.join("plans").join(PLAN)).unwrap();
    for f in ["site.yaml", "divisions.yaml", "plans/gunma-2025/plan.yaml"] {
        fs::copy(repo().join("content").join(f), content.join(f)).unwrap();
    }
    tmp
}

/// A copy of the whole sample content.
fn sample_copy() -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    copy(&repo().join("content"), &tmp.path().join("content"));
    tmp
}

fn target(root: &Path) -> Target {
    Target {
        root: root.to_path_buf(),
        plan: PLAN.into(),
        force: false,
        quiet: true,
    }
}

fn structure(root: &Path, file: PathBuf) -> StructureArgs {
    StructureArgs {
        file,
        sheet: None,
        indicators: None,
        indicators_sheet: None,
        placement: PlacementArg::Documented,
        target: target(root),
    }
}

fn load(root: &Path) -> Site {
    pipeline::load_site(root).unwrap_or_else(|d| panic!("the imported site does not load:\n{d}"))
}

fn plan(site: &Site) -> &Plan {
    site.plans.iter().find(|p| p.id == PLAN).unwrap()
}

/// Every file under `root` with its bytes, to prove nothing was written.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walk(root) {
        out.insert(entry.clone(), fs::read(&entry).unwrap());
    }
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// The seeds' structure table with a 配置 column: the two items whose detail
/// pages state their policy are `documented`, the rest `inferred`.
fn seeds_with_placement(dir: &Path) -> PathBuf {
    let text = fs::read_to_string(repo().join("seeds/structure.csv")).unwrap();
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        let extra = match i {
            0 => "配置",
            _ if line
                .split(',')
                .nth(4)
                .is_some_and(|n| n == "9" || n == "25") =>
            {
                "documented"
            }
            _ => "inferred",
        };
        out.push_str(&format!("{line},{extra}\n"));
    }
    let path = dir.join("structure-with-placement.csv");
    fs::write(&path, out).unwrap();
    path
}

#[test]
fn seeds_import_into_the_sample_structure() {
    let site_dir = empty_site();
    let root = site_dir.path();
    let sheets = tempfile::tempdir().unwrap();
    let mut args = structure(root, seeds_with_placement(sheets.path()));
    args.indicators = Some(repo().join("seeds/indicators.csv"));
    let report = import::import_structure(&args).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.written.len(), 35);
    assert_eq!(report.replaced, 0);
    assert!(
        report.notes.is_empty(),
        "plan.yaml agrees: {:?}",
        report.notes
    );
    assert!(report.stdout.contains("goals:\n  - number: 1\n"));
    assert!(
        report
            .written
            .contains(&"content/plans/gunma-2025/items/09.yaml".to_string())
    );

    let imported = load(root);
    let sample = load(&repo());
    let (got, want) = (plan(&imported), plan(&sample));
    assert_eq!(got.items.len(), want.items.len());
    for (g, w) in got.items.iter().zip(&want.items) {
        let at = format!("item {}", w.number);
        assert_eq!(g.number, w.number, "{at}");
        assert_eq!(g.title, w.title, "{at}: title");
        assert_eq!(g.policy(), w.policy(), "{at}: policy");
        assert_eq!(g.goal(), w.goal(), "{at}: goal");
        assert_eq!(g.marks, w.marks, "{at}: marks");
        assert_eq!(g.divisions, w.divisions, "{at}: division ids");
        assert_eq!(g.placement, w.placement, "{at}: placement");
        assert_eq!(g.indicators.len(), w.indicators.len(), "{at}: indicators");
        for (gi, wi) in g.indicators.iter().zip(&w.indicators) {
            let at = format!("{at}, indicator {}", wi.id);
            assert_eq!(gi.id, wi.id, "{at}");
            assert_eq!(gi.name, wi.name, "{at}: name");
            assert_eq!(gi.kind, wi.kind, "{at}: kind");
            assert_eq!(gi.unit, wi.unit, "{at}: unit");
            assert_eq!(gi.direction, wi.direction, "{at}: direction");
            assert_eq!(gi.baseline, wi.baseline, "{at}: baseline");
            assert_eq!(gi.series, wi.series, "{at}: targets");
        }
    }
    type Goals = Vec<(u32, String, Vec<(u32, String)>)>;
    let goals = |p: &Plan| -> Goals {
        p.goals
            .iter()
            .map(|g| {
                let policies = g
                    .policies
                    .iter()
                    .map(|x| (x.number.get(), x.title.clone()))
                    .collect();
                (g.number.get(), g.title.clone(), policies)
            })
            .collect()
    };
    assert_eq!(goals(got), goals(want));

    // The whole site, templates included, checks.
    pipeline::render_site(root, &Default::default()).unwrap_or_else(|d| panic!("{d}"));
}

#[test]
fn the_printed_goals_block_is_valid_plan_yaml() {
    let site_dir = empty_site();
    let root = site_dir.path();
    // Drop the plan's goals and marks, then put back what the import prints.
    let plan_file = root.join("content/plans/gunma-2025/plan.yaml");
    let text = fs::read_to_string(&plan_file).unwrap();
    let head = &text[..text.find("\nmarks:").unwrap() + 1];
    let grades = &text[text.find("grades:").unwrap()..text.find("goals:").unwrap()];
    fs::write(&plan_file, format!("{head}{grades}goals: []\n")).unwrap();

    let mut args = structure(root, repo().join("seeds/structure.csv"));
    args.placement = PlacementArg::Inferred;
    let report = import::import_structure(&args).unwrap_or_else(|e| panic!("{e}"));
    let note = report.notes.join("\n");
    assert!(note.contains("goal 1 is missing"), "{note}");
    assert!(note.contains("no mark has the symbol ★"), "{note}");
    // Without a mark of its own, ★ becomes the mark `star` with the column's label.
    assert!(report.stdout.starts_with(
        "# Goals and policies from structure.csv, for plan.yaml (replace its `goals:` list).\n\
         marks:\n  - id: \"star\"\n    symbol: \"★\"\n    label: \"官民データ活用\"\ngoals:\n"
    ));
    fs::write(&plan_file, format!("{head}{grades}{}", report.stdout)).unwrap();
    let site = load(root);
    let p = plan(&site);
    assert_eq!(p.goals.len(), 4);
    assert_eq!(p.policy_count(), 17);
    assert_eq!(p.item_by_number(1).unwrap().marks, ["star"]);
    assert!(
        p.items
            .iter()
            .all(|i| i.placement == kohyo::model::Placement::Inferred)
    );
}

#[test]
fn shift_jis_csv_with_a_title_row() {
    let site_dir = empty_site();
    let root = site_dir.path();
    let report = import::import_structure(&structure(root, fixture("structure-sjis.csv")))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.written.len(), 3);
    let text = fs::read_to_string(root.join("content/plans/gunma-2025/items/08.yaml")).unwrap();
    assert!(
        text.starts_with(
            "# content/plans/gunma-2025/items/08.yaml: implementation item 8 (RawItem in src/raw.rs).\n\
             # Imported by `kohyo import structure` from structure-sjis.csv, row 4.\n"
        ),
        "{text}"
    );
    assert!(text.contains(
        "number: 8\ntitle: \"地方分権改革推進\"\npolicy: 4\ndivisions:\n  - \"総務部総務課\"\n  - \"市町村課\"\nplacement: \"documented\"\n"
    ));
    let site = load(root);
    let item = plan(&site).item_by_number(1).unwrap();
    assert_eq!(item.title, "相談・申請手続の利便性向上");
    assert_eq!(item.marks, ["data"]);
    assert_eq!(item.divisions, ["dx"]);
}

#[test]
fn tsv_with_bom_and_placement_column() {
    let site_dir = empty_site();
    let root = site_dir.path();
    let mut args = structure(root, fixture("structure.tsv"));
    args.placement = PlacementArg::Inferred;
    import::import_structure(&args).unwrap_or_else(|e| panic!("{e}"));
    let site = load(root);
    let p = plan(&site);
    use kohyo::model::Placement::*;
    let placements: Vec<_> = p
        .items
        .iter()
        .map(|i| (i.number.get(), i.placement))
        .collect();
    assert_eq!(
        placements,
        [(9, Documented), (25, Documented), (26, Inferred)]
    );
    assert_eq!(p.item_by_number(25).unwrap().divisions.len(), 4);
}

#[test]
fn xlsx_workbook_sheet() {
    let site_dir = empty_site();
    let root = site_dir.path();
    let mut args = structure(root, fixture("structure.xlsx"));
    args.sheet = Some("体系図".into());
    let report = import::import_structure(&args).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.written.len(), 4);
    let text = fs::read_to_string(root.join("content/plans/gunma-2025/items/28.yaml")).unwrap();
    assert!(
        text.contains("from structure.xlsx (sheet 体系図), row 5."),
        "{text}"
    );
    assert!(text.contains("\ndivisions: []\n"), "{text}");
    let site = load(root);
    let p = plan(&site);
    assert_eq!(
        p.items.iter().map(|i| i.number).collect::<Vec<_>>(),
        [1, 2, 3, 28]
    );
    assert_eq!(
        p.item_by_number(2).unwrap().title,
        "県への支払い方法の多様化"
    );
    assert_eq!(
        p.item_by_number(28)
            .unwrap()
            .policy()
            .map(PolicyNumber::get),
        Some(14)
    );

    args.sheet = Some("指標".into());
    let err = import::import_structure(&args).unwrap_err();
    assert_eq!(err.exit_code(), 2);
    assert!(
        err.to_string()
            .contains("has no sheet `指標`\n  hint: its sheets are: 体系図"),
        "{err}"
    );
}

#[test]
fn bad_rows_are_all_reported_and_nothing_is_written() {
    let site_dir = empty_site();
    let root = site_dir.path();
    let before = snapshot(root);
    let file = fixture("bad-structure.csv");
    let err = import::import_structure(&structure(root, file.clone())).unwrap_err();
    assert_eq!(err.exit_code(), 1);
    let f = file.display();
    let expected = format!(
        "{f}:row 2:column E (項目番号): error: 項目番号 `一` is not a whole number\n\
         \x20 hint: write the item's number, e.g. 9\n\
         {f}:row 3:column G (官民データ活用★): error: unknown mark `○`\n\
         \x20 hint: write ★ when the item carries the mark, or leave the cell empty\n\
         {f}:row 4:column F (実施項目): error: empty title\n\
         \x20 hint: write the title (実施項目); every row needs one\n\
         {f}:row 5:column E (項目番号): error: item 2 appears twice\n\
         \x20 hint: it is already on row 3; give each item one row\n\
         {f}:row 6:column H (取組所属): error: unknown division `人事科`\n\
         \x20 hint: did you mean `人事課`? Otherwise add `人事科` to content/divisions.yaml (as a name or an alias)\n\
         5 error(s); nothing was written."
    );
    assert_eq!(err.to_string(), expected);
    assert_eq!(snapshot(root), before, "nothing may be written");
}

#[test]
fn existing_files_are_kept_without_force() {
    let site_dir = empty_site();
    let root = site_dir.path();
    let args = structure(root, fixture("structure-sjis.csv"));
    import::import_structure(&args).unwrap();
    let item = root.join("content/plans/gunma-2025/items/09.yaml");
    fs::write(
        &item,
        fs::read_to_string(&item).unwrap() + "note: 手書きの注記\n",
    )
    .unwrap();
    let before = snapshot(root);

    let err = import::import_structure(&args).unwrap_err();
    assert_eq!(err.exit_code(), 2);
    let ImportError::Exists { files, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(files.len(), 3);
    assert!(err.to_string().starts_with(
        "error: 3 file(s) already exist; nothing was written:\n  content/plans/gunma-2025/items/01.yaml\n"
    ));
    assert_eq!(snapshot(root), before);

    let mut forced = args.clone();
    forced.target.force = true;
    let report = import::import_structure(&forced).unwrap();
    assert_eq!(report.replaced, 3);
    assert!(!fs::read_to_string(&item).unwrap().contains("手書き"));
}

#[test]
fn indicators_merge_into_existing_item_files() {
    let site_dir = empty_site();
    let root = site_dir.path();
    import::import_structure(&structure(root, fixture("structure-sjis.csv"))).unwrap();
    let item = root.join("content/plans/gunma-2025/items/09.yaml");
    let handwritten = fs::read_to_string(&item).unwrap() + "# 手書き\nnote: 手書きの注記\n";
    fs::write(&item, &handwritten).unwrap();

    let mut args = IndicatorsArgs {
        file: fixture("indicators-targets.csv"),
        sheet: None,
        target: target(root),
    };
    let report = import::import_indicators(&args).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.written, ["content/plans/gunma-2025/items/09.yaml"]);
    let merged = fs::read_to_string(&item).unwrap();
    assert!(
        merged.starts_with(&handwritten),
        "the hand-written part is kept"
    );
    assert!(merged.contains(
        "  # imported by `kohyo import indicators` from indicators-targets.csv, row 2\n"
    ));
    let site = load(root);
    let ind = &plan(&site).item_by_number(9).unwrap().indicators[0];
    let b = ind.baseline.unwrap();
    assert_eq!((b.year, b.value), (2024, 210.0));
    let targets = &ind.series[0].points;
    assert_eq!(targets.len(), 1);
    assert_eq!((targets[0].year, targets[0].value), (2029, 300.0));
    assert_eq!(ind.source.as_deref(), Some("庁内集計"));

    // A second import refuses; with --force it replaces only the list.
    let err = import::import_indicators(&args).unwrap_err();
    assert!(matches!(err, ImportError::Exists { .. }), "{err}");
    args.target.force = true;
    import::import_indicators(&args).unwrap();
    assert_eq!(fs::read_to_string(&item).unwrap(), merged);

    // An item without a file is a bad row.
    let sheets = tempfile::tempdir().unwrap();
    let csv = sheets.path().join("indicators.csv");
    let text = fs::read_to_string(fixture("indicators-targets.csv")).unwrap();
    fs::write(&csv, text.replace("\n9,netsugen-members,", "\n30,members,")).unwrap();
    args.file = csv.clone();
    let err = import::import_indicators(&args).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}:row 2:column A (項目番号): error: item 30 has no item file in content/plans/gunma-2025/items\n\
             \x20 hint: import the structure table first (kohyo import structure), or correct the number\n\
             1 error(s); nothing was written.",
            csv.display()
        )
    );
}

#[test]
fn results_with_an_unavailable_value() {
    let site_dir = sample_copy();
    let root = site_dir.path();
    let args = ResultsArgs {
        file: fixture("results-2025.csv"),
        sheet: None,
        year: 2025,
        published: Some("2026-08-29".into()),
        target: target(root),
    };
    let report = import::import_results(&args).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        report.written,
        ["content/plans/gunma-2025/results/2025.yaml"]
    );
    let text = fs::read_to_string(root.join(&report.written[0])).unwrap();
    assert!(
        text.contains(
            "year: 2025\npublished: \"2026-08-29\"\nitems:\n  - item: 9\n    grade: \"B\"\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "    self_evaluation: |-\n      会員数が伸びた。\n\n      有料会員も増えた。\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("  - indicator: \"overtime-hours\"\n    unavailable: \"集計中\"\n"),
        "{text}"
    );

    let site = load(root);
    let cycle = &plan(&site).cycles[0];
    assert_eq!(cycle.year, 2025);
    assert_eq!(cycle.published.as_deref(), Some("2026-08-29"));
    let nine = cycle.item_by_number(9).unwrap();
    assert_eq!(nine.grade, "B");
    assert_eq!(nine.issues.as_deref(), Some("「\"稼ぐ県庁\"」の継続"));
    assert_eq!(nine.achievements.len(), 1);
    assert_eq!(nine.achievements[0].status, RowStatus::Done);
    assert_eq!(
        nine.achievements[0].text.as_deref(),
        Some("会員どうしのマッチングを12件実施")
    );
    let t25 = cycle.item_by_number(25).unwrap();
    let rows: Vec<_> = t25
        .achievements
        .iter()
        .map(|a| (a.project, a.row, a.status))
        .collect();
    assert_eq!(
        rows,
        [(0, 0, RowStatus::Partial), (1, 2, RowStatus::NotDone)]
    );
    let actuals: Vec<_> = cycle
        .actuals
        .iter()
        .map(|a| (a.indicator.as_str(), a.value, a.note.as_deref()))
        .collect();
    assert_eq!(
        actuals,
        [
            ("netsugen-members", Some(1234.0), None),
            ("overtime-hours", None, Some("集計中"))
        ]
    );

    // The file exists now: a second run refuses.
    let err = import::import_results(&args).unwrap_err();
    assert!(matches!(err, ImportError::Exists { .. }), "{err}");
}

#[test]
fn results_bad_rows() {
    let site_dir = sample_copy();
    let root = site_dir.path();
    let sheets = tempfile::tempdir().unwrap();
    let csv = sheets.path().join("results.csv");
    fs::write(
        &csv,
        "項目番号,評価,実績,指標:netsugen-members,指標:no-such\n\
         9,E,済,12.5%,\n\
         99,A,,,\n",
    )
    .unwrap();
    let args = ResultsArgs {
        file: csv.clone(),
        sheet: None,
        year: 2025,
        published: None,
        target: target(root),
    };
    let err = import::import_results(&args).unwrap_err();
    let f = csv.display();
    assert_eq!(
        err.to_string(),
        format!(
            "{f}:row 1:column E (指標:no-such): error: unknown indicator `no-such`\n\
             \x20 hint: indicator columns are named 指標:<id> with an id from an item file; achievement columns 実績 or 実績<project>-<row>, e.g. 実績1-2\n\
             {f}:row 2:column B (評価): error: grade `E` is not on the plan's scale\n\
             \x20 hint: the plan's grades are A, B, C, D\n\
             {f}:row 2:column C (実績): error: an achievement must start with 実施, 一部実施 or 未実施\n\
             \x20 hint: e.g. `実施：会員向けセミナーを4回開催`, or leave the cell empty\n\
             {f}:row 2:column D (指標:netsugen-members): error: `12.5%` is not a number\n\
             \x20 hint: write the plain number without the unit (e.g. 12.5), or why there is none (e.g. 集計中)\n\
             {f}:row 3:column A (項目番号): error: unknown item 99\n\
             \x20 hint: the plan has no item file for item 99; check the number\n\
             5 error(s); nothing was written."
        )
    );
    assert!(!root.join("content/plans/gunma-2025/results").exists());

    let mut outside = args.clone();
    outside.year = 2031;
    assert_eq!(import::import_results(&outside).unwrap_err().exit_code(), 2);
}

#[test]
fn command_line_exit_codes_and_output() {
    let site_dir = empty_site();
    let root = site_dir.path();
    let kohyo = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kohyo"))
            .arg("import")
            .args(args)
            .arg("--root")
            .arg(root)
            .args(["--plan", PLAN])
            .output()
            .unwrap()
    };
    let bad = fixture("bad-structure.csv");
    let out = kohyo(&["structure", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).ends_with("5 error(s); nothing was written.\n"));

    let good = fixture("structure-sjis.csv");
    let out = kohyo(&["structure", good.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .starts_with("# Goals and policies from structure-sjis.csv")
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "wrote 3 file(s) (3 new, 0 replaced)\n"
    );

    let out = kohyo(&["structure", good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let out = kohyo(&["structure", good.to_str().unwrap(), "--sheet", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a workbook"));
}
