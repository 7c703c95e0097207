//! One build at a time per output folder: the lock file beside it, and what
//! builds that died left behind (their staging and old folders), which the
//! next build that holds the lock restores or removes.

use std::ffi::{OsStr, OsString};
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use crate::fs::{self, FsAction, FsError};

/// How often a build waiting for the lock tries again.
const RETRY: Duration = Duration::from_millis(50);

/// The lock on one output folder, held until dropped.
#[derive(Debug)]
pub struct Lock {
    file: File,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // The process id in the file is only for messages: clear it, so a
        // later holder that writes none (another tool) is not misnamed.
        let _ = self.file.set_len(0);
    }
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another process held it for the whole wait.
    Busy {
        /// The holder's process id, when it wrote one and is alive.
        holder: Option<u32>,
    },
    /// The lock file could not be created or locked.
    Io(FsError),
}

/// `.<name>.kohyo-<kind>`, e.g. `.public.kohyo-lock`.
pub fn sibling(name: &OsStr, kind: &str) -> OsString {
    let mut sibling = OsString::from(".");
    sibling.push(name);
    sibling.push(format!(".kohyo-{kind}"));
    sibling
}

/// `.<name>.kohyo-<kind>-<pid of this process>`, a staging or old folder.
pub fn owned_sibling(name: &OsStr, kind: &str) -> OsString {
    let mut sibling = sibling(name, kind);
    sibling.push(format!("-{}", std::process::id()));
    sibling
}

/// Takes the exclusive lock of the output folder `name` in `parent`, trying
/// again for up to `wait` while another process holds it; `on_wait` is
/// called once if it has to wait.
pub fn acquire(
    parent: &Path,
    name: &OsStr,
    wait: Duration,
    on_wait: Option<fn()>,
) -> Result<Lock, LockError> {
    let path = parent.join(sibling(name, "lock"));
    let io = |e| LockError::Io(FsError::new(FsAction::Write, &path, e));
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(io)?;
    let start = Instant::now();
    let mut told = false;
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                if let (false, Some(tell)) = (told, on_wait) {
                    tell();
                    told = true;
                }
                std::thread::sleep(RETRY.min(wait.saturating_sub(start.elapsed())));
            }
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                let holder = text.trim().parse().ok().filter(|&pid| alive(pid));
                return Err(LockError::Busy { holder });
            }
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
    }
    file.set_len(0).map_err(io)?;
    file.rewind().map_err(io)?;
    write!(file, "{}", std::process::id()).map_err(io)?;
    Ok(Lock { file })
}

/// Whether process `pid` is running, as far as this system can tell.
///
/// Only called while holding the lock, which already shows that no build
/// into this folder is alive; this is a second check. This process counts
/// as gone: it makes its own folders only after looking (a folder with its
/// id is from an earlier process that had the same id). Where processes
/// cannot be looked up (no `/proc`), the lock alone decides.
fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    let proc = Path::new("/proc");
    proc.join("self").exists() && proc.join(pid.to_string()).exists()
}

/// A staging or old folder of the output folder, by the process that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leftover {
    /// The folder.
    pub path: PathBuf,
    /// Whether it holds a previous site moved aside during a swap (`old`)
    /// rather than a site being written (`staging`).
    pub old: bool,
    /// The process that made it.
    pub pid: u32,
}

/// The staging and old folders of `name` in `parent` whose process is gone.
fn dead_leftovers(parent: &Path, name: &OsStr) -> Vec<Leftover> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    entries
        .into_iter()
        .filter_map(|path| {
            let (old, pid) = parse_leftover(path.file_name()?, name)?;
            Some(Leftover { path, old, pid })
        })
        .filter(|l| !alive(l.pid))
        .collect()
}

/// `(old, pid)` if `entry` is named like a staging or old folder of `name`.
fn parse_leftover(entry: &OsStr, name: &OsStr) -> Option<(bool, u32)> {
    let rest = entry
        .to_str()?
        .strip_prefix('.')?
        .strip_prefix(name.to_str()?)?
        .strip_prefix(".kohyo-")?;
    let (old, pid) = match rest.strip_prefix("old-") {
        Some(pid) => (true, pid),
        None => (false, rest.strip_prefix("staging-")?),
    };
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((old, pid.parse().ok()?))
}

/// Puts the previous site back if a build died between the two renames of
/// its swap (the output folder missing, the previous site in an old
/// folder), then removes every other folder that dead builds left. Call it
/// only while holding the lock. Returns the folder the site came back from.
pub fn recover(parent: &Path, target: &Path) -> Result<Option<PathBuf>, FsError> {
    let Some(name) = target.file_name() else {
        return Ok(None);
    };
    let mut dead = dead_leftovers(parent, name);
    let mut restored = None;
    if fs::symlink_metadata(target)?.is_none() {
        let modified = |l: &Leftover| {
            std::fs::metadata(&l.path)
                .and_then(|m| m.modified())
                .unwrap_or(SystemTime::UNIX_EPOCH)
        };
        // The newest old folder holds the site that was last in place.
        let newest = dead
            .iter()
            .enumerate()
            .filter(|(_, l)| l.old && l.path.is_dir())
            .max_by_key(|(_, l)| (modified(l), l.path.clone()))
            .map(|(i, _)| i);
        if let Some(i) = newest {
            let old = dead.remove(i);
            fs::rename(&old.path, target)?;
            restored = Some(old.path);
        }
    }
    for leftover in dead {
        fs::remove_best_effort(&leftover.path);
    }
    Ok(restored)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// The id of a process that has ended.
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    #[test]
    fn leftover_names_are_parsed_strictly() {
        let name = OsStr::new("site");
        let parse = |e: &str| parse_leftover(OsStr::new(e), name);
        assert_eq!(parse(".site.kohyo-staging-12"), Some((false, 12)));
        assert_eq!(parse(".site.kohyo-old-7"), Some((true, 7)));
        for no in [
            ".site.kohyo-old-",
            ".site.kohyo-old-x",
            ".sites.kohyo-old-1",
            ".site.kohyo-lock",
            "site",
            ".site.kohyo-old-1-2",
        ] {
            assert_eq!(parse(no), None, "{no}");
        }
    }

    #[test]
    fn a_second_lock_waits_then_fails_and_names_the_holder() {
        let tmp = tempfile::tempdir().unwrap();
        let name = OsStr::new("public");
        let first = acquire(tmp.path(), name, Duration::ZERO, None).unwrap();
        let lock_file = tmp.path().join(".public.kohyo-lock");
        assert_eq!(
            fs::read_to_string(&lock_file).unwrap(),
            std::process::id().to_string()
        );
        let start = Instant::now();
        let second = acquire(tmp.path(), name, Duration::from_millis(200), None);
        assert!(start.elapsed() >= Duration::from_millis(200));
        // This process counts as gone for itself, so it is not named.
        assert!(matches!(second, Err(LockError::Busy { holder: None })));
        drop(first);
        assert_eq!(fs::read_to_string(&lock_file).unwrap(), "");
        acquire(tmp.path(), name, Duration::ZERO, None).unwrap();
    }

    #[test]
    fn recovery_restores_the_newest_old_site_and_keeps_live_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("site");
        let dead = dead_pid();
        let mut live = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let names = [
            format!(".site.kohyo-old-{dead}"),
            format!(".site.kohyo-staging-{dead}"),
            format!(".site.kohyo-staging-{}", live.id()),
            format!(".site.kohyo-staging-{}", std::process::id()),
        ];
        for name in &names {
            fs::create_dir(tmp.path().join(name)).unwrap();
        }
        fs::write(tmp.path().join(&names[0]).join("index.html"), "old").unwrap();
        let restored = recover(tmp.path(), &target).unwrap();
        assert_eq!(restored, Some(tmp.path().join(&names[0])));
        assert_eq!(fs::read(target.join("index.html")).unwrap(), b"old");
        let mut left: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, [names[2].clone(), "site".to_string()]);
        live.kill().unwrap();
        live.wait().unwrap();
        // With the output in place an old folder is only removed.
        fs::create_dir(tmp.path().join(&names[0])).unwrap();
        assert_eq!(recover(tmp.path(), &target).unwrap(), None);
        assert!(!tmp.path().join(&names[0]).exists());
        assert!(target.join("index.html").is_file());
    }
}
