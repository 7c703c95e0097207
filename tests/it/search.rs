//! Site search: the index of the sample site queried from Node through the
//! site's own `static/search.js` (`tests/search/*.mjs`), the index written
//! for a small fixture and read by the same script, and the search page.
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
/// (the search script needs the global `fetch`).
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
        "tests/search/citizen.mjs",
        "tests/search/first.mjs",
        "bench/search-quality.mjs",
        "tests/search/fixture.mjs",
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
        "<script src=\"static/search.js\" data-index=\"search/\" defer></script>",
        // Filters folded away, so the count and first results fit a phone's screen.
        "<details class=\"search-filters-box\">",
        // Without JavaScript (or from file://) the page says so and links to the indexes.
        "id=\"search-nojs\"",
        "id=\"search-file\"",
        "<a href=\"plans/gunma-2025/index.html\">",
        "<a href=\"plans/gunma-2025/indicators.html\">",
        "<a href=\"divisions/index.html\">",
    ] {
        assert!(page.contains(needle), "search.html lacks {needle}");
    }
    for filter in [
        "plan", "goal", "policy", "division", "mark", "grade", "status",
    ] {
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
fn every_document_is_a_rendered_page_under_its_heading() {
    let r = render(&repo());
    let docs = kohyo::search::docs::documents(&r.site);
    assert_eq!(r.search.pages, docs.len());
    for d in &docs {
        let (path, fragment) = d.url.split_once('#').unwrap_or((&d.url, ""));
        // Phrase breaks (<wbr>) are not part of the heading's text.
        let page = text(&r, path)
            .replace("<wbr>", "")
            .replace("<span class=\"nobr\">", "")
            .replace("</span>", "");
        // The heading, maybe followed by the item's marks.
        let heading = format!("<h1>{}", kohyo::html::escape::xml(&d.title));
        if fragment.is_empty() {
            assert!(page.contains(&heading), "{}: no {heading}", d.url);
        } else {
            assert!(
                page.contains(&format!("id=\"{fragment}\"")),
                "{}: no such anchor",
                d.url
            );
        }
        assert!(
            path != "404.html" && path != "search.html",
            "{path} is indexed"
        );
    }
    // No page carries pagefind's attributes any more.
    for f in r.files.iter().filter(|f| f.path.ends_with(".html")) {
        assert!(!text(&r, &f.path).contains("data-pagefind"), "{}", f.path);
    }
    let index: Vec<&OutputFile> = r
        .files
        .iter()
        .filter(|f| f.path.starts_with("search/"))
        .collect();
    assert_eq!(r.search.files, index.len());
    assert_eq!(
        r.search.bytes,
        index.iter().map(|f| f.bytes.len() as u64).sum::<u64>()
    );
    assert!(index.iter().any(|f| f.path == "search/meta.json"));
    assert!(!r.files.iter().any(|f| f.path.starts_with("pagefind/")));
}

#[test]
fn item_documents_carry_each_filter_value_once() {
    let r = render(&repo());
    let docs = kohyo::search::docs::documents(&r.site);
    let doc = |url: &str| {
        docs.iter()
            .find(|d| d.url == url)
            .unwrap_or_else(|| panic!("{url}"))
    };
    let item = doc("plans/gunma-2025/items/25.html");
    let values = |name: &str| -> Vec<&str> {
        item.filters
            .iter()
            .filter(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    };
    assert_eq!(values("plan"), ["群馬県行財政改革大綱 実施計画"]);
    assert_eq!(
        values("policy"),
        ["方針11 職員が能力を発揮できる環境の整備"]
    );
    assert_eq!(values("goal").len(), 1);
    assert!(values("goal")[0].starts_with("目標3 "));
    // 人事課 runs the item and three of its projects: once is enough.
    let divisions = values("division");
    assert_eq!(
        divisions.iter().filter(|d| **d == "人事課").count(),
        1,
        "{divisions:?}"
    );
    assert!(divisions.contains(&"総務事務管理課"));
    assert!(values("grade").is_empty(), "no results, no grade");
    let starred = doc("plans/gunma-2025/items/15.html");
    assert!(
        starred
            .filters
            .contains(&("mark", "★ 群馬県官民データ活用推進計画の取組項目".into()))
    );
    let division = doc("divisions/jinji.html");
    assert!(division.filters.contains(&("division", "人事課".into())));
}

#[test]
fn the_script_reads_the_index_the_writer_writes() {
    // A fixture index written by the library, queried by the site's script.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path();
    let fixture = repo().join("tests/fixtures/search");
    let docs = fixture_docs(&std::fs::read_to_string(fixture.join("docs.json")).unwrap());
    let written = kohyo::search::write::write(
        docs,
        &[vec!["在宅勤務".into(), "テレワーク".into()]],
        "search",
    );
    for f in written.files.iter().chain(std::iter::once(&OutputFile::new(
        "static/search.js",
        std::fs::read(repo().join("themes/default/static/search.js")).unwrap(),
    ))) {
        let path = site.join(&f.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &f.bytes).unwrap();
    }
    let tokens: Vec<(String, Vec<(String, u32)>)> =
        std::fs::read_to_string(fixture.join("tokens.txt"))
            .unwrap()
            .lines()
            .map(|l| {
                let t = kohyo::search::text::tokens(l)
                    .into_iter()
                    .map(|t| (t.text, t.pos))
                    .collect();
                (l.to_string(), t)
            })
            .collect();
    std::fs::write(
        site.join("tokens.json"),
        serde_json::to_string(&tokens).unwrap(),
    )
    .unwrap();
    let said = run_node("fixture.mjs", site);
    assert!(said.starts_with("ok: "), "{said}");
}

/// The documents of `tests/fixtures/search/docs.json`: a list of objects
/// with `url`, `title`, optional `context`, `fields` (letter → texts, as in
/// the posting files), `filters` (name → values) and `prior`.
fn fixture_docs(json: &str) -> Vec<kohyo::search::docs::Doc> {
    use kohyo::search::docs::{Doc, FIELDS};
    let value: serde_json::Value = serde_json::from_str(json).expect("docs.json parses");
    let names = [
        "plan", "division", "mark", "grade", "status", "goal", "policy",
    ];
    value
        .as_array()
        .expect("a list of documents")
        .iter()
        .map(|d| {
            let mut doc = Doc {
                url: d["url"].as_str().unwrap().into(),
                title: d["title"].as_str().unwrap().into(),
                context: d["context"].as_str().unwrap_or_default().into(),
                prior: d["prior"].as_u64().unwrap_or(100) as u8,
                ..Doc::default()
            };
            doc.fields[0].push(doc.title.clone());
            for (k, letter) in FIELDS.iter().enumerate() {
                for t in d["fields"][letter.to_string()]
                    .as_array()
                    .into_iter()
                    .flatten()
                {
                    doc.fields[k].push(t.as_str().unwrap().into());
                }
            }
            for name in names {
                for v in d["filters"][name].as_array().into_iter().flatten() {
                    doc.filters.push((name, v.as_str().unwrap().into()));
                }
            }
            doc
        })
        .collect()
}

#[test]
fn a_plan_of_four_levels_is_filtered_by_its_third_level_under_its_own_name() {
    let r = render(&repo().join("tests/fixtures/example-four-levels"));
    let meta: serde_json::Value = serde_json::from_str(text(&r, "search/meta.json")).unwrap();
    // The node page and the item under it (取組1) carry the node's value.
    assert_eq!(
        meta["filters"]["node"],
        serde_json::json!([
            ["事業1 窓口手続のオンライン化", 2],
            ["事業2 庁内業務の効率化", 2],
            ["事業3 町税の収納率向上", 2]
        ]),
        "{}",
        meta["filters"]
    );
    let docs = kohyo::search::docs::documents(&r.site);
    let item = docs
        .iter()
        .find(|d| d.url == "plans/rei-2027/items/1.html")
        .expect("item 1");
    assert!(
        item.filters
            .contains(&("node", "事業1 窓口手続のオンライン化".into())),
        "{:?}",
        item.filters
    );
    // The search page offers the filter under the plan's word for the level.
    let page = text(&r, "search.html");
    assert!(
        page.contains(r#"<label for="filter-node">事業</label><select id="filter-node" name="node" data-filter="node">"#),
        "{page}"
    );
    // A plan of three levels has no such filter.
    let sample = render(&repo());
    assert!(!text(&sample, "search.html").contains("filter-node"));
}
