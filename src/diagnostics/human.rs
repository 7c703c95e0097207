//! The human format of problems: `file:line:column: error: message`, the
//! offending line with a caret `^` under the column, then the hint.

use std::collections::HashMap;

use unicode_width::UnicodeWidthChar;

use super::style::{Paint, Style};
use super::{Diagnostic, Diagnostics, Severity};

/// A snippet is cut to about this many terminal columns around the caret.
const MAX_WIDTH: usize = 100;

/// Every problem in `diags` (sorted) in the human format, as one text with a
/// newline after each line, without the summary; `style` decides colours.
pub fn text(diags: &Diagnostics, files: &dyn SourceFiles, style: Style) -> String {
    let mut sources = Sources::new(files);
    diags
        .sorted()
        .iter()
        .map(|d| human(d, sources.line(d), style))
        .collect()
}

/// Where the snippets' source lines come from. The site folder
/// (`fs::within::SiteRoot`) gives a file only when it is a file inside the
/// site: a file that is (or lies behind) a link leading out of the site
/// folder is never read, so no text from outside the site is shown.
pub trait SourceFiles {
    /// The text of `file` (a path relative to the site root, as messages
    /// name it), or `None` when it may not or cannot be read.
    fn source_text(&self, file: &str) -> Option<String>;
}

/// Source files read for snippets, each read once.
struct Sources<'a> {
    reader: &'a dyn SourceFiles,
    files: HashMap<String, Option<Vec<String>>>,
}

impl<'a> Sources<'a> {
    fn new(reader: &'a dyn SourceFiles) -> Self {
        Sources {
            reader,
            files: HashMap::new(),
        }
    }

    /// The line a diagnostic points at, if it names a line of a readable file.
    fn line(&mut self, d: &Diagnostic) -> Option<&str> {
        if d.place.line == 0 {
            return None;
        }
        let reader = self.reader;
        let lines = self
            .files
            .entry(d.place.file.clone())
            .or_insert_with(|| {
                reader
                    .source_text(&d.place.file)
                    .map(|text| text.lines().map(str::to_string).collect())
            })
            .as_ref()?;
        let index = usize::try_from(d.place.line - 1).ok()?;
        lines.get(index).map(String::as_str)
    }
}

/// One problem as people read it, every line ending in a newline.
fn human(d: &Diagnostic, source: Option<&str>, style: Style) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut out = style.paint(Paint::Bold, &format!("{}: {level}: {}", d.place, d.message));
    out.push('\n');
    // The parser places a missing key where the mapping ends, which is not a
    // line worth showing; the message and hint say what to add.
    if let Some(text) = source.filter(|_| d.code != "missing-key") {
        out.push_str(&snippet(text, d.place.line, d.place.column, style));
    }
    if let Some(hint) = &d.hint {
        out.push_str(&style.paint(Paint::Hint, &format!("  hint: {hint}")));
        out.push('\n');
    }
    out
}

/// Terminal columns a character takes: 2 for CJK and other wide characters,
/// 4 for a tab (shown as four spaces), 0 for control characters.
fn width(c: char) -> usize {
    if c == '\t' { 4 } else { c.width().unwrap_or(0) }
}

/// The offending line under a gutter with its number, and a caret under
/// `column` (1-based, in characters) on the next line:
///
/// ```text
///   12 | policy: 第一
///      |         ^
/// ```
///
/// Lines wider than [`MAX_WIDTH`] are cut around the caret, with `…` where
/// text was left out.
pub fn snippet(text: &str, line: u64, column: u64, style: Style) -> String {
    let chars: Vec<char> = text.trim_end_matches(['\r', '\n']).chars().collect();
    let caret = usize::try_from(column.max(1) - 1)
        .unwrap_or(usize::MAX)
        .min(chars.len());
    let span = |from: usize, to: usize| chars[from..to].iter().map(|&c| width(c)).sum::<usize>();
    let mut start = 0;
    if span(0, caret) > MAX_WIDTH * 3 / 5 {
        while span(start, caret) > MAX_WIDTH * 2 / 5 {
            start += 1;
        }
    }
    let mut end = start;
    let mut used = 0;
    while end < chars.len() && (end <= caret || used + width(chars[end]) <= MAX_WIDTH) {
        used += width(chars[end]);
        end += 1;
    }
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    for &c in &chars[start..end] {
        if c == '\t' {
            shown.push_str("    ");
        } else {
            shown.push(c);
        }
    }
    if end < chars.len() {
        shown.push('…');
    }
    let number = line.to_string();
    let blank = " ".repeat(number.len());
    let pad = " ".repeat(usize::from(start > 0) + span(start, caret));
    let mut out = style.paint(Paint::Gutter, &format!("  {number} |"));
    if !shown.is_empty() {
        out.push(' ');
        out.push_str(&shown);
    }
    out.push('\n');
    out.push_str(&style.paint(Paint::Gutter, &format!("  {blank} |")));
    if column > 0 {
        out.push(' ');
        out.push_str(&pad);
        out.push_str(&style.paint(Paint::Error, "^"));
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str, line: u64, column: u64) -> String {
        snippet(text, line, column, Style::plain())
    }

    #[test]
    fn caret_under_the_column() {
        assert_eq!(
            plain("policy: 9", 3, 9),
            "  3 | policy: 9\n    |         ^\n"
        );
        assert_eq!(
            plain("policy: 第一", 12, 9),
            "  12 | policy: 第一\n     |         ^\n"
        );
    }

    #[test]
    fn wide_characters_count_as_two_columns() {
        // `秘書課` starts at character 18; the three CJK characters before
        // it take six terminal columns.
        assert_eq!(
            plain("divisions: [人事課, 秘書課]", 5, 18),
            "  5 | divisions: [人事課, 秘書課]\n    |                     ^\n"
        );
    }

    #[test]
    fn tabs_crlf_and_columns_past_the_end() {
        assert_eq!(plain("a:\tb\r", 1, 4), "  1 | a:    b\n    |       ^\n");
        assert_eq!(plain("ab", 1, 9), "  1 | ab\n    |   ^\n");
        assert_eq!(plain("", 2, 1), "  2 |\n    | ^\n");
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let text = format!("summary: {}誤り{}", "あ".repeat(100), "い".repeat(100));
        let out = plain(&text, 7, 110);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("  7 | …あ"), "{out}");
        assert!(lines[0].ends_with('…'), "{out}");
        assert!(lines[0].contains("誤り"), "{out}");
        // The caret sits under `誤`.
        let before: usize = lines[0][..lines[0].find('誤').unwrap()]
            .chars()
            .map(width)
            .sum();
        let caret: usize = lines[1].find('^').unwrap();
        assert_eq!(before, caret, "{out}");
        assert!(lines[0].chars().map(width).sum::<usize>() <= MAX_WIDTH + 10);
    }

    #[test]
    fn human_format_puts_the_snippet_between_message_and_hint() {
        let mut diags = Diagnostics::new();
        diags.error_hint(
            crate::diagnostics::Place {
                file: "content/a.yaml".into(),
                line: 1,
                column: 9,
            },
            "unknown-policy",
            "unknown policy 9",
            "see plan.yaml",
        );
        let d = &diags.sorted()[0];
        assert_eq!(
            human(d, Some("policy: 9"), Style::plain()),
            "content/a.yaml:1:9: error: unknown policy 9\n  1 | policy: 9\n    |         ^\n  hint: see plan.yaml\n"
        );
        assert_eq!(
            human(d, None, Style::plain()),
            "content/a.yaml:1:9: error: unknown policy 9\n  hint: see plan.yaml\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn snippets_are_never_read_through_a_link_out_of_the_site() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.yaml"), "password: 秘密\n").unwrap();
        let site = tempfile::tempdir().unwrap();
        std::fs::write(site.path().join("inside.yaml"), "title: 例\n").unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.yaml"),
            site.path().join("linked.yaml"),
        )
        .unwrap();
        let mut diags = Diagnostics::new();
        for file in ["inside.yaml", "linked.yaml"] {
            let place = crate::diagnostics::Place {
                file: file.into(),
                line: 1,
                column: 1,
            };
            diags.error(place, "x", "problem");
        }
        let text = text(
            &diags,
            &crate::fs::within::SiteRoot::new(site.path()),
            Style::plain(),
        );
        assert_eq!(
            text,
            "inside.yaml:1:1: error: problem\n  1 | title: 例\n    | ^\nlinked.yaml:1:1: error: problem\n"
        );
    }
}
