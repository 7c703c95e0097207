//! `kohyo serve`: a local preview that rebuilds the whole site in memory on
//! every change of its inputs and reloads open pages. It writes nothing to
//! disk and listens on the loopback address only.
//!
//! - [`snapshot`]: the served files, looked up by path, with the reload
//!   script and the error banner injected into HTML;
//! - [`http`]: the axum routes, and the Server-Sent Events stream pages
//!   listen to;
//! - [`watch`]: the debounced watcher of `content/` and `themes/`.
//!
//! The current [`snapshot::Snapshot`] sits in a `tokio::sync::watch` channel
//! (an `Arc` behind a read-write lock): a rebuild swaps it whole, and the swap
//! wakes every live stream, which tells its page to reload.

pub mod http;
pub mod lazy;
pub mod snapshot;
pub mod watch;

use std::future::IntoFuture;
use std::net::{Ipv4Addr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::diagnostics::{Diagnostics, Style};
use crate::pipeline::{self, BuildOptions};
use lazy::LazySite;
use snapshot::{Problems, Snapshot, files_of};
use watch::{Change, Watcher};

/// The port `kohyo serve` listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 1111;

/// How long a stop waits for open responses before it gives up on them.
const STOP_GRACE: Duration = Duration::from_secs(3);

/// What `kohyo serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Skip the search index on every build (much faster for large sites).
    pub no_search: bool,
}

/// What happened while serving, for the person who started the server:
/// the command line prints these (the library prints nothing).
#[derive(Debug)]
pub enum Event {
    /// The server listens on `http://127.0.0.1:{port}/`.
    Serving {
        /// The port, also when 0 was asked for.
        port: u16,
    },
    /// A build (the first, or a rebuild after a change) succeeded.
    Built {
        /// Whether it replaced an earlier build.
        rebuilt: bool,
        /// Pages it has.
        pages: usize,
        /// How long it took.
        elapsed: Duration,
        /// Its warnings.
        warnings: Diagnostics,
    },
    /// A build failed on its content (or on a fault in kohyo).
    Failed {
        /// Every problem.
        problems: Diagnostics,
        /// Whether the last good build is still served (else an error page).
        still_serving: bool,
    },
    /// The search index of a rebuild was written in the background.
    SearchIndexed {
        /// How long it took.
        elapsed: Duration,
    },
    /// Something went wrong that serving goes on despite, in a sentence.
    Warning(String),
    /// The server stopped after Ctrl-C or SIGTERM.
    Stopped,
}

/// Where a running server sends its [`Event`]s (from more than one thread).
pub type Events = Arc<dyn Fn(Event) + Send + Sync>;

/// Why `kohyo serve` could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The site folder does not exist or cannot be read.
    #[error("cannot open the site folder `{path}`: {source}")]
    Root {
        /// The folder as given.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// Another program listens on the port.
    #[error("port {0} on 127.0.0.1 is already in use")]
    PortInUse(u16),
    /// The port could not be listened on for another reason.
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Listen {
        /// The port asked for.
        port: u16,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file watcher could not start.
    #[error("cannot watch the site folder for changes: {0}")]
    Watch(#[from] notify_debouncer_full::notify::Error),
    /// The server failed while running.
    #[error("the preview server failed: {0}")]
    Server(std::io::Error),
}

impl ServeError {
    /// How to get past the error.
    pub fn hint(&self) -> &'static str {
        match self {
            ServeError::Root { .. } => "pass the folder holding content/ with --root",
            ServeError::PortInUse(_) => {
                "stop the program using it (perhaps another kohyo serve), or pass another port with --port N (--port 0 picks a free one)"
            }
            ServeError::Listen { .. } => {
                "pass another port with --port N (--port 0 picks a free one)"
            }
            ServeError::Watch(_) => {
                "on Linux, raise fs.inotify.max_user_watches or stop other programs that watch many files"
            }
            ServeError::Server(_) => "start kohyo serve again",
        }
    }
}

/// Builds the site in memory, serves it on `http://127.0.0.1:PORT/` and
/// rebuilds on every change until Ctrl-C (or SIGTERM). A failed build never
/// replaces the last good one; its problems are printed and shown on every
/// page.
pub fn run(options: &ServeOptions, events: Events) -> Result<(), ServeError> {
    let root = std::fs::canonicalize(&options.root)
        .and_then(|root| {
            std::fs::read_dir(&root)?;
            Ok(root)
        })
        .map_err(|source| ServeError::Root {
            path: options.root.clone(),
            source,
        })?;
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, options.port))
        .and_then(|l| l.set_nonblocking(true).map(|()| l))
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::AddrInUse => ServeError::PortInUse(options.port),
            _ => ServeError::Listen {
                port: options.port,
                source,
            },
        })?;
    let port = listener
        .local_addr()
        .map_err(|source| ServeError::Listen {
            port: options.port,
            source,
        })?
        .port();
    // Watch before the first build, so that a change during it is not lost.
    let watcher = Watcher::start(&root)?;
    let mut builder = Builder::new(root, Arc::clone(&events));
    builder.no_search = options.no_search;
    let first = builder.build(None);
    let (publish, current) = tokio::sync::watch::channel(Arc::new(first));
    events(Event::Serving { port });

    let stop = Arc::new(AtomicBool::new(false));
    let rebuilds = {
        let stop = Arc::clone(&stop);
        let events = Arc::clone(&events);
        std::thread::spawn(move || rebuild_loop(watcher, builder, &publish, &stop, &events))
    };
    let result = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(ServeError::Server)
        .and_then(|runtime| runtime.block_on(serve(listener, current)));
    stop.store(true, Ordering::Relaxed);
    let _ = rebuilds.join();
    if result.is_ok() {
        events(Event::Stopped);
    }
    result
}

/// Serves until a stop signal, then stops gracefully.
async fn serve(
    listener: TcpListener,
    current: tokio::sync::watch::Receiver<Arc<Snapshot>>,
) -> Result<(), ServeError> {
    let listener = tokio::net::TcpListener::from_std(listener).map_err(ServeError::Server)?;
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let port = listener.local_addr().map_err(ServeError::Server)?.port();
    let app = http::App::new(current, stopping.clone(), port);
    let mut stopped = stopping;
    let server = axum::serve(listener, http::router(app)).with_graceful_shutdown(async move {
        let _ = stopped.wait_for(|stop| *stop).await;
    });
    let mut server = std::pin::pin!(server.into_future());
    tokio::select! {
        result = &mut server => return result.map_err(ServeError::Server),
        () = stop_signal() => {}
    }
    stop.send_replace(true);
    match tokio::time::timeout(STOP_GRACE, server).await {
        Ok(result) => result.map_err(ServeError::Server),
        Err(_) => Ok(()),
    }
}

/// Ctrl-C, or SIGTERM on Unix.
async fn stop_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => tokio::select! {
                () = ctrl_c => {}
                _ = term.recv() => {}
            },
            Err(_) => ctrl_c.await,
        }
    }
    #[cfg(not(unix))]
    ctrl_c.await;
}

/// Waits for changes and publishes a new snapshot after each rebuild.
fn rebuild_loop(
    mut watcher: Watcher,
    mut builder: Builder,
    publish: &tokio::sync::watch::Sender<Arc<Snapshot>>,
    stop: &AtomicBool,
    events: &Events,
) {
    while !stop.load(Ordering::Relaxed) {
        match watcher.wait(Duration::from_millis(200)) {
            Change::Inputs => {
                let previous = publish.borrow().clone();
                let next = builder.build(Some(&previous));
                publish.send_replace(Arc::new(next));
            }
            Change::None => {}
            Change::Error(e) => events(Event::Warning(format!("watching for changes: {e}"))),
            Change::Stopped => break,
        }
    }
}

/// Runs builds and reports each as an [`Event`].
struct Builder {
    root: PathBuf,
    events: Events,
    /// Differs between two runs of `kohyo serve`, so pages open from an
    /// earlier run reload too.
    run: u64,
    builds: u64,
    /// Skip the search index.
    no_search: bool,
    /// The latest good build served page by page, told to stop indexing
    /// when a newer one replaces it.
    lazy: Option<Arc<LazySite>>,
    /// Parsed content files, reused while unchanged.
    cache: Arc<crate::load::Cache>,
}

impl Builder {
    fn new(root: PathBuf, events: Events) -> Self {
        let run = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        Builder {
            root,
            events,
            run,
            builds: 0,
            no_search: false,
            lazy: None,
            cache: Arc::default(),
        }
    }

    /// Builds the site; on failure keeps the files of `previous`.
    ///
    /// The first good build renders every page (and the search index); after
    /// that, a rebuild only loads and checks the content and pages are
    /// rendered when asked for (see [`lazy`]), with the search index rebuilt
    /// in the background.
    fn build(&mut self, previous: Option<&Snapshot>) -> Snapshot {
        let start = Instant::now();
        self.builds += 1;
        let id = format!("{:x}-{}", self.run, self.builds);
        let options = BuildOptions {
            no_search: self.no_search,
            // A preview shows draft results (under a banner).
            drafts: true,
            cache: Some(Arc::clone(&self.cache)),
            ..BuildOptions::default()
        };
        let good = previous.and_then(|p| p.files.clone());
        type Built = (Arc<dyn snapshot::Source>, usize, Diagnostics);
        let result: Result<Built, Diagnostics> = match &good {
            None => pipeline::render_site(&self.root, &options).map(|rendered| {
                let pages = rendered
                    .files
                    .iter()
                    .filter(|f| f.path.ends_with(".html"))
                    .count();
                let files: Arc<dyn snapshot::Source> = Arc::new(files_of(rendered.files));
                (files, pages, rendered.warnings)
            }),
            Some(good) => pipeline::prepare(&self.root, &options).and_then(|(site, theme, w)| {
                let lazy = LazySite::new(site, theme, good.search_bundle()).map_err(|e| {
                    let mut diags = Diagnostics::default();
                    pipeline::BuildError::from(crate::render::RenderError::OpenData(e))
                        .report_as_problem(&mut diags);
                    diags
                })?;
                let lazy = Arc::new(lazy);
                if let Some(old) = self.lazy.replace(Arc::clone(&lazy)) {
                    old.supersede();
                }
                if !self.no_search {
                    lazy::index_in_background(Arc::clone(&lazy), Arc::clone(&self.events));
                }
                let pages = lazy.pages();
                let files: Arc<dyn snapshot::Source> = lazy;
                Ok((files, pages, w))
            }),
        };
        match result {
            Ok((files, pages, warnings)) => {
                (self.events)(Event::Built {
                    rebuilt: previous.is_some(),
                    pages,
                    elapsed: start.elapsed(),
                    warnings,
                });
                Snapshot {
                    id,
                    files: Some(files),
                    problems: None,
                }
            }
            Err(diags) => {
                let files = previous.and_then(|p| p.files.clone());
                let problems = Problems {
                    count: diags.error_count(),
                    // For the browser: plain text, never colours.
                    text: crate::diagnostics::human::text(
                        &diags,
                        &crate::fs::within::SiteRoot::new(&self.root),
                        Style::plain(),
                    ),
                };
                (self.events)(Event::Failed {
                    problems: diags,
                    still_serving: files.is_some(),
                });
                Snapshot {
                    id,
                    files,
                    problems: Some(problems),
                }
            }
        }
    }
}
