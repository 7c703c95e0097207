//! Keeps the sample content in step with its source tables.
//!
//! `seeds/structure.csv` (the structure table 体系図) and
//! `seeds/indicators.csv` (the indicators 指標) are the tables the sample
//! content was written from. This test loads `content/` through the library's
//! own loader and checks that every goal, policy, item, mark, division and
//! indicator says what the tables say, so a change to one side without the
//! other fails here.

use std::path::PathBuf;

use kohyo::model::{Direction, GoalNumber, IndicatorKind, Placement, Plan, PolicyNumber, Site};
use kohyo::pipeline;

const PLAN_ID: &str = "gunma-2025";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Reads a seed CSV: checks the header and returns the data rows as fields.
///
/// The seeds use no quoting: no field contains a comma, a quote or a line
/// break, so splitting on `,` is exact. A row with the wrong number of fields
/// (a stray comma) fails the test.
fn read_csv(name: &str, header: &[&str]) -> Vec<Vec<String>> {
    let path = repo().join("seeds").join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut lines = text.lines().map(|l| l.trim_end_matches('\r'));
    let head: Vec<&str> = lines.next().expect("empty CSV").split(',').collect();
    assert_eq!(head, header, "{name}: unexpected header");
    lines
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(|(i, l)| {
            assert!(
                !l.contains('"'),
                "{name} line {}: quotes are not used in the seeds",
                i + 2
            );
            let fields: Vec<String> = l.split(',').map(str::to_string).collect();
            assert_eq!(
                fields.len(),
                header.len(),
                "{name} line {}: expected {} fields, found {}",
                i + 2,
                header.len(),
                fields.len()
            );
            fields
        })
        .collect()
}

fn number<T: std::str::FromStr>(field: &str, what: &str) -> T {
    field
        .parse()
        .unwrap_or_else(|_| panic!("{what} `{field}` is not a number"))
}

fn sample_site() -> Site {
    match pipeline::load_site(&repo()) {
        Ok(site) => site,
        Err(diags) => panic!("the sample content does not load:\n{diags}"),
    }
}

fn plan(site: &Site) -> &Plan {
    site.plans
        .iter()
        .find(|p| p.id == PLAN_ID)
        .unwrap_or_else(|| panic!("plan `{PLAN_ID}` is missing"))
}

#[test]
fn structure_matches_seed_table() {
    let rows = read_csv(
        "structure.csv",
        &[
            "目標番号",
            "目標",
            "方針番号",
            "方針",
            "項目番号",
            "実施項目",
            "官民データ活用★",
            "取組所属",
        ],
    );
    let site = sample_site();
    let plan = plan(&site);

    assert_eq!(plan.goals.len(), 4, "goals");
    assert_eq!(plan.policy_count(), 17, "policies");
    assert_eq!(plan.items.len(), 35, "items");
    assert_eq!(rows.len(), 35, "rows in structure.csv");

    let goal_numbers: Vec<u32> = plan.goals.iter().map(|g| g.number.get()).collect();
    assert_eq!(goal_numbers, vec![1, 2, 3, 4], "goal numbering");
    let policy_numbers: Vec<u32> = plan
        .goals
        .iter()
        .flat_map(|g| g.policies.iter().map(|p| p.number.get()))
        .collect();
    assert_eq!(
        policy_numbers,
        (1..=17).collect::<Vec<u32>>(),
        "policy numbering across goals"
    );
    let item_numbers: Vec<u32> = plan.items.iter().map(|i| i.number.get()).collect();
    assert_eq!(
        item_numbers,
        (1..=35).collect::<Vec<u32>>(),
        "item numbering"
    );

    let data_mark = plan.mark("data").expect("the plan defines the mark `data`");
    assert_eq!(data_mark.symbol, "★");

    for (row, expected_number) in rows.iter().zip(1u32..) {
        let goal_no: u32 = number(&row[0], "目標番号");
        let policy_no: u32 = number(&row[2], "方針番号");
        let item_no: u32 = number(&row[4], "項目番号");
        assert_eq!(item_no, expected_number, "structure.csv is in item order");

        let item = plan
            .items
            .iter()
            .find(|i| i.number == item_no)
            .unwrap_or_else(|| panic!("item {item_no} is missing from content"));
        let at = format!("item {item_no} ({})", item.source_file);

        assert_eq!(item.title, row[5], "{at}: title");
        assert_eq!(
            item.policy().map(PolicyNumber::get),
            Some(policy_no),
            "{at}: policy"
        );
        assert_eq!(
            item.goal().map(GoalNumber::get),
            Some(goal_no),
            "{at}: goal"
        );

        let policy = plan
            .policy_of(item)
            .unwrap_or_else(|| panic!("{at}: policy {policy_no} is missing"));
        let goal = plan
            .goal_of(item)
            .expect("an item under a policy has a goal");
        assert_eq!(goal.number, goal_no, "policy {policy_no}: goal");
        assert_eq!(goal.title, row[1], "goal {goal_no}: title");
        assert_eq!(policy.title, row[3], "policy {policy_no}: title");

        let expected_marks: Vec<&str> = match row[6].as_str() {
            "★" => vec!["data"],
            "" => vec![],
            other => panic!("{at}: unexpected mark column `{other}`"),
        };
        assert_eq!(item.marks, expected_marks, "{at}: marks");

        let expected_divisions: Vec<&str> = if row[7].is_empty() {
            Vec::new()
        } else {
            row[7].split('、').collect()
        };
        let division_names: Vec<&str> = item
            .divisions
            .iter()
            .map(|id| {
                site.division(id)
                    .unwrap_or_else(|| panic!("{at}: division id `{id}` is not defined"))
                    .name
                    .as_str()
            })
            .collect();
        assert_eq!(
            division_names, expected_divisions,
            "{at}: divisions 取組所属"
        );

        // Only items 9 and 25 have detail pages that state their policy.
        let expected_placement = if matches!(item_no, 9 | 25) {
            Placement::Documented
        } else {
            Placement::Inferred
        };
        assert_eq!(item.placement, expected_placement, "{at}: placement");
    }
}

#[test]
fn indicators_match_seed_table() {
    let rows = read_csv(
        "indicators.csv",
        &[
            "項目番号",
            "指標ID",
            "指標",
            "種別",
            "単位",
            "方向",
            "策定時年度",
            "策定時値",
        ],
    );
    let site = sample_site();
    let plan = plan(&site);

    assert!(!rows.is_empty(), "indicators.csv has no rows");
    assert_eq!(
        plan.indicator_count(),
        rows.len(),
        "content has indicators that indicators.csv does not list, or the other way round"
    );

    for row in &rows {
        let item_no: u32 = number(&row[0], "項目番号");
        let id = row[1].as_str();
        let item = plan
            .items
            .iter()
            .find(|i| i.number == item_no)
            .unwrap_or_else(|| panic!("item {item_no} is missing from content"));
        let ind = item
            .indicators
            .iter()
            .find(|i| i.id == id)
            .unwrap_or_else(|| panic!("item {item_no} has no indicator `{id}`"));
        let at = format!("indicator `{id}` of item {item_no}");

        assert_eq!(ind.name, row[2], "{at}: name");
        let kind = match row[3].as_str() {
            "参考指標" => IndicatorKind::Reference,
            "数値目標" => IndicatorKind::Target,
            other => panic!("{at}: unknown 種別 `{other}`"),
        };
        assert_eq!(ind.kind, kind, "{at}: kind");
        assert_eq!(ind.unit, row[4], "{at}: unit");
        let direction = match row[5].as_str() {
            "higher" => Direction::Higher,
            "lower" => Direction::Lower,
            "neither" => Direction::Neither,
            other => panic!("{at}: unknown 方向 `{other}`"),
        };
        assert_eq!(ind.direction, direction, "{at}: direction");
        let year: i32 = number(&row[6], "策定時年度");
        let value: f64 = number(&row[7], "策定時値");
        assert_eq!(ind.baseline.unwrap().year, year, "{at}: baseline year");
        assert_eq!(ind.baseline.unwrap().value, value, "{at}: baseline value");
        assert!(ind.series.is_empty(), "{at}: the source gives no targets");
    }
}
