//! Watching the site's inputs for `kohyo serve`: `content/` and `themes/`,
//! debounced, with editor temp files, hidden files and the output folder left
//! out. Everything else in the site folder is no input of the build.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use notify_debouncer_full::notify::event::{EventKind, ModifyKind};
use notify_debouncer_full::notify::{self, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache, new_debouncer,
};

/// How long the files must be quiet before a rebuild starts.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// The folders of the site folder that the build reads.
const INPUTS: [&str; 2] = ["content", "themes"];

/// Watches the inputs of the site in `root` (an absolute path).
pub struct Watcher {
    root: PathBuf,
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    events: Receiver<DebounceEventResult>,
    /// Which of [`INPUTS`] are watched now.
    watched: [bool; 2],
}

/// What one wait for changes ended with.
pub enum Change {
    /// Some input changed: rebuild.
    Inputs,
    /// Nothing that matters changed within the wait.
    None,
    /// The watcher reported a problem (it keeps watching).
    Error(String),
    /// The watcher has stopped.
    Stopped,
}

impl Watcher {
    /// Starts watching `root` (without its subfolders, to see `content/` or
    /// `themes/` appear) and the input folders that exist.
    pub fn start(root: &Path) -> notify::Result<Watcher> {
        let (sender, events) = channel();
        let mut debouncer = new_debouncer(DEBOUNCE, None, sender)?;
        debouncer.watch(root, RecursiveMode::NonRecursive)?;
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            debouncer,
            events,
            watched: [false; 2],
        };
        watcher.refresh(&[])?;
        Ok(watcher)
    }

    /// Waits up to `timeout` for changed inputs; a burst of changes, however
    /// long, makes one [`Change::Inputs`].
    pub fn wait(&mut self, timeout: Duration) -> Change {
        let first = match self.events.recv_timeout(timeout) {
            Ok(result) => result,
            Err(RecvTimeoutError::Timeout) => return Change::None,
            Err(RecvTimeoutError::Disconnected) => return Change::Stopped,
        };
        let mut results = vec![first];
        results.extend(self.events.try_iter());
        let mut relevant = false;
        let mut problems = Vec::new();
        for result in results {
            match result {
                Ok(events) => {
                    relevant |= events.iter().any(|e| self.matters(e));
                    if let Err(e) = self.refresh(&events) {
                        problems.push(e.to_string());
                    }
                }
                Err(errors) => problems.extend(errors.iter().map(ToString::to_string)),
            }
        }
        match (relevant, problems.is_empty()) {
            (true, _) => Change::Inputs,
            (false, false) => Change::Error(problems.join("; ")),
            (false, true) => Change::None,
        }
    }

    /// Whether an event touches an input of the build.
    fn matters(&self, event: &DebouncedEvent) -> bool {
        let kind_matters = !matches!(
            event.kind,
            EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
        );
        kind_matters
            && event
                .paths
                .iter()
                .any(|path| path.strip_prefix(&self.root).is_ok_and(is_input))
    }

    /// Watches input folders that appeared (or were replaced, as a `git
    /// checkout` may do) and forgets those that went away.
    fn refresh(&mut self, events: &[DebouncedEvent]) -> notify::Result<()> {
        for (i, name) in INPUTS.iter().enumerate() {
            let dir = self.root.join(name);
            // Only a folder created, removed or renamed counts: merely
            // opening it, as the build and the watch itself do, must not.
            let replaced = events.iter().any(|e| {
                matches!(
                    e.kind,
                    EventKind::Create(_)
                        | EventKind::Remove(_)
                        | EventKind::Modify(ModifyKind::Name(_))
                ) && e.paths.contains(&dir)
            });
            if self.watched[i] && (replaced || !dir.is_dir()) {
                // The old watch may already be gone with the folder.
                let _ = self.debouncer.unwatch(&dir);
                self.watched[i] = false;
            }
            if !self.watched[i] && dir.is_dir() {
                self.debouncer.watch(&dir, RecursiveMode::Recursive)?;
                self.watched[i] = true;
            }
        }
        Ok(())
    }
}

/// Whether a path relative to the site folder is an input of the build:
/// under `content/` or `themes/` (or one of them), and neither hidden nor an
/// editor's temporary or backup file.
pub fn is_input(relative: &Path) -> bool {
    let mut names = Vec::new();
    for component in relative.components() {
        match component {
            Component::Normal(name) => match name.to_str() {
                Some(name) => names.push(name),
                None => return false,
            },
            _ => return false,
        }
    }
    let Some(first) = names.first() else {
        return false;
    };
    INPUTS.contains(first) && !names.iter().any(|name| ignored_name(name))
}

/// Hidden files and the files editors write beside the one being saved.
fn ignored_name(name: &str) -> bool {
    name.starts_with('.') // hidden, and Emacs lock files `.#name`
        || name.ends_with('~') // backups of Emacs, Vim, gedit
        || (name.starts_with('#') && name.ends_with('#')) // Emacs auto-save
        || name == "4913" // Vim's check that the folder is writable
        || [".swp", ".swo", ".swx", ".tmp", "___jb_tmp___", "___jb_old___"]
            .iter()
            .any(|suffix| name.ends_with(suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_content_and_themes_only() {
        for path in [
            "content",
            "themes",
            "content/site.yaml",
            "content/plans/p/items/01.yaml",
            "content/pages/about.md",
            "themes/default/templates/base.html",
            "themes/default/static/style.css",
        ] {
            assert!(is_input(Path::new(path)), "{path}");
        }
        for path in [
            "",
            "public/index.html",
            "public",
            "README.md",
            "target/debug/kohyo",
            "content/.git/index",
            "content/plans/.hidden.yaml",
            "content/.site.yaml.swp",
            "content/site.yaml.swp",
            "content/site.yaml~",
            "content/.#site.yaml",
            "content/#site.yaml#",
            "content/4913",
            "content/site.yaml.tmp",
            "themes/default/templates/base.html___jb_tmp___",
            "../content/site.yaml",
        ] {
            assert!(!is_input(Path::new(path)), "{path}");
        }
    }
}
