//! The staging folders of the builds running in this process, so that a
//! signal handler (Ctrl-C, SIGTERM) can remove them before the process ends.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use crate::fs;

/// A staging folder's state; its mutex is held while a batch is written and
/// during the swap, so a handler never removes a folder mid-batch or mid-swap.
#[derive(Debug)]
struct State {
    /// The staging folder.
    path: PathBuf,
    /// Swapped in (or removed after a failure): nothing left to clean.
    finished: bool,
    /// Removed by [`abandon_builds`]: writing must stop.
    abandoned: bool,
}

/// Every registered staging folder.
static LIVE: Mutex<Vec<Arc<Mutex<State>>>> = Mutex::new(Vec::new());

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// One registered staging folder.
#[derive(Debug)]
pub struct Live(Arc<Mutex<State>>);

impl Live {
    /// Registers the staging folder `path`.
    pub fn register(path: &Path) -> Self {
        let state = Arc::new(Mutex::new(State {
            path: path.to_path_buf(),
            finished: false,
            abandoned: false,
        }));
        lock(&LIVE).push(Arc::clone(&state));
        Self(state)
    }

    /// Runs `f` unless the folder was abandoned; a handler waits until `f`
    /// returns. `f` gets `true` to say it is the last step: the folder is
    /// finished when it returns `Ok`. Returns `None` if abandoned.
    pub fn run<T, E>(&self, last: bool, f: impl FnOnce() -> Result<T, E>) -> Option<Result<T, E>> {
        let mut state = lock(&self.0);
        if state.abandoned {
            return None;
        }
        let result = f();
        if last {
            state.finished = true;
        }
        Some(result)
    }

    /// Removes the folder (best effort) unless it was swapped in or
    /// abandoned, and unregisters it.
    pub fn finish(&self) {
        let mut state = lock(&self.0);
        if !state.finished && !state.abandoned {
            fs::remove_best_effort(&state.path);
        }
        state.finished = true;
        drop(state);
        lock(&LIVE).retain(|s| !Arc::ptr_eq(s, &self.0));
    }
}

/// Removes the staging folder of every build in progress in this process,
/// then runs `then` (which usually reports and ends the process) while
/// every build is still stopped: no batch, swap or new build starts until
/// `then` returns, and none writes again after it. `then` gets the folders
/// removed. For signal handlers; a build that tries to go on fails.
pub fn abandon_builds<R>(then: impl FnOnce(&[PathBuf]) -> R) -> R {
    let all = lock(&LIVE);
    let mut states: Vec<MutexGuard<'_, State>> = all.iter().map(|s| lock(s)).collect();
    let mut removed = Vec::new();
    for state in &mut states {
        if !state.finished && !state.abandoned {
            fs::remove_best_effort(&state.path);
            removed.push(state.path.clone());
        }
        state.abandoned = true;
    }
    then(&removed)
}

/// Test-only hook: when the environment variable `KOHYO_TEST_PAUSE_FILE`
/// names a file, the first batch written to a staging folder creates that
/// file and the build then sleeps (up to a minute), so a test can send a
/// signal while a staging folder is known to exist. Not for users.
pub fn pause_for_tests() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    let Some(file) = std::env::var_os("KOHYO_TEST_PAUSE_FILE") else {
        return;
    };
    ONCE.call_once(|| {
        if std::fs::write(&file, std::process::id().to_string()).is_ok() {
            std::thread::sleep(Duration::from_secs(60));
        }
    });
}
