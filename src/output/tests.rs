//! Tests of the output folder: staging, the swap, guards and locks, through [`super`]'s public calls.

use super::*;
use std::collections::BTreeMap;
use std::fs;

const HOME: &[(&str, &str)] = &[("index.html", "home")];

fn site(pages: &[(&str, &str)]) -> Vec<OutputFile> {
    pages.iter().map(|(p, b)| OutputFile::new(*p, *b)).collect()
}

/// Runs [`write_site`] on `pages`, with `--force` if `force`.
fn build(out: &Path, pages: &[(&str, &str)], force: bool) -> Result<WriteReport, OutputError> {
    let options = WriteOptions {
        force,
        ..WriteOptions::default()
    };
    write_site(out, &site(pages), &options)
}

/// Every file below `dir`, by relative path, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(next) = todo.pop() {
        for path in fs::read_dir(&next).unwrap().map(|e| e.unwrap().path()) {
            if path.is_dir() {
                todo.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// Sorted names in `parent` that look like staging or old folders.
fn leftovers(parent: &Path) -> Vec<String> {
    let mut names: Vec<_> = fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".kohyo-") && !n.ends_with(".kohyo-lock"))
        .collect();
    names.sort();
    names
}

#[test]
fn writes_new_folder_with_marker_and_nested_dirs() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("not/yet/site");
    let report = build(
        &out,
        &[("index.html", "home"), ("plans/p/items/9.html", "nine")],
        false,
    );
    assert_eq!(report.unwrap(), WriteReport { files: 2, bytes: 8 });
    let snap = snapshot(&out);
    assert_eq!(snap.len(), 3);
    assert_eq!(snap[Path::new("plans/p/items/9.html")], b"nine");
    assert_eq!(snap[Path::new(MARKER_FILE)], MARKER_TEXT.as_bytes());
    assert!(leftovers(out.parent().unwrap()).is_empty());
}

#[test]
fn replacing_previous_output_removes_stale_files() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&out, &[("old.html", "1"), ("gone/a.html", "2")], false).unwrap();
    build(&out, &[("new.html", "3")], false).unwrap();
    let names: Vec<_> = snapshot(&out).into_keys().collect();
    assert_eq!(names, [Path::new(MARKER_FILE), Path::new("new.html")]);
    assert!(leftovers(tmp.path()).is_empty());
}

#[test]
fn bad_paths_error_and_leave_existing_output_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&out, &[("keep.html", "keep"), ("d/x.css", "x")], false).unwrap();
    let before = snapshot(&out);
    let bad = [
        ("../evil.html", PathProblem::DotDot),
        ("/abs", PathProblem::Absolute),
        ("a//b", PathProblem::EmptySegment),
        ("a/./b", PathProblem::Dot),
        ("", PathProblem::Empty),
        ("a/", PathProblem::EmptySegment),
        ("a\\b", PathProblem::Backslash),
        ("C:/x", PathProblem::DrivePrefix),
        ("a\0b", PathProblem::Nul),
        (MARKER_FILE, PathProblem::Reserved),
    ];
    for (path, expected) in bad {
        assert_eq!(check_path(path), Err(expected), "{path:?}");
        let err = build(&out, &[("fine.html", "f"), (path, "evil")], true).unwrap_err();
        assert!(matches!(err, OutputError::InvalidPath { problem, .. } if problem == expected));
        assert_eq!(snapshot(&out), before, "{path:?}");
        assert!(leftovers(tmp.path()).is_empty());
    }
    assert!(!tmp.path().join("evil.html").exists());
    assert_eq!(check_path("plans/p/items/9.html"), Ok(()));
}

#[test]
fn duplicate_and_conflicting_paths_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let err = build(
        &out,
        &[("a.html", "1"), ("b.html", "2"), ("a.html", "3")],
        true,
    );
    let err = err.unwrap_err();
    assert!(matches!(&err, OutputError::DuplicatePath { path } if path == "a.html"));
    assert!(err.to_string().contains("`a.html`"), "{err}");
    let err = build(&out, &[("a/b/c.html", "1"), ("a/b", "2")], true).unwrap_err();
    assert!(matches!(&err, OutputError::PathConflict { file, .. } if file == "a/b"));
    assert!(!out.exists());
}

#[test]
fn refuses_unmarked_non_empty_folder_unless_forced() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("docs");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    let err = build(&out, HOME, false).unwrap_err();
    assert!(matches!(err, OutputError::NotKohyoOutput { .. }));
    let msg = err.to_string();
    let needles = [
        out.to_str().unwrap(),
        "not look like kohyo output",
        "--force",
        "--out",
    ];
    assert!(needles.iter().all(|n| msg.contains(n)), "{msg}");
    assert_eq!(fs::read(out.join("notes.txt")).unwrap(), b"mine");
    build(&out, HOME, true).unwrap();
    assert!(!out.join("notes.txt").exists());
    assert!(out.join(MARKER_FILE).is_file());
}

#[test]
fn accepts_existing_empty_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("empty");
    fs::create_dir(&out).unwrap();
    build(&out, HOME, false).unwrap();
    assert_eq!(fs::read(out.join("index.html")).unwrap(), b"home");
    assert!(leftovers(tmp.path()).is_empty());
}

#[test]
fn failed_write_leaves_old_output_and_no_leftovers() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&out, HOME, false).unwrap();
    let before = snapshot(&out);
    // A name longer than file systems allow makes the write itself fail.
    let long = format!("a/{}.html", "x".repeat(300));
    let err = build(&out, &[("ok.html", "1"), (&long, "2")], false).unwrap_err();
    assert!(matches!(err, OutputError::Stage { .. }), "{err}");
    assert!(err.to_string().contains("left as it was"), "{err}");
    assert_eq!(snapshot(&out), before);
    assert!(leftovers(tmp.path()).is_empty());
}

#[test]
fn out_dir_that_is_a_file_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    fs::write(&out, "a file").unwrap();
    let err = build(&out, HOME, true).unwrap_err();
    assert!(matches!(err, OutputError::NotAFolder { .. }), "{err}");
    assert_eq!(fs::read(&out).unwrap(), b"a file");
}

#[test]
fn cleans_leftovers_of_crashed_runs_only() {
    let tmp = tempfile::tempdir().unwrap();
    let mut ended = std::process::Command::new("true").spawn().unwrap();
    let dead = ended.id();
    ended.wait().unwrap();
    let mut running = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    let live = format!(".site.kohyo-staging-{}", running.id());
    let names = [
        format!(".site.kohyo-staging-{dead}"),
        format!(".site.kohyo-old-{dead}"),
        live.clone(),
        ".site.kohyo-old-x".into(),
        ".site.kohyo-old-".into(),
        format!(".sites.kohyo-old-{dead}"),
    ];
    for name in &names {
        fs::create_dir(tmp.path().join(name)).unwrap();
    }
    build(&tmp.path().join("site"), HOME, false).unwrap();
    let expected = [
        ".site.kohyo-old-".to_string(),
        ".site.kohyo-old-x".into(),
        live,
        format!(".sites.kohyo-old-{dead}"),
    ];
    running.kill().unwrap();
    running.wait().unwrap();
    assert_eq!(leftovers(tmp.path()), expected);
}

#[test]
fn a_second_writer_of_the_same_folder_waits_for_the_lock() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&out, HOME, false).unwrap();
    let before = snapshot(&out);
    let first = Output::open(&out, &WriteOptions::default()).unwrap();
    let err = build(&out, &[("other.html", "x")], false).unwrap_err();
    assert!(matches!(err, OutputError::Busy { .. }), "{err}");
    let msg = err.to_string();
    assert!(msg.contains("another kohyo build"), "{msg}");
    assert!(msg.contains(".site.kohyo-lock"), "{msg}");
    assert_eq!(snapshot(&out), before);
    drop(first);
    build(&out, &[("other.html", "x")], false).unwrap();
    assert!(out.join("other.html").is_file());
}

#[test]
fn refuses_root_and_folders_containing_the_current_folder() {
    let err = build(Path::new("/"), HOME, false).unwrap_err();
    assert!(matches!(err, OutputError::RootFolder { .. }), "{err}");
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("project");
    let cwd = project.join("content");
    fs::create_dir_all(&cwd).unwrap();
    fs::write(project.join(MARKER_FILE), MARKER_TEXT).unwrap();
    let before = snapshot(tmp.path());
    let force = WriteOptions {
        force: true,
        ..WriteOptions::default()
    };
    for out in [
        &project,
        &cwd,
        Path::new("."),
        Path::new(".."),
        Path::new(""),
    ] {
        let err = write_site_from(&cwd, out, &site(HOME), &force).unwrap_err();
        assert!(
            matches!(err, OutputError::ContainsWorkingDir { .. }),
            "{out:?}"
        );
    }
    assert_eq!(snapshot(tmp.path()), before);
}

#[test]
fn relative_out_dir_is_taken_from_the_current_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let cwd = tmp.path().join("project");
    fs::create_dir(&cwd).unwrap();
    let out = Path::new("./public/../dist");
    write_site_from(&cwd, out, &site(HOME), &WriteOptions::default()).unwrap();
    assert_eq!(fs::read(cwd.join("dist/index.html")).unwrap(), b"home");
    assert!(!cwd.join("public").exists());
}
