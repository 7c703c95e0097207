//! The HTTP side of `kohyo serve`: every path is answered from the current
//! [`Snapshot`], and [`LIVE_PATH`] streams build ids as Server-Sent Events so
//! that open pages reload after a rebuild.
//!
//! Only requests addressed to the server itself are answered: the `Host`
//! header must be `127.0.0.1:PORT`, `localhost:PORT` or `[::1]:PORT`. A web
//! page elsewhere that points its own host name at 127.0.0.1 (DNS
//! rebinding) sends its own name as `Host` and is refused, so it cannot read
//! previews or the error text of a failed build. At most [`MAX_LIVE`] live
//! streams are open at once; more are refused with 503.

use std::convert::Infallible;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::stream::{self, Stream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};

use super::snapshot::{Found, LIVE_PATH, Snapshot, content_type};

/// What every request handler shares.
#[derive(Clone)]
pub struct App {
    /// The current snapshot; a rebuild replaces it whole, and the change
    /// wakes every live stream.
    pub current: watch::Receiver<Arc<Snapshot>>,
    /// Becomes `true` when the server stops, which ends the live streams
    /// (a graceful shutdown waits for every open response).
    pub stopping: watch::Receiver<bool>,
    /// The port the server listens on: the only one `Host` may name.
    pub port: u16,
    /// One permit per open live stream (see [`MAX_LIVE`]).
    pub live: Arc<Semaphore>,
}

/// How many live-reload streams may be open at once. Each open preview tab
/// holds one; a page or program opening streams without end gets 503 after
/// this many instead of exhausting the server.
pub const MAX_LIVE: usize = 64;

impl App {
    /// The shared state of a server listening on `port`.
    pub fn new(
        current: watch::Receiver<Arc<Snapshot>>,
        stopping: watch::Receiver<bool>,
        port: u16,
    ) -> App {
        App {
            current,
            stopping,
            port,
            live: Arc::new(Semaphore::new(MAX_LIVE)),
        }
    }
}

/// The routes: the live stream, and the site for every other path; every
/// request first passes the `Host` check.
pub fn router(app: App) -> Router {
    Router::new()
        .route(LIVE_PATH, get(live))
        .fallback(site)
        .layer(middleware::from_fn_with_state(app.clone(), own_host))
        .with_state(app)
}

/// Whether `host` (a `Host` header or the authority of an absolute request
/// address) names this server: `127.0.0.1`, `localhost` or `[::1]` with the
/// server's port.
pub fn is_own_host(host: &str, port: u16) -> bool {
    let Some((name, p)) = host.rsplit_once(':') else {
        return false;
    };
    p == port.to_string()
        && (name == "127.0.0.1" || name == "[::1]" || name.eq_ignore_ascii_case("localhost"))
}

/// Refuses, with 421 and a short plain message, every request whose `Host`
/// (or absolute address) names anything but this server.
async fn own_host(State(app): State<App>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    let own = host.is_some_and(|h| is_own_host(h, app.port))
        && request
            .uri()
            .authority()
            .is_none_or(|a| is_own_host(a.as_str(), app.port));
    if own {
        return next.run(request).await;
    }
    no_store(
        (
            StatusCode::MISDIRECTED_REQUEST,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!(
                "421 this preview answers only http://127.0.0.1:{0}/, http://localhost:{0}/ and http://[::1]:{0}/\n",
                app.port
            ),
        )
            .into_response(),
    )
}

/// Answers a request for a site path from memory.
async fn site(State(app): State<App>, request: Request) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
        )
            .into_response();
    }
    // Clone the Arc and let go of the lock at once.
    let snapshot = app.current.borrow().clone();
    let response = match snapshot.find(request.uri().path()) {
        Found::File { status, path, body } => (
            StatusCode::from_u16(status).unwrap_or(StatusCode::OK),
            [(header::CONTENT_TYPE, content_type(&path))],
            Body::from(body),
        )
            .into_response(),
        Found::Redirect(to) => match HeaderValue::try_from(to) {
            Ok(to) => (StatusCode::PERMANENT_REDIRECT, [(header::LOCATION, to)]).into_response(),
            Err(_) => StatusCode::BAD_REQUEST.into_response(),
        },
        Found::Missing => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "404 not found\n",
        )
            .into_response(),
        Found::ErrorPage(page) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            page,
        )
            .into_response(),
    };
    no_store(response)
}

/// Preview answers must never come from a cache: the next build may differ.
fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The live stream: the current build id at once, then each new one, until
/// the server stops.
async fn live(State(app): State<App>) -> Response {
    let Ok(permit) = Arc::clone(&app.live).try_acquire_owned() else {
        return no_store(
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                format!(
                    "503 too many live-reload streams are open (at most {MAX_LIVE}); close some preview tabs\n"
                ),
            )
                .into_response(),
        );
    };
    let stream = ids(app.current, app.stopping, permit);
    no_store(
        Sse::new(stream)
            .keep_alive(KeepAlive::default())
            .into_response(),
    )
}

/// The build ids as events: the current one first, then one per change.
/// The stream holds `permit` until it ends (the page closed or the server
/// stopped).
fn ids(
    current: watch::Receiver<Arc<Snapshot>>,
    stopping: watch::Receiver<bool>,
    permit: OwnedSemaphorePermit,
) -> impl Stream<Item = Result<Event, Infallible>> {
    stream::unfold(
        (current, stopping, true, permit),
        |(mut current, mut stopping, first, permit)| async move {
            if !first {
                tokio::select! {
                    changed = current.changed() => changed.ok()?,
                    _ = stopping.wait_for(|stop| *stop) => return None,
                }
            }
            if *stopping.borrow() {
                return None;
            }
            let id = current.borrow_and_update().id.clone();
            Some((
                Ok(Event::default().data(id)),
                (current, stopping, false, permit),
            ))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::is_own_host;

    #[test]
    fn only_the_loopback_names_with_the_port_are_own_hosts() {
        for host in [
            "127.0.0.1:8080",
            "localhost:8080",
            "LocalHost:8080",
            "[::1]:8080",
        ] {
            assert!(is_own_host(host, 8080), "{host}");
        }
        for host in [
            "127.0.0.1",
            "localhost",
            "127.0.0.1:80",
            "127.0.0.1:18080",
            "evil.example:8080",
            "localhost.:8080",
            "localhost.evil.example:8080",
            "127.0.0.2:8080",
            "[::1]",
            "::1:8080",
            "",
            ":8080",
        ] {
            assert!(!is_own_host(host, 8080), "{host}");
        }
    }
}
