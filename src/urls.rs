//! Output paths and relative links, in one place, so the site works under any path prefix and from `file://`.
//!
//! Paths here are site-relative output paths with `/` separators and no
//! leading slash, such as `index.html`, `plans/gunma-2025/items/9.html` or
//! `static/style.css`. Callers should check them with [`output_path_is_inside`].

/// The output path of every page and site-wide file kohyo writes.
pub mod paths {
    /// Home page.
    pub const HOME: &str = "index.html";
    /// Division index.
    pub const DIVISIONS: &str = "divisions/index.html";
    /// The open data page.
    pub const DATA: &str = "data/index.html";
    /// The folder of the open data files, with its `/`.
    pub const DATA_DIR: &str = "data/";
    /// The DCAT-AP catalogue of the open data files.
    pub const CATALOG: &str = "data/catalog.jsonld";
    /// Whether `path` lies inside the folder `folder` (given without `/`).
    pub fn is_under(path: &str, folder: &str) -> bool {
        path.strip_prefix(folder)
            .is_some_and(|rest| rest.starts_with('/'))
    }
    /// An open data file: `data/<name>.<extension>`.
    pub fn data_file(name: &str, extension: &str) -> String {
        format!("{DATA_DIR}{name}.{extension}")
    }
    /// The site search page.
    pub const SEARCH: &str = "search.html";
    /// The accessibility statement.
    pub const ACCESSIBILITY: &str = "accessibility.html";
    /// The page a server shows for a missing address.
    pub const NOT_FOUND: &str = "404.html";
    /// The page of a folder, e.g. `plans/p/` → `plans/p/index.html`.
    pub const FOLDER_INDEX: &str = "index.html";
    /// The Atom feed.
    pub const FEED: &str = "feed.xml";
    /// The sitemap (only for a site with a base URL).
    pub const SITEMAP: &str = "sitemap.xml";
    /// A plan's overview.
    pub fn plan(plan: &str) -> String {
        format!("plans/{plan}/index.html")
    }
    /// A goal page.
    pub fn goal(plan: &str, n: u32) -> String {
        format!("plans/{plan}/goals/{n}.html")
    }
    /// A policy page.
    pub fn policy(plan: &str, n: u32) -> String {
        format!("plans/{plan}/policies/{n}.html")
    }
    /// The page of a third-level node (plans of four levels).
    pub fn node(plan: &str, n: u32) -> String {
        format!("plans/{plan}/nodes/{n}.html")
    }
    /// An item page.
    pub fn item(plan: &str, n: u32) -> String {
        format!("plans/{plan}/items/{n}.html")
    }
    /// A division page.
    pub fn division(id: &str) -> String {
        format!("divisions/{id}.html")
    }
    /// A Markdown page.
    pub fn page(slug: &str) -> String {
        format!("pages/{slug}.html")
    }
    /// An evaluation cycle page.
    pub fn cycle(plan: &str, year: i32) -> String {
        format!("plans/{plan}/cycles/{year}.html")
    }
    /// The items of a plan carrying a mark.
    pub fn mark(plan: &str, mark: &str) -> String {
        format!("plans/{plan}/marks/{mark}.html")
    }
    /// An indicator's row in the indicator table of the page at `page`.
    pub fn indicator(page: &str, id: &str) -> String {
        format!("{page}#indicator-{id}")
    }
    /// An indicator's chart on the page at `page`.
    pub fn chart(page: &str, id: &str) -> String {
        format!("{page}#chart-{id}")
    }
    /// A plan's indicators dashboard.
    pub fn dashboard(plan: &str) -> String {
        format!("plans/{plan}/indicators.html")
    }
}

/// Returns the relative href from the page `from` to the file `to` (both site-relative output paths).
///
/// A `#fragment` or `?query` on `to` is kept. Linking to the same file yields
/// just its file name (plus any fragment), e.g. `9.html#top`.
///
/// ```text
/// relative("plans/p/items/9.html", "divisions/dx.html") == "../../../divisions/dx.html"
/// relative("index.html", "pages/about.html")           == "pages/about.html"
/// ```
pub fn relative(from: &str, to: &str) -> String {
    let split_at = to.find(['#', '?']).unwrap_or(to.len());
    let (to_path, suffix) = to.split_at(split_at);

    let from_dirs: Vec<&str> = parent_segments(from);
    let to_segments: Vec<&str> = to_path.split('/').collect();
    let to_dirs = &to_segments[..to_segments.len() - 1];

    let common = from_dirs
        .iter()
        .zip(to_dirs)
        .take_while(|(a, b)| a == b)
        .count();

    let mut href = "../".repeat(from_dirs.len() - common);
    href.push_str(&to_segments[common..].join("/"));
    if href.is_empty() {
        // `to` is the root directory itself, seen from a page at the root.
        href.push_str("./");
    }
    href.push_str(suffix);
    href
}

/// Returns the prefix that leads from the page `from` back to the site root.
///
/// `""` for `index.html`, `"../"` for `a/b.html`, `"../../"` for `a/b/c.html`.
pub fn path_to_root(from: &str) -> String {
    "../".repeat(parent_segments(from).len())
}

/// True if Windows cannot create a file or folder named `name`: `con`,
/// `prn`, `aux`, `nul`, `com0`–`com9` and `lpt0`–`lpt9`, in any case, alone
/// or followed by an extension (`nul.html` is reserved too). An id that
/// becomes a file name (`divisions/aux.html`) would make the published site
/// impossible to copy to a Windows machine or unzip there.
pub fn is_windows_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    match stem.as_bytes() {
        b"con" | b"prn" | b"aux" | b"nul" => true,
        [b'c', b'o', b'm', d] | [b'l', b'p', b't', d] => d.is_ascii_digit(),
        _ => false,
    }
}

/// Maximum length accepted by [`is_url_safe_id`].
pub const MAX_ID_LEN: usize = 64;

/// True if `s` may be used as an identifier inside output paths and URLs.
///
/// Allowed: 1 to [`MAX_ID_LEN`] characters of lowercase ASCII letters, ASCII
/// digits and `-`, starting with a letter or digit and not ending with `-`.
/// Uppercase letters are rejected so that two ids can never collide on a
/// case-insensitive filesystem (macOS, Windows); `_`, `.` and everything else
/// are rejected to keep ids plain URL path segments that need no escaping.
pub fn is_url_safe_id(s: &str) -> bool {
    let bytes = s.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    bytes.len() <= MAX_ID_LEN
        && first.is_ascii_alphanumeric()
        && *last != b'-'
        && bytes
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// True if `url` is safe to put in an `href`.
///
/// Accepted: `http://` and `https://` URLs with a host, `mailto:` URLs (scheme
/// matched case-insensitively), and relative references without a scheme
/// (`pages/x.html`, `../a`, `#top`, `?q=1`).
///
/// Rejected: the empty string; any other scheme (`javascript:`, `data:`,
/// `vbscript:`, `file:`, …); protocol-relative `//host` references (they
/// would point to `file://host` when the site is opened from disk); backslashes
/// (browsers treat them like `/`); and any whitespace, control character or
/// invisible formatting character anywhere, which defeats obfuscations such
/// as `" javascript:"` and `"java\tscript:"`.
pub fn is_safe_link(url: &str) -> bool {
    if url.is_empty()
        || url.starts_with("//")
        || url
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control() || is_invisible(c))
    {
        return false;
    }
    let scheme_end = url.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if url.as_bytes()[i] == b':' => {
            let (scheme, rest) = (&url[..i], &url[i + 1..]);
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
                rest.strip_prefix("//")
                    .is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
            } else if scheme.eq_ignore_ascii_case("mailto") {
                !rest.is_empty()
            } else {
                false
            }
        }
        _ => true,
    }
}

/// Zero-width and bidirectional formatting characters that can disguise a URL.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// The site's base URL as kohyo uses it: `text` trimmed, ending in `/`;
/// `None` unless it is an absolute `http://` or `https://` address without
/// whitespace. The one rule for `base_url` in `site.yaml` and `--base-url`.
pub fn base_url(text: &str) -> Option<String> {
    let v = text.trim();
    if !(v.starts_with("https://") || v.starts_with("http://")) || v.contains(char::is_whitespace) {
        return None;
    }
    Some(if v.ends_with('/') {
        v.to_string()
    } else {
        format!("{v}/")
    })
}

/// Joins the site's absolute base URL and a site-relative path with exactly one `/` between them.
///
/// Used for absolute URLs in `sitemap.xml` and `<link rel="canonical">`.
pub fn join_base(base_url: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base_url.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

/// True if `path` is a plain relative path that stays inside the output directory.
///
/// Rejects the empty path, absolute paths (leading `/`), backslashes, NUL and
/// other control characters, `:` (Windows drive letters and alternate data
/// streams), and empty, `.` or `..` segments (so also `a//b` and `a/`).
pub fn output_path_is_inside(path: &str) -> bool {
    !path.is_empty()
        && !path
            .chars()
            .any(|c| c == '\\' || c == ':' || c.is_control())
        && path
            .split('/')
            .all(|segment| !matches!(segment, "" | "." | ".."))
}

/// The directory segments of a site-relative file path (everything before the last `/`).
fn parent_segments(path: &str) -> Vec<&str> {
    match path.rsplit_once('/') {
        Some((dir, _file)) => dir.split('/').collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_table() {
        let cases = [
            (
                "plans/p/items/9.html",
                "divisions/dx.html",
                "../../../divisions/dx.html",
            ),
            ("index.html", "pages/about.html", "pages/about.html"),
            ("index.html", "index.html", "index.html"),
            ("index.html", "static/style.css", "static/style.css"),
            ("pages/about.html", "index.html", "../index.html"),
            ("pages/about.html", "pages/privacy.html", "privacy.html"),
            ("pages/about.html", "pages/about.html", "about.html"),
            ("plans/p/index.html", "plans/p/items/9.html", "items/9.html"),
            (
                "plans/p/items/9.html",
                "plans/p/index.html",
                "../index.html",
            ),
            ("plans/p/items/9.html", "plans/p/items/10.html", "10.html"),
            (
                "plans/p/items/9.html",
                "plans/q/items/9.html",
                "../../q/items/9.html",
            ),
            (
                "plans/p/items/9.html",
                "static/style.css",
                "../../../static/style.css",
            ),
            ("plans/p/items/9.html", "index.html", "../../../index.html"),
            (
                "plans/p/items/9.html",
                "plans/p/items/9.html#top",
                "9.html#top",
            ),
            (
                "divisions/dx.html",
                "plans/p/items/9.html#eval-2025",
                "../plans/p/items/9.html#eval-2025",
            ),
            (
                "index.html",
                "pages/about.html#概要",
                "pages/about.html#概要",
            ),
            ("index.html", "search.html?q=dx#r", "search.html?q=dx#r"),
            ("a/b.html", "ab/c.html", "../ab/c.html"),
            ("ab/c.html", "a/b.html", "../a/b.html"),
            ("a/b/c.html", "a/c.html", "../c.html"),
            ("plans/p/index.html", "plans/p/", "./"),
            ("index.html", "", "./"),
            ("a/b.html", "", "../"),
        ];
        for (from, to, want) in cases {
            assert_eq!(relative(from, to), want, "relative({from:?}, {to:?})");
        }
    }

    #[test]
    fn path_to_root_table() {
        for (from, want) in [
            ("index.html", ""),
            ("404.html", ""),
            ("a/b.html", "../"),
            ("a/b/c.html", "../../"),
            ("plans/p/items/9.html", "../../../"),
        ] {
            assert_eq!(path_to_root(from), want, "path_to_root({from:?})");
            // Consistent with `relative`.
            assert_eq!(relative(from, "index.html"), format!("{want}index.html"));
        }
    }

    #[test]
    fn url_safe_id_table() {
        let long_ok = "a".repeat(MAX_ID_LEN);
        let too_long = "a".repeat(MAX_ID_LEN + 1);
        let cases: &[(&str, bool)] = &[
            ("gunma-2025", true),
            ("dx", true),
            ("9", true),
            ("2025", true),
            ("a-b-c", true),
            ("a--b", true),
            ("0abc", true),
            (&long_ok, true),
            (&too_long, false),
            ("", false),
            ("-a", false),
            ("a-", false),
            ("-", false),
            ("Gunma", false),
            ("ABC", false),
            ("a_b", false),
            ("_a", false),
            ("a.b", false),
            ("..", false),
            (".", false),
            ("a/b", false),
            ("a\\b", false),
            ("a b", false),
            (" a", false),
            ("a\n", false),
            ("群馬", false),
            ("ａｂｃ", false),
            ("a%20b", false),
            ("a?b", false),
            ("a#b", false),
        ];
        for (s, want) in cases {
            assert_eq!(is_url_safe_id(s), *want, "is_url_safe_id({s:?})");
        }
    }

    #[test]
    fn windows_reserved_names() {
        for name in [
            "con",
            "CON",
            "Prn",
            "aux",
            "nul",
            "com1",
            "COM9",
            "com0",
            "lpt1",
            "lpt9",
            "nul.html",
            "Aux.yaml",
            "con.tar.gz",
        ] {
            assert!(is_windows_reserved(name), "{name}");
        }
        for name in [
            "cons",
            "con-office",
            "icon",
            "com",
            "com10",
            "lpt",
            "lptx",
            "nul-1",
            "auxiliary",
            "",
            "about.html",
            "comx",
        ] {
            assert!(!is_windows_reserved(name), "{name}");
        }
    }

    #[test]
    fn safe_link_table() {
        let cases = [
            ("https://example.go.jp/", true),
            ("http://example.jp/a?b=1#c", true),
            ("HTTPS://EXAMPLE.JP", true),
            ("Http://example.jp", true),
            ("mailto:info@example.jp", true),
            ("MAILTO:info@example.jp", true),
            ("pages/x.html", true),
            ("../a", true),
            ("./a.html", true),
            ("#top", true),
            ("?q=1", true),
            ("/abs/path.html", true),
            ("pages/概要.html", true),
            ("a/b:c", true),
            ("a.html#x:y", true),
            ("", false),
            ("javascript:alert(1)", false),
            ("JavaScript:alert(1)", false),
            ("data:text/html,<script>", false),
            ("vbscript:msgbox", false),
            ("file:///etc/passwd", false),
            ("ftp://example.jp", false),
            ("tel:0312345678", false),
            ("x:y", false),
            ("1abc:y", false),
            ("http:example.jp", false),
            ("https://", false),
            ("https:///path", false),
            ("mailto:", false),
            ("//evil.example/", false),
            (" javascript:alert(1)", false),
            ("javascript:alert(1) ", false),
            ("java\tscript:alert(1)", false),
            ("java\nscript:alert(1)", false),
            ("\u{0}javascript:alert(1)", false),
            ("\u{200B}javascript:alert(1)", false),
            ("\u{FEFF}https://example.jp", false),
            ("https://example.jp/\u{202E}lmth.exe", false),
            ("https://example.jp/a b", false),
            ("pages/\u{3000}x.html", false),
            ("\\\\evil.example\\x", false),
            ("https:\\\\evil.example", false),
        ];
        for (url, want) in cases {
            assert_eq!(is_safe_link(url), want, "is_safe_link({url:?})");
        }
    }

    #[test]
    fn join_base_table() {
        for (base, path, want) in [
            (
                "https://example.jp",
                "index.html",
                "https://example.jp/index.html",
            ),
            (
                "https://example.jp/",
                "index.html",
                "https://example.jp/index.html",
            ),
            (
                "https://example.jp/",
                "/index.html",
                "https://example.jp/index.html",
            ),
            (
                "https://example.jp//",
                "//a/b.html",
                "https://example.jp/a/b.html",
            ),
            (
                "https://example.jp/kohyo",
                "plans/p/index.html",
                "https://example.jp/kohyo/plans/p/index.html",
            ),
            (
                "https://example.jp/kohyo/",
                "sitemap.xml",
                "https://example.jp/kohyo/sitemap.xml",
            ),
            ("https://example.jp", "", "https://example.jp/"),
        ] {
            assert_eq!(join_base(base, path), want, "join_base({base:?}, {path:?})");
        }
    }

    #[test]
    fn output_path_is_inside_table() {
        for (path, want) in [
            ("index.html", true),
            ("plans/gunma-2025/items/9.html", true),
            ("static/style.css", true),
            ("sitemap.xml", true),
            ("pages/概要.html", true),
            (".well-known/x", true),
            ("a..b/c", true),
            ("", false),
            ("/etc/passwd", false),
            ("../x.html", false),
            ("a/../../x", false),
            ("a/..", false),
            ("..", false),
            ("./a", false),
            ("a/./b", false),
            ("a//b", false),
            ("a/", false),
            ("a\\b", false),
            ("..\\x", false),
            ("a\0b", false),
            ("a\nb", false),
            ("C:/x", false),
            ("c:x", false),
            ("a/b.html:stream", false),
        ] {
            assert_eq!(
                output_path_is_inside(path),
                want,
                "output_path_is_inside({path:?})"
            );
        }
    }
}
