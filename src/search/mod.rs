//! Site search: kohyo's own index of the site, written from the model
//! (not from the rendered pages) into small static files under `search/`,
//! and read by the search page's script (`themes/default/static/search.js`).
//!
//! [`docs`] makes the documents, [`text`] the tokens (NFKC, lower case,
//! hiragana as katakana; character bigrams and single characters for
//! Japanese, words for Latin letters and digits), [`write`] the sharded
//! files, [`synonyms`] the synonym groups a query is widened with. The
//! format is described in `docs/search-index.md`.
//!
//! Determinism: documents come in content order, every map is sorted, and
//! nothing reads the time or the environment, so the same site gives the
//! same bytes.

use std::time::{Duration, Instant};

use serde::Serialize;

use crate::model::{PlanStatus, Site};
use crate::output::OutputFile;
use crate::views::{LinkView, paths};

pub mod docs;
pub mod text;
pub mod write;

/// Folder of the search index in the output.
pub const BUNDLE_DIR: &str = "search";

/// The search page.
pub const PAGE: &str = "search.html";

/// What the search page's template receives as `page`.
#[derive(Debug, Serialize)]
pub struct SearchPageView {
    /// Pages to browse instead, for visitors without JavaScript: the plans'
    /// overviews and indicator dashboards and the division index.
    pub indexes: Vec<LinkView>,
}

/// The view of the search page of `site`.
pub fn page_view(site: &Site) -> SearchPageView {
    let mut plans: Vec<_> = site.plans.iter().collect();
    // The current plan first, archived ones after it, each in content order.
    plans.sort_by_key(|p| p.status == PlanStatus::Archived);
    let mut indexes = Vec::new();
    for plan in plans {
        indexes.push(LinkView {
            title: format!("{}：計画の全体像", plan.title),
            url: paths::plan(&plan.id),
        });
        indexes.push(LinkView {
            title: format!("{}：指標の一覧", plan.title),
            url: paths::dashboard(&plan.id),
        });
    }
    indexes.push(LinkView {
        title: format!(
            "所属別の{}",
            crate::views::levels::SiteLevels::new(site).item
        ),
        url: paths::DIVISIONS.into(),
    });
    SearchPageView { indexes }
}

/// The search index and what building it took.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Files to publish, under [`BUNDLE_DIR`], sorted by path.
    pub files: Vec<OutputFile>,
    /// What the index holds and what it cost.
    pub stats: SearchStats,
}

/// Size of the search index and the time spent building it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SearchStats {
    /// Documents in the index.
    pub pages: usize,
    /// Files in the index.
    pub files: usize,
    /// Postings shards among them.
    pub shards: usize,
    /// Total size of the index in bytes.
    pub bytes: u64,
    /// Time spent indexing.
    pub elapsed: Duration,
}

/// Why the index could not be built.
#[derive(Debug, thiserror::Error)]
#[error("search index: {0}")]
pub struct SearchError(pub String);

/// Builds the search index of `site`, all in memory: its documents (see
/// [`docs`]), tokenised and written in parallel.
pub fn build(site: &Site) -> SearchIndex {
    let files = std::sync::Mutex::new(Vec::new());
    let stats = build_each(site, &|batch| {
        files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(batch);
    });
    let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    SearchIndex { files, stats }
}

/// Builds the search index of `site`, handing each batch of its files to
/// `out` as soon as it is made (from several threads, in no fixed order),
/// so a big site's index is never held whole.
pub fn build_each(site: &Site, out: &(dyn Fn(Vec<OutputFile>) + Sync)) -> SearchStats {
    use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::Relaxed};
    let start = Instant::now();
    let documents = docs::Documents::new(site);
    let (files, bytes) = (AtomicUsize::new(0), AtomicU64::new(0));
    let shards = write::write_each(
        documents.len(),
        &|i| documents.get(i),
        &site.synonyms,
        BUNDLE_DIR,
        &|batch| {
            files.fetch_add(batch.len(), Relaxed);
            bytes.fetch_add(batch.iter().map(|f| f.bytes.len() as u64).sum(), Relaxed);
            out(batch);
        },
    );
    SearchStats {
        pages: documents.len(),
        files: files.into_inner(),
        shards,
        bytes: bytes.into_inner(),
        elapsed: start.elapsed(),
    }
}
