//! The theme: Tera templates and static files, embedded in the binary and
//! overridable file by file from the site's own `themes/default/` folder.

use std::path::Path;

use tera::Tera;

use crate::diagnostics::{Diagnostics, Place};
use crate::fs::within::{Kind, SiteRoot};

/// Embeds each named file of `themes/default/templates/` as (name, source).
macro_rules! templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// Embedded templates: (name, source). Partials come before the pages that include them.
const TEMPLATES: &[(&str, &str)] = templates!(
    "base.html",
    "items.html",
    "revisions.html",
    "partials/indicator-card.html",
    "partials/summary-label.html",
    "indicators.html",
    "archived.html",
    "index.html",
    "plan.html",
    "goal.html",
    "policy.html",
    "node.html",
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
        include_bytes!("../../themes/default/static/style.css"),
    ),
    (
        "static/search.js",
        include_bytes!("../../themes/default/static/search.js"),
    ),
    (
        "static/kohyo.js",
        include_bytes!("../../themes/default/static/kohyo.js"),
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

/// Loads the embedded theme, replacing each file the site's theme folder
/// also has. A theme file that exists but cannot be read (or is not a file,
/// or is a link leading out of the site) is an error, never a silent return
/// to the built-in file; a file of the theme folder that kohyo does not use
/// is a warning.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Option<Theme> {
    let site = SiteRoot::new(root);
    let dir = root.join(THEME_DIR);
    let templates_dir = dir.join("templates");
    let mut errors = Diagnostics::new();
    for folder in [root.join("themes"), dir.clone()] {
        match site.inspect(&folder) {
            Ok(Kind::Dir | Kind::Missing) => {}
            Ok(_) => errors.error_hint(
                Place::file(&site.show(&folder)),
                "not-a-folder",
                "this should be a folder of theme files, but it is not a folder",
                "make it a folder, or remove it to use the built-in theme",
            ),
            Err(d) => errors.add(d),
        }
    }
    let mut sources: Vec<(String, String)> = Vec::new();
    for (name, embedded) in TEMPLATES {
        let text = match own_file(&site, &templates_dir.join(name), &mut errors) {
            Own::Missing => (*embedded).to_string(),
            Own::Failed => continue,
            Own::Found(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    let file = site.show(&templates_dir.join(name));
                    errors.add(
                        crate::load::pasted::decode(e.into_bytes(), &file)
                            .expect_err("not UTF-8, so not decoded"),
                    );
                    continue;
                }
            },
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
            Some(s) => tera::Value::safe_string(&crate::html::phrases::wbr(s)),
            None => tera::Value::safe_string(&crate::html::phrases::wbr(&v.to_string())),
        },
    );
    for (name, text) in &sources {
        if let Err(e) = tera.add_raw_template(name, text) {
            let (place, message) = template_error(name, &e);
            errors.error_hint(
                place,
                "template",
                format!("template error: {message}"),
                "fix the template syntax, or delete the file to use the built-in template",
            );
        }
    }
    let mut statics = Vec::new();
    for (path, embedded) in STATIC {
        match own_file(&site, &dir.join(path), &mut errors) {
            Own::Missing => statics.push((path.to_string(), embedded.to_vec())),
            Own::Found(bytes) => statics.push((path.to_string(), bytes)),
            Own::Failed => {}
        }
    }
    unused_files(
        &site,
        &templates_dir,
        TEMPLATES.iter().map(|(n, _)| *n),
        diags,
    );
    let statics_dir = dir.join("static");
    let static_names = STATIC.iter().filter_map(|(p, _)| p.strip_prefix("static/"));
    unused_files(&site, &statics_dir, static_names, diags);
    let failed = errors.has_errors();
    diags.extend(errors);
    if failed {
        return None;
    }
    Some(Theme { tera, statics })
}

/// A site's own version of a theme file.
enum Own {
    /// There is none: the built-in file is used.
    Missing,
    /// Its bytes.
    Found(Vec<u8>),
    /// It exists but could not be read; the error is recorded.
    Failed,
}

fn own_file(site: &SiteRoot, path: &Path, diags: &mut Diagnostics) -> Own {
    let file = site.show(path);
    match site.inspect(path) {
        Ok(Kind::Missing) => Own::Missing,
        Ok(Kind::File) => match std::fs::read(path) {
            Ok(bytes) => Own::Found(bytes),
            Err(e) => {
                diags.error_hint(
                    Place::file(&file),
                    "read",
                    format!("cannot read theme file: {e}"),
                    "check that you may read the file (its permissions), or delete it to use the built-in one",
                );
                Own::Failed
            }
        },
        Ok(kind) => {
            let what = match kind {
                Kind::Other(what) => what,
                _ => "a folder",
            };
            diags.error_hint(
                Place::file(&file),
                "not-a-file",
                format!("this is {what}, but a theme file is expected here"),
                "replace it with an ordinary file, or remove it to use the built-in one",
            );
            Own::Failed
        }
        Err(d) => {
            diags.add(d);
            Own::Failed
        }
    }
}

/// Warns about each entry of the theme folder `dir` that kohyo does not use
/// (it reads only the files named in `used`); a folder that leads out of
/// the site, or is not a folder, is an error.
fn unused_files<'a>(
    site: &SiteRoot,
    dir: &Path,
    used: impl Iterator<Item = &'a str>,
    diags: &mut Diagnostics,
) {
    match site.inspect(dir) {
        Ok(Kind::Dir) => {}
        Ok(Kind::Missing) => return,
        Ok(_) => {
            diags.error_hint(
                Place::file(&site.show(dir)),
                "not-a-folder",
                "this should be a folder of theme files, but it is not a folder",
                "make it a folder, or remove it to use the built-in theme",
            );
            return;
        }
        Err(d) => {
            diags.add(d);
            return;
        }
    }
    let used: Vec<&str> = used.collect();
    let mut problems = Vec::new();
    for e in site.list(dir, &mut problems).unwrap_or_default() {
        if e.name.starts_with('.') || e.name.ends_with('~') || used.contains(&e.name.as_str()) {
            continue;
        }
        // A folder of templates such as `partials/`: look inside it.
        let inner = format!("{}/", e.name);
        let nested: Vec<&str> = used.iter().filter_map(|u| u.strip_prefix(&inner)).collect();
        if !nested.is_empty() {
            unused_files(site, &e.path, nested.into_iter(), diags);
            continue;
        }
        diags.warning_hint(
            Place::file(&site.show(&e.path)),
            "not-read",
            "this theme file is not used: kohyo reads only the files of the built-in theme under their own names",
            format!("the files read here are: {}", used.join(", ")),
        );
    }
    problems.into_iter().for_each(|d| diags.add(d));
}

/// Where a Tera error is (the template's file, with its line and column
/// when Tera knows them) and its message without Tera's own source excerpt.
pub fn template_error(template: &str, e: &tera::Error) -> (Place, String) {
    let file = |name: &str| format!("{THEME_DIR}/templates/{name}");
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(tera_err) = err.downcast_ref::<tera::Error>()
            && let tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) =
                tera_err.kind()
        {
            let name = if r.filename().is_empty() {
                template
            } else {
                r.filename()
            };
            let place = Place {
                file: file(name),
                line: r.span().start_line as u64,
                column: r.span().start_col as u64 + 1,
            };
            return (place, r.message().to_string());
        }
        cur = err.source();
    }
    (Place::file(&file(template)), error_chain(e))
}

/// An error and each of its sources, joined by `: `.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}
