//! What `kohyo serve` answers with: the files of the last good build, kept in
//! memory, looked up by request path (nothing else is ever read), with the
//! live-reload script and, after a failed rebuild, an error banner injected
//! into HTML pages.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;

use crate::output::OutputFile;
use crate::urls::paths;

/// The address of the Server-Sent Events stream that tells pages to reload.
pub const LIVE_PATH: &str = "/__kohyo/live";

/// The files of one good build, by site-relative path (`plans/p/index.html`).
pub type Files = HashMap<String, Bytes>;

/// Where the files of a good build come from: memory, for a build rendered
/// whole, or pages rendered on request (see [`super::lazy`]).
pub trait Source: std::fmt::Debug + Send + Sync {
    /// The file at the site-relative `path`: `None` if there is no such file,
    /// an error (the problem as text) if it is a page that failed to render.
    fn get(&self, path: &str) -> Option<Result<Bytes, String>>;

    /// The search index (files under `search/`), if there is one yet.
    fn search_bundle(&self) -> Option<Arc<Files>>;
}

impl Source for Files {
    fn get(&self, path: &str) -> Option<Result<Bytes, String>> {
        HashMap::get(self, path).cloned().map(Ok)
    }

    fn search_bundle(&self) -> Option<Arc<Files>> {
        let bundle: Files = self
            .iter()
            .filter(|(path, _)| paths::is_under(path, crate::search::BUNDLE_DIR))
            .map(|(path, bytes)| (path.clone(), bytes.clone()))
            .collect();
        (!bundle.is_empty()).then(|| Arc::new(bundle))
    }
}

/// Everything one response needs: swapped as a whole on every rebuild.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// Changes with every rebuild, good or bad; a page that was served with
    /// another id reloads.
    pub id: String,
    /// The last good build, if there has been one.
    pub files: Option<Arc<dyn Source>>,
    /// The problems of the latest build as plain text, when it failed.
    pub problems: Option<Problems>,
}

/// The problems of a failed build.
#[derive(Debug, Clone)]
pub struct Problems {
    /// Number of errors.
    pub count: usize,
    /// Every problem in the human format, without colours.
    pub text: String,
}

/// The answer to a request path.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// A file of the build, with its status code (200, or 404 for `404.html`
    /// served in place of a missing one).
    File {
        /// 200 or 404.
        status: u16,
        /// The file's site-relative path, which decides its content type.
        path: String,
        /// The file's bytes, with the reload script (and the error banner)
        /// already in place when it is HTML.
        body: Bytes,
    },
    /// A folder asked for without its trailing `/`: where to go instead.
    Redirect(String),
    /// No such file and no `404.html` either.
    Missing,
    /// No good build yet: the error page for every path.
    ErrorPage(String),
}

/// Makes a snapshot's files from a build's output.
pub fn files_of(output: Vec<OutputFile>) -> Files {
    output
        .into_iter()
        .map(|f| (f.path, Bytes::from(f.bytes)))
        .collect()
}

impl Snapshot {
    /// Answers the request path `raw_path` (as sent, percent-encoded, without
    /// the query).
    pub fn find(&self, raw_path: &str) -> Found {
        let Some(files) = &self.files else {
            let problems = self.problems.as_ref().map_or("", |p| p.text.as_str());
            return Found::ErrorPage(error_page(problems, &self.id));
        };
        let key = decode(raw_path).map(|path| {
            let path = path.strip_prefix('/').unwrap_or(&path).to_string();
            if path.is_empty() || path.ends_with('/') {
                format!("{path}{}", paths::FOLDER_INDEX)
            } else {
                path
            }
        });
        if let Some(key) = &key {
            match files.get(key) {
                Some(Ok(bytes)) => return self.file(200, key, &bytes),
                Some(Err(problem)) => return Found::ErrorPage(error_page(&problem, &self.id)),
                None => {}
            }
            if files
                .get(&format!("{key}/{}", paths::FOLDER_INDEX))
                .is_some()
            {
                return Found::Redirect(format!("{raw_path}/"));
            }
        }
        match files.get(paths::NOT_FOUND) {
            Some(Ok(bytes)) => self.file(404, paths::NOT_FOUND, &bytes),
            Some(Err(problem)) => Found::ErrorPage(error_page(&problem, &self.id)),
            None => Found::Missing,
        }
    }

    fn file(&self, status: u16, path: &str, bytes: &Bytes) -> Found {
        let body = if path.ends_with(".html") {
            let extra = format!(
                "{}{}",
                self.problems
                    .as_ref()
                    .map(|p| banner(p.count, &p.text))
                    .unwrap_or_default(),
                reload_script(&self.id)
            );
            Bytes::from(inject(bytes, &extra))
        } else {
            bytes.clone()
        };
        Found::File {
            status,
            path: path.to_string(),
            body,
        }
    }
}

/// The `Content-Type` of a site file, by its extension.
pub fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "atom" => "application/atom+xml",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        // Anything unknown.
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes; `None` for text that is not UTF-8. A `%` not
/// followed by two hex digits stays as it is (and so matches no file).
fn decode(raw: &str) -> Option<String> {
    percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

/// `html` with `extra` put just before its last `</body>` (or at the end).
fn inject(html: &[u8], extra: &str) -> Vec<u8> {
    let needle = b"</body>";
    let at = html
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// Escapes text for HTML element content and attribute values.
pub use crate::html::escape::xml as escape;

/// The script that reloads the page when the served build changes. The
/// stream sends the current build id first, so a rebuild that happened
/// between loading the page and connecting is not missed.
fn reload_script(id: &str) -> String {
    format!(
        "<script>(function(){{var s=new EventSource(\"{LIVE_PATH}\");\
         s.onmessage=function(e){{if(e.data!==\"{}\"){{s.close();location.reload();}}}};}})();</script>",
        escape(id)
    )
}

/// Styles of the banner and the error page, inline so that no theme can hide them.
const PRE_STYLE: &str = "margin:0;white-space:pre-wrap;font:13px/1.5 ui-monospace,monospace";

/// The banner shown on every page while the latest rebuild has failed.
fn banner(count: usize, text: &str) -> String {
    format!(
        "<div id=\"kohyo-serve-problems\" role=\"alert\" lang=\"en\" style=\"position:fixed;\
         top:0;left:0;right:0;z-index:2147483647;max-height:60vh;overflow:auto;margin:0;\
         padding:12px 16px;background:#fff4f4;color:#5c0000;border-bottom:4px solid #b00000;\
         box-shadow:0 2px 8px rgba(0,0,0,.3)\"><p style=\"margin:0 0 8px;font:bold 15px/1.4 \
         sans-serif\">kohyo serve: the last change does not build ({count} error(s)). This is \
         the last good build; it reloads when the problems are fixed.</p><pre style=\"{PRE_STYLE}\">{}</pre></div>",
        escape(text)
    )
}

/// The page served for every path while no build has succeeded yet.
fn error_page(text: &str, id: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>kohyo serve: the site does not build</title></head>\
         <body style=\"margin:0;padding:16px;background:#fff4f4;color:#5c0000\">\
         <h1 style=\"font:bold 20px/1.4 sans-serif\">The site does not build yet</h1>\
         <p style=\"font:15px/1.4 sans-serif\">kohyo serve shows the site once these problems \
         are fixed; this page reloads by itself.</p><pre style=\"{PRE_STYLE}\">{}</pre>{}</body></html>\n",
        escape(text),
        reload_script(id)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(problems: Option<&str>) -> Snapshot {
        let files = files_of(vec![
            OutputFile::new("index.html", "<html><body><h1>Home</h1></body></html>"),
            OutputFile::new("404.html", "<html><body>not here</body></html>"),
            OutputFile::new("plans/p/index.html", "<body>plan</BODY>"),
            OutputFile::new("style.css", "body{}"),
            OutputFile::new("data/項目.csv", "a,b\n"),
        ]);
        Snapshot {
            id: "7-1".into(),
            files: Some(Arc::new(files)),
            problems: problems.map(|t| Problems {
                count: 1,
                text: t.into(),
            }),
        }
    }

    fn body(found: &Found) -> String {
        match found {
            Found::File { body, .. } => String::from_utf8(body.to_vec()).unwrap(),
            other => panic!("not a file: {other:?}"),
        }
    }

    #[test]
    fn folders_serve_their_index_and_need_the_slash() {
        let s = snapshot(None);
        assert!(body(&s.find("/")).contains("<h1>Home</h1>"));
        assert!(body(&s.find("/plans/p/")).contains("plan"));
        assert_eq!(s.find("/plans/p"), Found::Redirect("/plans/p/".into()));
        let Found::File { status, path, .. } = s.find("/plans/q/") else {
            panic!()
        };
        assert_eq!((status, path.as_str()), (404, "404.html"));
    }

    #[test]
    fn only_the_map_is_looked_in() {
        let s = snapshot(None);
        for path in [
            "/../Cargo.toml",
            "/%2e%2e/%2e%2e/etc/passwd",
            "//style.css",
            "/%zz",
        ] {
            let Found::File { status, .. } = s.find(path) else {
                panic!("{path}")
            };
            assert_eq!(status, 404, "{path}");
        }
        assert!(matches!(
            s.find("/data/%E9%A0%85%E7%9B%AE.csv"),
            Found::File { status: 200, .. }
        ));
    }

    #[test]
    fn html_gets_the_script_before_body_and_other_files_stay_as_they_are() {
        let s = snapshot(None);
        let home = body(&s.find("/"));
        assert!(home.ends_with("}};})();</script></body></html>"), "{home}");
        assert!(home.contains("new EventSource(\"/__kohyo/live\")"));
        assert!(home.contains("e.data!==\"7-1\""));
        assert!(body(&s.find("/plans/p/")).ends_with("</script></BODY>"));
        assert_eq!(body(&s.find("/style.css")), "body{}");
        assert!(!home.contains("kohyo-serve-problems"));
    }

    #[test]
    fn problems_show_as_an_escaped_banner_over_the_last_good_build() {
        let s = snapshot(Some("a.yaml:1:1: error: <b>&"));
        let home = body(&s.find("/"));
        assert!(home.contains("<h1>Home</h1>"));
        assert!(home.contains("role=\"alert\""));
        assert!(home.contains("a.yaml:1:1: error: &lt;b&gt;&amp;"));
        assert_eq!(body(&s.find("/style.css")), "body{}");
    }

    #[test]
    fn without_a_good_build_every_path_is_the_error_page() {
        let s = Snapshot {
            id: "1".into(),
            files: None,
            problems: Some(Problems {
                count: 1,
                text: "x <y>".into(),
            }),
        };
        for path in ["/", "/style.css", "/nope"] {
            let Found::ErrorPage(page) = s.find(path) else {
                panic!()
            };
            assert!(page.contains("x &lt;y&gt;") && page.contains("EventSource"));
        }
    }

    #[test]
    fn content_types() {
        for (path, ty) in [
            ("a/index.html", "text/html; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("static/search.js", "text/javascript; charset=utf-8"),
            ("chart.svg", "image/svg+xml"),
            ("feed.xml", "application/xml"),
            ("data/items.json", "application/json"),
            ("data/items.csv", "text/csv; charset=utf-8"),
            ("search/meta.json", "application/json"),
            ("search/p/12.json", "application/json"),
            ("x.wasm", "application/wasm"),
            ("README", "application/octet-stream"),
        ] {
            assert_eq!(content_type(path), ty, "{path}");
        }
    }
}
