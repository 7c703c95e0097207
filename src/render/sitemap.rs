//! `sitemap.xml`, for a site with a base URL (every address absolute).

use crate::html::escape::xml as escape_xml;
use crate::urls;

/// The sitemap of the pages at `paths` under `base` (the 404 page left out),
/// addresses sorted.
pub(super) fn sitemap<'a>(base: &str, paths: impl Iterator<Item = &'a str>) -> String {
    let mut paths: Vec<&str> = paths.filter(|p| *p != urls::paths::NOT_FOUND).collect();
    paths.sort_unstable();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for p in paths {
        let loc = urls::join_base(base, p);
        xml.push_str("  <url><loc>");
        xml.push_str(&escape_xml(&loc));
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}
