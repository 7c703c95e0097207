//! A small YAML writer for imported files: block mappings and lists, every
//! text in double quotes (or a literal block for text with line breaks), so
//! no cell content can change the meaning of the file.

use std::fmt::Write as _;

/// Builds a YAML document line by line.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    out: String,
}

/// `s` as a double-quoted YAML scalar, with everything that needs it escaped.
pub(crate) fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\t' => q.push_str("\\t"),
            '\r' => q.push_str("\\r"),
            '\u{85}' => q.push_str("\\N"),
            '\u{2028}' => q.push_str("\\L"),
            '\u{2029}' => q.push_str("\\P"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(q, "\\x{:02X}", c as u32);
            }
            '\u{feff}' => q.push_str("\\uFEFF"),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

/// Whether `s` can be written as a `|-` literal block and read back unchanged.
fn block_safe(s: &str) -> bool {
    s.contains('\n')
        && !s.starts_with([' ', '\t', '\n'])
        && !s.ends_with(['\n', ' ', '\t'])
        && !s.lines().any(|l| l.ends_with([' ', '\t']))
        && !s.chars().any(|c| {
            (c.is_control() && c != '\n') || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}')
        })
}

impl Doc {
    /// A document that starts with `# ` comment lines.
    pub fn with_comment(comment: &str) -> Self {
        let mut d = Doc::default();
        for line in comment.lines() {
            d.out.push_str(if line.is_empty() { "#" } else { "# " });
            d.out.push_str(line);
            d.out.push('\n');
        }
        d
    }

    fn pad(&mut self, indent: usize) {
        self.out.extend(std::iter::repeat_n(' ', indent));
    }

    /// `key:` opening a nested mapping or list. `dash` starts a list entry.
    pub fn open(&mut self, indent: usize, dash: bool, key: &str) {
        self.pad(indent);
        if dash {
            self.out.push_str("- ");
        }
        let _ = writeln!(self.out, "{key}:");
    }

    /// `key: value` with `value` written as is (a number, `[]`, `true`).
    pub fn raw(&mut self, indent: usize, dash: bool, key: &str, value: impl std::fmt::Display) {
        self.pad(indent);
        if dash {
            self.out.push_str("- ");
        }
        let _ = writeln!(self.out, "{key}: {value}");
    }

    /// `key: "text"`, or a `|-` literal block for text with line breaks.
    /// `indent` is the key's column; a block's lines go two further in.
    pub fn text(&mut self, indent: usize, dash: bool, key: &str, value: &str) {
        if !block_safe(value) {
            return self.raw(indent, dash, key, quote(value));
        }
        self.raw(indent, dash, key, "|-");
        let body_indent = indent + if dash { 4 } else { 2 };
        for line in value.lines() {
            if !line.is_empty() {
                self.pad(body_indent);
                self.out.push_str(line);
            }
            self.out.push('\n');
        }
    }

    /// A list entry that is a plain quoted string: `- "text"`.
    pub fn item(&mut self, indent: usize, value: &str) {
        self.pad(indent);
        let _ = writeln!(self.out, "- {}", quote(value));
    }

    /// The finished document.
    pub fn finish(self) -> String {
        self.out
    }
}

/// A number as YAML: the shortest text that reads back as the same `f64`.
pub(crate) fn number(v: f64) -> String {
    format!("{v}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_what_yaml_needs() {
        assert_eq!(quote("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(quote("行1\n行2"), r#""行1\n行2""#);
        assert_eq!(quote("\u{7}"), r#""\x07""#);
        assert_eq!(quote("%"), r#""%""#);
    }

    #[test]
    fn text_uses_a_literal_block_only_when_safe() {
        let mut d = Doc::default();
        d.text(2, false, "k", "一行目\n\n二行目");
        d.text(0, true, "t", "x");
        d.text(0, false, "s", " lead\nx");
        assert_eq!(
            d.finish(),
            "  k: |-\n    一行目\n\n    二行目\n- t: \"x\"\ns: \" lead\\nx\"\n"
        );
    }
}
