//! Which entries of the content folder are read: folders and files are
//! looked at before anything is opened, and every entry that is not read is
//! reported (an error when it was plainly meant to be read, else a warning),
//! so nothing is left out in silence.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostics, Place};
use crate::fs::within::{Entry, Kind, SiteRoot};

/// The file extensions of YAML content files.
pub(super) const YAML: &[&str] = &["yaml", "yml"];

/// What a path where a file should be turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Found {
    /// A regular file (or a link to one inside the site).
    File,
    /// Nothing.
    Missing,
    /// Something else, already reported.
    Reported,
}

/// Looks at `path`, where a file should be; anything but a file or nothing
/// is reported.
pub(super) fn expect_file(site: &SiteRoot, path: &Path, diags: &mut Diagnostics) -> Found {
    match site.inspect(path) {
        Ok(Kind::File) => Found::File,
        Ok(Kind::Missing) => Found::Missing,
        Ok(kind) => {
            not_a_file(site, path, kind, diags);
            Found::Reported
        }
        Err(d) => {
            diags.add(d);
            Found::Reported
        }
    }
}

pub(super) fn not_a_file(site: &SiteRoot, path: &Path, kind: Kind, diags: &mut Diagnostics) {
    let what = match kind {
        Kind::Dir => "a folder",
        Kind::Other(what) => what,
        Kind::File | Kind::Missing => return,
    };
    diags.error_hint(
        Place::file(&site.show(path)),
        "not-a-file",
        format!("this is {what}, but a file is expected here, so nothing was read from it"),
        "replace it with an ordinary file of that name (or rename it if it belongs elsewhere)",
    );
}

/// The entries of the folder `dir`, or `None` when there is none (and
/// nothing to read). Something other than a folder there is an error, and
/// so is a folder that cannot be listed: a plan is never published empty
/// because its items could not be seen.
pub(super) fn expect_dir(
    site: &SiteRoot,
    dir: &Path,
    holds: &str,
    diags: &mut Diagnostics,
) -> Option<Vec<Entry>> {
    match site.inspect(dir) {
        Ok(Kind::Dir) => {
            let mut problems = Vec::new();
            let entries = site.list(dir, &mut problems);
            problems.into_iter().for_each(|d| diags.add(d));
            entries
        }
        Ok(Kind::Missing) => None,
        Ok(kind) => {
            let what = match kind {
                Kind::Other(what) => what,
                _ => "a file",
            };
            diags.error_hint(
                Place::file(&site.show(dir)),
                "not-a-folder",
                format!("this is {what}, but it should be a folder holding {holds}"),
                "make it a folder and put the files in it",
            );
            None
        }
        Err(d) => {
            diags.add(d);
            None
        }
    }
}

/// Files skipped without a word: hidden files (`.git`, `.DS_Store`), editor
/// backups (`01.yaml~`) and the files Windows Explorer leaves behind.
fn ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.eq_ignore_ascii_case("Thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// The name `name` was meant to have, when it differs from a name kohyo
/// reads (one of `exts`) only in case or a trailing `.txt`: `01.YAML` →
/// `01.yaml`, `01.yml.txt` → `01.yml`.
fn meant_name(name: &str, exts: &[&str]) -> Option<String> {
    let mut stem = name;
    while stem.len() > 4 && stem[stem.len() - 4..].eq_ignore_ascii_case(".txt") {
        stem = &stem[..stem.len() - 4];
    }
    let (base, ext) = stem.rsplit_once('.')?;
    let ext = ext.to_ascii_lowercase();
    let fixed = format!("{base}.{ext}");
    (exts.contains(&ext.as_str()) && fixed != name && !base.is_empty()).then_some(fixed)
}

/// The files of a content folder that kohyo reads (those ending in one of
/// `exts`), in name order. Every other entry is reported: a misnamed file
/// (`01.YAML`, `01.yml.txt`) or something not a file under a name kohyo
/// reads is an error, any other file or folder a warning, so nothing is
/// left out in silence.
pub(super) fn content_files(
    site: &SiteRoot,
    dir: &Path,
    exts: &[&str],
    holds: &str,
    diags: &mut Diagnostics,
) -> Vec<PathBuf> {
    let Some(entries) = expect_dir(site, dir, holds, diags) else {
        return Vec::new();
    };
    let mut files = Vec::with_capacity(entries.len());
    let folder = site.show(dir);
    for e in entries {
        if ignored(&e.name) {
            continue;
        }
        let ext = e.name.rsplit_once('.').map(|(_, ext)| ext);
        let wanted = ext.is_some_and(|ext| exts.contains(&ext));
        let place = Place::file(&site.show(&e.path));
        match (e.kind, wanted) {
            (Kind::File, true) => files.push(e.path),
            (kind, true) => not_a_file(site, &e.path, kind, diags),
            (Kind::File, false) if let Some(fixed) = meant_name(&e.name, exts) => diags.error_hint(
                place,
                "file-name",
                format!("this file is not read: kohyo reads files in {folder}/ whose names end in `.{}`", exts[0]),
                format!("rename it to `{fixed}` (the end of the name in lowercase, without `.txt`; Windows may hide the end of a file name)"),
            ),
            (Kind::Dir, false) => diags.warning_hint(
                place,
                "not-read",
                "this folder is not read: kohyo does not look into folders here",
                format!("put {holds} directly in {folder}/, or move the folder out of content/"),
            ),
            (_, false) => diags.warning_hint(
                place,
                "not-read",
                format!("this file is not read: kohyo reads only files in {folder}/ whose names end in `.{}`", exts[0]),
                "rename it if it is content, or move it out of content/ if it is not",
            ),
        }
    }
    files
}

/// Warns about every entry of a folder other than `known` ones (and reports
/// a misspelt name of a known file as an error).
pub(super) fn other_entries(
    site: &SiteRoot,
    entries: &[Entry],
    known: &[&str],
    diags: &mut Diagnostics,
) {
    for e in entries {
        if ignored(&e.name) || known.contains(&e.name.as_str()) {
            continue;
        }
        let place = Place::file(&site.show(&e.path));
        let meant = known.iter().find(|k| {
            let n = e.name.to_ascii_lowercase();
            let n = n.strip_suffix(".txt").unwrap_or(&n);
            n.replace(".yml", ".yaml") == **k
        });
        match meant {
            Some(k) => diags.error_hint(
                place,
                "file-name",
                format!("this file is not read: kohyo reads `{k}`"),
                format!("rename it to `{k}` (Windows may hide the end of a file name)"),
            ),
            None => diags.warning_hint(
                place,
                "not-read",
                match e.kind {
                    Kind::Dir => "this folder is not read",
                    _ => "this file is not read",
                },
                format!("kohyo reads only {} here; move it out of content/ if it is not content, or rename it", known.join(", ")),
            ),
        }
    }
}

/// The plan folders under `plans` (each folder is a plan), in name order;
/// anything else there is reported.
pub(super) fn plan_dirs(site: &SiteRoot, plans: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let entries = expect_dir(site, plans, "one folder per plan", diags).unwrap_or_default();
    let mut dirs = Vec::with_capacity(entries.len());
    for e in entries {
        match e.kind {
            _ if ignored(&e.name) => {}
            Kind::Dir => dirs.push(e.path),
            _ => diags.warning_hint(
                Place::file(&site.show(&e.path)),
                "not-read",
                "this file is not read: each plan is a folder under content/plans/",
                "move the file into a plan's folder, or out of content/",
            ),
        }
    }
    dirs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misnamed_files_get_the_name_they_were_meant_to_have() {
        assert_eq!(meant_name("01.YAML", YAML).as_deref(), Some("01.yaml"));
        assert_eq!(meant_name("01.yml.txt", YAML).as_deref(), Some("01.yml"));
        assert_eq!(meant_name("01.Yaml.TXT", YAML).as_deref(), Some("01.yaml"));
        assert_eq!(meant_name("about.MD", &["md"]).as_deref(), Some("about.md"));
        assert_eq!(meant_name("01.yaml", YAML), None, "already right");
        assert_eq!(meant_name("notes.docx", YAML), None);
        assert_eq!(meant_name(".yaml", YAML), None);
        assert!(ignored(".DS_Store") && ignored("01.yaml~") && ignored("Thumbs.db"));
        assert!(!ignored("01.yaml"));
    }
}
