//! Parsing one content file's text: YAML with kohyo's parser options, and a
//! Markdown page's front matter, each error turned into a diagnostic in the
//! user's words (pure functions: no IO).

use serde::de::DeserializeOwned;

use crate::diagnostics::{self, Diagnostic, Diagnostics, Place};
use crate::load::pasted;
use crate::load::raw::RawPageMeta;

/// The parser options every content file is read with: booleans only as
/// `true`/`false` (so `NO` stays text), duplicate keys rejected, and a
/// budget for big files (see [`YAML_MAX_NODES`]).
fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_nodes: YAML_MAX_NODES,
            max_events: 2 * YAML_MAX_NODES,
        },
    }
}

/// Most nodes (scalars, sequences, mappings) one content file may have.
///
/// serde-saphyr's default, 250,000, stops a year's results file at about
/// 5,000 items (some 50 nodes and 900 bytes each). This allows one node per
/// 4 bytes (`- 1` and a line break) of a 64 MiB file, the size up to which
/// the default 64 MiB of scalar text also suffices; each node gives at most
/// two parser events. The limits on aliases, anchors and nesting, which stop
/// inputs that expand, stay at their defaults.
const YAML_MAX_NODES: usize = 16 << 20;

/// Parses one YAML document; `file` names it in the diagnostics.
pub fn parse_yaml<T: DeserializeOwned>(text: &str, file: &str) -> Result<T, Diagnostics> {
    if pasted::is_blank(text) {
        return Err(pasted::empty(file).into());
    }
    parse_yaml_at(text, file, 0)
}

/// Parses YAML that starts `line_offset` lines into `file`. A parse error
/// caused by something pasted from a spreadsheet or word processor (全角
/// colons, spaces or digits, `1,234`, `12.5%`) is reported as that, with
/// the form to write instead.
fn parse_yaml_at<T: DeserializeOwned>(
    text: &str,
    file: &str,
    line_offset: u64,
) -> Result<T, Diagnostics> {
    serde_saphyr::from_str_with_options(text, yaml_options()).map_err(|e| {
        let found = pasted::full_width_structure(text, file, line_offset);
        if !found.is_empty() {
            // The parser's own error is a consequence of these; it would
            // only point somewhere else.
            let mut diags = Diagnostics::new();
            found.into_iter().for_each(|d| diags.add(d));
            return diags;
        }
        let mut d = diagnostics::from_yaml_error(file, &e, line_offset);
        pasted::refine_top_level_list(&mut d, text);
        let line = usize::try_from(d.place.line.saturating_sub(line_offset + 1)).unwrap_or(0);
        if d.place.line > line_offset
            && let Some(text) = text.lines().nth(line)
        {
            pasted::refine(&mut d, text);
        }
        d.into()
    })
}

/// Splits a Markdown page into front matter and body and parses the front matter.
pub fn parse_page(text: &str, file: &str) -> Result<(RawPageMeta, String), Diagnostics> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(pasted::empty(file).into());
    }
    let missing = || Diagnostic {
        place: Place {
            file: file.to_string(),
            line: 1,
            column: 1,
        },
        severity: diagnostics::Severity::Error,
        code: "front-matter",
        message: "page has no front matter".into(),
        hint: Some(
            "start the file with a line `---`, then `title: …`, then another line `---`".into(),
        ),
    };
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
        .ok_or_else(missing)?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            if pasted::is_blank(front) {
                let mut d = missing();
                d.message = "the page's front matter is empty".into();
                d.hint = Some("write `title: …` between the two `---` lines".into());
                return Err(d.into());
            }
            let meta = parse_yaml_at(front, file, 1)?;
            return Ok((meta, body.to_string()));
        }
        offset += line.len();
    }
    Err(missing().into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::raw::RawResults;

    #[test]
    fn front_matter_is_split_and_line_numbers_shift() {
        let (meta, body) = parse_page("---\ntitle: 概要\norder: 2\n---\n本文\n", "p.md").unwrap();
        assert_eq!(meta.title, "概要");
        assert_eq!(meta.order, Some(2));
        assert_eq!(body, "本文\n");
        let err = parse_page("---\ntitle: x\ncolour: red\n---\n", "p.md").unwrap_err();
        let err = &err.sorted()[0];
        assert_eq!(err.place.line, 3);
        assert_eq!(err.code, "unknown-key");
    }

    /// A results file for `items` items in the shape `kohyo-synth` writes.
    fn results_yaml(items: u32) -> String {
        let mut yaml =
            String::from("year: 2025\npublished: \"2026-08-20\"\nsummary: |\n  概要。\nitems:\n");
        for item in 1..=items {
            yaml.push_str(&format!(
                "  - item: {item}\n    grade: B\n    achievements:\n"
            ));
            for row in 1..=3 {
                yaml.push_str(&format!(
                    "      - project: 1\n        row: {row}\n        status: done\n        text: \"財政運営の見える化を導入した。\"\n"
                ));
            }
            yaml.push_str(concat!(
                "    self_evaluation: |\n      利用者の声をもとに情報の共有を定期的に把握し、必要に応じて取組を周知します。\n",
                "    issues: |\n      利用者の声をもとに現場の人手を定期的に把握し、必要に応じて取組を点検します。\n",
                "    next_response: |\n      契約事務の最適化により、地域の持続的な発展につなげます。\n",
            ));
        }
        yaml.push_str("indicators:\n");
        for item in 1..=items {
            for n in 1..=2 {
                yaml.push_str(&format!("  - indicator: i{item:05}-{n}\n    value: 65.8\n"));
            }
        }
        yaml
    }

    #[test]
    fn a_results_file_of_ten_thousand_items_parses() {
        // About 8.7 MB and 490,000 nodes: twice serde-saphyr's default node budget.
        let yaml = results_yaml(10_000);
        let results: RawResults = parse_yaml(&yaml, "results/2025.yaml").unwrap();
        assert_eq!(results.items.len(), 10_000);
        assert_eq!(results.indicators.len(), 20_000);
        assert_eq!(results.items[9_999].item.value, 10_000);
    }

    #[test]
    fn page_without_front_matter_is_an_error() {
        let err = parse_page("# 見出し\n", "p.md").unwrap_err();
        assert_eq!(err.sorted()[0].code, "front-matter");
    }
}
