//! The output folder is never the source, one build at a time writes it, a
//! build that died or was stopped leaves the previous site in place, and
//! kohyo's own faults are not reported as content errors.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::harness::snapshot;
use crate::serve::harness::copy_dir;

fn fixture(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case)
}

/// A temporary folder holding a copy of the `minimal` site in `site/`, and
/// another one to run kohyo in, outside the site.
struct Setup {
    tmp: tempfile::TempDir,
    cwd: tempfile::TempDir,
}

impl Setup {
    fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        copy_dir(&fixture("minimal"), &tmp.path().join("site"));
        let cwd = tempfile::tempdir().unwrap();
        Self { tmp, cwd }
    }

    fn top(&self) -> &Path {
        self.tmp.path()
    }

    fn site(&self) -> PathBuf {
        self.tmp.path().join("site")
    }

    fn public(&self) -> PathBuf {
        self.site().join("public")
    }

    /// `kohyo build --root <site> ARGS…`, run outside the site folder.
    fn kohyo(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kohyo"));
        cmd.current_dir(self.cwd.path())
            .args(["build", "--quiet", "--root"])
            .arg(self.site())
            .args(args);
        cmd
    }

    fn build(&self, args: &[&str]) -> Output {
        self.kohyo(args).output().unwrap()
    }

    /// Names in the site folder that are staging or old folders.
    fn leftovers(&self) -> Vec<String> {
        fs::read_dir(self.site())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".kohyo-staging-") || n.contains(".kohyo-old-"))
            .collect()
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs `kohyo build --root site --out OUT [--force]` and checks that it
/// was refused with exit code 2, a message containing `expected`, no
/// advice to use `--force`, and every file of the temporary folder as it was.
fn assert_refused(setup: &Setup, out: &str, force: bool, expected: &str) {
    let before = snapshot(setup.top());
    let mut args = vec!["--out", out];
    if force {
        args.push("--force");
    }
    let run = setup.build(&args);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "--out {out}: {err}");
    assert!(err.contains("refusing to use"), "--out {out}: {err}");
    assert!(err.contains(expected), "--out {out}: {err}");
    assert!(err.contains("--out"), "--out {out}: {err}");
    assert!(!err.contains("--force"), "--out {out}: {err}");
    assert!(!err.contains("error(s)"), "--out {out}: {err}");
    assert_eq!(snapshot(setup.top()), before, "--out {out}");
}

#[test]
fn out_content_with_force_is_refused() {
    let setup = Setup::new();
    assert_refused(&setup, "content", true, "which kohyo reads the site from");
    assert_refused(
        &setup,
        "content/plans",
        true,
        "which kohyo reads the site from",
    );
}

#[test]
fn out_site_folder_from_outside_it_with_force_is_refused() {
    let setup = Setup::new();
    // Relative to --root, so `.` is the site folder; run from elsewhere.
    assert_refused(&setup, ".", true, "it is the site folder itself");
    let root = setup.site();
    assert_refused(
        &setup,
        root.to_str().unwrap(),
        false,
        "it is the site folder itself",
    );
    assert_refused(
        &setup,
        root.to_str().unwrap(),
        true,
        "it is the site folder itself",
    );
}

#[test]
fn out_above_the_site_with_force_is_refused() {
    let setup = Setup::new();
    fs::write(setup.top().join("neighbour.txt"), "a sibling of the site").unwrap();
    assert_refused(&setup, "..", true, "it contains the site folder");
    assert_refused(&setup, "../..", true, "it contains the site folder");
    // Run from inside the site folder too, as staff usually do.
    let from_site = Command::new(env!("CARGO_BIN_EXE_kohyo"))
        .current_dir(setup.site())
        .args(["build", "--out", "..", "--force"])
        .output()
        .unwrap();
    assert_eq!(from_site.status.code(), Some(2));
    assert!(stderr(&from_site).contains("it contains the site folder"));
    assert!(setup.site().join("content/site.yaml").is_file());
}

#[test]
fn out_in_themes_is_refused() {
    let setup = Setup::new();
    let theme = setup.site().join("themes/default/templates");
    fs::create_dir_all(&theme).unwrap();
    fs::write(theme.join("base.html"), "{{ page }}").unwrap();
    assert_refused(&setup, "themes/x", false, "which kohyo reads the site from");
    assert_refused(&setup, "themes", true, "which kohyo reads the site from");
}

#[test]
fn out_folder_holding_a_content_folder_is_refused() {
    let setup = Setup::new();
    let other = setup.top().join("other-site");
    copy_dir(&fixture("minimal"), &other);
    assert_refused(
        &setup,
        other.to_str().unwrap(),
        true,
        "it has a `content/` folder",
    );
}

#[cfg(unix)]
#[test]
fn out_reaching_content_through_a_link_is_refused() {
    let setup = Setup::new();
    std::os::unix::fs::symlink(setup.site().join("content"), setup.site().join("public")).unwrap();
    assert_refused(&setup, "public", true, "which kohyo reads the site from");
    assert_refused(
        &setup,
        "public/new",
        true,
        "which kohyo reads the site from",
    );
}

#[test]
fn an_ordinary_output_folder_still_builds_and_the_marker_refusal_still_offers_force() {
    let setup = Setup::new();
    let run = setup.build(&[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(setup.public().join("index.html").is_file());
    let mine = setup.top().join("mine");
    fs::create_dir(&mine).unwrap();
    fs::write(mine.join("notes.txt"), "mine").unwrap();
    let run = setup.build(&["--out", mine.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    // Here --force does help, so the message says so.
    assert!(stderr(&run).contains("Pass --force"), "{}", stderr(&run));
}

/// Holds the lock of the site's `public` folder, as another build would.
fn hold_lock(setup: &Setup) -> File {
    let file = File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(setup.site().join(".public.kohyo-lock"))
        .unwrap();
    file.lock().unwrap();
    file
}

#[test]
fn a_second_build_gives_up_with_exit_two_while_the_folder_is_locked() {
    let setup = Setup::new();
    assert_eq!(setup.build(&[]).status.code(), Some(0));
    let before = snapshot(&setup.public());
    let lock = hold_lock(&setup);
    for wait in ["0", "1"] {
        let start = Instant::now();
        let run = setup.build(&["--lock-wait", wait]);
        let err = stderr(&run);
        assert_eq!(run.status.code(), Some(2), "{err}");
        assert!(start.elapsed() >= Duration::from_secs(wait.parse().unwrap()));
        assert!(err.contains("another kohyo build"), "{err}");
        assert!(err.contains(".public.kohyo-lock"), "{err}");
        assert!(err.contains("--lock-wait"), "{err}");
        assert!(!err.contains("error(s)"), "{err}");
        assert_eq!(snapshot(&setup.public()), before);
        assert!(setup.leftovers().is_empty());
    }
    drop(lock);
    assert_eq!(setup.build(&["--lock-wait", "0"]).status.code(), Some(0));
}

#[test]
fn a_second_build_waits_for_the_lock_then_builds() {
    let setup = Setup::new();
    assert_eq!(setup.build(&[]).status.code(), Some(0));
    let before = snapshot(&setup.public());
    let lock = hold_lock(&setup);
    let mut waiting = setup
        .kohyo(&["--lock-wait", "60"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    // It cannot have finished: the lock is held.
    assert!(waiting.try_wait().unwrap().is_none());
    assert_eq!(snapshot(&setup.public()), before);
    drop(lock);
    let done = waiting.wait_with_output().unwrap();
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    assert_eq!(snapshot(&setup.public()), before);
}

#[test]
fn overlapping_builds_both_succeed_and_leave_a_complete_site() {
    let setup = Setup::new();
    assert_eq!(setup.build(&[]).status.code(), Some(0));
    let complete = snapshot(&setup.public());
    for _ in 0..3 {
        let children: Vec<_> = (0..3)
            .map(|_| setup.kohyo(&[]).stderr(Stdio::piped()).spawn().unwrap())
            .collect();
        for child in children {
            let done = child.wait_with_output().unwrap();
            assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
        }
        assert_eq!(snapshot(&setup.public()), complete);
        assert!(setup.leftovers().is_empty(), "{:?}", setup.leftovers());
    }
}

/// The id of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

/// Puts the site folder in the state a build leaves when it dies between
/// the two renames of its swap: `public` moved aside, the new site beside it.
fn die_between_renames(setup: &Setup) -> u32 {
    let pid = dead_pid();
    let old = setup.site().join(format!(".public.kohyo-old-{pid}"));
    fs::rename(setup.public(), &old).unwrap();
    let staging = setup.site().join(format!(".public.kohyo-staging-{pid}"));
    fs::create_dir(&staging).unwrap();
    fs::write(staging.join("half.html"), "unfinished").unwrap();
    pid
}

#[test]
fn a_crash_between_the_renames_is_undone_by_the_next_build() {
    let setup = Setup::new();
    assert_eq!(setup.build(&[]).status.code(), Some(0));
    let before = snapshot(&setup.public());
    let pid = die_between_renames(&setup);
    let run = setup.build(&[]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(0), "{err}");
    assert!(err.contains("the previous site was put back"), "{err}");
    assert!(err.contains(&format!(".public.kohyo-old-{pid}")), "{err}");
    assert_eq!(snapshot(&setup.public()), before);
    assert!(setup.leftovers().is_empty(), "{:?}", setup.leftovers());
}

#[test]
fn a_crash_between_the_renames_is_undone_even_if_the_next_build_fails() {
    let setup = Setup::new();
    assert_eq!(setup.build(&[]).status.code(), Some(0));
    let before = snapshot(&setup.public());
    die_between_renames(&setup);
    let site_yaml = setup.site().join("content/site.yaml");
    let text = fs::read_to_string(&site_yaml).unwrap();
    fs::write(&site_yaml, format!("{text}\nno_such_key: 1\n")).unwrap();
    let run = setup.build(&[]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_eq!(snapshot(&setup.public()), before);
    assert!(setup.leftovers().is_empty(), "{:?}", setup.leftovers());
}

/// Starts a build that pauses (test hook) once its staging folder holds a
/// first batch, sends it `signal`, and checks what it leaves.
#[cfg(unix)]
fn stop_with(signal: &str, code: i32) {
    let setup = Setup::new();
    assert_eq!(setup.build(&[]).status.code(), Some(0));
    let before = snapshot(&setup.public());
    let paused = setup.top().join("paused");
    let child = setup
        .kohyo(&[])
        .env("KOHYO_TEST_PAUSE_FILE", &paused)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !paused.exists() {
        assert!(start.elapsed() < Duration::from_secs(60), "never paused");
        std::thread::sleep(Duration::from_millis(20));
    }
    let staging = setup.leftovers();
    assert_eq!(staging, [format!(".public.kohyo-staging-{}", child.id())]);
    assert!(snapshot(&setup.site().join(&staging[0])).len() > 1);
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let done = child.wait_with_output().unwrap();
    let err = stderr(&done);
    assert_eq!(done.status.code(), Some(code), "{err}");
    assert!(err.contains("the unfinished new site was removed"), "{err}");
    assert!(setup.leftovers().is_empty(), "{:?}", setup.leftovers());
    assert_eq!(snapshot(&setup.public()), before);
    // The lock went with the process.
    drop(hold_lock(&setup));
}

#[cfg(unix)]
#[test]
fn sigterm_during_a_build_removes_the_staging_folder() {
    stop_with("TERM", 143);
}

#[cfg(unix)]
#[test]
fn ctrl_c_during_a_build_removes_the_staging_folder() {
    stop_with("INT", 130);
}

#[test]
fn a_fault_of_kohyo_is_not_reported_as_a_content_error() {
    // The search index writer fails through its test-only hook, as a fault
    // of kohyo itself would.
    let setup = Setup::new();
    assert_eq!(setup.build(&[]).status.code(), Some(0));
    let before = snapshot(&setup.public());
    let run = |extra: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kohyo"));
        cmd.arg("build")
            .arg("--root")
            .arg(setup.site())
            .arg("--out")
            .arg(setup.public())
            .args(extra)
            .env("KOHYO_TEST_FAULT", "search");
        cmd.output().unwrap()
    };
    let failed = run(&[]);
    let err = stderr(&failed);
    assert_eq!(failed.status.code(), Some(2), "{err}");
    assert!(
        err.contains("kohyo itself failed, not the content"),
        "{err}"
    );
    assert!(err.contains("search index"), "{err}");
    assert!(!err.contains("error(s)"), "{err}");
    assert!(!err.contains("search/:"), "{err}");
    assert_eq!(snapshot(&setup.public()), before);
    assert!(setup.leftovers().is_empty());
    let without_search = run(&["--no-search"]);
    assert_eq!(
        without_search.status.code(),
        Some(0),
        "{}",
        stderr(&without_search)
    );
}
