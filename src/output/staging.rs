//! The output folder of one build: [`Output`] checks and locks it,
//! [`Staging`] writes the new site beside it and swaps it in.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{
    MARKER_FILE, MARKER_TEXT, OutputError, OutputFile, Sink, WriteOptions, WriteReport, check_path,
    guard, live, lock,
};
use crate::fs::{self, FsAction, FsError};

/// An output folder that passed the checks and, once its parent folder
/// exists, is locked against other builds until this value (or the
/// [`Staging`] made from it) is dropped.
///
/// [`Output::open`] is meant to come first in a build, before the content
/// is read: usage errors (a folder that must not be replaced, one that
/// another build is writing) are found at once, and what an earlier build
/// that died left behind is cleaned up (the previous site put back if it
/// died during its swap).
#[derive(Debug)]
pub struct Output {
    /// The output folder as given, for messages.
    dir: PathBuf,
    /// The output folder, absolute.
    target: PathBuf,
    /// The lock; `None` while the parent folder does not exist yet (then
    /// nothing can be there to clean up, and [`Output::stage`] locks).
    lock: Option<lock::Lock>,
    /// The options it was opened with.
    options: WriteOptions,
    /// The folder the previous site was put back from, if it was.
    restored: Option<PathBuf>,
}

impl Output {
    /// Checks that `out_dir` may be replaced, takes its lock (waiting up to
    /// [`WriteOptions::lock_wait`]) and cleans up after builds that died.
    /// A relative `out_dir` is taken from the current folder.
    pub fn open(out_dir: &Path, options: &WriteOptions) -> Result<Self, OutputError> {
        let cwd = std::env::current_dir();
        let cwd = match (cwd, out_dir.is_absolute()) {
            (Ok(cwd), _) => Some(cwd),
            // With no current folder (it was deleted), there is nothing of
            // it to protect, and an absolute path needs none.
            (Err(_), true) => None,
            (Err(e), false) => {
                return Err(OutputError::Inspect {
                    dir: out_dir.to_path_buf(),
                    source: FsError::new(FsAction::Inspect, ".", e),
                });
            }
        };
        Self::open_from(cwd.as_deref(), out_dir, options)
    }

    /// [`Output::open`] with the current folder passed in, so tests can fake it.
    pub(super) fn open_from(
        cwd: Option<&Path>,
        out_dir: &Path,
        options: &WriteOptions,
    ) -> Result<Self, OutputError> {
        let dir = || out_dir.to_path_buf();
        let inspect = |source| OutputError::Inspect { dir: dir(), source };
        let target = fs::absolute_lexical(cwd.unwrap_or(Path::new("/")), out_dir);
        let Some(parent) = target.parent() else {
            return Err(OutputError::RootFolder { dir: dir() });
        };
        let real_target = fs::canonicalize_existing(&target).map_err(inspect)?;
        // A site folder that does not exist has nothing to protect; reading
        // its content fails later with a message about the content.
        if let Some(Ok(site)) = options.site_root.as_deref().map(fs::canonicalize)
            && let Some(overlap) = guard::overlap(&site, &real_target).map_err(inspect)?
        {
            return Err(OutputError::SourceFolder {
                dir: dir(),
                overlap,
            });
        }
        if let Some(cwd) = cwd {
            let real_cwd = fs::canonicalize(cwd).map_err(inspect)?;
            if real_cwd.starts_with(&real_target) || cwd.starts_with(&target) {
                return Err(OutputError::ContainsWorkingDir {
                    dir: dir(),
                    cwd: cwd.to_path_buf(),
                });
            }
        }
        let mut this = Self {
            dir: dir(),
            target: target.clone(),
            lock: None,
            options: options.clone(),
            restored: None,
        };
        if parent.is_dir() {
            this.lock_and_recover()?;
            this.inspect()?;
        }
        Ok(this)
    }

    /// The folder the previous site was put back from, if a build had died
    /// between the two renames of its swap.
    pub fn restored(&self) -> Option<&Path> {
        self.restored.as_deref()
    }

    /// Takes the lock, then restores or removes what dead builds left.
    fn lock_and_recover(&mut self) -> Result<(), OutputError> {
        let (Some(parent), Some(name)) = (self.target.parent(), self.target.file_name()) else {
            return Err(OutputError::RootFolder {
                dir: self.dir.clone(),
            });
        };
        let options = &self.options;
        let lock = lock::acquire(parent, name, options.lock_wait, options.on_wait);
        self.lock = Some(lock.map_err(|e| match e {
            lock::LockError::Busy { holder } => OutputError::Busy {
                dir: self.dir.clone(),
                lock: parent.join(lock::sibling(name, "lock")),
                waited: options.lock_wait,
                holder,
            },
            lock::LockError::Io(source) => OutputError::Lock {
                dir: self.dir.clone(),
                source,
            },
        })?);
        self.restored = lock::recover(parent, &self.target).map_err(|source| {
            let dir = self.dir.clone();
            match source.action() {
                FsAction::Rename => OutputError::Restore {
                    dir,
                    old: source.path().to_path_buf(),
                    source,
                },
                _ => OutputError::Inspect { dir, source },
            }
        })?;
        Ok(())
    }

    /// Whether the output folder exists, after checking that it may be
    /// replaced: a folder, and empty or kohyo's (or `force`).
    fn inspect(&self) -> Result<bool, OutputError> {
        let dir = || self.dir.clone();
        let inspect = |source| OutputError::Inspect { dir: dir(), source };
        let target = &self.target;
        match fs::symlink_metadata(target).map_err(inspect)? {
            None => Ok(false),
            Some(_) if !target.is_dir() => Err(OutputError::NotAFolder { dir: dir() }),
            Some(_) => {
                let empty = fs::read_dir(target).map_err(inspect)?.is_empty();
                if !empty && !self.options.force && !target.join(MARKER_FILE).is_file() {
                    return Err(OutputError::NotKohyoOutput { dir: dir() });
                }
                Ok(true)
            }
        }
    }

    /// Creates the staging folder beside the output folder, with the marker
    /// file in it (and the parent folder first if it is missing).
    pub fn stage(mut self) -> Result<Staging, OutputError> {
        let stage_err = |dir: &Path, source| OutputError::Stage {
            dir: dir.to_path_buf(),
            source,
        };
        let (Some(parent), Some(name)) = (self.target.parent(), self.target.file_name()) else {
            return Err(OutputError::RootFolder { dir: self.dir });
        };
        let (parent, name) = (parent.to_path_buf(), name.to_os_string());
        if self.lock.is_none() {
            fs::create_dir_all(&parent).map_err(|e| stage_err(&self.dir, e))?;
            self.lock_and_recover()?;
        }
        let exists = self.inspect()?;
        let staging = parent.join(lock::owned_sibling(&name, "staging"));
        let old = parent.join(lock::owned_sibling(&name, "old"));
        // Registered before it is made, so a signal can never leave it behind.
        let live = live::Live::register(&staging);
        let this = Staging {
            staging,
            old,
            exists,
            files: HashSet::new(),
            folders: HashMap::new(),
            report: WriteReport::default(),
            live,
            output: self,
        };
        let made = this.live.run(false, || {
            fs::create_dir(&this.staging)?;
            fs::write(this.staging.join(MARKER_FILE), MARKER_TEXT)
        });
        match made {
            None => Err(this.interrupted()),
            Some(Err(e)) => Err(stage_err(&this.output.dir, e)),
            Some(Ok(())) => Ok(this),
        }
    }
}

/// A new site being written next to the output folder, swapped into place by
/// [`Staging::commit`]. Dropped without a commit, it removes itself and the
/// output folder stays as it was; so does a signal handler that calls
/// [`abandon_builds`]. It holds the output folder's lock.
///
/// Files are checked as they arrive (safe paths, no duplicates, no path that
/// is both a page and a folder), so a site can be written while it is still
/// being rendered and never needs to be held in memory whole.
#[derive(Debug)]
pub struct Staging {
    /// The staging folder.
    staging: PathBuf,
    /// The name the old output is moved to during the swap.
    old: PathBuf,
    /// Whether the output folder exists already.
    exists: bool,
    /// Paths of the files written so far.
    files: HashSet<String>,
    /// Folders created so far (site-relative), each with a file inside it.
    folders: HashMap<String, String>,
    /// What was written.
    report: WriteReport,
    /// The staging folder as signal handlers see it.
    live: live::Live,
    /// The output folder, locked.
    output: Output,
}

impl Staging {
    /// [`Output::open`] and [`Output::stage`] at once: checks that `out_dir`
    /// may be replaced, locks it, then creates the staging folder.
    pub fn begin(out_dir: &Path, options: &WriteOptions) -> Result<Self, OutputError> {
        Output::open(out_dir, options)?.stage()
    }

    /// The folder the previous site was put back from, if a build had died
    /// between the two renames of its swap.
    pub fn restored(&self) -> Option<&Path> {
        self.output.restored()
    }

    /// Checks and writes `files` (in parallel) into the staging folder.
    pub fn write(&mut self, files: &[OutputFile]) -> Result<(), OutputError> {
        let mut new_folders = Vec::new();
        for file in files {
            check_path(&file.path).map_err(|problem| OutputError::InvalidPath {
                path: file.path.clone(),
                problem,
            })?;
            if let Some(inner) = self.folders.get(&file.path) {
                return Err(OutputError::PathConflict {
                    file: file.path.clone(),
                    inner: inner.clone(),
                });
            }
            if !self.files.insert(file.path.clone()) {
                return Err(OutputError::DuplicatePath {
                    path: file.path.clone(),
                });
            }
            for (slash, _) in file.path.match_indices('/') {
                let folder = &file.path[..slash];
                if self.files.contains(folder) {
                    return Err(OutputError::PathConflict {
                        file: folder.to_string(),
                        inner: file.path.clone(),
                    });
                }
                if !self.folders.contains_key(folder) {
                    self.folders.insert(folder.to_string(), file.path.clone());
                    new_folders.push(folder.to_string());
                }
            }
        }
        let staging = &self.staging;
        let written = self.live.run(false, || -> Result<(), FsError> {
            // Parents come before their children: `match_indices` goes left to right.
            for folder in &new_folders {
                let mut dest = staging.clone();
                dest.extend(folder.split('/'));
                fs::create_dir(&dest)?;
            }
            files.par_iter().try_for_each(|file| {
                let mut dest = staging.clone();
                dest.extend(file.path.split('/'));
                fs::write(&dest, &file.bytes)
            })
        });
        match written {
            None => Err(self.interrupted()),
            Some(Err(source)) => Err(OutputError::Stage {
                dir: self.output.dir.clone(),
                source,
            }),
            Some(Ok(())) => {
                self.report.files += files.len();
                self.report.bytes += files.iter().map(|f| f.bytes.len() as u64).sum::<u64>();
                live::pause_for_tests();
                Ok(())
            }
        }
    }

    fn interrupted(&self) -> OutputError {
        OutputError::Interrupted {
            dir: self.output.dir.clone(),
        }
    }

    /// Moves the staging folder into place; the previous output is removed.
    pub fn commit(self) -> Result<WriteReport, OutputError> {
        let dir = &self.output.dir;
        let target = &self.output.target;
        let swap_err = |source| {
            fs::remove_best_effort(&self.staging);
            OutputError::Swap {
                dir: dir.clone(),
                source,
            }
        };
        let swapped = self.live.run(true, || {
            if self.exists {
                fs::rename(target, &self.old).map_err(swap_err)?;
            }
            if let Err(source) = fs::rename(&self.staging, target) {
                if self.exists {
                    // Best effort: put the previous output back where it was
                    // (if this fails too, the next build does it).
                    let _ = fs::rename(&self.old, target);
                }
                return Err(swap_err(source));
            }
            Ok(())
        });
        match swapped {
            None => return Err(self.interrupted()),
            Some(result) => result?,
        }
        if self.exists {
            fs::remove_dir_all(&self.old).map_err(|source| OutputError::Cleanup {
                dir: dir.clone(),
                old: self.old.clone(),
                source,
            })?;
        }
        Ok(self.report)
    }
}

impl Sink for Staging {
    fn put(&mut self, files: Vec<OutputFile>) -> Result<(), OutputError> {
        self.write(&files)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // Removes the staging folder unless it was swapped in.
        self.live.finish();
    }
}

/// [`write_site`] with the current folder passed in, so tests can fake it.
#[cfg(test)]
pub(super) fn write_site_from(
    cwd: &Path,
    out_dir: &Path,
    files: &[OutputFile],
    options: &WriteOptions,
) -> Result<WriteReport, OutputError> {
    let mut staging = Output::open_from(Some(cwd), out_dir, options)?.stage()?;
    staging.write(files)?;
    staging.commit()
}
