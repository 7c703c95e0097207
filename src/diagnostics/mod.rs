//! Content diagnostics: every problem found in one run, each with its place.
//!
//! Loading and validation never stop at the first problem. They push
//! [`Diagnostic`]s into a [`Diagnostics`] list, which the command line prints
//! as `path:line:column: message` followed by a hint.

use std::fmt;

pub mod human;
mod style;

pub use style::{Paint, Style};

use serde_saphyr::{Location, Spanned};

/// Where a problem is: a file shown relative to the site root, and a position.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    /// The file, relative to the site root, with `/` separators.
    pub file: String,
    /// 1-based line, or 0 when unknown.
    pub line: u64,
    /// 1-based column, or 0 when unknown.
    pub column: u64,
}

impl Place {
    /// A place at the start of a file (used when no better position is known).
    pub fn file(file: &str) -> Self {
        Place {
            file: file.to_string(),
            line: 0,
            column: 0,
        }
    }

    /// A place at a YAML location in `file`.
    pub fn at(file: &str, location: Location) -> Self {
        Place {
            file: file.to_string(),
            line: location.line(),
            column: location.column(),
        }
    }

    /// The place where a spanned value was written.
    pub fn of<T>(file: &str, spanned: &Spanned<T>) -> Self {
        Place::at(file, spanned.referenced)
    }

    /// The same file, `lines` further down (for front matter inside Markdown).
    pub fn shifted(mut self, lines: u64) -> Self {
        if self.line > 0 {
            self.line += lines;
        }
        self
    }

    /// A place at `line` and `column` (both from 1) of `file`, for checks
    /// that read a file's text rather than its parsed values.
    pub fn line_column(file: &str, line: u64, column: u64) -> Self {
        Place {
            file: file.to_string(),
            line,
            column,
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.file)
        } else {
            write!(f, "{}:{}:{}", self.file, self.line, self.column)
        }
    }
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The site cannot be built until it is fixed.
    Error,
    /// The site builds, but something is probably wrong.
    Warning,
}

/// One problem in the content.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Where it is.
    pub place: Place,
    /// How serious it is.
    pub severity: Severity,
    /// A stable code for tools, e.g. `unknown-division`.
    pub code: &'static str,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    pub hint: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {level}: {}", self.place, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// A diagnostic as tools read it; field order is the order printed.
#[derive(serde::Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    line: Option<u64>,
    column: Option<u64>,
    severity: &'static str,
    code: &'a str,
    message: &'a str,
    hint: Option<&'a str>,
}

impl Diagnostic {
    /// The diagnostic as one line of JSON (no newline), for
    /// `kohyo check --format json`:
    /// `{"file":…,"line":…,"column":…,"severity":"error","code":…,"message":…,"hint":…}`.
    /// `line` and `column` are 1-based, or `null` when the problem concerns a
    /// whole file; `hint` is `null` when there is none.
    pub fn to_json(&self) -> String {
        let known = |n: u64| (self.place.line > 0).then_some(n);
        let json = JsonDiagnostic {
            file: &self.place.file,
            line: known(self.place.line),
            column: known(self.place.column),
            severity: match self.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            code: self.code,
            message: &self.message,
            hint: self.hint.as_deref(),
        };
        serde_json::to_string(&json).expect("a diagnostic always serialises")
    }
}

/// Every problem found so far, in the order found; sorted before printing.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an error.
    pub fn error(&mut self, place: Place, code: &'static str, message: impl Into<String>) {
        self.push(place, Severity::Error, code, message.into(), None);
    }

    /// Records an error with a hint on how to fix it.
    pub fn error_hint(
        &mut self,
        place: Place,
        code: &'static str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.push(
            place,
            Severity::Error,
            code,
            message.into(),
            Some(hint.into()),
        );
    }

    /// Records a warning with a hint: something that does not stop the
    /// build but is probably a mistake (a file that is not read).
    pub fn warning_hint(
        &mut self,
        place: Place,
        code: &'static str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.push(
            place,
            Severity::Warning,
            code,
            message.into(),
            Some(hint.into()),
        );
    }

    /// Adds one diagnostic as it is.
    pub fn add(&mut self, d: Diagnostic) {
        self.list.push(d);
    }

    fn push(
        &mut self,
        place: Place,
        severity: Severity,
        code: &'static str,
        message: String,
        hint: Option<String>,
    ) {
        self.list.push(Diagnostic {
            place,
            severity,
            code,
            message,
            hint,
        });
    }

    /// Adds every diagnostic of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.list.extend(other.list);
    }

    /// Whether any error (not just warnings) was recorded.
    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|d| d.severity == Severity::Error)
    }

    /// Number of errors, counted as printed (a problem found twice is
    /// printed, and counted, once).
    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of warnings, counted as printed.
    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.sorted()
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// The summary of a failed run: `2 error(s); nothing was written.`, or
    /// `2 error(s), 1 warning(s); nothing was written.` when there are warnings.
    pub fn failure_summary(&self) -> String {
        format!("{}; nothing was written.", self.counts())
    }

    /// `2 error(s)`, with `, 1 warning(s)` added when there are warnings.
    pub fn counts(&self) -> String {
        match self.warning_count() {
            0 => format!("{} error(s)", self.error_count()),
            w => format!("{} error(s), {w} warning(s)", self.error_count()),
        }
    }

    /// Only the warnings (what a successful run prints).
    pub fn warnings(&self) -> Diagnostics {
        Diagnostics {
            list: self
                .list
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .cloned()
                .collect(),
        }
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Every problem (sorted) in the JSON Lines format: one JSON object per
    /// problem and line, for editors and CI annotations.
    pub fn json_lines(&self) -> String {
        let mut out = String::new();
        for d in &self.sorted() {
            out.push_str(&d.to_json());
            out.push('\n');
        }
        out
    }

    /// The diagnostics sorted by file, line and column, so output is stable.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut list = self.list.clone();
        list.sort();
        list.dedup();
        list
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.sorted() {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics { list: vec![d] }
    }
}

/// Turns a serde-saphyr error into a diagnostic with the user's wording.
///
/// The parser's own message ends in ` at line L, column C`; the position is
/// moved to the front (`file:L:C:`) and known messages get a hint.
pub fn from_yaml_error(file: &str, err: &serde_saphyr::Error, line_offset: u64) -> Diagnostic {
    let place = match err.location() {
        Some(loc) => Place::at(file, loc).shifted(line_offset),
        None => Place::file(file),
    };
    let text = err.to_string();
    let first_line = text.lines().next().unwrap_or_default();
    let message = match first_line.rfind(" at line ") {
        Some(i) => &first_line[..i],
        None => first_line,
    };
    let (code, message, hint) = describe_yaml_message(message);
    Diagnostic {
        place,
        severity: Severity::Error,
        code,
        message,
        hint,
    }
}

fn describe_yaml_message(message: &str) -> (&'static str, String, Option<String>) {
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(", set ").next().unwrap_or(rest);
        return (
            "duplicate-key",
            format!("duplicate key `{key}`"),
            Some(
                "a key may appear only once in the same mapping; keep one and delete the other"
                    .into(),
            ),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, expected) = match rest.split_once(", expected ") {
            Some((f, e)) => (f, Some(e)),
            None => (rest, None),
        };
        let hint = match expected {
            Some(e) => format!(
                "check the spelling; the keys allowed here are: {}",
                e.trim_start_matches("one of ").replace('`', "")
            ),
            None => "no keys are allowed here".to_string(),
        };
        return ("unknown-key", format!("unknown key {field}"), Some(hint));
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return (
            "missing-key",
            format!("missing required key {rest}"),
            Some(format!(
                "add {rest} to this mapping; docs/content-format.md lists every key"
            )),
        );
    }
    if let Some(expected) = expected_kind(message) {
        return (
            "wrong-type",
            format!("wrong kind of value: expected {expected}"),
            Some("check the value's type against docs/content-format.md (text, number, list or mapping)".into()),
        );
    }
    (
        "yaml-syntax",
        format!("invalid YAML: {message}"),
        Some("check indentation, colons after keys and matching quotes and brackets".into()),
    )
}

/// What a type error from the parser expected, in words authors know.
fn expected_kind(message: &str) -> Option<&'static str> {
    let m = message.trim();
    Some(match m {
        _ if m.starts_with("invalid u") || m.starts_with("invalid i") => "a whole number",
        _ if m.starts_with("invalid floating point") || m.starts_with("invalid f") => "a number",
        _ if m.starts_with("invalid bool") || m.contains("boolean") => "true or false",
        "expected string scalar" => "text",
        "expected mapping start" => "a mapping (lines of `key: value`)",
        "expected sequence start" => "a list (lines starting with `- `, or `[a, b]`)",
        _ if m.starts_with("invalid type")
            || m.starts_with("expected ")
            || m.starts_with("invalid ") =>
        {
            return Some("a different kind of value");
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_display_with_and_without_position() {
        assert_eq!(Place::file("a.yaml").to_string(), "a.yaml");
        let p = Place {
            file: "a.yaml".into(),
            line: 3,
            column: 7,
        };
        assert_eq!(p.to_string(), "a.yaml:3:7");
        assert_eq!(p.shifted(2).to_string(), "a.yaml:5:7");
    }

    #[test]
    fn diagnostics_sort_by_place_and_count_errors() {
        let mut d = Diagnostics::new();
        d.error(Place::file("b.yaml"), "x", "second");
        d.error_hint(Place::file("a.yaml"), "x", "first", "fix it");
        assert_eq!(d.error_count(), 2);
        assert_eq!(
            d.to_string(),
            "a.yaml: error: first\n  hint: fix it\nb.yaml: error: second\n"
        );
    }

    #[test]
    fn warnings_are_counted_apart_and_each_problem_once() {
        let mut d = Diagnostics::new();
        d.error(Place::file("a.yaml"), "x", "twice");
        d.error(Place::file("a.yaml"), "x", "twice");
        d.warning_hint(Place::file("b.txt"), "not-read", "not read", "move it");
        assert_eq!((d.error_count(), d.warning_count()), (1, 1));
        assert_eq!(
            d.failure_summary(),
            "1 error(s), 1 warning(s); nothing was written."
        );
        assert_eq!(
            d.warnings().to_string(),
            "b.txt: warning: not read\n  hint: move it\n"
        );
        assert!(!d.warnings().has_errors());
        assert_eq!(
            d.to_string(),
            "a.yaml: error: twice\nb.txt: warning: not read\n  hint: move it\n"
        );
    }

    #[test]
    fn diagnostic_as_json_line() {
        let mut d = Diagnostics::new();
        d.error_hint(
            Place {
                file: "content/a.yaml".into(),
                line: 3,
                column: 9,
            },
            "unknown-policy",
            "unknown policy \"9\"",
            "see plan.yaml",
        );
        d.error(Place::file("content/b.yaml"), "missing-file", "missing");
        let lines: Vec<String> = d.sorted().iter().map(Diagnostic::to_json).collect();
        assert_eq!(
            lines,
            [
                r#"{"file":"content/a.yaml","line":3,"column":9,"severity":"error","code":"unknown-policy","message":"unknown policy \"9\"","hint":"see plan.yaml"}"#,
                r#"{"file":"content/b.yaml","line":null,"column":null,"severity":"error","code":"missing-file","message":"missing","hint":null}"#,
            ]
        );
    }

    #[test]
    fn yaml_duplicate_key_message_is_rewritten() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct T {
            a: u32,
        }
        let options = serde_saphyr::options! { with_snippet: false };
        let err = serde_saphyr::from_str_with_options::<T>("a: 1\na: 2\n", options).unwrap_err();
        let d = from_yaml_error("f.yaml", &err, 0);
        assert_eq!(
            d.to_string().lines().next().unwrap(),
            "f.yaml:2:1: error: duplicate key `a`"
        );
        assert_eq!(d.code, "duplicate-key");
    }
}
