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
///
/// One pass over each line: at each quote, the text before it must be a
/// key of [`NUMBER_KEYS`] and a colon (`value: "15"`, also inside a flow
/// mapping such as `{year: 2014, value: '500'}`).
pub fn scan(file: &str, text: &str, diags: &mut Diagnostics) {
    for (i, line) in text.lines().enumerate() {
        let code = line.split_once(" #").map_or(line, |(c, _)| c);
        // No quote, no quoted number: most lines end here, cheaply.
        if !code.contains(['"', '\'']) {
            continue;
        }
        for (at, q) in code.match_indices(['"', '\'']) {
            let Some(before) = code[..at].trim_end().strip_suffix(':') else {
                continue;
            };
            let start = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphanumeric() || *c == '_')
                .last()
                .map_or(before.len(), |(s, _)| s);
            let key = &before[start..];
            if !NUMBER_KEYS.contains(&key) {
                continue;
            }
            let q = q.chars().next().unwrap_or('"');
            let inner: String = code[at + 1..].chars().take_while(|c| *c != q).collect();
            let numeric = !inner.is_empty()
                && inner
                    .trim_start_matches('-')
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                && inner.chars().any(|c| c.is_ascii_digit());
            if numeric {
                diags.error_hint(
                    Place::line_column(file, i as u64 + 1, at as u64 + 1),
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

    #[test]
    fn names_the_line_column_and_key_of_each() {
        let mut d = Diagnostics::new();
        scan(
            "x.yaml",
            "- {year: '2014', subvalue: \"5\", value:  \"1,500\"}\ntitle: \"value: 3\"\n",
            &mut d,
        );
        let found: Vec<String> = d
            .sorted()
            .iter()
            .map(|x| format!("{} {}", x.place, x.message))
            .collect();
        assert_eq!(
            found,
            [
                "x.yaml:1:10 the number '2014' of `year` is in quotes",
                "x.yaml:1:41 the number \"1,500\" of `value` is in quotes",
            ]
        );
    }
}
