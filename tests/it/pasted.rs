//! The messages for mistakes made by pasting from Excel or Word, pinned as
//! users see them: 全角 colons, spaces and digits, numbers with commas,
//! quotes, `%` or units, Shift_JIS and UTF-16 files, invisible spaces in an
//! id, a bare list in divisions.yaml, empty files, and template errors with
//! their line.

use std::fs;
use std::path::Path;

use crate::safety_input::Site;

const ITEM: &str = "content/plans/demo/items/01.yaml";

/// Asserts that `kohyo check` on `site` fails with exactly `expected`.
fn assert_check(site: &Site, expected: &str) {
    let (code, stderr) = site.check();
    assert_eq!(stderr, expected);
    assert_eq!(code, 1, "{stderr}");
}

/// The minimal site with `from` replaced by `to` in its item file.
fn item_with(from: &str, to: &str) -> Site {
    let site = Site::minimal();
    site.edit(ITEM, from, to);
    site
}

#[test]
fn full_width_digits() {
    assert_check(
        &item_with("number: 1", "number: １"),
        "content/plans/demo/items/01.yaml:1:9: error: `１` is not a plain number: it is written in full-width (全角) characters
  1 | number: １
    |         ^
  hint: write the number alone, in half-width (半角) digits, as `1`
1 error(s); nothing was written.
",
    );
    assert_check(
        &item_with("value: 12.5", "value: １２．５"),
        "content/plans/demo/items/01.yaml:19:35: error: `１２．５` is not a plain number: it is written in full-width (全角) characters
  19 |     baseline: {year: 2023, value: １２．５}
     |                                   ^
  hint: write the number alone, in half-width (半角) digits, as `12.5`
1 error(s); nothing was written.
",
    );
}

#[test]
fn full_width_colon_after_a_key() {
    assert_check(
        &item_with("title: ", "title："),
        "content/plans/demo/items/01.yaml:2:6: error: the colon after `title` is full-width (全角の「：」)
  2 | title：働きやすい職場環境づくり
    |      ^
  hint: write a half-width colon and a space: `title: `
1 error(s); nothing was written.
",
    );
}

#[test]
fn full_width_spaces_in_indentation_and_after_a_colon() {
    let site = item_with("    direction: lower", "　　direction: lower");
    site.edit(ITEM, "policy: 1", "policy:　1");
    assert_check(
        &site,
        "content/plans/demo/items/01.yaml:3:8: error: the space after `policy:` is full-width (全角スペース)
  3 | policy:　1
    |        ^
  hint: write a half-width space after the colon: `policy: `
content/plans/demo/items/01.yaml:18:1: error: the line is indented with full-width spaces (全角スペース)
  18 | 　　direction: lower
     | ^
  hint: indent with half-width (半角) spaces only, lined up with the lines around it
2 error(s); nothing was written.
",
    );
}

#[test]
fn numbers_with_thousands_separators_quotes_percent_or_units() {
    let case = |written: &str, message: &str, hint: &str| {
        let site = item_with("value: 12.5", &format!("value: {written}"));
        let (code, stderr) = site.check();
        let expected = format!(
            "content/plans/demo/items/01.yaml:19:35: error: `{written}` is not a plain number: {message}\n  19 |     baseline: {{year: 2023, value: {written}}}\n     |                                   ^\n  hint: {hint}\n1 error(s); nothing was written.\n"
        );
        assert_eq!((code, stderr), (1, expected));
    };
    case(
        "1,234",
        "it has a thousands separator (,)",
        "write the number alone, in half-width (半角) digits, as `1234`",
    );
    case(
        "\"1,234\"",
        "it is in quotes, which makes it text; it has a thousands separator (,)",
        "write the number alone, in half-width (半角) digits, as `1234`",
    );
    case(
        "12.5%",
        "it has a unit (%) after the number",
        "write the number alone, in half-width (半角) digits, as `12.5`; the unit belongs in the indicator's `unit` (e.g. `unit: %`)",
    );
    case(
        "210者",
        "it has a unit (者) after the number",
        "write the number alone, in half-width (半角) digits, as `210`; the unit belongs in the indicator's `unit` (e.g. `unit: 者`)",
    );
}

#[test]
fn a_number_with_a_comma_in_block_style() {
    let site = item_with(
        "baseline: {year: 2023, value: 12.5}",
        "baseline:\n      year: 2023\n      value: 1,234",
    );
    assert_check(
        &site,
        "content/plans/demo/items/01.yaml:21:14: error: `1,234` is not a plain number: it has a thousands separator (,)
  21 |       value: 1,234
     |              ^
  hint: write the number alone, in half-width (半角) digits, as `1234`
1 error(s); nothing was written.
",
    );
}

const SAVE_AS_UTF8: &str = "  hint: open the file in a text editor and save it as UTF-8 (「UTF-8 で保存」; in メモ帳: 名前を付けて保存 → 文字コード「UTF-8」); a table from Excel can instead be read with `kohyo import`, which understands Shift_JIS\n";

#[test]
fn a_shift_jis_file_names_the_encoding_and_the_line() {
    let site = Site::minimal();
    let text = fs::read_to_string(site.path(ITEM)).unwrap();
    site.write(ITEM, encoding_rs::SHIFT_JIS.encode(&text).0);
    assert_check(
        &site,
        &format!(
            "content/plans/demo/items/01.yaml:2:8: error: the file is saved as Shift_JIS (the encoding of older Windows programs and Excel), but content files must be UTF-8\n{SAVE_AS_UTF8}1 error(s); nothing was written.\n"
        ),
    );
    let (_, json) = site.check_json();
    assert!(
        json.starts_with(r#"{"file":"content/plans/demo/items/01.yaml","line":2,"column":8,"severity":"error","code":"encoding","#),
        "{json}"
    );
}

#[test]
fn a_utf16_file_names_the_encoding() {
    let site = Site::minimal();
    let text = fs::read_to_string(site.path("content/site.yaml")).unwrap();
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    site.write("content/site.yaml", bytes);
    assert_check(
        &site,
        &format!(
            "content/site.yaml: error: the file is saved as UTF-16 (Windows' \"Unicode\"), but content files must be UTF-8\n{SAVE_AS_UTF8}1 error(s); nothing was written.\n"
        ),
    );
}

#[test]
fn an_invisible_full_width_space_after_an_id() {
    let site = Site::minimal();
    site.edit("content/divisions.yaml", "id: jinji", "id: jinji　");
    assert_check(
        &site,
        "content/divisions.yaml:2:9: error: division id `jinji` has a full-width space (全角スペース) before or after it, which cannot be seen
  2 |   - id: jinji　
    |         ^
  hint: delete the space, so the line reads `jinji` with nothing after it
1 error(s); nothing was written.
",
    );
}

#[test]
fn an_invisible_full_width_space_after_an_indicator_reference() {
    let site = Site::fixture("results-unknown-indicator");
    let results = "content/plans/demo/results/2025.yaml";
    site.edit(
        results,
        "indicator: overtime-hours",
        "indicator: overtime-hours　",
    );
    let (code, stderr) = site.check();
    assert_eq!(code, 1);
    assert!(
        stderr.contains("content/plans/demo/results/2025.yaml:32:16: error: indicator `overtime-hours` has a full-width space (全角スペース) before or after it, which cannot be seen
  32 |   - indicator: overtime-hours　
     |                ^
  hint: delete the space, so the line reads `overtime-hours` with nothing after it
"),
        "{stderr}"
    );
}

/// The sample site's divisions.yaml without its `divisions:` line: one
/// error, not one for every division its 35 items name.
#[test]
fn divisions_written_as_a_bare_list_is_one_error() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = Site::minimal();
    let text = fs::read_to_string(repo.join("content/divisions.yaml")).unwrap();
    let bare: String = text
        .lines()
        .filter(|l| *l != "divisions:")
        .map(|l| format!("{}\n", l.strip_prefix("  ").unwrap_or(l)))
        .collect();
    fs::remove_dir_all(site.path("content")).unwrap();
    let status = std::process::Command::new("cp")
        .args(["-r"])
        .arg(repo.join("content"))
        .arg(site.path("content"))
        .status()
        .unwrap();
    assert!(status.success());
    site.write("content/divisions.yaml", bare);
    let (code, stderr) = site.check();
    assert_eq!(code, 1);
    assert!(
        stderr.ends_with("  hint: add a line `divisions:` at the top of the file and indent every line of the list under it by two spaces\n1 error(s); nothing was written.\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains(":1: error: the divisions are written as a bare list; the list must come under a `divisions:` key\n"),
        "{stderr}"
    );
}

#[test]
fn empty_files() {
    const EMPTY: &str = "error: the file is empty (it has no keys, only blank lines or comments)
  hint: write its keys (docs/content-format.md lists them and has an example); an item or results file that is not needed can be deleted
";
    let site = Site::minimal();
    site.write(ITEM, "");
    site.write("content/site.yaml", "# 設定\n\n");
    site.write("content/pages/blank.md", "\n");
    site.write("content/pages/no-title.md", "---\n---\n本文\n");
    assert_check(
        &site,
        &format!("content/pages/blank.md: {EMPTY}content/pages/no-title.md:1:1: error: the page's front matter is empty
  1 | ---
    | ^
  hint: write `title: …` between the two `---` lines
{ITEM}: {EMPTY}content/site.yaml: {EMPTY}4 error(s); nothing was written.\n"),
    );
}

#[test]
fn template_errors_carry_their_line_in_text_and_json() {
    let site = Site::minimal();
    site.write("themes/default/templates/page.html", "<p>\n{{ foo( }}\n");
    assert_check(
        &site,
        "themes/default/templates/page.html:2:9: error: template error: Found `}}` but expected identifier.
  2 | {{ foo( }}
    |         ^
  hint: fix the template syntax, or delete the file to use the built-in template
1 error(s); nothing was written.
",
    );
    site.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{{ page.nothing.here }}\n{% endblock %}\n",
    );
    let (code, json) = site.check_json();
    assert_eq!(code, 1);
    assert!(
        json.starts_with(r#"{"file":"themes/default/templates/page.html","line":3,"column":9,"severity":"error","code":"template","message":"template failed to render: Field `nothing` is not defined."#),
        "{json}"
    );
}
