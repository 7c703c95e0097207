//! File-system helpers whose errors always name the path and the action.
//!
//! `std::fs` errors only say what went wrong ("No such file or directory"),
//! not where. Every function here wraps one `std::fs` call and turns its
//! error into an [`FsError`] that prints like
//! ``cannot read `content/site.yaml`: No such file or directory (os error 2)``.

use std::fmt;
use std::io;
use std::path::{Component, Path, PathBuf};

use thiserror::Error;

pub mod within;

/// The path of `path` relative to `root`, with `/` separators, for messages.
pub fn display_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// What was being done when an [`FsError`] happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FsAction {
    /// Reading a file.
    Read,
    /// Writing (creating or replacing) a file.
    Write,
    /// Creating a folder and any missing parent folders.
    CreateDir,
    /// Removing a folder and everything inside it.
    RemoveDir,
    /// Removing a single file.
    RemoveFile,
    /// Renaming or moving a file or folder.
    Rename,
    /// Listing the entries of a folder.
    ListDir,
    /// Looking up whether a path exists and what it is.
    Inspect,
}

impl fmt::Display for FsAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Read => "read",
            Self::Write => "write",
            Self::CreateDir => "create folder",
            Self::RemoveDir => "remove folder",
            Self::RemoveFile => "remove file",
            Self::Rename => "rename",
            Self::ListDir => "list folder",
            Self::Inspect => "look at",
        })
    }
}

/// An IO error together with the action and the path(s) it happened on.
///
/// Displays as ``cannot <action> `<path>`: <io error>``, or for renames
/// ``cannot rename `<from>` to `<to>`: <io error>``.
#[derive(Debug, Error)]
#[error("cannot {action} {}: {source}", self.describe_paths())]
pub struct FsError {
    action: FsAction,
    path: PathBuf,
    to: Option<PathBuf>,
    source: io::Error,
}

impl FsError {
    /// Wraps `source`, recording that it happened while doing `action` on `path`.
    pub fn new(action: FsAction, path: impl Into<PathBuf>, source: io::Error) -> Self {
        Self {
            action,
            path: path.into(),
            to: None,
            source,
        }
    }

    /// Wraps an error from renaming `from` to `to`.
    pub fn rename(from: impl Into<PathBuf>, to: impl Into<PathBuf>, source: io::Error) -> Self {
        Self {
            action: FsAction::Rename,
            path: from.into(),
            to: Some(to.into()),
            source,
        }
    }

    /// The action that failed.
    pub fn action(&self) -> FsAction {
        self.action
    }

    /// The path the action was done on (the source path for a rename).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The destination path of a rename; `None` for other actions.
    pub fn to(&self) -> Option<&Path> {
        self.to.as_deref()
    }

    /// The kind of the underlying IO error, e.g. [`io::ErrorKind::NotFound`].
    pub fn kind(&self) -> io::ErrorKind {
        self.source.kind()
    }

    fn describe_paths(&self) -> String {
        match &self.to {
            Some(to) => format!("`{}` to `{}`", self.path.display(), to.display()),
            None => format!("`{}`", self.path.display()),
        }
    }
}

/// Reads a whole UTF-8 file, like [`std::fs::read_to_string`].
pub fn read_to_string(path: impl AsRef<Path>) -> Result<String, FsError> {
    let path = path.as_ref();
    std::fs::read_to_string(path).map_err(|e| FsError::new(FsAction::Read, path, e))
}

/// Creates or replaces a file with `bytes`, like [`std::fs::write`].
pub fn write(path: impl AsRef<Path>, bytes: impl AsRef<[u8]>) -> Result<(), FsError> {
    let path = path.as_ref();
    std::fs::write(path, bytes).map_err(|e| FsError::new(FsAction::Write, path, e))
}

/// Creates one new folder, like [`std::fs::create_dir`]; fails if it exists.
pub fn create_dir(path: impl AsRef<Path>) -> Result<(), FsError> {
    let path = path.as_ref();
    std::fs::create_dir(path).map_err(|e| FsError::new(FsAction::CreateDir, path, e))
}

/// Creates a folder and its missing parents, like [`std::fs::create_dir_all`].
pub fn create_dir_all(path: impl AsRef<Path>) -> Result<(), FsError> {
    let path = path.as_ref();
    std::fs::create_dir_all(path).map_err(|e| FsError::new(FsAction::CreateDir, path, e))
}

/// Removes a folder and all its contents, like [`std::fs::remove_dir_all`].
pub fn remove_dir_all(path: impl AsRef<Path>) -> Result<(), FsError> {
    let path = path.as_ref();
    std::fs::remove_dir_all(path).map_err(|e| FsError::new(FsAction::RemoveDir, path, e))
}

/// Removes one file, like [`std::fs::remove_file`].
pub fn remove_file(path: impl AsRef<Path>) -> Result<(), FsError> {
    let path = path.as_ref();
    std::fs::remove_file(path).map_err(|e| FsError::new(FsAction::RemoveFile, path, e))
}

/// Renames or moves `from` to `to`, like [`std::fs::rename`].
pub fn rename(from: impl AsRef<Path>, to: impl AsRef<Path>) -> Result<(), FsError> {
    let (from, to) = (from.as_ref(), to.as_ref());
    std::fs::rename(from, to).map_err(|e| FsError::rename(from, to, e))
}

/// Lists the entries of a folder as full paths, sorted by name.
pub fn read_dir(path: impl AsRef<Path>) -> Result<Vec<PathBuf>, FsError> {
    let path = path.as_ref();
    let err = |e| FsError::new(FsAction::ListDir, path, e);
    let mut entries = std::fs::read_dir(path)
        .map_err(err)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(err)?;
    entries.sort();
    Ok(entries)
}

/// Looks up a path without following a final symbolic link.
///
/// Returns `Ok(None)` when nothing exists at `path`.
pub fn symlink_metadata(path: impl AsRef<Path>) -> Result<Option<std::fs::Metadata>, FsError> {
    let path = path.as_ref();
    match std::fs::symlink_metadata(path) {
        Ok(meta) => Ok(Some(meta)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(FsError::new(FsAction::Inspect, path, e)),
    }
}

/// Resolves a path to an absolute one with symbolic links followed,
/// like [`std::fs::canonicalize`]; the path must exist.
pub fn canonicalize(path: impl AsRef<Path>) -> Result<PathBuf, FsError> {
    let path = path.as_ref();
    std::fs::canonicalize(path).map_err(|e| FsError::new(FsAction::Inspect, path, e))
}

/// Joins `path` onto `base` and drops `.` and `..` segments lexically,
/// without touching the disk or following symbolic links.
pub fn absolute_lexical(base: &Path, path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in base.join(path).components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Canonicalizes the longest existing ancestor of `path` and appends the
/// rest, so the result is absolute even if `path` does not exist yet.
pub fn canonicalize_existing(path: &Path) -> Result<PathBuf, FsError> {
    let mut existing = path;
    let mut rest = Vec::new();
    while symlink_metadata(existing)?.is_none() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name);
                existing = parent;
            }
            _ => break,
        }
    }
    let mut real = canonicalize(existing)?;
    real.extend(rest.iter().rev());
    Ok(real)
}

/// Removes a folder with its contents, or a file, ignoring any error.
pub fn remove_best_effort(path: &Path) {
    if remove_dir_all(path).is_err() {
        let _ = remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn read_error_names_action_and_path() {
        let err = read_to_string("content/does-not-exist.yaml").unwrap_err();
        assert_eq!(err.action(), FsAction::Read);
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        let msg = err.to_string();
        assert!(
            msg.starts_with("cannot read `content/does-not-exist.yaml`: "),
            "{msg}"
        );
        assert!(err.source().is_some());
    }

    #[test]
    fn rename_error_names_both_paths() {
        let dir = tempfile::tempdir().unwrap();
        let from = dir.path().join("missing");
        let to = dir.path().join("target");
        let err = rename(&from, &to).unwrap_err();
        assert_eq!(err.to(), Some(to.as_path()));
        let expected = format!("cannot rename `{}` to `{}`: ", from.display(), to.display());
        assert!(err.to_string().starts_with(&expected), "{err}");
    }

    #[test]
    fn round_trip_and_directory_helpers() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        create_dir_all(&nested).unwrap();
        write(nested.join("x.txt"), "hello").unwrap();
        assert_eq!(read_to_string(nested.join("x.txt")).unwrap(), "hello");
        assert_eq!(read_dir(&nested).unwrap(), vec![nested.join("x.txt")]);
        assert!(symlink_metadata(&nested).unwrap().unwrap().is_dir());
        rename(&nested, dir.path().join("c")).unwrap();
        assert!(symlink_metadata(&nested).unwrap().is_none());
        remove_file(dir.path().join("c/x.txt")).unwrap();
        remove_dir_all(dir.path().join("a")).unwrap();
        assert_eq!(read_dir(dir.path()).unwrap(), vec![dir.path().join("c")]);
        assert!(canonicalize(dir.path().join("c")).unwrap().is_absolute());
    }

    #[test]
    fn other_actions_describe_themselves() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        let cases = [
            (remove_dir_all(&missing).unwrap_err(), "remove folder"),
            (remove_file(&missing).unwrap_err(), "remove file"),
            (read_dir(&missing).unwrap_err(), "list folder"),
            (write(missing.join("f"), b"x").unwrap_err(), "write"),
            (canonicalize(&missing).unwrap_err(), "look at"),
        ];
        for (err, action) in cases {
            assert!(
                err.to_string().starts_with(&format!("cannot {action} `")),
                "{err}"
            );
        }
        write(&missing, b"file").unwrap();
        assert_eq!(
            create_dir(&missing).unwrap_err().kind(),
            io::ErrorKind::AlreadyExists
        );
        let err = create_dir_all(missing.join("sub")).unwrap_err();
        assert!(
            err.to_string().starts_with("cannot create folder `"),
            "{err}"
        );
    }

    #[test]
    fn path_helpers_resolve_without_needing_the_path() {
        let base = Path::new("/srv/project");
        let abs = absolute_lexical(base, Path::new("./public/../dist"));
        assert_eq!(abs, Path::new("/srv/project/dist"));
        assert_eq!(absolute_lexical(base, Path::new("../..")), Path::new("/"));
        let dir = tempfile::tempdir().unwrap();
        let real = canonicalize(dir.path()).unwrap();
        let missing = dir.path().join("x/y");
        assert_eq!(canonicalize_existing(&missing).unwrap(), real.join("x/y"));
        write(dir.path().join("f"), b"").unwrap();
        remove_best_effort(&dir.path().join("f"));
        remove_best_effort(&missing);
        assert!(read_dir(dir.path()).unwrap().is_empty());
    }
}
