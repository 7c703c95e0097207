//! Numbers written in quotes (`value: "15"`): the YAML reader would take
//! them as numbers anyway, so the mistake would pass unseen; content files
//! are scanned for them and each is reported at its line and column.

use crate::diagnostics::{Diagnostics, Place};

/// Keys whose values are numbers in kohyo's content files.
const NUMBER_KEYS: [&str; 15] = [
    "value",
    "total",
    "high",
    "year",
    "from",
    "to",
    "number",
    "item",
    "policy",
    "parent",
    "project",
    "row",
    "count",
    "of",
    "precision",
];

/// Reports every quoted number given to a number key in `text`.
pub fn scan(file: &str, text: &str, diags: &mut Diagnostics) {
    for (i, line) in text.lines().enumerate() {
        let code = line.split_once(" #").map_or(line, |(c, _)| c);
        // No quote, no quoted number: most lines end here, cheaply.
        if !code.contains(['"', '\'']) {
            continue;
        }
        for key in NUMBER_KEYS {
            let mut from = 0;
            while let Some(at) = code[from..].find(key).map(|p| p + from) {
                from = at + key.len();
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &code[from..];
                let Some(value) = rest.strip_prefix(':').map(str::trim_start) else {
                    continue;
                };
                let Some(q) = value.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                    continue;
                };
                let inner: String = value[1..].chars().take_while(|c| *c != q).collect();
                let numeric = !inner.is_empty()
                    && inner
                        .trim_start_matches('-')
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                    && inner.chars().any(|c| c.is_ascii_digit());
                if numeric {
                    let column = code.len() - value.len() + 1;
                    diags.error_hint(
                        Place::line_column(file, i as u64 + 1, column as u64),
                        "quoted-number",
                        format!("the number {q}{inner}{q} of `{key}` is in quotes"),
                        format!(
                            "write `{key}: {}` without quotes; in quotes it is text, not a number",
                            inner.replace(',', "")
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quoted_numbers_only() {
        let mut d = Diagnostics::new();
        scan(
            "x.yaml",
            "year: 2026\nvalue: \"15\"\n  - {year: 2014, value: '500'}\ntitle: \"2025\"\nnote: value: \"3\" # value: \"4\"\n",
            &mut d,
        );
        assert_eq!(d.error_count(), 3, "{:?}", d.sorted());
    }
}
