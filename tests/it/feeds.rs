//! The Atom feed read by a real feed parser (Python's feedparser): well
//! formed, an id unique to each site, absolute links with a base URL; and
//! sitemap.xml only with a base URL.

use std::path::{Path, PathBuf};
use std::process::Command;

use kohyo::pipeline::{self, BuildOptions};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn feed(root: &Path, base_url: Option<&str>) -> String {
    let options = BuildOptions {
        base_url: base_url.map(String::from),
        ..BuildOptions::default()
    };
    let rendered = pipeline::render_site(root, &options).unwrap();
    let file = rendered
        .files
        .into_iter()
        .find(|f| f.path == "feed.xml")
        .expect("feed.xml");
    String::from_utf8(file.bytes).unwrap()
}

/// A Python that has feedparser, or `None` (the test is then skipped).
fn python() -> Option<&'static str> {
    ["python3", "/usr/bin/python3"].into_iter().find(|p| {
        Command::new(p)
            .args(["-c", "import feedparser"])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// What feedparser reads from `xml`: one line per fact, tab-separated.
fn parse(python: &str, xml: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.xml");
    std::fs::write(&path, xml).unwrap();
    let script = r#"
import sys, feedparser
d = feedparser.parse(sys.argv[1])
print("bozo", int(bool(d.bozo)), d.get("bozo_exception", ""), sep="\t")
print("version", d.version, sep="\t")
print("id", d.feed.get("id", ""), sep="\t")
for l in d.feed.get("links", []):
    print("feed-link", l.get("rel"), l.get("href"), sep="\t")
for e in d.entries:
    print("entry", e.get("id", ""), e.get("link", ""), e.get("updated", ""), sep="\t")
"#;
    let out = Command::new(python)
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "feedparser failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

fn field<'a>(lines: &'a [String], key: &str) -> Vec<Vec<&'a str>> {
    lines
        .iter()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f[0] == key)
        .map(|f| f[1..].to_vec())
        .collect()
}

#[test]
fn feeds_parse_and_are_told_apart() {
    let Some(python) = python() else {
        eprintln!("skipped: Python's feedparser is not installed (pip install feedparser)");
        return;
    };
    let sample = parse(python, &feed(&repo(), None));
    let cycles = parse(python, &feed(&repo().join("tests/fixtures/cycles"), None));
    for lines in [&sample, &cycles] {
        assert_eq!(field(lines, "bozo")[0][0], "0", "{lines:?}");
        assert_eq!(field(lines, "version")[0][0], "atom10");
    }
    let (a, b) = (field(&sample, "id")[0][0], field(&cycles, "id")[0][0]);
    assert!(a.starts_with("urn:kohyo:site:"), "{a}");
    assert_ne!(a, b, "two sites, two feed ids");
    assert_ne!(a, "urn:kohyo:feed");
    // Every entry's id is unique and named inside its site's id.
    let entries = field(&cycles, "entry");
    assert!(!entries.is_empty());
    for e in &entries {
        assert!(e[0].starts_with(b), "{e:?}");
        assert!(!e[2].is_empty(), "{e:?} has a date");
    }
    let mut ids: Vec<&str> = entries.iter().map(|e| e[0]).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), entries.len());
}

#[test]
fn with_a_base_url_the_feed_links_are_absolute() {
    let Some(python) = python() else {
        eprintln!("skipped: Python's feedparser is not installed (pip install feedparser)");
        return;
    };
    let base = "https://example.org/kaikaku/";
    let lines = parse(
        python,
        &feed(&repo().join("tests/fixtures/cycles"), Some(base)),
    );
    assert_eq!(field(&lines, "bozo")[0][0], "0");
    assert_eq!(field(&lines, "id")[0][0], format!("{base}feed.xml"));
    let links = field(&lines, "feed-link");
    assert!(
        links.contains(&vec!["self", &format!("{base}feed.xml")]),
        "{links:?}"
    );
    assert!(
        links.contains(&vec!["alternate", &format!("{base}index.html")]),
        "{links:?}"
    );
    let entries = field(&lines, "entry");
    assert!(!entries.is_empty());
    for e in entries {
        assert!(e[0].starts_with(&format!("{base}feed.xml#")), "{e:?}");
        assert!(e[1].starts_with(base), "{e:?}");
    }
}

#[test]
fn sitemap_only_with_a_base_url() {
    let names = |base: Option<&str>| -> Vec<String> {
        let options = BuildOptions {
            base_url: base.map(String::from),
            ..BuildOptions::default()
        };
        pipeline::render_site(&repo().join("tests/fixtures/cycles"), &options)
            .unwrap()
            .files
            .into_iter()
            .map(|f| f.path)
            .collect()
    };
    assert!(!names(None).contains(&"sitemap.xml".to_string()));
    assert!(names(Some("https://example.org/")).contains(&"sitemap.xml".to_string()));
}

#[test]
fn the_build_says_once_that_there_is_no_sitemap() {
    let dir = tempfile::tempdir().unwrap();
    let run = |base: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kohyo"));
        cmd.args(["build", "--root"])
            .arg(repo().join("tests/fixtures/cycles"))
            .arg("--out")
            .arg(dir.path().join("out"))
            .arg("--no-search")
            .arg("--force");
        if let Some(b) = base {
            cmd.args(["--base-url", b]);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let without = run(None);
    assert_eq!(without.matches("no sitemap.xml").count(), 1, "{without}");
    assert!(without.contains("base_url"), "{without}");
    assert!(!run(Some("https://example.org/")).contains("sitemap"));
}
