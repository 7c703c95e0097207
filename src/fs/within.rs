//! Looking at the paths kohyo reads: every input file and folder must lie
//! inside the site folder, through links too, and must be of the kind
//! expected (a file, a folder), so nothing outside is read and nothing is
//! skipped without a word.
//!
//! The policy: a symbolic link whose target lies inside the site folder is
//! followed like the file or folder it points to; a link that leads outside
//! it (or points to nothing) is an error naming the link, and its target is
//! never opened.

use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Place, Severity};

/// What a path is, after following links that stay inside the site folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Nothing is there.
    Missing,
    /// A regular file.
    File,
    /// A folder.
    Dir,
    /// Something else, in words: a named pipe, a socket, a device.
    Other(&'static str),
}

impl Kind {
    fn of(file_type: std::fs::FileType) -> Kind {
        #[cfg(unix)]
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_file() {
            return Kind::File;
        }
        if file_type.is_dir() {
            return Kind::Dir;
        }
        #[cfg(unix)]
        {
            if file_type.is_fifo() {
                return Kind::Other("a named pipe (FIFO)");
            }
            if file_type.is_socket() {
                return Kind::Other("a socket");
            }
            if file_type.is_block_device() || file_type.is_char_device() {
                return Kind::Other("a device");
            }
        }
        Kind::Other("neither a file nor a folder")
    }
}

/// One entry of a folder listing.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The path (under the folder listed, not the link's target).
    pub path: PathBuf,
    /// The file name.
    pub name: String,
    /// What it is.
    pub kind: Kind,
}

/// The site folder, known by its path as given and its real path.
#[derive(Debug, Clone)]
pub struct SiteRoot {
    root: PathBuf,
    real: PathBuf,
}

impl SiteRoot {
    /// The site folder `root`; its own real path is where every input must lie.
    pub fn new(root: &Path) -> Self {
        let real = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        SiteRoot {
            root: root.to_path_buf(),
            real,
        }
    }

    /// The folder as given.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// `path` relative to the site folder, `/`-separated, for messages.
    pub fn show(&self, path: &Path) -> String {
        super::display_path(&self.root, path)
    }

    /// Whether `path`, with every link followed, lies inside the site folder.
    pub fn contains(&self, path: &Path) -> bool {
        std::fs::canonicalize(path).is_ok_and(|real| real.starts_with(&self.real))
    }

    /// What is at `path` (a path under the site folder). A link is followed
    /// only when its target lies inside the site folder; one that leads
    /// outside, or to nothing, is an error naming the link.
    pub fn inspect(&self, path: &Path) -> Result<Kind, Diagnostic> {
        match std::fs::metadata(path) {
            Ok(meta) => {
                if !self.contains(path) {
                    return Err(self.outside(path));
                }
                Ok(Kind::of(meta.file_type()))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                match std::fs::symlink_metadata(path) {
                    Ok(_) => Err(self.broken_link(path)),
                    Err(_) => Ok(Kind::Missing),
                }
            }
            Err(e) => Err(self.cannot_look(path, &e)),
        }
    }

    /// The entries of the folder `dir` (already inspected as a folder),
    /// sorted by name. Entries that are links are resolved as
    /// [`SiteRoot::inspect`] does; one that leads outside becomes an error in
    /// `problems` and is left out.
    pub fn list(&self, dir: &Path, problems: &mut Vec<Diagnostic>) -> Option<Vec<Entry>> {
        let read = match std::fs::read_dir(dir) {
            Ok(read) => read,
            Err(e) => {
                problems.push(self.cannot_list(dir, &e));
                return None;
            }
        };
        let mut entries = Vec::new();
        for entry in read {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    problems.push(self.cannot_list(dir, &e));
                    return None;
                }
            };
            let path = entry.path();
            let kind = match entry.file_type() {
                Ok(t) if t.is_symlink() => match self.inspect(&path) {
                    Ok(kind) => kind,
                    Err(d) => {
                        problems.push(d);
                        continue;
                    }
                },
                Ok(t) => Kind::of(t),
                Err(e) => {
                    problems.push(self.cannot_look(&path, &e));
                    continue;
                }
            };
            entries.push(Entry {
                name: entry.file_name().to_string_lossy().into_owned(),
                path,
                kind,
            });
        }
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Some(entries)
    }

    /// The first link on the way from the site folder to `path` that leads
    /// outside it (or `path` itself when none is found).
    fn escaping_link(&self, path: &Path) -> PathBuf {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        let mut at = self.root.clone();
        for part in rel.components() {
            at.push(part);
            let is_link = std::fs::symlink_metadata(&at).is_ok_and(|m| m.is_symlink());
            if is_link && !self.contains(&at) {
                return at;
            }
        }
        path.to_path_buf()
    }

    fn outside(&self, path: &Path) -> Diagnostic {
        let link = self.escaping_link(path);
        error(
            Place::file(&self.show(&link)),
            "link-outside",
            "this is a link (symbolic link) to a place outside the site folder; kohyo reads nothing outside the site folder, so it was not read".into(),
            "copy the file or folder into the site folder instead of linking to it, or remove the link",
        )
    }

    fn broken_link(&self, path: &Path) -> Diagnostic {
        let link = self.escaping_link(path);
        error(
            Place::file(&self.show(&link)),
            "broken-link",
            "this link (symbolic link) points to nothing".into(),
            "remove the link, or put the file it should point to inside the site folder",
        )
    }

    fn cannot_look(&self, path: &Path, e: &io::Error) -> Diagnostic {
        error(
            Place::file(&self.show(path)),
            "read",
            format!("cannot look at this path: {e}"),
            "check that you may read it (its permissions) and the folders it is in",
        )
    }

    fn cannot_list(&self, dir: &Path, e: &io::Error) -> Diagnostic {
        error(
            Place::file(&self.show(dir)),
            "read",
            format!("cannot list this folder: {e}"),
            "check that you may read the folder (its permissions); its files were not read",
        )
    }
}

fn error(place: Place, code: &'static str, message: String, hint: &str) -> Diagnostic {
    Diagnostic {
        place,
        severity: Severity::Error,
        code,
        message,
        hint: Some(hint.to_string()),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_inside_are_followed_and_links_outside_are_named() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.yaml"), "x").unwrap();
        let site = tempfile::tempdir().unwrap();
        let root = SiteRoot::new(site.path());
        let content = site.path().join("content");
        std::fs::create_dir(&content).unwrap();
        std::fs::write(content.join("a.yaml"), "a").unwrap();
        symlink(content.join("a.yaml"), content.join("inside.yaml")).unwrap();
        symlink(outside.path().join("secret.yaml"), content.join("out.yaml")).unwrap();
        symlink(outside.path(), content.join("outdir")).unwrap();
        symlink(content.join("gone.yaml"), content.join("broken.yaml")).unwrap();

        assert_eq!(root.inspect(&content.join("inside.yaml")), Ok(Kind::File));
        assert_eq!(
            root.inspect(&content.join("nothing.yaml")),
            Ok(Kind::Missing)
        );
        assert_eq!(root.inspect(&content), Ok(Kind::Dir));
        let err = root.inspect(&content.join("out.yaml")).unwrap_err();
        assert_eq!(
            (err.code, err.place.file.as_str()),
            ("link-outside", "content/out.yaml")
        );
        let err = root
            .inspect(&content.join("outdir/secret.yaml"))
            .unwrap_err();
        assert_eq!(
            err.place.file, "content/outdir",
            "names the link, not the file"
        );
        let err = root.inspect(&content.join("broken.yaml")).unwrap_err();
        assert_eq!(err.code, "broken-link");

        let mut problems = Vec::new();
        let names: Vec<(String, Kind)> = root
            .list(&content, &mut problems)
            .unwrap()
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect();
        assert_eq!(
            names,
            [
                ("a.yaml".into(), Kind::File),
                ("inside.yaml".into(), Kind::File)
            ]
        );
        let mut files: Vec<&str> = problems.iter().map(|d| d.place.file.as_str()).collect();
        files.sort();
        assert_eq!(
            files,
            ["content/broken.yaml", "content/out.yaml", "content/outdir"]
        );
    }
}

impl crate::diagnostics::human::SourceFiles for SiteRoot {
    fn source_text(&self, file: &str) -> Option<String> {
        let path = self.path().join(file);
        if self.inspect(&path) != Ok(Kind::File) {
            return None;
        }
        std::fs::read_to_string(path).ok()
    }
}
