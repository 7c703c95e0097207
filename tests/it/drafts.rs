//! Draft cycles 公表前の案: a results file with `status: draft` is shown by
//! `kohyo build --drafts` (and `kohyo serve`, see serve.rs) under a banner on
//! every page that shows it, and is otherwise left out so completely that
//! the output is byte for byte the output without the file.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use kohyo::pipeline::{self, BuildOptions};

use crate::harness::kohyo;
use crate::serve::harness::copy_dir;

const DRAFT: &str = "content/plans/demo/results/2026.yaml";
/// A sentence only the draft holds.
const DRAFT_WORDS: &str = "下書きの総括";
const BANNER: &str = "公表前の案";

fn fixture(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case)
}

/// The `cycles` fixture with its 2026 results marked as a draft (and given
/// a summary nothing else says).
pub fn draft_site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&fixture("cycles"), tmp.path());
    let path = tmp.path().join(DRAFT);
    let text = fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "year: 2026\n",
        &format!("year: 2026\nstatus: draft\nsummary: {DRAFT_WORDS}\n"),
        1,
    );
    fs::write(&path, text).unwrap();
    tmp
}

fn render(root: &Path, drafts: bool) -> (BTreeMap<String, Vec<u8>>, Vec<String>) {
    let rendered = pipeline::render_site(
        root,
        &BuildOptions {
            drafts,
            // A base URL, so the sitemap is written and compared too.
            base_url: Some("https://www.example.jp/kaikaku/".into()),
            ..BuildOptions::default()
        },
    )
    .unwrap_or_else(|d| panic!("{d}"));
    let files = rendered
        .files
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect();
    (files, rendered.drafts_left_out)
}

fn page(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("no {path}"))
            .clone(),
    )
    .unwrap()
}

#[test]
fn a_normal_build_is_the_build_without_the_draft() {
    let site = draft_site();
    let (with_draft, left_out) = render(site.path(), false);
    assert_eq!(left_out, [DRAFT]);
    fs::remove_file(site.path().join(DRAFT)).unwrap();
    let (without, none) = render(site.path(), false);
    assert!(none.is_empty());
    // Every page, the feed, the sitemap, the open data and the search index.
    assert_eq!(
        with_draft.keys().collect::<Vec<_>>(),
        without.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &with_draft {
        assert!(without[path] == *bytes, "{path} differs");
    }
    assert!(!with_draft.contains_key("plans/demo/cycles/2026.html"));
    assert!(with_draft.contains_key("plans/demo/cycles/2025.html"));
    assert!(with_draft.keys().any(|p| p.starts_with("search/")));
    for path in [
        "feed.xml",
        "sitemap.xml",
        "data/evaluations.csv",
        "data/indicators.csv",
    ] {
        let text = page(&with_draft, path);
        assert!(!text.contains("2026.html"), "{path}");
        assert!(!text.contains(DRAFT_WORDS), "{path}");
    }
    assert!(!page(&with_draft, "data/evaluations.csv").contains(",2026,"));
    for (path, bytes) in &with_draft {
        if path.ends_with(".html") {
            let html = String::from_utf8_lossy(bytes);
            assert!(!html.contains(BANNER), "{path}");
        }
    }
}

#[test]
fn drafts_are_previewed_under_a_banner_on_the_pages_that_show_them() {
    let site = draft_site();
    let (files, left_out) = render(site.path(), true);
    assert!(left_out.is_empty());
    let banner =
        "このページには、まだ公表していない2026年度（令和8年度）の評価結果（案）が含まれています。";
    let cycle = page(&files, "plans/demo/cycles/2026.html");
    assert!(cycle.contains(DRAFT_WORDS));
    for path in [
        "plans/demo/cycles/2026.html",
        "plans/demo/items/1.html",
        "plans/demo/items/2.html",
        "plans/demo/indicators.html",
        "plans/demo/index.html",
        "index.html",
        "data/index.html",
    ] {
        let html = page(&files, path);
        assert!(
            html.contains(
                "<div class=\"draft-banner wrap\" role=\"note\"><p><strong>公表前の案</strong>"
            ),
            "{path}"
        );
        assert!(html.contains(banner), "{path}");
    }
    // Pages that show no 2026 results carry no banner.
    for path in [
        "plans/demo/cycles/2025.html",
        "plans/demo/goals/1.html",
        "divisions/index.html",
        "pages/about.html",
        "accessibility.html",
    ] {
        assert!(!page(&files, path).contains(BANNER), "{path}");
    }
    // The preview carries the draft everywhere a published cycle would be.
    assert!(page(&files, "feed.xml").contains("cycles/2026.html"));
    assert!(page(&files, "data/evaluations.csv").contains(",2026,"));
}

#[test]
fn build_says_what_it_did_with_a_draft_and_publishing_is_one_key() {
    let site = draft_site();
    let root = site.path();
    let (code, _, err) = kohyo(&["build", "--no-search"], root);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        format!(
            "note: {DRAFT} is a draft (status: draft) and was left out; build with --drafts to preview it\n"
        )
    );
    assert!(!root.join("public/plans/demo/cycles/2026.html").exists());

    let (code, _, err) = kohyo(
        &["build", "--no-search", "--drafts", "--out", "preview"],
        root,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        format!(
            "note: {DRAFT} is a draft, shown under a 「公表前の案」 banner: preview this output, do not publish it\n"
        )
    );
    let cycle = fs::read_to_string(root.join("preview/plans/demo/cycles/2026.html")).unwrap();
    assert!(cycle.contains(BANNER));

    // Publishing: change the one key.
    let path = root.join(DRAFT);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("status: draft", "status: published")).unwrap();
    let (code, _, err) = kohyo(&["build", "--no-search"], root);
    assert_eq!((code, err.as_str()), (0, ""));
    let cycle = fs::read_to_string(root.join("public/plans/demo/cycles/2026.html")).unwrap();
    assert!(cycle.contains(DRAFT_WORDS) && !cycle.contains(BANNER));
}

#[test]
fn a_misspelt_status_is_an_error_and_check_checks_drafts() {
    let site = draft_site();
    let root = site.path();
    let path = root.join(DRAFT);
    let text = fs::read_to_string(&path).unwrap();
    // A draft is checked like any results file: an unknown grade in it is found.
    fs::write(&path, text.replace("grade: C", "grade: Z")).unwrap();
    let (code, _, err) = kohyo(&["check"], root);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!("{DRAFT}:")) && err.contains("`Z`"),
        "{err}"
    );

    fs::write(&path, text.replace("status: draft", "status: drfat")).unwrap();
    let (code, _, err) = kohyo(&["check"], root);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!(
            "{DRAFT}:3:9: error: results status `drfat` is not one of the allowed values"
        )),
        "{err}"
    );
    assert!(
        err.contains("hint: write one of: published, draft"),
        "{err}"
    );
}
