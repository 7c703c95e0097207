//! Open data files: parse every CSV and JSON and check them against the model.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kohyo::model::Owner;
use kohyo::pipeline::{self, BuildOptions};

use crate::harness::DATA_SETS;

fn files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    pipeline::render_site(root, &BuildOptions::default())
        .unwrap()
        .files
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect()
}

fn csv_rows(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    // UTF-8 with a byte-order mark, so that Excel on Windows reads it as UTF-8.
    let text = std::str::from_utf8(bytes)
        .expect("UTF-8")
        .strip_prefix('\u{feff}')
        .expect("a CSV file starts with the UTF-8 byte-order mark");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn json_rows(bytes: &[u8]) -> Vec<serde_json::Map<String, serde_json::Value>> {
    let v: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_object().unwrap().clone())
        .collect()
}

/// Each CSV row equals its JSON object, value by value.
fn same_as_json(
    header: &[String],
    rows: &[Vec<String>],
    json: &[serde_json::Map<String, serde_json::Value>],
) {
    assert_eq!(rows.len(), json.len());
    for (row, obj) in rows.iter().zip(json) {
        let keys: Vec<&String> = obj.keys().collect();
        assert_eq!(keys.len(), header.len());
        for (h, cell) in header.iter().zip(row) {
            let v = &obj[h];
            let as_text = match v {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            assert_eq!(&as_text, cell, "column {h}");
        }
    }
}

#[test]
fn structure_lists_every_item_with_its_divisions_and_marks() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let site = pipeline::load_site(&root).unwrap();
    let files = files(&root);
    let (header, rows) = csv_rows(&files["data/structure.csv"]);
    assert_eq!(
        header,
        [
            "plan",
            "goal",
            "goal_title",
            "policy",
            "policy_title",
            "item",
            "title",
            "divisions",
            "marks",
            "placement"
        ]
    );
    let plan = site.plans.iter().find(|p| p.id == "gunma-2025").unwrap();
    assert_eq!(rows.len(), plan.items.len());
    for (row, item) in rows.iter().zip(&plan.items) {
        assert_eq!(row[5], item.number.to_string());
        assert_eq!(row[6], item.title);
        assert_eq!(row[3], item.policy().unwrap().to_string());
        let names: Vec<&str> = item
            .divisions
            .iter()
            .map(|d| site.division(d).unwrap().name.as_str())
            .collect();
        assert_eq!(row[7], names.join(";"));
        assert_eq!(row[8] == "★", item.marks.contains(&"data".to_string()));
    }
    same_as_json(&header, &rows, &json_rows(&files["data/structure.json"]));
    let (_, pairs) = csv_rows(&files["data/item-divisions.csv"]);
    assert_eq!(
        pairs.len(),
        plan.items.iter().map(|i| i.divisions.len()).sum::<usize>()
    );
}

#[test]
fn indicators_are_in_long_format_with_numbers_as_numbers() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let site = pipeline::load_site(&root).unwrap();
    let files = files(&root);
    let (header, rows) = csv_rows(&files["data/indicators.csv"]);
    assert_eq!(
        header,
        [
            "plan",
            "goal",
            "item",
            "indicator",
            "name",
            "kind",
            "measure",
            "unit",
            "direction",
            "fiscal_year",
            "series",
            "series_label",
            "value",
            "judgement",
            "outcome",
            "year_given",
            "note"
        ]
    );
    let mut expected = 0;
    for plan in &site.plans {
        for (owner, ind) in plan.all_indicators() {
            expected += usize::from(ind.baseline.is_some())
                + ind.series.iter().map(|s| s.points.len()).sum::<usize>()
                + plan.actuals(&ind.id).len();
            let baseline = rows
                .iter()
                .find(|r| r[3] == ind.id && r[10] == "baseline")
                .unwrap();
            assert_eq!(
                baseline[9].parse::<i32>().unwrap(),
                ind.baseline.unwrap().year
            );
            assert_eq!(
                baseline[12].parse::<f64>().unwrap(),
                ind.baseline.unwrap().value
            );
            assert_eq!(baseline[7], ind.unit);
            if let Owner::Item(n) = owner {
                assert_eq!(baseline[2], n.to_string());
            }
        }
    }
    assert_eq!(rows.len(), expected);
    assert!(rows.iter().any(|r| r
        == &[
            "gunma-2025",
            "3",
            "25",
            "overtime-hours",
            "職員一人当たり時間外勤務時間数（月平均）",
            "reference",
            "quantity",
            "時間",
            "lower",
            "2023",
            "baseline",
            "",
            "12.5",
            "",
            "",
            "true",
            ""
        ]));
    assert!(
        rows.iter()
            .any(|r| r[3] == "tsulunos-views" && r[10] == "actual" && r[12] == "8030"),
        "numbers carry no separators or units"
    );
    for r in &rows {
        assert!(
            r[12].is_empty() || r[12].parse::<f64>().is_ok(),
            "value `{}` is a number",
            r[12]
        );
        assert!(
            r[9].len() == 4 && r[9].parse::<i32>().is_ok(),
            "fiscal year `{}` is a Western year",
            r[9]
        );
    }
    same_as_json(&header, &rows, &json_rows(&files["data/indicators.json"]));
}

#[test]
fn evaluations_and_unavailable_actuals() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cycles");
    let files = files(&root);
    let (header, rows) = csv_rows(&files["data/evaluations.csv"]);
    assert_eq!(
        header,
        ["plan", "fiscal_year", "item", "grade", "grade_label"]
    );
    assert_eq!(
        rows,
        [
            ["demo", "2025", "1", "B", "成果あり"],
            ["demo", "2025", "2", "C", "実施"],
            ["demo", "2026", "1", "A", "大きな成果あり"],
            ["demo", "2026", "2", "C", "実施"],
        ]
    );
    let (_, ind) = csv_rows(&files["data/indicators.csv"]);
    let unavailable = ind
        .iter()
        .find(|r| r[3] == "leave-days" && r[9] == "2026")
        .unwrap();
    assert_eq!(
        (unavailable[12].as_str(), unavailable[16].as_str()),
        ("", "集計中")
    );
    let page = String::from_utf8(files["data/index.html"].clone()).unwrap();
    for name in DATA_SETS {
        assert!(
            page.contains(&format!("href=\"../data/{name}.csv\""))
                || page.contains(&format!("href=\"{name}.csv\""))
                || page.contains(&format!("data/{name}.csv")),
            "data page links {name}"
        );
    }
    assert!(page.contains("CC BY 4.0") || page.contains("rel=\"license\""));
}
