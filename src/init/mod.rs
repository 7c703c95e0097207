//! `kohyo init DIR`: writes a new, small, valid example site to start from.
//!
//! The site has one division, one plan with one goal and one policy, one item
//! with a project, a roadmap row and an indicator, and one page. Every YAML
//! file starts with a `# yaml-language-server: $schema=…` line pointing at the
//! JSON Schemas written beside it under `schemas/`, and explains each key in a
//! comment. Every illustrative value is labelled 例. The files themselves are
//! kept under `src/init/` and built into the binary.

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::fs::{self, FsError};
use crate::load::schema;

/// The id (folder name) of the example plan.
pub const PLAN_ID: &str = "example";

/// The folder, relative to the new site, that holds the JSON Schemas.
pub const SCHEMA_DIR: &str = "schemas";

/// The content files of the example site: path relative to the site, text.
const CONTENT: [(&str, &str); 6] = [
    (".gitignore", include_str!("gitignore")),
    ("content/site.yaml", include_str!("site.yaml")),
    ("content/divisions.yaml", include_str!("divisions.yaml")),
    ("content/plans/example/plan.yaml", include_str!("plan.yaml")),
    (
        "content/plans/example/items/01.yaml",
        include_str!("item.yaml"),
    ),
    ("content/pages/about.md", include_str!("about.md")),
];

/// Why `init` wrote nothing.
#[derive(Debug, Error)]
pub enum InitError {
    /// The folder already has files in it.
    #[error("`{}` is not empty; `kohyo init` only writes into a new or empty folder", .0.display())]
    NotEmpty(PathBuf),
    /// The path exists but is a file, not a folder.
    #[error("`{}` exists and is not a folder", .0.display())]
    NotAFolder(PathBuf),
    /// Creating a folder or writing a file failed.
    #[error(transparent)]
    Fs(#[from] FsError),
}

impl InitError {
    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            InitError::NotEmpty(_) | InitError::NotAFolder(_) => {
                "name a folder that does not exist yet (it is created) or an empty one"
            }
            InitError::Fs(_) => {
                "check that you may create files there and that the disk is not full"
            }
        }
    }
}

/// What `init` wrote.
#[derive(Debug)]
pub struct InitReport {
    /// Every file written, relative to the new site, `/`-separated, sorted.
    pub files: Vec<String>,
}

/// Every file of the example site, schemas included: path relative to the
/// site (`/`-separated) and contents, sorted by path.
pub fn files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = CONTENT
        .iter()
        .map(|(path, text)| (path.to_string(), text.to_string()))
        .collect();
    for kind in schema::Kind::ALL {
        files.push((
            format!("{SCHEMA_DIR}/{}", kind.file_name()),
            schema::to_pretty(&kind.schema()),
        ));
    }
    files.sort();
    files
}

/// Writes the example site into `dir`, which must not exist or be empty.
///
/// Refuses a non-empty folder before writing anything, so nothing of the
/// user's is ever overwritten.
pub fn init(dir: &Path) -> Result<InitReport, InitError> {
    if dir.is_dir() {
        if !fs::read_dir(dir)?.is_empty() {
            return Err(InitError::NotEmpty(dir.to_path_buf()));
        }
    } else if fs::symlink_metadata(dir)?.is_some() {
        return Err(InitError::NotAFolder(dir.to_path_buf()));
    } else {
        fs::create_dir_all(dir)?;
    }
    let files = files();
    for (rel, text) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, text)?;
    }
    Ok(InitReport {
        files: files.into_iter().map(|(rel, _)| rel).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::schema::Kind;

    /// The folder a `$schema=` path is taken from: the file's own folder.
    fn resolve(file: &str, relative: &str) -> String {
        let mut parts: Vec<&str> = file.split('/').collect();
        parts.pop();
        for part in relative.split('/') {
            match part {
                ".." => {
                    parts.pop();
                }
                p => parts.push(p),
            }
        }
        parts.join("/")
    }

    #[test]
    fn every_yaml_file_links_to_its_own_schema() {
        let files = files();
        let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        for (path, text) in &files {
            let Some(kind) = Kind::of_path(path) else {
                continue;
            };
            if kind == Kind::Page {
                continue;
            }
            let first = text.lines().next().unwrap();
            let target = first
                .strip_prefix("# yaml-language-server: $schema=")
                .unwrap_or_else(|| panic!("{path} starts with the schema line"));
            let resolved = resolve(path, target);
            assert_eq!(resolved, format!("schemas/{}", kind.file_name()), "{path}");
            assert!(names.contains(&resolved.as_str()), "{path}");
        }
    }

    #[test]
    fn every_content_file_matches_its_schema() {
        for (path, text) in files() {
            let Some(kind) = Kind::of_path(&path) else {
                continue;
            };
            let yaml = if kind == Kind::Page {
                let rest = text.strip_prefix("---\n").unwrap();
                rest[..rest.find("\n---\n").unwrap() + 1].to_string()
            } else {
                text
            };
            let value: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
            let validator = jsonschema::draft202012::new(&kind.schema()).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{path}: {errors:?}");
        }
    }

    #[test]
    fn example_content_is_labelled() {
        for (path, text) in files() {
            if path.starts_with("content/") {
                assert!(text.contains('例'), "{path} says it is an example");
            }
        }
    }

    #[test]
    fn refuses_a_non_empty_folder_and_a_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("keep.txt"), "mine").unwrap();
        let err = init(dir.path()).unwrap_err();
        assert!(matches!(err, InitError::NotEmpty(_)), "{err}");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "nothing was written"
        );
        let err = init(&dir.path().join("keep.txt")).unwrap_err();
        assert!(matches!(err, InitError::NotAFolder(_)), "{err}");
    }

    #[test]
    fn writes_a_site_that_passes_the_checks() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("new-site");
        let report = init(&root).unwrap();
        assert!(report.files.contains(&"content/site.yaml".to_string()));
        assert!(
            report
                .files
                .contains(&"schemas/item.schema.json".to_string())
        );
        let site = crate::pipeline::load_site(&root).unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(site.plans.len(), 1);
        assert_eq!(site.plans[0].id, PLAN_ID);
        assert_eq!(site.plans[0].items.len(), 1);
        assert_eq!(site.divisions.len(), 1);
        assert_eq!(site.pages.len(), 1);
    }
}
