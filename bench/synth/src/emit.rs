//! Text helpers shared by the kohyo and Hugo writers: YAML strings and
//! blocks, numbers, the parts of an item and a cycle both write alike, and
//! writing a file with its folder.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

use crate::site::{ItemYear, Project, Revision};

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

/// A project's `roadmap:` and `evaluation:` lists, at indent 4.
pub(crate) fn steps(o: &mut String, p: &Project) {
    o.push_str("    roadmap:\n");
    for row in &p.roadmap {
        let _ = writeln!(
            o,
            "      - label: {}\n        from: {}\n        to: {}",
            q(&row.label),
            row.from,
            row.to
        );
        if let Some(d) = &row.detail {
            let _ = writeln!(o, "        detail: {}", q(d));
        }
    }
    o.push_str("    evaluation:\n");
    for (label, detail) in &p.evaluation {
        let _ = writeln!(o, "      - label: {}", q(label));
        if let Some(d) = detail {
            let _ = writeln!(o, "        detail: {}", q(d));
        }
    }
}

/// A year's `self_evaluation` and its `analysis`, `issues` and
/// `next_response` where given, at indent 4.
pub(crate) fn year_texts(o: &mut String, y: &ItemYear) {
    block(o, 4, "self_evaluation", &y.self_evaluation);
    for (key, v) in [
        ("analysis", &y.analysis),
        ("issues", &y.issues),
        ("next_response", &y.next_response),
    ] {
        if let Some(t) = v {
            block(o, 4, key, t);
        }
    }
}

/// `opinions:` with each opinion and its response, at indent 4.
pub(crate) fn opinions(o: &mut String, opinions: &[(String, Option<String>)]) {
    o.push_str("    opinions:\n");
    for (op, resp) in opinions {
        let _ = writeln!(o, "      - opinion: {}", q(op));
        if let Some(r) = resp {
            let _ = writeln!(o, "        response: {}", q(r));
        }
    }
}

/// One revision as a list entry at indent 2.
pub(crate) fn revision(o: &mut String, rev: &Revision) {
    let _ = writeln!(o, "  - kind: {}", rev.kind);
    if let Some(n) = rev.item {
        let _ = writeln!(o, "    item: {n}");
    }
    if let Some(i) = &rev.indicator {
        let _ = writeln!(o, "    indicator: {i}");
    }
    let _ = writeln!(
        o,
        "    from: {}\n    change: {}\n    reason: {}",
        rev.from,
        q(&rev.change),
        q(&rev.reason)
    );
}
