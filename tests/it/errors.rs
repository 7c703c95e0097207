//! Each broken fixture site gives exactly the messages a user sees, with
//! file, line and column, and `kohyo check` exits with status 1.

use std::path::Path;
use std::process::Command;

fn check(case: &str) -> (i32, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case);
    let out = Command::new(env!("CARGO_BIN_EXE_kohyo"))
        .args(["check", "--root"])
        .arg(&root)
        .env("NO_COLOR", "1")
        .output()
        .expect("run kohyo");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

fn assert_errors(case: &str, expected: &str) {
    let (code, stderr) = check(case);
    assert_eq!(stderr, expected, "messages for fixture `{case}`");
    assert_eq!(code, 1, "exit status for fixture `{case}`");
}

#[test]
fn minimal_fixture_is_valid() {
    let (code, stderr) = check("minimal");
    assert_eq!((code, stderr.as_str()), (0, ""));
}

#[test]
fn yaml_syntax_error() {
    assert_errors(
        "yaml-syntax",
        "content/plans/demo/items/01.yaml:2:8: error: invalid YAML: unclosed quote
  2 | title: \"働きやすい職場環境づくり
    |        ^
  hint: check indentation, colons after keys and matching quotes and brackets
1 error(s); nothing was written.
",
    );
}

#[test]
fn duplicate_key() {
    assert_errors(
        "duplicate-key",
        "content/plans/demo/items/01.yaml:4:1: error: duplicate key `title`
  4 | title: 二つ目の題名
    | ^
  hint: a key may appear only once in the same mapping; keep one and delete the other
1 error(s); nothing was written.
",
    );
}

#[test]
fn unknown_key() {
    assert_errors(
        "unknown-key",
        "content/plans/demo/items/01.yaml:4:1: error: unknown key `divison`
  4 | divison: [人事課]
    | ^
  hint: check the spelling; the keys allowed here are: number, title, parent, policy, marks, divisions, placement, summary, note, projects, indicators
1 error(s); nothing was written.
",
    );
}

#[test]
fn missing_required_field() {
    assert_errors(
        "missing-field",
        "content/plans/demo/items/01.yaml:1:9: error: item 1 does not say which 方針 it belongs to
  1 | number: 1
    |         ^
  hint: write `policy: N` (or `parent: N`) with the number of its 方針
1 error(s); nothing was written.
",
    );
}

#[test]
fn wrong_type() {
    assert_errors(
        "wrong-type",
        "content/plans/demo/items/01.yaml:3:9: error: wrong kind of value: expected a whole number
  3 | policy: 第一
    |         ^
  hint: check the value's type against docs/content-format.md (text, number, list or mapping)
1 error(s); nothing was written.
",
    );
}

#[test]
fn unknown_policy() {
    assert_errors(
        "unknown-policy",
        "content/plans/demo/items/01.yaml:3:9: error: unknown 方針 7
  3 | policy: 7
    |         ^
  hint: the plan's 方針 are numbered 1; see plan.yaml
1 error(s); nothing was written.
",
    );
}

#[test]
fn unknown_division_suggests_the_nearest_name() {
    assert_errors(
        "unknown-division",
        "content/plans/demo/items/01.yaml:5:13: error: unknown division `人事科`
  5 | divisions: [人事科]
    |             ^
  hint: did you mean `人事課`? Divisions are listed in content/divisions.yaml; add it there if it is new
1 error(s); nothing was written.
",
    );
}

#[test]
fn duplicate_item_number() {
    assert_errors(
        "duplicate-item-number",
        "content/plans/demo/items/02.yaml:1:9: error: duplicate item number 1
  1 | number: 1
    |         ^
  hint: item 1 is already defined in content/plans/demo/items/01.yaml; give each item its own number
1 error(s); nothing was written.
",
    );
}

#[test]
fn year_outside_the_plan_period() {
    assert_errors(
        "year-out-of-period",
        "content/plans/demo/items/01.yaml:12:13: error: roadmap year 2031 is outside the plan period 2025–2029
  12 |         to: 2031
     |             ^
  hint: use a fiscal year from 2025 to 2029
1 error(s); nothing was written.
",
    );
}

#[test]
fn indicator_value_not_finite() {
    assert_errors(
        "not-finite",
        "content/plans/demo/items/01.yaml:19:35: error: baseline value is not a finite number
  19 |     baseline: {year: 2023, value: .nan}
     |                                   ^
  hint: write a plain number such as 12.5; if there is no value yet, leave the entry out
1 error(s); nothing was written.
",
    );
}

#[test]
fn id_not_url_safe() {
    assert_errors(
        "bad-id",
        "content/divisions.yaml:2:9: error: division id `人事 課` is not URL-safe
  2 |   - id: 人事 課
    |         ^
  hint: use lowercase ASCII letters, digits and `-` only, starting with a letter or digit (e.g. `somu-soumu`)
content/plans/demo/items/01.yaml:8:17: error: unknown division `jinji`
  8 |     divisions: [jinji]
    |                 ^
  hint: use a division id or name from content/divisions.yaml, or add the division there
2 error(s); nothing was written.
",
    );
}

#[test]
fn every_error_is_reported_in_one_run() {
    assert_errors(
        "many-errors",
        "content/plans/demo/items/01.yaml:3:9: error: unknown 方針 9
  3 | policy: 9
    |         ^
  hint: the plan's 方針 are numbered 1; see plan.yaml
content/plans/demo/items/01.yaml:4:9: error: unknown mark `star`
  4 | marks: [star]
    |         ^
  hint: the plan's marks are: data
content/plans/demo/items/01.yaml:5:18: error: unknown division `秘書課`
  5 | divisions: [人事課, 秘書課]
    |                     ^
  hint: use a division id or name from content/divisions.yaml, or add the division there
content/plans/demo/items/01.yaml:12:13: error: roadmap year 2030 is outside the plan period 2025–2029
  12 |         to: 2030
     |             ^
  hint: use a fiscal year from 2025 to 2029
content/site.yaml:5:1: error: unknown key `colour`
  5 | colour: blue
    | ^
  hint: check the spelling; the keys allowed here are: title, organisation, base_url, language, era_years, description, contact, notice, official, licence, license
5 error(s); nothing was written.
",
    );
}

#[test]
fn missing_site_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_kohyo"))
        .args(["check", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.starts_with("content/site.yaml: error: the site settings file is missing\n  hint: every site needs content/site.yaml"), "{stderr}");
}

#[test]
fn only_one_plan_can_be_current() {
    assert_errors(
        "two-current-plans",
        "content/plans/old-2020/plan.yaml:4:9: error: plan `old-2020` is marked current, but so is `demo`
  4 | status: current
    |         ^
  hint: only one plan can be current; mark earlier plans `status: archived`
1 error(s); nothing was written.
",
    );
}

/// A date that is written right but does not exist (2025-02-31) is an error
/// at its line, and the hint gives the month's last day.
#[test]
fn a_day_past_the_end_of_its_month_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    crate::serve::harness::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal"),
        &root,
    );
    let plan = root.join("content/plans/demo/plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(
        &plan,
        text.replace("adopted: 2025-03\n", "adopted: 2025-02-31\n"),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_kohyo"))
        .args(["check", "--root"])
        .arg(&root)
        .env("NO_COLOR", "1")
        .output()
        .expect("run kohyo");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "content/plans/demo/plan.yaml:3:10: error: adoption date `2025-02-31` is not a date: 2025年2月 has 28 days
  3 | adopted: 2025-02-31
    |          ^
  hint: check the day; the last day of the month is 2025-02-28
1 error(s); nothing was written.
"
    );
    assert_eq!(out.status.code(), Some(1));
}
