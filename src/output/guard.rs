//! Refuses output folders that overlap the site's own folders, whatever the
//! options: replacing one of them would delete content.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::fs::{self, FsError};

/// How an output folder overlaps the site it is built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlap {
    /// The output folder is the site folder itself.
    IsSite {
        /// The site folder, resolved.
        site: PathBuf,
    },
    /// The output folder contains the site folder.
    ContainsSite {
        /// The site folder, resolved.
        site: PathBuf,
    },
    /// The output folder is, or lies inside, `content/` or `themes/`.
    InsideSource {
        /// The source folder concerned, resolved.
        folder: PathBuf,
    },
    /// The site's `content/` or `themes/` folder (reached through a
    /// symbolic link) lies inside the output folder.
    ContainsSource {
        /// The source folder concerned, resolved.
        folder: PathBuf,
    },
    /// The output folder has a `content/` folder of its own: it looks like
    /// a site, not like built output.
    LooksLikeSite,
}

impl fmt::Display for Overlap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::IsSite { .. } => write!(
                f,
                "it is the site folder itself (the one holding content/), so building would delete the site"
            ),
            Self::ContainsSite { site } => write!(
                f,
                "it contains the site folder `{}`, so building would delete the site and everything else in it",
                site.display()
            ),
            Self::InsideSource { folder } => write!(
                f,
                "it is or lies inside `{}`, which kohyo reads the site from, so building would delete files there",
                folder.display()
            ),
            Self::ContainsSource { folder } => write!(
                f,
                "it contains `{}`, which kohyo reads the site from, so building would delete files there",
                folder.display()
            ),
            Self::LooksLikeSite => write!(
                f,
                "it has a `content/` folder, so it looks like a kohyo site rather than built output, and building would delete it"
            ),
        }
    }
}

/// The folders of a site that an output folder must stay clear of.
const SOURCE_FOLDERS: [&str; 2] = ["content", "themes"];

/// How `target` (the output folder, absolute, with symbolic links resolved
/// as far as it exists) overlaps the site in `site` (resolved), if it does.
pub fn overlap(site: &Path, target: &Path) -> Result<Option<Overlap>, FsError> {
    if target == site {
        return Ok(Some(Overlap::IsSite {
            site: site.to_path_buf(),
        }));
    }
    if site.starts_with(target) {
        return Ok(Some(Overlap::ContainsSite {
            site: site.to_path_buf(),
        }));
    }
    for name in SOURCE_FOLDERS {
        let folder = site.join(name);
        // `content` may be a symbolic link to a folder elsewhere.
        let real = fs::canonicalize_existing(&folder)?;
        if target.starts_with(&folder) || target.starts_with(&real) {
            return Ok(Some(Overlap::InsideSource { folder: real }));
        }
        if real.starts_with(target) {
            return Ok(Some(Overlap::ContainsSource { folder: real }));
        }
    }
    if fs::symlink_metadata(target.join("content"))?.is_some() {
        return Ok(Some(Overlap::LooksLikeSite));
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn every_overlap_is_found_and_a_sibling_is_not() {
        let tmp = tempfile::tempdir().unwrap();
        let top = fs::canonicalize(tmp.path()).unwrap();
        let site = top.join("site");
        let other = top.join("other");
        for dir in [
            site.join("content"),
            site.join("themes"),
            other.join("content"),
        ] {
            fs::create_dir_all(dir).unwrap();
        }
        let found = |target: &Path| overlap(&site, target).unwrap();
        assert!(matches!(found(&site), Some(Overlap::IsSite { .. })));
        assert!(matches!(found(&top), Some(Overlap::ContainsSite { .. })));
        assert!(matches!(
            found(Path::new("/")),
            Some(Overlap::ContainsSite { .. })
        ));
        for inside in ["content", "content/plans/new", "themes", "themes/x"] {
            let got = found(&site.join(inside));
            assert!(
                matches!(got, Some(Overlap::InsideSource { .. })),
                "{inside}: {got:?}"
            );
        }
        assert_eq!(found(&other), Some(Overlap::LooksLikeSite));
        assert_eq!(found(&site.join("public")), None);
        assert_eq!(found(&site.join("contents")), None);
        assert_eq!(found(&top.join("public")), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_content_folder_is_protected_where_it_really_is() {
        let tmp = tempfile::tempdir().unwrap();
        let top = fs::canonicalize(tmp.path()).unwrap();
        let site = top.join("site");
        let data = top.join("data");
        fs::create_dir_all(data.join("content")).unwrap();
        fs::create_dir_all(&site).unwrap();
        std::os::unix::fs::symlink(data.join("content"), site.join("content")).unwrap();
        let got = overlap(&site, &data).unwrap();
        assert!(
            matches!(got, Some(Overlap::ContainsSource { .. })),
            "{got:?}"
        );
        let got = overlap(&site, &data.join("content/x")).unwrap();
        assert!(matches!(got, Some(Overlap::InsideSource { .. })), "{got:?}");
    }
}
