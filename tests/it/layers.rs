//! The library's modules form layers, and no module imports one above it:
//! every `crate::…` path in the code under `src/` (tests left out) names a
//! module of an earlier layer, so the flow stays readable from the folders
//! and nothing low in it starts depending on pages or output.

use std::fs;
use std::path::{Path, PathBuf};

/// The library's top-level modules from the bottom up; a module may use
/// modules of earlier rows only, not of its own row or a later one.
///
/// This is the flow load → validate → model → views → render → output
/// written as dependencies: `model` is the vocabulary `validate` builds, so
/// it comes before it, and `output` is the sink `render` writes into, so it
/// comes before `render`; `pipeline` strings the steps together, and the
/// commands' libraries (`export`, `import`, `init`, `serve`) sit on top.
const LAYERS: &[&[&str]] = &[
    &["fs", "years", "urls", "diagnostics"],
    &["html", "output"],
    &["achievement"],
    &["load"],
    &["model"],
    &["validate"],
    &["charts"],
    &["views"],
    &["search"],
    &["render"],
    &["pipeline"],
    &["export", "init", "serve"],
    &["import"],
];

/// Imports that go up today, each with why; the test fails when one is no
/// longer needed, so the list only shrinks.
const KNOWN_UPWARD: &[(&str, &str, &str)] = &[
    (
        "diagnostics",
        "load",
        "the human formatter reads a message's source line through load::within, \
         which keeps every read inside the site folder",
    ),
    (
        "load",
        "search",
        "the raw record of content/synonyms.yaml (RawSynonyms) lives in search::synonyms",
    ),
    (
        "validate",
        "search",
        "the site's synonym groups are checked and built by search::synonyms::groups",
    ),
    (
        "export",
        "import",
        "export/sheets reads cells back with import::cells (halfwidth, decimal); \
         the cell readers belong beside export/sheets, the layout both share",
    ),
];

/// Files that are the binary's, not the library's.
const BINARY: &[&str] = &["main.rs", "cli"];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|row| row.contains(&module))
}

/// Every `.rs` file below `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(next) = todo.pop() {
        for entry in fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Whether `rel` (relative to `src/`) holds only tests.
fn test_only(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name == "tests.rs" || name.ends_with("_tests.rs") || rel.ends_with("markdown/fuzz.rs")
}

/// `text` without its inline `mod tests { … }` block (by custom the last
/// item of a file) and without comment lines.
fn code(text: &str) -> String {
    let text = text
        .find("#[cfg(test)]\nmod tests {")
        .map_or(text, |i| &text[..i]);
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules `code` names through `crate::`, in `use` lines,
/// `use crate::{a, b::c}` groups and paths written inline; macros
/// (`crate::outln!`) are not modules.
fn crate_modules(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // Split the group at its top-level commas.
            let (mut depth, mut start) = (0usize, 0usize);
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        out.push(ident(&group[start..j]));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(ident(&group[start..j]));
                        start = j + 1;
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(rest);
            if !rest[name.len()..].starts_with('!') {
                out.push(name);
            }
        }
    }
    out.retain(|m| !m.is_empty() && m != "self");
    out
}

/// The identifier `s` starts with, after white space.
fn ident(s: &str) -> String {
    s.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Every import of `src/` that goes up or sideways: (file, module, imported).
fn upward_imports(src: &Path) -> (Vec<(String, String, String)>, Vec<String>) {
    let (mut up, mut unplaced) = (Vec::new(), Vec::new());
    for path in rust_files(src) {
        let rel = path
            .strip_prefix(src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let top = rel
            .split('/')
            .next()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string();
        if top == "lib"
            || BINARY
                .iter()
                .any(|b| rel == *b || rel.starts_with(&format!("{b}/")))
        {
            continue;
        }
        let Some(own) = layer_of(&top) else {
            unplaced.push(format!("src/{rel}: module `{top}` is in no row of LAYERS"));
            continue;
        };
        if test_only(&rel) {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        for used in crate_modules(&code(&text)) {
            if used == top {
                continue;
            }
            match layer_of(&used) {
                Some(l) if l < own => {}
                Some(_) => up.push((format!("src/{rel}"), top.clone(), used)),
                None => unplaced.push(format!(
                    "src/{rel}: uses `crate::{used}`, which is in no row of LAYERS"
                )),
            }
        }
    }
    up.sort();
    up.dedup();
    (up, unplaced)
}

#[test]
fn no_module_imports_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (up, unplaced) = upward_imports(&src);
    assert!(
        unplaced.is_empty(),
        "place these modules in LAYERS:\n{}",
        unplaced.join("\n")
    );
    let known = |from: &str, to: &str| KNOWN_UPWARD.iter().any(|(f, t, _)| *f == from && *t == to);
    let new: Vec<String> = up
        .iter()
        .filter(|(_, from, to)| !known(from, to))
        .map(|(file, from, to)| {
            format!("{file}: `{from}` imports `{to}`, which is not below it in the flow")
        })
        .collect();
    assert!(
        new.is_empty(),
        "{}\nmove what both need into the lower module, or pass it in from above (the order is LAYERS in tests/it/layers.rs)",
        new.join("\n")
    );
    for (from, to, why) in KNOWN_UPWARD {
        assert!(
            up.iter().any(|(_, f, t)| f == from && t == to),
            "`{from}` no longer imports `{to}` ({why}): remove it from KNOWN_UPWARD"
        );
    }
}

#[test]
fn the_scanner_reads_groups_inline_paths_and_skips_macros_and_comments() {
    let text = "use crate::load::raw::RawSite;\n\
                use crate::{model, views::{a, b}, self};\n\
                // use crate::render;\n\
                let x = crate::urls::paths::item(p);\n\
                crate::outln!(\"x\");\n\
                kohyo::search::build();\n\
                #[cfg(test)]\nmod tests {\n    use crate::pipeline;\n}\n";
    assert_eq!(
        crate_modules(&code(text)),
        ["load", "model", "views", "urls"]
    );
}
