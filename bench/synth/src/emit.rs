//! Text helpers shared by the kohyo and Hugo writers: YAML strings and
//! blocks, numbers, and writing a file with its folder.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// A double-quoted YAML string.
pub(crate) fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `key: |` with `text` as a literal block indented by `indent + 2`.
pub(crate) fn block(o: &mut String, indent: usize, key: &str, text: &str) {
    let pad = " ".repeat(indent);
    let _ = writeln!(o, "{pad}{key}: |");
    for line in text.lines() {
        if line.is_empty() {
            o.push('\n');
        } else {
            let _ = writeln!(o, "{pad}  {line}");
        }
    }
}

pub(crate) fn num(v: f64, places: u8) -> String {
    format!("{v:.*}", places as usize)
}

pub(crate) fn write_file(path: &Path, text: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, text).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}
