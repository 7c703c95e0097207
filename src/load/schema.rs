//! JSON Schemas (draft 2020-12) for every content file kind, generated from
//! the raw records in [`crate::load::raw`], so the schemas and the loader can never
//! disagree about which keys exist.
//!
//! Editors use them for completion, hover help and red squiggles while an
//! author types; `kohyo check` stays the authority (it also checks what a
//! schema cannot say, such as references between files).

use std::path::{Path, PathBuf};

use schemars::{JsonSchema, generate::SchemaSettings};
use serde_json::Value;

use crate::fs::{self, FsError};
use crate::load::raw::{RawDivisions, RawItem, RawPageMeta, RawPlan, RawResults, RawSite};

/// A kind of content file, each with its own schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `content/site.yaml`.
    Site,
    /// `content/divisions.yaml`.
    Divisions,
    /// `content/plans/<plan-id>/plan.yaml`.
    Plan,
    /// `content/plans/<plan-id>/items/*.yaml`.
    Item,
    /// `content/plans/<plan-id>/results/*.yaml`.
    Results,
    /// The front matter of `content/pages/*.md`.
    Page,
    /// `content/synonyms.yaml`.
    Synonyms,
}

impl Kind {
    /// Every kind, in the order they are printed and written.
    pub const ALL: [Kind; 7] = [
        Kind::Site,
        Kind::Divisions,
        Kind::Plan,
        Kind::Item,
        Kind::Results,
        Kind::Page,
        Kind::Synonyms,
    ];

    /// The short name: `site`, `divisions`, `plan`, `item`, `results`, `page`,
    /// `synonyms`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Site => "site",
            Kind::Divisions => "divisions",
            Kind::Plan => "plan",
            Kind::Item => "item",
            Kind::Results => "results",
            Kind::Page => "page",
            Kind::Synonyms => "synonyms",
        }
    }

    /// The schema's file name, `<name>.schema.json`.
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.name())
    }

    /// Which files the schema describes, as written in the docs.
    pub fn describes(self) -> &'static str {
        match self {
            Kind::Site => "content/site.yaml",
            Kind::Divisions => "content/divisions.yaml",
            Kind::Plan => "content/plans/<plan-id>/plan.yaml",
            Kind::Item => "content/plans/<plan-id>/items/*.yaml",
            Kind::Results => "content/plans/<plan-id>/results/*.yaml",
            Kind::Page => "front matter of content/pages/*.md",
            Kind::Synonyms => "content/synonyms.yaml",
        }
    }

    /// The kind of the content file at `path` (relative to the site root,
    /// `/`-separated), or `None` when kohyo does not read such a file.
    pub fn of_path(path: &str) -> Option<Kind> {
        let parts: Vec<&str> = path.split('/').collect();
        let yaml = |name: &str| name.ends_with(".yaml") || name.ends_with(".yml");
        match parts.as_slice() {
            ["content", "site.yaml"] => Some(Kind::Site),
            ["content", "divisions.yaml"] => Some(Kind::Divisions),
            ["content", "synonyms.yaml"] => Some(Kind::Synonyms),
            ["content", "plans", _, "plan.yaml"] => Some(Kind::Plan),
            ["content", "plans", _, "items", f] if yaml(f) => Some(Kind::Item),
            ["content", "plans", _, "results", f] if yaml(f) => Some(Kind::Results),
            ["content", "pages", f] if f.ends_with(".md") => Some(Kind::Page),
            _ => None,
        }
    }

    /// The JSON Schema of this kind.
    pub fn schema(self) -> Value {
        match self {
            Kind::Site => generate::<RawSite>(self),
            Kind::Divisions => generate::<RawDivisions>(self),
            Kind::Plan => generate::<RawPlan>(self),
            Kind::Item => generate::<RawItem>(self),
            Kind::Results => generate::<RawResults>(self),
            Kind::Page => generate::<RawPageMeta>(self),
            Kind::Synonyms => generate::<crate::load::raw::RawSynonyms>(self),
        }
    }
}

fn generate<T: JsonSchema>(kind: Kind) -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<T>();
    let mut value = schema.to_value();
    if let Value::Object(map) = &mut value {
        map.insert(
            "title".into(),
            Value::String(format!("kohyo: {}", kind.describes())),
        );
    }
    value
}

/// Every schema in one JSON object, keyed by kind name (`site`, `plan`, …).
pub fn combined() -> Value {
    Value::Object(
        Kind::ALL
            .iter()
            .map(|k| (k.name().to_string(), k.schema()))
            .collect(),
    )
}

/// Pretty-printed JSON with a final newline, as written to files and stdout.
pub fn to_pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("a JSON value always serialises");
    text.push('\n');
    text
}

/// Writes `<kind>.schema.json` for every kind into `dir`, creating it if
/// needed; returns the files written.
pub fn write_all(dir: &Path) -> Result<Vec<PathBuf>, FsError> {
    fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for kind in Kind::ALL {
        let path = dir.join(kind.file_name());
        fs::write(&path, to_pretty(&kind.schema()))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn validator(kind: Kind) -> jsonschema::Validator {
        jsonschema::draft202012::new(&kind.schema()).expect("the schema itself is valid")
    }

    /// The YAML part of a content file: the whole file, or a page's front matter.
    fn yaml_of(kind: Kind, text: &str) -> String {
        if kind != Kind::Page {
            return text.to_string();
        }
        let rest = text.strip_prefix("---\n").expect("front matter");
        let end = rest.find("\n---").expect("end of front matter");
        rest[..=end].to_string()
    }

    fn errors(kind: Kind, yaml: &str) -> Vec<String> {
        let value: Value = serde_saphyr::from_str(yaml).expect("valid YAML");
        validator(kind)
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect()
    }

    fn content_files(root: &Path) -> Vec<(String, Kind)> {
        walkdir::WalkDir::new(root.join("content"))
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| {
                let rel = crate::load::display_path(root, e.path());
                Kind::of_path(&rel).map(|k| (rel, k))
            })
            .collect()
    }

    #[test]
    fn every_sample_content_file_matches_its_schema() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let files = content_files(root);
        for kind in Kind::ALL {
            assert!(
                files.iter().any(|(_, k)| *k == kind),
                "the sample has a {} file",
                kind.name()
            );
        }
        for (file, kind) in files {
            let text = std::fs::read_to_string(root.join(&file)).unwrap();
            let errors = errors(kind, &yaml_of(kind, &text));
            assert!(errors.is_empty(), "{file}: {errors:#?}");
        }
    }

    #[test]
    fn valid_fixture_sites_match_their_schemas() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        for site in ["minimal", "archive", "cycles"] {
            let root = fixtures.join(site);
            for (file, kind) in content_files(&root) {
                let text = std::fs::read_to_string(root.join(&file)).unwrap();
                let errors = errors(kind, &yaml_of(kind, &text));
                assert!(errors.is_empty(), "{site}/{file}: {errors:#?}");
            }
        }
    }

    #[test]
    fn results_file_matches_its_schema() {
        let yaml = "year: 2025\npublished: \"2026-08-01\"\nitems:\n  - item: 1\n    grade: A\n    achievements:\n      - {project: 1, row: 1, status: done, text: 実施}\nindicators:\n  - {indicator: overtime-hours, value: 11.5}\n  - {indicator: members, unavailable: 集計中}\nrevisions:\n  - {kind: indicator-added, item: 1, indicator: members, from: 2026, change: 追加, reason: 理由}\n";
        assert_eq!(errors(Kind::Results, yaml), Vec::<String>::new());
    }

    #[test]
    fn an_unknown_key_fails_the_schema() {
        let site = "title: 例\norganisation: 例示県\ncolour: blue\n";
        let found = errors(Kind::Site, site);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("colour"), "{found:?}");
        // Nested mappings deny unknown keys too.
        let item = "number: 1\ntitle: 例\npolicy: 1\ndivisions: []\nprojects:\n  - title: 例\n    roadmap:\n      - {label: 例, from: 2025, to: 2026, colour: red}\n";
        let found = errors(Kind::Item, item);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("colour"), "{found:?}");
    }

    #[test]
    fn choices_ids_and_years_are_constrained() {
        let plan = |status: &str, from: i64| {
            format!(
                "title: 例\nperiod: {{from: {from}, to: 2029}}\nadopted: \"2025-03\"\nstatus: {status}\ngrades: [{{key: A, label: 例}}]\ngoals: []\n"
            )
        };
        assert!(errors(Kind::Plan, &plan("current", 2025)).is_empty());
        assert_eq!(errors(Kind::Plan, &plan("draft", 2025)).len(), 1);
        assert_eq!(errors(Kind::Plan, &plan("current", 1800)).len(), 1);
        let division = |id: &str| format!("divisions:\n  - {{id: {id}, name: 人事課}}\n");
        assert!(errors(Kind::Divisions, &division("jinji")).is_empty());
        assert_eq!(errors(Kind::Divisions, &division("Jinji")).len(), 1);
        assert_eq!(errors(Kind::Divisions, &division("jinji-")).len(), 1);
    }

    #[test]
    fn schemas_carry_doc_comments_and_deny_unknown_keys() {
        let site = Kind::Site.schema();
        assert_eq!(
            site["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert_eq!(site["additionalProperties"], false);
        assert_eq!(site["title"], "kohyo: content/site.yaml");
        assert!(
            site["properties"]["title"]["description"]
                .as_str()
                .unwrap()
                .starts_with("Site title")
        );
        // Spanned values show their inner type.
        let item = Kind::Item.schema();
        assert_eq!(item["properties"]["number"]["type"], "integer");
        assert_eq!(item["properties"]["divisions"]["items"]["type"], "string");
    }

    #[test]
    fn editors_that_only_know_draft_07_read_the_schemas_the_same_way() {
        // The VS Code YAML extension validates with draft-07 rules; the
        // schemas use nothing it cannot read (`$defs` is reached through
        // plain JSON pointers), so it accepts the sample and rejects a typo.
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for (file, kind) in content_files(root) {
            let text = std::fs::read_to_string(root.join(&file)).unwrap();
            let value: Value = serde_saphyr::from_str(&yaml_of(kind, &text)).unwrap();
            let mut schema = kind.schema();
            schema["$schema"] = "http://json-schema.org/draft-07/schema#".into();
            let draft7 = jsonschema::draft7::new(&schema).expect("a valid draft-07 schema");
            assert!(draft7.is_valid(&value), "{file}");
        }
        let mut schema = Kind::Item.schema();
        schema["$schema"] = "http://json-schema.org/draft-07/schema#".into();
        let draft7 = jsonschema::draft7::new(&schema).unwrap();
        let item = "number: 1\ntitle: 例\npolicy: 1\ndivisions: []\nindicators:\n  - {id: a, name: 例, kind: target, unit: 件, direction: higher, baseline: {year: 2024, value: 1, yaer: 2}}\n";
        let value: Value = serde_saphyr::from_str(item).unwrap();
        assert!(
            !draft7.is_valid(&value),
            "a typo in a nested $defs mapping is caught"
        );
    }

    #[test]
    fn content_paths_map_to_kinds() {
        assert_eq!(Kind::of_path("content/site.yaml"), Some(Kind::Site));
        assert_eq!(
            Kind::of_path("content/plans/a/items/01.yml"),
            Some(Kind::Item)
        );
        assert_eq!(
            Kind::of_path("content/plans/a/results/2025.yaml"),
            Some(Kind::Results)
        );
        assert_eq!(Kind::of_path("content/pages/about.md"), Some(Kind::Page));
        assert_eq!(Kind::of_path("content/plans/a/notes.yaml"), None);
    }
}
