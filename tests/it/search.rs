//! Site search: the pagefind index of the sample site queried from Node the
//! way the search page queries it (`tests/search/*.mjs`), and the markup of
//! the search page and of the indexed pages.
//!
//! The Node tests need Node.js 18 or later on `PATH` (or named by the `NODE`
//! environment variable). Without it they fail with a message saying so;
//! `.ci/run` checks for it first.

use std::path::{Path, PathBuf};
use std::process::Command;

use kohyo::output::OutputFile;
use kohyo::pipeline::{self, BuildOptions, Rendered};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Node.js executable, checked to run and to be version 18 or later
/// (pagefind's script needs the global `fetch`).
fn node() -> String {
    let node = std::env::var("NODE").unwrap_or_else(|_| "node".into());
    let version = match Command::new(&node).arg("--version").output() {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).trim().to_string(),
        Ok(out) => panic!(
            "the search tests need Node.js, but `{node} --version` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => panic!(
            "the search tests need Node.js 18 or later, but `{node}` cannot be run ({e}): \
             install Node.js, or set NODE to its path"
        ),
    };
    let major: u32 = version
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    assert!(
        major >= 18,
        "the search tests need Node.js 18 or later, found {version}"
    );
    node
}

/// Runs `tests/search/<script>` on the built site in `site`; fails with its output.
fn run_node(script: &str, site: &Path) -> String {
    let out = Command::new(node())
        .arg(repo().join("tests/search").join(script))
        .arg(site)
        .current_dir(repo())
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "tests/search/{script} failed:\n{stdout}{stderr}"
    );
    stdout.into_owned()
}

fn build(root: &Path, out: &Path) -> pipeline::BuildReport {
    pipeline::build(root, out, &BuildOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn render(root: &Path) -> Rendered {
    pipeline::render_site(root, &BuildOptions::default()).unwrap_or_else(|d| panic!("{d}"))
}

fn text<'a>(r: &'a Rendered, path: &str) -> &'a str {
    let f: &OutputFile = r
        .files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no {path}"));
    std::str::from_utf8(&f.bytes).unwrap()
}

#[test]
fn japanese_queries_find_the_expected_page_first() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let report = build(&repo(), &out);
    assert!(report.search.pages > 100, "{:?}", report.search);
    let said = run_node("queries.mjs", &out);
    assert!(said.starts_with("ok: "), "{said}");
}

#[test]
fn grade_filter_follows_the_latest_evaluation() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build(&repo().join("tests/fixtures/cycles"), &out);
    run_node("grades.mjs", &out);
}

#[test]
fn search_scripts_parse() {
    for script in [
        "themes/default/static/search.js",
        "tests/search/harness.mjs",
        "tests/search/queries.mjs",
        "tests/search/grades.mjs",
    ] {
        let out = Command::new(node())
            .arg("--check")
            .arg(repo().join(script))
            .output()
            .expect("node runs");
        assert!(
            out.status.success(),
            "{script}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn search_page_has_a_labelled_form_a_live_region_and_links_to_browse() {
    let r = render(&repo());
    let page = text(&r, "search.html");
    for needle in [
        "<h1>サイト内検索</h1>",
        "role=\"search\"",
        "<label for=\"search-q\">",
        "<input type=\"search\" id=\"search-q\"",
        "aria-live=\"polite\"",
        "<legend>",
        "<script src=\"static/search.js\" data-bundle=\"pagefind/\" defer></script>",
        // Without JavaScript (or from file://) the page says so and links to the indexes.
        "id=\"search-nojs\"",
        "id=\"search-file\"",
        "<a href=\"plans/gunma-2025/index.html\">",
        "<a href=\"plans/gunma-2025/indicators.html\">",
        "<a href=\"divisions/index.html\">",
    ] {
        assert!(page.contains(needle), "search.html lacks {needle}");
    }
    for filter in ["plan", "goal", "policy", "division", "mark", "grade"] {
        assert!(
            page.contains(&format!("<label for=\"filter-{filter}\">"))
                && page.contains(&format!("<select id=\"filter-{filter}\"")),
            "search.html lacks a labelled select for {filter}"
        );
    }
    // The form is hidden until the script shows it, so it never appears unusable.
    assert!(page.contains("method=\"get\" hidden>"));
    assert_eq!(page.matches("<h1").count(), 1);
    // Every page links to the search page.
    assert!(text(&r, "plans/gunma-2025/items/25.html").contains("href=\"../../../search.html\""));
    assert!(r.files.iter().any(|f| f.path == "static/search.js"));
}

#[test]
fn every_page_but_404_and_search_is_indexed() {
    let r = render(&repo());
    let html: Vec<&OutputFile> = r
        .files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .collect();
    let mut marked = 0;
    for f in &html {
        let page = std::str::from_utf8(&f.bytes).unwrap();
        let body =
            page.contains("<main id=\"main\" class=\"wrap\" tabindex=\"-1\" data-pagefind-body>");
        let excluded = f.path == "404.html" || f.path == "search.html";
        assert_eq!(body, !excluded, "{}: data-pagefind-body {body}", f.path);
        marked += usize::from(body);
    }
    assert_eq!(r.search.pages, marked, "pages in the index");
    let entry = text(&r, "pagefind/pagefind-entry.json");
    assert!(entry.contains("\"languages\":{\"ja\":"), "{entry}");
    let bundle: Vec<&str> = r
        .files
        .iter()
        .map(|f| f.path.as_str())
        .filter(|p| p.starts_with("pagefind/"))
        .collect();
    for needed in [
        "pagefind/pagefind.js",
        "pagefind/pagefind-worker.js",
        "pagefind/wasm.unknown.pagefind",
    ] {
        assert!(bundle.contains(&needed), "missing {needed}");
    }
    assert!(bundle.iter().any(|p| p.starts_with("pagefind/fragment/")));
    assert!(
        !bundle
            .iter()
            .any(|p| p.contains("-ui.") || p.contains("highlight")),
        "unused pagefind files are left out: {bundle:?}"
    );
    assert_eq!(r.search.files, bundle.len());
    let bytes: u64 = r
        .files
        .iter()
        .filter(|f| f.path.starts_with("pagefind/"))
        .map(|f| f.bytes.len() as u64)
        .sum();
    assert_eq!(r.search.bytes, bytes);
}

#[test]
fn item_pages_carry_each_filter_value_once() {
    let r = render(&repo());
    let item = text(&r, "plans/gunma-2025/items/25.html");
    for (filter, count) in [
        ("plan:群馬県行財政改革大綱 実施計画", 1),
        ("goal:目標3 ", 1),
        ("policy:方針11 職員が能力を発揮できる環境の整備", 1),
        // 人事課 runs the item and three of its projects: once is enough.
        ("division:人事課", 1),
        ("division:総務事務管理課", 1),
    ] {
        assert_eq!(
            item.matches(&format!("data-pagefind-filter=\"{filter}"))
                .count(),
            count,
            "{filter}"
        );
    }
    assert!(
        !item.contains("data-pagefind-filter=\"grade:"),
        "no results, no grade"
    );
    let starred = text(&r, "plans/gunma-2025/items/15.html");
    assert!(
        starred.contains("data-pagefind-filter=\"mark:★ 群馬県官民データ活用推進計画の取組項目\"")
    );
    let division = text(&r, "divisions/jinji.html");
    assert!(division.contains("data-pagefind-filter=\"division:人事課\""));
}
