//! A rebuilt site whose pages are rendered when a browser asks for them.
//!
//! After an edit, `kohyo serve` loads and checks the content again and lists
//! the pages, but renders none of them: the page a browser reloads is
//! rendered on request (a few milliseconds) and kept. The time from saving a
//! file to a reload that shows it is therefore the time to load and check
//! the content, not to render the whole site.
//!
//! The search index still needs every page. Unless search is turned off, a
//! background thread renders all the pages (keeping them for later requests)
//! and indexes them; until it is done, the previous build's index answers
//! searches. A newer edit makes the thread stop early.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Instant;

use axum::body::Bytes;

use super::snapshot::{Files, Source, files_of};
use crate::load::theme::Theme;
use crate::model::Site;
use crate::render::Pages;
use crate::search;

/// A checked site served page by page; see the module documentation.
pub struct LazySite {
    /// The checked site.
    site: Site,
    /// Its theme.
    theme: Theme,
    /// Its pages, by kind, looked up by path when a browser asks.
    pages: Pages,
    /// Files that are not pages (open data, static files, feed, sitemap).
    others: HashMap<String, Bytes>,
    /// Pages rendered so far.
    rendered: Mutex<HashMap<String, Bytes>>,
    /// This build's search bundle, once indexed.
    search: OnceLock<Arc<Files>>,
    /// The search bundle of an earlier build, served until this one's is ready.
    earlier_search: Option<Arc<Files>>,
    /// Set when a newer build replaces this one.
    superseded: AtomicBool,
}

impl std::fmt::Debug for LazySite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LazySite")
            .field("pages", &self.pages())
            .field("search_ready", &self.search.get().is_some())
            .field("superseded", &self.superseded.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl LazySite {
    /// Lists the pages of `site`; `earlier_search` is the search bundle to
    /// serve until this build's own is ready.
    pub fn new(
        site: Site,
        theme: Theme,
        earlier_search: Option<Arc<Files>>,
    ) -> Result<Self, String> {
        let pages = Pages::new(&site, &theme)?;
        let others = pages
            .others()
            .iter()
            .map(|f| (f.path.clone(), Bytes::from(f.bytes.clone())))
            .collect();
        Ok(Self {
            site,
            theme,
            pages,
            others,
            rendered: Mutex::new(HashMap::new()),
            search: OnceLock::new(),
            earlier_search,
            superseded: AtomicBool::new(false),
        })
    }

    /// Number of pages.
    pub fn pages(&self) -> usize {
        self.pages.len()
    }

    /// The newest search bundle there is: this build's, else an earlier one.
    fn newest_search(&self) -> Option<Arc<Files>> {
        self.search
            .get()
            .cloned()
            .or_else(|| self.earlier_search.clone())
    }

    /// Tells the background indexing of this build to stop.
    pub fn supersede(&self) {
        self.superseded.store(true, Ordering::Relaxed);
    }

    fn rendered(&self) -> std::sync::MutexGuard<'_, HashMap<String, Bytes>> {
        self.rendered.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes the search index of this build's site (from the model, so
    /// no page needs rendering first). Returns whether the index was kept
    /// (not superseded by a newer build meanwhile).
    pub fn index(&self) -> Result<bool, search::SearchError> {
        if self.superseded.load(Ordering::Relaxed) {
            return Ok(false);
        }
        let index = search::build(&self.site);
        if self.superseded.load(Ordering::Relaxed) {
            return Ok(false);
        }
        let _ = self.search.set(Arc::new(files_of(index.files)));
        Ok(true)
    }
}

impl Source for LazySite {
    fn get(&self, path: &str) -> Option<Result<Bytes, String>> {
        if let Some(bytes) = self.others.get(path) {
            return Some(Ok(bytes.clone()));
        }
        if crate::urls::paths::is_under(path, search::BUNDLE_DIR) {
            return self.newest_search()?.get(path).cloned().map(Ok);
        }
        if !self.pages.contains(path) {
            return None;
        }
        if let Some(bytes) = self.rendered().get(path) {
            return Some(Ok(bytes.clone()));
        }
        Some(match self.pages.render(&self.site, &self.theme, path)? {
            Ok(file) => {
                let bytes = Bytes::from(file.bytes);
                self.rendered().insert(file.path, bytes.clone());
                Ok(bytes)
            }
            Err(e) => Err(format!(
                "{}: template failed to render: {}",
                e.place, e.message
            )),
        })
    }

    fn search_bundle(&self) -> Option<Arc<Files>> {
        self.newest_search()
    }
}

/// Indexes `site` on a background thread and tells `events` how long it
/// took (nothing when a newer build superseded it).
pub fn index_in_background(site: Arc<LazySite>, events: super::Events) {
    let start = Instant::now();
    std::thread::spawn(move || match site.index() {
        Ok(true) => events(super::Event::SearchIndexed {
            elapsed: start.elapsed(),
        }),
        Ok(false) => {}
        Err(e) => events(super::Event::Warning(format!(
            "the search index was not updated: {e}"
        ))),
    });
}
