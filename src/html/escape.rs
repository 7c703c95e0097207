//! Escaping text for XML and HTML written by hand (the feed, the sitemap,
//! SVG charts, the preview server's error page); templates escape through
//! Tera, and Markdown has its own writer that matches the sanitiser's.

/// `text` escaped for XML and HTML content and attribute values; characters
/// XML forbids (control characters other than tab and line breaks, U+FFFE,
/// U+FFFF) are dropped.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_xml(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped as [`xml`] does.
pub fn push_xml(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_forbids() {
        assert_eq!(
            xml("<a href=\"x\">'&'</a>\u{0}\u{1b}\t\n群馬\u{FFFF}"),
            "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;\t\n群馬"
        );
    }
}
