//! The theme: Tera templates and static files, embedded in the binary and
//! overridable file by file from the site's own `themes/default/` folder.

use std::path::Path;

use tera::Tera;

use crate::diagnostics::{Diagnostics, Place};

/// Embeds each named file of `themes/default/templates/` as (name, source).
macro_rules! templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../themes/default/templates/", $name)))),*]
    };
}

/// Embedded templates: (name, source). Partials come before the pages that include them.
const TEMPLATES: &[(&str, &str)] = templates!(
    "base.html",
    "items.html",
    "revisions.html",
    "partials/indicator-card.html",
    "indicators.html",
    "archived.html",
    "index.html",
    "plan.html",
    "goal.html",
    "policy.html",
    "item.html",
    "cycle.html",
    "dashboard.html",
    "mark.html",
    "data.html",
    "divisions.html",
    "division.html",
    "page.html",
    "search.html",
    "accessibility.html",
    "404.html",
);

/// Embedded static files: (site-relative output path, bytes).
const STATIC: &[(&str, &[u8])] = &[
    (
        "static/style.css",
        include_bytes!("../themes/default/static/style.css"),
    ),
    (
        "static/search.js",
        include_bytes!("../themes/default/static/search.js"),
    ),
    (
        "static/kohyo.js",
        include_bytes!("../themes/default/static/kohyo.js"),
    ),
];

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
    // `{{ text | phrases }}`: escaped, with <wbr> between Japanese phrases
    // (src/phrases.rs); text already marked safe (rendered HTML) passes as is.
    // `{{ date | jdate(era=site.era_years) }}`: 2025-03-31 as 2025年3月31日
    // (src/years.rs); text that is not such a date passes as it is.
    tera.register_filter("jdate", |v: &str, kwargs: tera::Kwargs, _: &tera::State| {
        let era = kwargs.get::<bool>("era").ok().flatten().unwrap_or(false);
        crate::years::date(v, era).unwrap_or_else(|| v.to_string())
    });
    tera.register_filter(
        "phrases",
        |v: &tera::Value, _: tera::Kwargs, _: &tera::State| match v.as_str() {
            Some(_) if v.is_safe() => v.clone(),
            Some(s) => tera::Value::safe_string(&crate::phrases::wbr(s)),
            None => tera::Value::safe_string(&crate::phrases::wbr(&v.to_string())),
        },
    );
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
