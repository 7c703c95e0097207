//! The theme: Tera templates and static files, embedded in the binary and
//! overridable file by file from the site's own `themes/default/` folder.

use std::path::Path;

use tera::Tera;

use crate::diagnostics::{Diagnostics, Place};

/// Embedded templates: (name, source).
const TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../themes/default/templates/base.html"),
    ),
    (
        "items.html",
        include_str!("../themes/default/templates/items.html"),
    ),
    (
        "index.html",
        include_str!("../themes/default/templates/index.html"),
    ),
    (
        "plan.html",
        include_str!("../themes/default/templates/plan.html"),
    ),
    (
        "goal.html",
        include_str!("../themes/default/templates/goal.html"),
    ),
    (
        "policy.html",
        include_str!("../themes/default/templates/policy.html"),
    ),
    (
        "item.html",
        include_str!("../themes/default/templates/item.html"),
    ),
    (
        "divisions.html",
        include_str!("../themes/default/templates/divisions.html"),
    ),
    (
        "division.html",
        include_str!("../themes/default/templates/division.html"),
    ),
    (
        "page.html",
        include_str!("../themes/default/templates/page.html"),
    ),
    (
        "404.html",
        include_str!("../themes/default/templates/404.html"),
    ),
];

/// Embedded static files: (site-relative output path, bytes).
const STATIC: &[(&str, &[u8])] = &[(
    "static/style.css",
    include_bytes!("../themes/default/static/style.css"),
)];

/// The folder of a site's own theme, relative to the site root.
pub const THEME_DIR: &str = "themes/default";

/// A loaded theme.
pub struct Theme {
    /// Templates, ready to render.
    pub tera: Tera,
    /// Static files to copy: output path and bytes.
    pub statics: Vec<(String, Vec<u8>)>,
}

/// Loads the embedded theme, replacing each file the site's theme folder also has.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Option<Theme> {
    let dir = root.join(THEME_DIR);
    let mut sources: Vec<(String, String)> = Vec::new();
    for (name, embedded) in TEMPLATES {
        let own = dir.join("templates").join(name);
        let text = if own.is_file() {
            match std::fs::read_to_string(&own) {
                Ok(t) => t,
                Err(e) => {
                    diags.error(
                        Place::file(&format!("{THEME_DIR}/templates/{name}")),
                        "read",
                        format!("cannot read template: {e}"),
                    );
                    continue;
                }
            }
        } else {
            (*embedded).to_string()
        };
        sources.push((name.to_string(), text));
    }
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    for (name, text) in &sources {
        if let Err(e) = tera.add_raw_template(name, text) {
            diags.error_hint(
                Place::file(&format!("{THEME_DIR}/templates/{name}")),
                "template",
                format!("template error: {e}"),
                "fix the template syntax, or delete the file to use the built-in template",
            );
        }
    }
    let mut statics = Vec::new();
    for (path, embedded) in STATIC {
        let own = dir.join(path);
        let bytes = std::fs::read(&own).unwrap_or_else(|_| embedded.to_vec());
        statics.push((path.to_string(), bytes));
    }
    if diags.has_errors() {
        return None;
    }
    Some(Theme { tera, statics })
}
