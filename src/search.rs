//! Site search: indexes the rendered pages with pagefind at build time and
//! adds its bundle (the search script, WebAssembly and index files) under
//! `pagefind/`.
//!
//! Only the `<main>` of pages marked `data-pagefind-body` is indexed (every
//! page except the 404 page and the search page itself, see `base.html`);
//! `data-pagefind-filter` attributes in the templates give the filters. The
//! whole site is indexed as the site's language, so Japanese text is split
//! into words by pagefind's ICU4X segmenter.
//!
//! Determinism: pages are added in the order the build renders them, which is
//! the same on every run.
//! pagefind names its files by content hashes, sorts words and filter values,
//! writes gzip headers without a time stamp and takes no time or random input,
//! so the same pages give byte-identical files (a test builds twice and
//! compares). One outside input changes the files: the environment variable
//! `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`, which pagefind reads to size its
//! index chunks; leave it unset.

use std::time::{Duration, Instant};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use serde::Serialize;

use crate::model::{PlanStatus, Site};
use crate::output::OutputFile;
use crate::views::{LinkView, paths};

/// Folder of the search bundle in the output.
pub const BUNDLE_DIR: &str = "pagefind";

/// The search page.
pub const PAGE: &str = "search.html";

/// Pages never indexed: the 404 page and the search page itself.
const NOT_INDEXED: &[&str] = &["404.html", PAGE];

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
        title: "所属別の実施項目".into(),
        url: paths::DIVISIONS.into(),
    });
    SearchPageView { indexes }
}

/// Files of pagefind's bundle that the search page does not use: its own
/// ready-made interfaces (we ship our own, smaller and accessible one) and the
/// highlighting script. Leaving them out saves about 400 KB.
const UNUSED: &[&str] = &[
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
];

/// The search bundle and what building it took.
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
    /// Pages in the index.
    pub pages: usize,
    /// Files in the bundle.
    pub files: usize,
    /// Total size of the bundle in bytes.
    pub bytes: u64,
    /// Time spent indexing.
    pub elapsed: Duration,
}

/// Why the index could not be built.
#[derive(Debug, thiserror::Error)]
#[error("search index: {0}")]
pub struct SearchError(String);

/// Whether `path` is a page that goes into the index.
pub fn is_indexed(path: &str) -> bool {
    path.ends_with(".html") && !NOT_INDEXED.contains(&path)
}

/// A search index being built on its own thread while the site is still
/// rendering: pages go in with [`Indexer::add`], in the order they are
/// rendered (which is the same on every run), and [`Indexer::finish`] returns
/// the bundle.
///
/// pagefind's API indexes one page at a time, so the index is built on one
/// core; on its own thread it runs beside the rendering instead of after it.
/// At most a few batches wait for it, so a slow index slows the rendering
/// down rather than piling pages up in memory.
pub struct Indexer {
    pages: Option<std::sync::mpsc::SyncSender<Vec<(String, String)>>>,
    thread: std::thread::JoinHandle<Result<SearchIndex, SearchError>>,
    start: Instant,
}

impl Indexer {
    /// Starts an empty index of pages in `language` (e.g. `ja`).
    pub fn start(language: &str) -> Result<Self, SearchError> {
        let start = Instant::now();
        // pagefind reads the current folder when it starts and panics without one.
        std::env::current_dir()
            .map_err(|e| SearchError(format!("the current folder cannot be read: {e}")))?;
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(String, String)>>(4);
        let language = language.to_string();
        let thread = std::thread::Builder::new()
            .name("search-index".into())
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .build()
                    .map_err(|e| SearchError(format!("cannot start the indexing runtime: {e}")))?;
                let bundle = runtime.block_on(async {
                    let config = PagefindServiceConfig::builder()
                        .force_language(language)
                        .keep_index_url(true)
                        .build();
                    let mut index =
                        PagefindIndex::new(Some(config)).map_err(|e| SearchError(e.to_string()))?;
                    for batch in rx {
                        for (path, html) in batch {
                            index
                                .add_html_file(Some(path.clone()), None, html)
                                .await
                                .map_err(|e| SearchError(format!("{path}: {e}")))?;
                        }
                    }
                    index
                        .get_files()
                        .await
                        .map_err(|e| SearchError(e.to_string()))
                })?;
                bundle_files(bundle)
            })
            .map_err(|e| SearchError(format!("cannot start the indexing thread: {e}")))?;
        Ok(Self {
            pages: Some(tx),
            thread,
            start,
        })
    }

    /// Queues the pages among `files` that belong in the index (see
    /// [`is_indexed`]). If indexing has failed, [`Indexer::finish`] says why.
    pub fn add(&self, files: &[OutputFile]) {
        let batch: Vec<(String, String)> = files
            .iter()
            .filter(|f| is_indexed(&f.path))
            .map(|f| {
                (
                    f.path.clone(),
                    String::from_utf8_lossy(&f.bytes).into_owned(),
                )
            })
            .collect();
        if let (false, Some(tx)) = (batch.is_empty(), &self.pages) {
            // A closed channel means the thread stopped on an error, which
            // `finish` returns.
            let _ = tx.send(batch);
        }
    }

    /// Waits for the index and returns its files.
    pub fn finish(mut self) -> Result<SearchIndex, SearchError> {
        drop(self.pages.take());
        let mut index = self
            .thread
            .join()
            .map_err(|_| SearchError("the indexing thread panicked".into()))??;
        index.stats.elapsed = self.start.elapsed();
        Ok(index)
    }
}

/// The bundle pagefind wrote, less the files we do not publish, under
/// [`BUNDLE_DIR`] and sorted by path.
fn bundle_files(bundle: Vec<pagefind::api::SyntheticFile>) -> Result<SearchIndex, SearchError> {
    let mut out: Vec<OutputFile> = bundle
        .into_iter()
        .filter_map(|f| {
            let name = f.filename.to_string_lossy().replace('\\', "/");
            (!UNUSED.contains(&name.as_str()))
                .then(|| OutputFile::new(format!("{BUNDLE_DIR}/{name}"), f.contents))
        })
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    let entry = out
        .iter()
        .find(|f| f.path == format!("{BUNDLE_DIR}/pagefind-entry.json"))
        .ok_or_else(|| SearchError("pagefind wrote no pagefind-entry.json".into()))?;
    let stats = SearchStats {
        pages: page_count(&entry.bytes),
        files: out.len(),
        bytes: out.iter().map(|f| f.bytes.len() as u64).sum(),
        elapsed: Duration::ZERO,
    };
    Ok(SearchIndex { files: out, stats })
}

/// Pages in the index, summed over the languages in `pagefind-entry.json`.
fn page_count(entry: &[u8]) -> usize {
    let json: serde_json::Value = serde_json::from_slice(entry).unwrap_or_default();
    json["languages"]
        .as_object()
        .map(|langs| {
            langs
                .values()
                .filter_map(|l| l["page_count"].as_u64())
                .sum::<u64>() as usize
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Indexes every HTML page of `files` (site-relative paths, as rendered)
    /// in `language` (e.g. `ja`), in path order, and returns pagefind's bundle.
    fn index(files: &[OutputFile], language: &str) -> Result<SearchIndex, SearchError> {
        let indexer = Indexer::start(language)?;
        let mut pages: Vec<&OutputFile> = files.iter().collect();
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        for chunk in pages.chunks(256) {
            let chunk: Vec<OutputFile> = chunk.iter().map(|f| (*f).clone()).collect();
            indexer.add(&chunk);
        }
        indexer.finish()
    }

    fn page(path: &str, body: &str) -> OutputFile {
        OutputFile::new(
            path,
            format!(
                "<!DOCTYPE html><html lang=\"ja\"><head><title>t</title></head><body><nav>ナビゲーション</nav>{body}</body></html>"
            ),
        )
    }

    #[test]
    fn indexes_only_marked_pages_and_drops_unused_files() {
        let files = vec![
            page(
                "a.html",
                "<main data-pagefind-body><h1>官民共創スペース</h1><p>テレワークの推進</p></main>",
            ),
            page("other.html", "<main><h1>印のないページ</h1></main>"),
            // Never indexed, even when marked.
            page(
                "404.html",
                "<main data-pagefind-body><h1>ページが見つかりません</h1></main>",
            ),
            OutputFile::new("static/style.css", "body{}"),
        ];
        let index = index(&files, "ja").unwrap();
        assert_eq!(index.stats.pages, 1);
        let paths: Vec<&str> = index.files.iter().map(|f| f.path.as_str()).collect();
        assert!(paths.contains(&"pagefind/pagefind.js"), "{paths:?}");
        assert!(paths.contains(&"pagefind/pagefind-entry.json"));
        assert!(paths.iter().any(|p| p.starts_with("pagefind/fragment/")));
        assert!(paths.iter().any(|p| p.starts_with("pagefind/index/")));
        assert!(!paths.iter().any(|p| p.contains("-ui.")), "{paths:?}");
        let entry = String::from_utf8(
            index
                .files
                .iter()
                .find(|f| f.path.ends_with("entry.json"))
                .unwrap()
                .bytes
                .clone(),
        )
        .unwrap();
        assert!(entry.contains("\"ja\""), "{entry}");
        assert_eq!(index.stats.files, index.files.len());
        assert_eq!(
            index.stats.bytes,
            index
                .files
                .iter()
                .map(|f| f.bytes.len() as u64)
                .sum::<u64>()
        );
    }

    #[test]
    fn same_pages_give_identical_files() {
        let files: Vec<OutputFile> = (0..30)
            .map(|i| {
                page(
                    &format!("p/{i}.html"),
                    &format!("<main data-pagefind-body><h1>実施項目{i}</h1><p>時間外勤務の縮減と年次有給休暇の取得促進 {i}</p><span data-pagefind-filter=\"goal:目標{}\"></span></main>", i % 4),
                )
            })
            .collect();
        let a = index(&files, "ja").unwrap();
        let b = index(&files, "ja").unwrap();
        assert_eq!(a.files, b.files);
    }
}
