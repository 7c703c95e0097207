//! Property tests (proptest) of the input side: every kind of content file,
//! as arbitrary text and as a valid file with random edits, is either
//! accepted or refused with diagnostics whose positions lie inside the file
//! (never a panic); and no path `output::check_path` accepts leaves the
//! output folder. Each property runs a bounded number of cases (all of them
//! together take well under a minute in a debug build); set
//! `PROPTEST_CASES=N` to run N cases of each instead.

use std::path::{Component, Path};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use kohyo::diagnostics::{Diagnostic, Diagnostics};
use kohyo::load::raw::{RawDivisions, RawItem, RawPlan, RawResults, RawSite};
use kohyo::load::{parse_page, parse_yaml};
use kohyo::pipeline::{self, BuildOptions};

/// `default` cases, or `PROPTEST_CASES` when set.
fn config(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    Config {
        cases,
        // Failing cases are printed; nothing is written into the repository.
        failure_persistence: None,
        ..Config::default()
    }
}

/// The fixture every case starts from: a valid site with results and pages.
fn fixture() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/cycles"
    ))
}

/// Parses a text (first) as one kind of content file named by the second.
type Parse = fn(&str, &str) -> Result<(), Diagnostics>;

/// The kinds of content file: (path in the fixture, how to parse it alone).
const KINDS: [(&str, Parse); 6] = [
    ("content/site.yaml", |t, f| {
        parse_yaml::<RawSite>(t, f).map(drop)
    }),
    ("content/divisions.yaml", |t, f| {
        parse_yaml::<RawDivisions>(t, f).map(drop)
    }),
    ("content/plans/demo/plan.yaml", |t, f| {
        parse_yaml::<RawPlan>(t, f).map(drop)
    }),
    ("content/plans/demo/items/01.yaml", |t, f| {
        parse_yaml::<RawItem>(t, f).map(drop)
    }),
    ("content/plans/demo/results/2025.yaml", |t, f| {
        parse_yaml::<RawResults>(t, f).map(drop)
    }),
    ("content/pages/news.md", |t, f| parse_page(t, f).map(drop)),
];

/// Pieces that matter to YAML, to Markdown front matter and to the checks
/// (full-width forms, huge and odd numbers, anchors, tags, breaks).
const TOKENS: &[&str] = &[
    ":",
    ": ",
    "- ",
    "-",
    "\n",
    "\n  ",
    "  ",
    "\t",
    "\"",
    "'",
    "&a ",
    "*a",
    "!!str ",
    "!!binary ",
    "{",
    "}",
    "[",
    "]",
    ",",
    "#",
    "|",
    ">",
    "? ",
    "---\n",
    "...\n",
    "%YAML 1.2\n",
    "~",
    "null",
    "true",
    "NO",
    "1e999",
    "-1",
    "0x1F",
    "99999999999999999999",
    "2025-13-40",
    "1,234",
    "12.5%",
    "１２３",
    "：",
    "　",
    "\u{feff}",
    "\r\n",
    "\r",
    "\0",
    "\u{85}",
    "\u{2028}",
    "<script>",
    "é",
    "人事課",
    "items",
    "number",
    "title",
    "policy",
    "grade",
    "year",
    "value",
    "id",
    "https://",
    "javascript:",
    "../",
];

/// Random edits of `base`: deletions, insertions of [`TOKENS`] and of any
/// character, at any character position.
fn mutated(base: String) -> impl Strategy<Value = String> {
    let edit = prop_oneof![
        (any::<prop::sample::Index>(), 1usize..12).prop_map(|(at, n)| (at, None, n)),
        (any::<prop::sample::Index>(), prop::sample::select(TOKENS)).prop_map(|(at, t)| (
            at,
            Some(t.to_string()),
            0
        )),
        (any::<prop::sample::Index>(), any::<char>()).prop_map(|(at, c)| (at, Some(c.into()), 0)),
    ];
    prop::collection::vec(edit, 1..6).prop_map(move |edits| {
        let mut chars: Vec<char> = base.chars().collect();
        for (at, insert, delete) in edits {
            let at = at.index(chars.len() + 1);
            match insert {
                Some(text) => {
                    chars.splice(at..at, text.chars());
                }
                None => {
                    let end = (at + delete).min(chars.len());
                    chars.drain(at..end);
                }
            }
        }
        chars.into_iter().collect()
    })
}

/// Arbitrary text, random sequences of [`TOKENS`], and edits of `base`.
fn texts(base: String) -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(TOKENS), 0..40).prop_map(|t| t.concat()),
        mutated(base),
    ]
}

/// The lines of `text` as YAML counts them (`\r\n`, `\r` and `\n` end one).
fn lines(text: &str) -> Vec<&str> {
    text.split("\r\n")
        .flat_map(|part| part.split(['\r', '\n']))
        .collect()
}

/// Asserts that `d` points into `text` (the file it names): line 0 for the
/// whole file, otherwise an existing line and a column at most one past its
/// end.
fn assert_inside(d: &Diagnostic, text: &str) {
    let (line, column) = (d.place.line, d.place.column);
    if line == 0 {
        assert_eq!(column, 0, "a column without a line: {d:?}");
        return;
    }
    let lines = lines(text.strip_prefix('\u{feff}').unwrap_or(text));
    let at = usize::try_from(line - 1).unwrap();
    assert!(
        at < lines.len(),
        "line {line} of a file of {} lines: {d:?}\n{text:?}",
        lines.len()
    );
    let width = lines[at].chars().count() as u64;
    assert!(
        column >= 1 && column <= width + 1,
        "column {column} of line {line}, {width} characters long: {d:?}\n{text:?}"
    );
}

#[test]
fn every_content_file_kind_parses_or_gives_diagnostics_inside_the_file() {
    for (path, parse) in KINDS {
        let base = std::fs::read_to_string(fixture().join(path)).unwrap();
        assert!(parse(&base, path).is_ok(), "{path}: the fixture parses");
        let mut runner = TestRunner::new(config(256));
        runner
            .run(&texts(base), |text| {
                if let Err(all) = parse(&text, path) {
                    assert!(!all.is_empty(), "{path}: an error without a diagnostic");
                    for d in all.sorted() {
                        assert_eq!(d.place.file, path);
                        assert_inside(&d, &text);
                        assert!(!d.message.is_empty());
                    }
                }
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}

/// The whole site (loading, checking and, when it passes, rendering) with
/// one file replaced by random text: a site or diagnostics, each inside the
/// file it names.
#[test]
fn a_site_with_one_broken_file_builds_or_gives_diagnostics_inside_the_files() {
    let site = tempfile::tempdir().unwrap();
    crate::serve::harness::copy_dir(fixture(), site.path());
    let options = BuildOptions {
        no_search: true,
        ..BuildOptions::default()
    };
    for (path, _) in KINDS {
        let file = site.path().join(path);
        let base = std::fs::read_to_string(&file).unwrap();
        let mut runner = TestRunner::new(config(24));
        runner
            .run(&texts(base.clone()), |text| {
                std::fs::write(&file, &text).unwrap();
                if let Err(diags) = pipeline::render_site(site.path(), &options) {
                    let all = diags.sorted();
                    assert!(!all.is_empty());
                    for d in &all {
                        match std::fs::read_to_string(site.path().join(&d.place.file)) {
                            Ok(named) => assert_inside(d, &named),
                            Err(_) => assert_eq!(d.place.line, 0, "{d:?}"),
                        }
                    }
                }
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        std::fs::write(&file, base).unwrap();
    }
}

/// Pieces of paths, good and hostile.
const PATH_TOKENS: &[&str] = &[
    "a",
    "index.html",
    "plans",
    "..",
    ".",
    "...",
    "/",
    "//",
    "\\",
    "C:",
    "c:",
    ":",
    "\0",
    "%2e%2e",
    "~",
    "é",
    "１",
    " ",
    ".kohyo-output",
    "con",
    "\u{202e}",
    "\n",
];

#[test]
fn no_path_check_path_accepts_leaves_the_output_folder() {
    let paths = prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(PATH_TOKENS), 0..10).prop_map(|t| t.concat()),
    ];
    let mut runner = TestRunner::new(config(2048));
    runner
        .run(&paths, |path| {
            if kohyo::output::check_path(&path).is_ok() {
                assert!(!path.is_empty());
                assert!(!path.contains(['\0', '\\']), "{path:?}");
                assert!(
                    !(path.len() >= 2
                        && path.as_bytes()[0].is_ascii_alphabetic()
                        && path.as_bytes()[1] == b':'),
                    "{path:?}: a drive"
                );
                assert_ne!(path, kohyo::output::MARKER_FILE);
                // Every part is a plain name, so the path stays below the folder
                // it is joined to, and names one file there.
                let components: Vec<Component> = Path::new(&path).components().collect();
                assert!(
                    components.iter().all(|c| matches!(c, Component::Normal(_))),
                    "{path:?}: {components:?}"
                );
                assert_eq!(components.len(), path.split('/').count(), "{path:?}");
                let out = Path::new("/srv/public");
                assert!(out.join(&path).starts_with(out), "{path:?}");
            }
            Ok(())
        })
        .unwrap();
}
