//! Writes the rendered site to the output folder; the only code that does.
//!
//! The build renders pages in batches and hands each batch to a [`Staging`]
//! folder (or, for previews and tests, to a [`Vec`] in memory; both are
//! [`Sink`]s). [`Output::open`], first in a build:
//!
//! 1. refuses output folders that are unsafe to replace: the top of the file
//!    system, a folder containing the current folder, a file, the site
//!    folder, a folder above it, anything in its `content/` or `themes/`, a
//!    folder with a `content/` of its own (`output/guard.rs`), or a non-empty folder
//!    without kohyo's marker file [`MARKER_FILE`] (unless forced);
//! 2. takes the output folder's lock, so one build at a time writes it, and
//!    cleans up after builds that died: puts the previous site back if one
//!    died during its swap, removes their staging and old folders
//!    (`output/lock.rs`).
//!
//! The [`Staging`] folder it makes ([`Output::stage`]) then:
//!
//! 3. checks every page path as it arrives (safe, no duplicates, never both a
//!    page and a folder) and writes the batch next to the output folder;
//! 4. is swapped into place with renames by [`Staging::commit`], so the old
//!    output stays intact until the new one is complete; dropped without a
//!    commit (a failed build), or on a signal ([`abandon_builds`]), it
//!    removes itself.
//!
//! [`write_site`] does all of it for files already in memory.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use thiserror::Error;

use crate::fs::FsError;

mod guard;
mod live;
mod lock;

mod staging;

pub use guard::Overlap;
pub use live::abandon_builds;
#[cfg(test)]
use staging::write_site_from;
pub use staging::{Output, Staging};

/// Name of the marker file that [`write_site`] puts in every output folder.
pub const MARKER_FILE: &str = ".kohyo-output";

/// Content of the marker file.
pub const MARKER_TEXT: &str =
    "This folder is written by kohyo build; it is replaced on every build.\n";

/// One rendered file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Site-relative path with `/` between folders, e.g. `plans/p/items/9.html`.
    pub path: String,
    /// The file's complete content.
    pub bytes: Vec<u8>,
}

impl OutputFile {
    /// Creates an output file from a site-relative path and its content.
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Self {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// Options for [`write_site`] and [`Output::open`].
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// Replace a non-empty output folder even if it has no kohyo marker file.
    pub force: bool,
    /// The site folder the output is built from: the output folder must not
    /// be it, contain it, or be or lie inside its `content/` or `themes/`
    /// (refused even with `force`). `None` skips this check (sites made in
    /// memory by tests and benchmarks).
    pub site_root: Option<PathBuf>,
    /// How long to wait for another build into the same folder to finish
    /// before giving up with [`OutputError::Busy`]; zero gives up at once.
    pub lock_wait: Duration,
    /// Called once when the build has to wait for another one.
    pub on_wait: Option<fn()>,
}

/// What [`write_site`] wrote; the marker file is not counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Number of site files written.
    pub files: usize,
    /// Total size of the site files written, in bytes.
    pub bytes: u64,
}

/// Why a page path was refused by [`check_path`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathProblem {
    /// The path is empty.
    Empty,
    /// The path contains a NUL character.
    Nul,
    /// The path starts with `/`.
    Absolute,
    /// The path contains `\`.
    Backslash,
    /// The path starts with a drive name such as `C:`.
    DrivePrefix,
    /// The path has an empty segment (`a//b` or a trailing `/`).
    EmptySegment,
    /// The path has a `.` segment.
    Dot,
    /// The path has a `..` segment.
    DotDot,
    /// The path is the name of kohyo's marker file.
    Reserved,
}

impl fmt::Display for PathProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "the path is empty",
            Self::Nul => "it contains a NUL character",
            Self::Absolute => "it starts with `/`",
            Self::Backslash => "it contains `\\`; use `/` between folder names",
            Self::DrivePrefix => "it starts with a drive name like `C:`",
            Self::EmptySegment => "it has an empty folder name (`//` or a `/` at the end)",
            Self::Dot => "it has a `.` folder name",
            Self::DotDot => "it has a `..` folder name, which points outside the output folder",
            Self::Reserved => "that name is reserved for kohyo's marker file",
        })
    }
}

/// Errors from [`write_site`]; each message names the path concerned.
#[derive(Debug, Error)]
pub enum OutputError {
    /// A page path is not a safe site-relative path.
    #[error("cannot write the page `{}`: {problem}. Nothing was written.", .path.escape_debug())]
    InvalidPath {
        /// The refused path.
        path: String,
        /// What is wrong with it.
        problem: PathProblem,
    },
    /// Two pages have the same path.
    #[error("two pages would be written to the same file `{}`. Nothing was written.", .path.escape_debug())]
    DuplicatePath {
        /// The path that occurs more than once.
        path: String,
    },
    /// A page path is also used as a folder by another page.
    #[error(
        "`{file}` would have to be both a page and a folder (because of `{inner}`). Nothing was written."
    )]
    PathConflict {
        /// The page path that is also needed as a folder.
        file: String,
        /// A page inside that folder.
        inner: String,
    },
    /// The output folder is the top of the file system.
    #[error("refusing to use `{}` as the output folder: it is the top of the file system. Pick another folder with --out.", .dir.display())]
    RootFolder {
        /// The output folder as given.
        dir: PathBuf,
    },
    /// The output folder contains (or is) the current folder.
    #[error("refusing to use `{}` as the output folder: it contains the current folder `{}`, and kohyo replaces the whole output folder on every build. Pick another folder with --out.", .dir.display(), .cwd.display())]
    ContainsWorkingDir {
        /// The output folder as given.
        dir: PathBuf,
        /// The current folder.
        cwd: PathBuf,
    },
    /// The output path exists but is not a folder.
    #[error("`{}` is a file, not a folder. Pick another output folder with --out.", .dir.display())]
    NotAFolder {
        /// The output path.
        dir: PathBuf,
    },
    /// The output folder is non-empty and has no marker file.
    #[error("the folder `{}` is not empty and does not look like kohyo output (it has no `.kohyo-output` file). kohyo replaces the whole output folder on every build, so it left this folder alone. Pass --force to replace it anyway, or pick another folder with --out.", .dir.display())]
    NotKohyoOutput {
        /// The output folder.
        dir: PathBuf,
    },
    /// The output folder or its surroundings could not be examined.
    #[error("could not check the output folder `{}`: {source}", .dir.display())]
    Inspect {
        /// The output folder.
        dir: PathBuf,
        /// The underlying error.
        source: FsError,
    },
    /// Writing the new site failed; the previous output is untouched.
    #[error("could not write the site into `{}`; the previous output was left as it was: {source}", .dir.display())]
    Stage {
        /// The output folder.
        dir: PathBuf,
        /// The underlying error.
        source: FsError,
    },
    /// The new site could not be moved into place.
    #[error("could not put the new site in place at `{}`: {source}. If that folder is missing now, the next build puts the previous site back first.", .dir.display())]
    Swap {
        /// The output folder.
        dir: PathBuf,
        /// The underlying error.
        source: FsError,
    },
    /// The new site is in place but the previous copy could not be deleted.
    #[error("the new site was written to `{}`, but the previous copy `{}` could not be removed; you can delete it by hand: {source}", .dir.display(), .old.display())]
    Cleanup {
        /// The output folder.
        dir: PathBuf,
        /// The leftover folder holding the previous output.
        old: PathBuf,
        /// The underlying error.
        source: FsError,
    },
    /// The output folder overlaps the site's own folders; refused even with
    /// `force`, since replacing it would delete content.
    #[error("refusing to use `{}` as the output folder: {overlap}. kohyo replaces the whole output folder on every build, and no option allows that for the site's own folders. Build into a folder used for nothing else: leave out --out to use `public` in the site folder, or pick a new folder with --out.", .dir.display())]
    SourceFolder {
        /// The output folder as given.
        dir: PathBuf,
        /// How it overlaps the site.
        overlap: Overlap,
    },
    /// Another build held the output folder's lock for the whole wait.
    #[error("another kohyo build{} is writing `{}` right now (it holds the lock file `{}`), and it did not finish within {} s. Run the build again when the other one has finished, or let it wait longer with --lock-wait SECONDS.", .holder.map(|p| format!(" (process {p})")).unwrap_or_default(), .dir.display(), .lock.display(), .waited.as_secs())]
    Busy {
        /// The output folder as given.
        dir: PathBuf,
        /// The lock file.
        lock: PathBuf,
        /// How long this build waited.
        waited: Duration,
        /// The other build's process id, when known.
        holder: Option<u32>,
    },
    /// The lock file beside the output folder could not be created or locked.
    #[error("could not lock the output folder `{}` against other builds: {source}. Check that its parent folder can be written.", .dir.display())]
    Lock {
        /// The output folder as given.
        dir: PathBuf,
        /// The underlying error.
        source: FsError,
    },
    /// A build that died during its swap left the previous site aside, and
    /// it could not be put back.
    #[error("an earlier build of `{}` stopped while swapping folders, and the previous site it moved aside could not be put back: {source}. Rename `{}` to `{}` by hand, then build again.", .dir.display(), .old.display(), .dir.display())]
    Restore {
        /// The output folder as given.
        dir: PathBuf,
        /// The folder holding the previous site.
        old: PathBuf,
        /// The underlying error.
        source: FsError,
    },
    /// The staging folder was removed because the process is being stopped.
    #[error("the build into `{}` was stopped; its unfinished files were removed and the previous output was left as it was.", .dir.display())]
    Interrupted {
        /// The output folder as given.
        dir: PathBuf,
    },
}

impl OutputError {
    /// Whether the previous output is known to be as it was before the build
    /// (every error except those from the swap and the clean-up after it).
    pub fn previous_kept(&self) -> bool {
        !matches!(
            self,
            Self::Swap { .. } | Self::Cleanup { .. } | Self::Restore { .. }
        )
    }
}

/// Checks that `path` is a safe site-relative path such as `plans/p/index.html`.
pub fn check_path(path: &str) -> Result<(), PathProblem> {
    let bytes = path.as_bytes();
    let problem = if path.is_empty() {
        PathProblem::Empty
    } else if path.contains('\0') {
        PathProblem::Nul
    } else if path.starts_with('/') {
        PathProblem::Absolute
    } else if path.contains('\\') {
        PathProblem::Backslash
    } else if bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' {
        PathProblem::DrivePrefix
    } else if let Some(segment) = path.split('/').find(|s| matches!(*s, "" | "." | "..")) {
        match segment {
            "" => PathProblem::EmptySegment,
            "." => PathProblem::Dot,
            _ => PathProblem::DotDot,
        }
    } else if path == MARKER_FILE {
        PathProblem::Reserved
    } else {
        return Ok(());
    };
    Err(problem)
}

/// Replaces `out_dir` with exactly `files` plus the marker file.
///
/// The output folder changes only if every check passes and every file is
/// written; otherwise the staging folder is removed and the previous output
/// is left as it was. A relative `out_dir` is taken from the
/// current folder, and its parent folder is created if missing.
pub fn write_site(
    out_dir: &Path,
    files: &[OutputFile],
    options: &WriteOptions,
) -> Result<WriteReport, OutputError> {
    let mut staging = Staging::begin(out_dir, options)?;
    staging.write(files)?;
    staging.commit()
}

/// Where rendered files go, a batch at a time, in a deterministic order:
/// a [`Vec`] keeps them in memory, a [`Staging`] folder writes them to disk.
pub trait Sink {
    /// Takes the next batch of files.
    fn put(&mut self, files: Vec<OutputFile>) -> Result<(), OutputError>;
}

impl Sink for Vec<OutputFile> {
    fn put(&mut self, files: Vec<OutputFile>) -> Result<(), OutputError> {
        self.extend(files);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
