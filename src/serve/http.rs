//! The HTTP side of `kohyo serve`: every path is answered from the current
//! [`Snapshot`], and [`LIVE_PATH`] streams build ids as Server-Sent Events so
//! that open pages reload after a rebuild.

use std::convert::Infallible;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::stream::{self, Stream};
use tokio::sync::watch;

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
}

/// The routes: the live stream, and the site for every other path.
pub fn router(app: App) -> Router {
    Router::new()
        .route(LIVE_PATH, get(live))
        .fallback(site)
        .with_state(app)
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
    let stream = ids(app.current, app.stopping);
    no_store(
        Sse::new(stream)
            .keep_alive(KeepAlive::default())
            .into_response(),
    )
}

/// The build ids as events: the current one first, then one per change.
fn ids(
    current: watch::Receiver<Arc<Snapshot>>,
    stopping: watch::Receiver<bool>,
) -> impl Stream<Item = Result<Event, Infallible>> {
    stream::unfold(
        (current, stopping, true),
        |(mut current, mut stopping, first)| async move {
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
            Some((Ok(Event::default().data(id)), (current, stopping, false)))
        },
    )
}
