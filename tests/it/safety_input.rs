//! What kohyo reads: links that lead out of the site folder are errors
//! naming the link (never followed, published or quoted), links inside it
//! are followed, and nothing in the content or theme is skipped in silence
//! (wrong kinds of file are errors, files not read are warnings).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

use crate::serve::harness::{copy_dir, spawn_serve};

/// A copy of a fixture site in a temporary folder, to break on purpose.
pub(crate) struct Site {
    dir: TempDir,
}

/// Text that lives only outside the site; no output may ever show it.
const SECRET: &str = "外部の秘密";

impl Site {
    /// A copy of `tests/fixtures/minimal`.
    pub(crate) fn minimal() -> Self {
        Self::fixture("minimal")
    }

    /// A copy of `tests/fixtures/<case>`.
    pub(crate) fn fixture(case: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(case);
        copy_dir(&fixture, dir.path());
        Site { dir }
    }

    pub(crate) fn root(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// Writes `bytes` to `rel`, creating its folder.
    pub(crate) fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }

    /// Replaces the first `from` in `rel` with `to`; `from` must be there.
    pub(crate) fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = fs::read_to_string(self.path(rel)).unwrap();
        assert!(text.contains(from), "`{from}` not in {rel}");
        fs::write(self.path(rel), text.replacen(from, to, 1)).unwrap();
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_kohyo"))
            .args(args)
            .arg("--root")
            .arg(self.root())
            .env("NO_COLOR", "1")
            .output()
            .expect("run kohyo");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    /// `kohyo check`: exit status and standard error.
    pub(crate) fn check(&self) -> (i32, String) {
        let (code, _, stderr) = self.run(&["check"]);
        (code, stderr)
    }

    /// `kohyo check --format json`: exit status and standard output.
    pub(crate) fn check_json(&self) -> (i32, String) {
        let (code, stdout, _) = self.run(&["check", "--format", "json"]);
        (code, stdout)
    }

    /// `kohyo build --no-search` into `public/`: status, stdout, stderr.
    pub(crate) fn build(&self) -> (i32, String, String) {
        self.run(&["build", "--no-search"])
    }
}

/// Asserts that `kohyo check` fails with exactly `expected` on standard error.
fn assert_check(site: &Site, expected: &str) {
    let (code, stderr) = site.check();
    assert_eq!(stderr, expected);
    assert_eq!(code, 1, "{stderr}");
}

#[cfg(unix)]
mod links {
    use super::*;
    use std::os::unix::fs::symlink;

    /// A folder outside the site holding a copy of every kind of file the
    /// site has, each with [`SECRET`] in it and a syntax error, so a parser
    /// that read one would quote it.
    fn outside() -> TempDir {
        let dir = tempfile::tempdir().unwrap();
        let broken = format!("title: \"{SECRET}\n");
        for file in [
            "site.yaml",
            "divisions.yaml",
            "plan.yaml",
            "items/01.yaml",
            "results/2025.yaml",
            "pages/about.md",
            "about.md",
            "page.html",
            "style.css",
            "content/site.yaml",
        ] {
            let path = dir.path().join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            let text = match file {
                "page.html" => format!("{SECRET} {{{{ oops"),
                "style.css" => format!("/* {SECRET} */"),
                f if f.ends_with(".md") => format!("---\n{broken}---\n"),
                _ => broken.clone(),
            };
            fs::write(path, text).unwrap();
        }
        dir
    }

    const OUTSIDE: &str = "error: this is a link (symbolic link) to a place outside the site folder; kohyo reads nothing outside the site folder, so it was not read
  hint: copy the file or folder into the site folder instead of linking to it, or remove the link
";

    /// Replaces `rel` in the site with a link to `target` in `outside`.
    fn link_out(site: &Site, outside: &TempDir, rel: &str, target: &str) {
        let path = site.path(rel);
        if path.is_dir() {
            fs::remove_dir_all(&path).unwrap();
        } else if path.exists() {
            fs::remove_file(&path).unwrap();
        }
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        symlink(outside.path().join(target), &path).unwrap();
    }

    /// Each kind of input linked out of the site: `check` names the link
    /// and shows nothing of the target, and `build` publishes nothing.
    #[test]
    fn every_kind_of_link_out_of_the_site_is_an_error_naming_the_link() {
        let outside = outside();
        let cases = [
            ("content/site.yaml", "site.yaml"),
            ("content/divisions.yaml", "divisions.yaml"),
            ("content/plans/demo/plan.yaml", "plan.yaml"),
            ("content/plans/demo/items", "items"),
            ("content/plans/demo/items/01.yaml", "items/01.yaml"),
            ("content/plans/demo/results", "results"),
            ("content/plans/demo/results/2025.yaml", "results/2025.yaml"),
            ("content/pages", "pages"),
            ("content/pages/about.md", "about.md"),
            ("content/plans/other", "results"),
            ("content", "content"),
            ("themes/default/templates/page.html", "page.html"),
            ("themes/default/static/style.css", "style.css"),
            ("themes/default/static", "items"),
            ("themes", "items"),
        ];
        for (link, target) in cases {
            let site = Site::minimal();
            link_out(&site, &outside, link, target);
            let (code, stderr) = site.check();
            assert_eq!(
                (code, stderr.as_str()),
                (
                    1,
                    format!("{link}: {OUTSIDE}1 error(s); nothing was written.\n").as_str()
                ),
                "link {link}"
            );
            let (code, stdout, stderr) = site.build();
            assert_eq!(code, 1, "{link}: {stderr}");
            assert!(!site.path("public").exists(), "{link}: nothing published");
            assert!(
                !stdout.contains(SECRET) && !stderr.contains(SECRET),
                "{link}"
            );
            let (_, json) = site.check_json();
            assert!(
                !json.contains(SECRET) && json.contains("\"code\":\"link-outside\""),
                "{json}"
            );
        }
    }

    #[test]
    fn a_link_through_a_linked_folder_is_named_by_the_folder() {
        let outside = outside();
        let site = Site::minimal();
        fs::remove_dir_all(site.path("content/pages")).unwrap();
        symlink(outside.path().join("pages"), site.path("content/pages")).unwrap();
        assert_check(
            &site,
            &format!("content/pages: {OUTSIDE}1 error(s); nothing was written.\n"),
        );
    }

    /// Links whose target is inside the site folder are followed like the
    /// file or folder they point to.
    #[test]
    fn links_inside_the_site_are_followed() {
        let site = Site::minimal();
        let demo = "content/plans/demo";
        fs::rename(
            site.path(&format!("{demo}/items")),
            site.path("shared-items"),
        )
        .unwrap();
        symlink("../../../shared-items", site.path(&format!("{demo}/items"))).unwrap();
        fs::rename(
            site.path("content/site.yaml"),
            site.path("site-settings.yaml"),
        )
        .unwrap();
        symlink("../site-settings.yaml", site.path("content/site.yaml")).unwrap();
        site.write("theme-src/style.css", "/* 内側のスタイル */");
        fs::create_dir_all(site.path("themes/default/static")).unwrap();
        symlink(
            site.path("theme-src/style.css"),
            site.path("themes/default/static/style.css"),
        )
        .unwrap();
        let (code, stdout, stderr) = site.build();
        assert_eq!((code, stderr.as_str()), (0, ""), "{stdout}");
        let item = fs::read_to_string(site.path("public/plans/demo/items/1.html"));
        assert!(item.unwrap().contains("働きやすい職場環境づくり"));
        let css = fs::read_to_string(site.path("public/static/style.css")).unwrap();
        assert_eq!(css, "/* 内側のスタイル */");
    }

    /// `kohyo import` writes only where kohyo reads: never through a link
    /// that leads out of the site folder.
    #[test]
    fn import_does_not_write_through_a_link_out_of_the_site() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let site = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let plan = site.path().join("content/plans/gunma-2025");
        fs::create_dir_all(&plan).unwrap();
        for f in ["site.yaml", "divisions.yaml", "plans/gunma-2025/plan.yaml"] {
            fs::copy(
                repo.join("content").join(f),
                site.path().join("content").join(f),
            )
            .unwrap();
        }
        symlink(outside.path(), plan.join("items")).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_kohyo"))
            .args(["import", "structure"])
            .arg(repo.join("tests/fixtures/import/structure-sjis.csv"))
            .args(["--plan", "gunma-2025", "--root"])
            .arg(site.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("content/plans/gunma-2025/items/01.yaml lies behind a link (symbolic link) that leads outside the site folder"),
            "{stderr}"
        );
        assert_eq!(
            fs::read_dir(outside.path()).unwrap().count(),
            0,
            "nothing written outside"
        );
    }

    #[test]
    fn a_link_to_nothing_is_an_error() {
        let site = Site::minimal();
        symlink("gone.yaml", site.path("content/plans/demo/items/02.yaml")).unwrap();
        assert_check(
            &site,
            "content/plans/demo/items/02.yaml: error: this link (symbolic link) points to nothing
  hint: remove the link, or put the file it should point to inside the site folder
1 error(s); nothing was written.
",
        );
    }

    /// The error snippet reader refuses files behind links too: a problem
    /// reported in a file that is a link out of the site shows no line.
    #[test]
    fn a_page_linked_inside_to_a_file_linked_outside_shows_nothing() {
        let outside = outside();
        let site = Site::minimal();
        symlink(outside.path().join("about.md"), site.path("elsewhere.md")).unwrap();
        fs::remove_file(site.path("content/pages/about.md")).unwrap();
        symlink("../../elsewhere.md", site.path("content/pages/about.md")).unwrap();
        let (code, stderr) = site.check();
        assert_eq!(code, 1);
        assert!(
            stderr.starts_with("content/pages/about.md: error: this is a link"),
            "{stderr}"
        );
        assert!(!stderr.contains(SECRET), "{stderr}");
    }
}

#[cfg(unix)]
mod wrong_kinds {
    use super::*;

    fn fifo(path: &Path) {
        let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
        assert!(status.success());
    }

    const NOT_A_FILE: &str = "error: this is a named pipe (FIFO), but a file is expected here, so nothing was read from it
  hint: replace it with an ordinary file of that name (or rename it if it belongs elsewhere)
1 error(s); nothing was written.
";

    #[test]
    fn a_named_pipe_where_a_file_is_expected_is_an_error_and_is_not_opened() {
        for rel in [
            "content/site.yaml",
            "content/plans/demo/plan.yaml",
            "content/plans/demo/items/02.yaml",
            "content/pages/news.md",
        ] {
            let site = Site::minimal();
            let path = site.path(rel);
            let _ = fs::remove_file(&path);
            fifo(&path);
            // Opening a pipe for reading would wait for a writer forever.
            assert_check(&site, &format!("{rel}: {NOT_A_FILE}"));
        }
        let site = Site::minimal();
        fs::create_dir_all(site.path("themes/default/templates")).unwrap();
        fifo(&site.path("themes/default/templates/page.html"));
        assert_check(
            &site,
            "themes/default/templates/page.html: error: this is a named pipe (FIFO), but a theme file is expected here
  hint: replace it with an ordinary file, or remove it to use the built-in one
1 error(s); nothing was written.
",
        );
    }
}

#[test]
fn a_folder_where_a_file_is_expected_is_an_error() {
    let site = Site::minimal();
    fs::create_dir(site.path("content/plans/demo/items/02.yaml")).unwrap();
    fs::remove_file(site.path("content/divisions.yaml")).unwrap();
    fs::create_dir(site.path("content/divisions.yaml")).unwrap();
    fs::create_dir_all(site.path("themes/default/static/style.css")).unwrap();
    assert_check(
        &site,
        "content/divisions.yaml: error: this is a folder, but a file is expected here, so nothing was read from it
  hint: replace it with an ordinary file of that name (or rename it if it belongs elsewhere)
content/plans/demo/items/02.yaml: error: this is a folder, but a file is expected here, so nothing was read from it
  hint: replace it with an ordinary file of that name (or rename it if it belongs elsewhere)
themes/default/static/style.css: error: this is a folder, but a theme file is expected here
  hint: replace it with an ordinary file, or remove it to use the built-in one
3 error(s); nothing was written.
",
    );
}

#[test]
fn items_that_is_a_file_is_an_error_not_an_empty_plan() {
    let site = Site::minimal();
    fs::remove_dir_all(site.path("content/plans/demo/items")).unwrap();
    site.write("content/plans/demo/items", "number: 1\n");
    assert_check(
        &site,
        "content/plans/demo/items: error: this is a file, but it should be a folder holding item files
  hint: make it a folder and put the files in it
1 error(s); nothing was written.
",
    );
}

#[test]
fn misnamed_content_files_are_errors() {
    let site = Site::minimal();
    let items = "content/plans/demo/items";
    fs::rename(
        site.path(&format!("{items}/01.yaml")),
        site.path(&format!("{items}/01.YAML")),
    )
    .unwrap();
    site.write(&format!("{items}/02.yml.txt"), "number: 2\n");
    fs::rename(
        site.path("content/pages/about.md"),
        site.path("content/pages/about.MD"),
    )
    .unwrap();
    site.write("content/plans/demo/plan.yml", "title: x\n");
    assert_check(
        &site,
        "content/pages/about.MD: error: this file is not read: kohyo reads files in content/pages/ whose names end in `.md`
  hint: rename it to `about.md` (the end of the name in lowercase, without `.txt`; Windows may hide the end of a file name)
content/plans/demo/items/01.YAML: error: this file is not read: kohyo reads files in content/plans/demo/items/ whose names end in `.yaml`
  hint: rename it to `01.yaml` (the end of the name in lowercase, without `.txt`; Windows may hide the end of a file name)
content/plans/demo/items/02.yml.txt: error: this file is not read: kohyo reads files in content/plans/demo/items/ whose names end in `.yaml`
  hint: rename it to `02.yml` (the end of the name in lowercase, without `.txt`; Windows may hide the end of a file name)
content/plans/demo/plan.yml: error: this file is not read: kohyo reads `plan.yaml`
  hint: rename it to `plan.yaml` (Windows may hide the end of a file name)
4 error(s); nothing was written.
",
    );
}

const WARNINGS: &str = "content/README.txt: warning: this file is not read
  hint: kohyo reads only site.yaml, divisions.yaml, synonyms.yaml, plans, pages here; move it out of content/ if it is not content, or rename it
content/plans/demo/items/old: warning: this folder is not read: kohyo does not look into folders here
  hint: put item files directly in content/plans/demo/items/, or move the folder out of content/
content/plans/demo/items/表.xlsx: warning: this file is not read: kohyo reads only files in content/plans/demo/items/ whose names end in `.yaml`
  hint: rename it if it is content, or move it out of content/ if it is not
themes/default/static/logo.png: warning: this theme file is not used: kohyo reads only the files of the built-in theme under their own names
  hint: the files read here are: style.css, search.js, kohyo.js
";

fn site_with_unread_files() -> Site {
    let site = Site::minimal();
    site.write("content/README.txt", "メモ");
    site.write("content/plans/demo/items/表.xlsx", "PK");
    site.write("content/plans/demo/items/old/01.yaml", "number: 1\n");
    site.write("content/plans/demo/items/.01.yaml.swp", "editor");
    site.write("content/plans/demo/items/01.yaml~", "backup");
    site.write("themes/default/static/logo.png", "png");
    site
}

#[test]
fn files_not_read_are_warnings_that_check_and_build_print() {
    let site = site_with_unread_files();
    let (code, stderr) = site.check();
    assert_eq!(code, 0, "warnings do not fail: {stderr}");
    assert_eq!(
        stderr, WARNINGS,
        "hidden files and backups are skipped without a word"
    );
    let (code, stdout, stderr) = site.build();
    assert_eq!((code, stderr.as_str()), (0, WARNINGS));
    let summary = stdout.lines().next().unwrap_or_default();
    assert!(summary.ends_with("; 4 warning(s)"), "{stdout}");
    assert!(site.path("public/index.html").is_file());

    let (code, json) = site.check_json();
    assert_eq!(code, 0);
    let lines: Vec<&str> = json.lines().collect();
    assert_eq!(lines.len(), 4, "{json}");
    assert!(
        lines.iter().all(|l| l.contains("\"severity\":\"warning\"")),
        "{json}"
    );
    assert!(lines[0].starts_with(r#"{"file":"content/README.txt","line":null,"column":null,"severity":"warning","code":"not-read","#));
}

#[test]
fn with_errors_the_summary_counts_errors_and_warnings_apart() {
    let site = site_with_unread_files();
    site.edit("content/site.yaml", "title:", "colour: blue\ntitle:");
    let (code, stderr) = site.check();
    assert_eq!(code, 1);
    assert!(
        stderr.contains("content/site.yaml:2:1: error: unknown key `colour`"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("1 error(s), 4 warning(s); nothing was written.\n"),
        "{stderr}"
    );
    assert_eq!(stderr.matches(": warning: ").count(), 4);
    assert_eq!(stderr.matches(": error: ").count(), 1);
}

/// Whether this process can read a file that has no read permission (it
/// runs as root, or with the capability to bypass permissions), in which
/// case permission cases cannot be made and are skipped, saying so.
#[cfg(unix)]
fn permissions_are_bypassed(site: &Site) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = site.path("probe");
    fs::write(&probe, "x").unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o000)).unwrap();
    let bypassed = fs::read(&probe).is_ok();
    fs::remove_file(&probe).unwrap();
    if bypassed {
        eprintln!("skipped: this test runs with permission to read anything (as root)");
    }
    bypassed
}

#[cfg(unix)]
#[test]
fn an_unreadable_items_folder_is_an_error_not_an_empty_plan() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::minimal();
    if permissions_are_bypassed(&site) {
        return;
    }
    let items = site.path("content/plans/demo/items");
    fs::set_permissions(&items, fs::Permissions::from_mode(0o000)).unwrap();
    let (code, stderr) = site.check();
    fs::set_permissions(&items, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.starts_with(
            "content/plans/demo/items: error: cannot list this folder: Permission denied"
        ),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_theme_file_is_an_error_not_the_built_in_one() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::minimal();
    if permissions_are_bypassed(&site) {
        return;
    }
    site.write("themes/default/static/style.css", "body {}");
    let css = site.path("themes/default/static/style.css");
    fs::set_permissions(&css, fs::Permissions::from_mode(0o000)).unwrap();
    let (code, stderr) = site.check();
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.starts_with(
            "themes/default/static/style.css: error: cannot read theme file: Permission denied"
        ),
        "{stderr}"
    );
}

#[test]
fn serve_prints_the_warnings_and_still_serves() {
    use std::io::{BufRead, BufReader, Read};
    let site = site_with_unread_files();
    let mut child = spawn_serve(site.root(), &["--no-search"]);
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.starts_with("built ") {
                let _ = tx.send(line);
                return;
            }
        }
    });
    let built = rx.recv_timeout(std::time::Duration::from_secs(120));
    child.kill().unwrap();
    child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let built = built.expect("kohyo serve printed its first build");
    assert!(built.ends_with("; 4 warning(s)"), "{built}");
    assert_eq!(stderr, WARNINGS);
}
