//! Markdown to safe HTML: CommonMark (plus tables) rendered by pulldown-cmark, then sanitised by ammonia
//! (or, for text without `<`, written directly in the form the sanitiser gives).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd, html};

/// Heading offset used by [`render`].
///
/// Every page already has its own `<h1>` (the page title) and `<h2>` section
/// headings, so an author's top-level `#` heading must become `<h3>` to keep
/// the document outline valid and accessible.
pub const DEFAULT_HEADING_OFFSET: u8 = 2;

/// Renders author Markdown to sanitised HTML, with `#` headings shifted to `<h3>`.
///
/// This is [`render_with_heading_offset`] with [`DEFAULT_HEADING_OFFSET`].
///
/// Known limitation (CommonMark flanking rules): a closing `**` that follows
/// punctuation such as `」` and is directly followed by a letter, as in
/// `**「重要」**です`, does not close the emphasis, so the asterisks are shown
/// literally. Authors can insert a space or write `<strong>「重要」</strong>です`
/// instead (raw `<strong>` survives sanitising). No pre-pass rewrites this,
/// because doing so safely would require re-implementing the inline parser.
pub fn render(markdown: &str) -> String {
    render_with_heading_offset(markdown, DEFAULT_HEADING_OFFSET)
}

/// Renders the Markdown body of a page whose only heading above it is the `<h1>`.
///
/// The shallowest heading level the author used becomes `<h2>` and deeper
/// ones keep their distance from it, so `##`/`###` and `#`/`##` both give
/// `<h2>`/`<h3>` and the outline never skips a level after the title.
pub fn render_under_title(markdown: &str) -> String {
    let top = Parser::new_ext(markdown, parser_options())
        .filter_map(|event| match event {
            Event::Start(Tag::Heading { level, .. }) => Some(level as u8),
            _ => None,
        })
        .min()
        .unwrap_or(2);
    render_shifted(markdown, 2 - i32::from(top))
}

/// Renders author Markdown to sanitised HTML, adding `offset` to every heading level.
///
/// Resulting levels are clamped to h2–h6: `<h1>` belongs to the page title and
/// is not in the sanitiser's tag set, so with offset 0 a `#` heading becomes `<h2>`.
///
/// Besides the heading shift, the event stream is adjusted so that:
/// - a soft line break between two CJK characters produces no space
///   (`行の\n続き` becomes `行の続き`); elsewhere it stays a newline;
/// - images are replaced by their alt text (`<img>` is not an allowed tag).
///
/// Enabled extensions: tables only. Strikethrough stays off because a single
/// ASCII `~` (as in `1~3月`) would strike text through; footnotes stay off
/// because their `id` anchors are stripped by the sanitiser.
///
/// The output is always what [`sanitize`] makes of pulldown-cmark's HTML (a
/// text without `<` is written in that form directly), so raw HTML in the input
/// is allowed but reduced to the conservative tag set documented there.
pub fn render_with_heading_offset(markdown: &str, offset: u8) -> String {
    render_shifted(markdown, i32::from(offset))
}

/// Renders with every heading level moved by `shift` (clamped to h2–h6).
///
/// Raw HTML and autolinks can only come from a `<`, so a text without one is
/// written by [`push_clean_html`], which gives the sanitiser's output without
/// running it (ammonia costs about twenty times the Markdown parsing). Texts
/// with `<`, and the rare ones with a carriage return or NUL (which the HTML
/// parser behind the sanitiser rewrites), still go through [`sanitize`].
fn render_shifted(markdown: &str, shift: i32) -> String {
    let events = transform_events(Parser::new_ext(markdown, parser_options()), shift);
    let capacity = markdown.len() * 3 / 2;
    if !needs_sanitizer(markdown)
        && let Some(clean) = push_clean_html(&events, capacity)
    {
        return clean;
    }
    sanitized_html(events, capacity)
}

/// True when `markdown` may produce raw HTML or text the HTML parser would rewrite.
fn needs_sanitizer(markdown: &str) -> bool {
    markdown.contains(['<', '\r', '\0'])
}

/// pulldown-cmark's HTML for `events`, passed through [`sanitize`].
fn sanitized_html(events: Vec<Event<'_>>, capacity: usize) -> String {
    let mut unsafe_html = String::with_capacity(capacity);
    html::push_html(&mut unsafe_html, events.into_iter());
    sanitize(&unsafe_html)
}

/// Returns the text content of `markdown` (no tags, not HTML-escaped) collapsed to one line.
///
/// Intended for `<meta name="description">` and similar; the caller's template
/// engine must escape it. Raw HTML blocks are dropped, inline tags are removed
/// but their text is kept, and line breaks follow the same CJK rule as [`render`].
pub fn plain_text(markdown: &str) -> String {
    let events = transform_events(Parser::new_ext(markdown, parser_options()), 0);
    let mut raw = String::with_capacity(markdown.len());
    for event in events {
        match event {
            Event::Text(text) | Event::Code(text) => raw.push_str(&text),
            Event::SoftBreak | Event::HardBreak | Event::Rule => raw.push(' '),
            Event::End(end) if is_block_end(&end) => raw.push(' '),
            _ => {}
        }
    }
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Sanitises an HTML fragment with the site's conservative policy.
///
/// Allowed tags: `p br strong em a ul ol li code pre blockquote h2–h6 table
/// thead tbody tr th td hr del sup sub`. Allowed attributes: `href`/`title`
/// on `a`, `start` on `ol`, `colspan`/`rowspan` on `th`/`td`; everything else
/// (including `id`, `class`, `style` and event handlers) is removed. Links must
/// pass [`crate::urls::is_safe_link`] (http, https, mailto or relative) and get
/// `rel="noopener noreferrer"`. The contents of `script`, `style`, `iframe`,
/// `svg`, `math` and similar elements are dropped entirely.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

/// The `rel` the sanitiser gives every link.
const LINK_REL: &str = "noopener noreferrer";

const ALLOWED_TAGS: &str = "p br strong em a ul ol li code pre blockquote h2 h3 h4 h5 h6 \
    table thead tbody tr th td hr del sup sub";
const DROPPED_WITH_CONTENT: &str = "script style iframe object embed svg math template noscript \
    noembed noframes textarea select title xmp";

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let tags: HashSet<&str> = ALLOWED_TAGS.split_whitespace().collect();
    let dropped_with_content: HashSet<&str> = DROPPED_WITH_CONTENT.split_whitespace().collect();
    let cell = || HashSet::from(["colspan", "rowspan"]);
    let tag_attributes: HashMap<&str, HashSet<&str>> = HashMap::from([
        ("a", HashSet::from(["href", "title"])),
        ("ol", HashSet::from(["start"])),
        ("th", cell()),
        ("td", cell()),
    ]);
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(tags)
        .clean_content_tags(dropped_with_content)
        .tag_attributes(tag_attributes)
        .generic_attributes(HashSet::new())
        .generic_attribute_prefixes(HashSet::new())
        .allowed_classes(HashMap::new())
        .url_schemes(HashSet::from(URL_SCHEMES))
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some(LINK_REL))
        .strip_comments(true)
        .attribute_filter(|_element, attribute, value| {
            if attribute == "href" && !crate::urls::is_safe_link(value) {
                None
            } else {
                Some(value.into())
            }
        });
    builder
});

/// Writes `events` as `sanitize` would rewrite pulldown-cmark's HTML for them.
///
/// Handles the events Markdown without raw HTML produces (blocks, tables,
/// emphasis, code, links, breaks) and returns `None` for any other (raw HTML,
/// heading attributes, extensions that are off), so that the caller falls back
/// to the sanitiser. It mirrors `pulldown_cmark::html::push_html` (same line
/// breaks between blocks) and the sanitiser's changes to that output:
///
/// - void elements are written `<br>`/`<hr>`, not `<br />`/`<hr />`;
/// - attributes outside the allowed set go: the `language-` class of code
///   blocks and the `text-align` style of table cells;
/// - text is escaped as html5ever serialises it (`&`, `<`, `>` and U+00A0 as
///   `&nbsp;`; in attributes also `"`);
/// - links are checked and given `rel` as in [`push_clean_link_start`].
fn push_clean_html(events: &[Event<'_>], capacity: usize) -> Option<String> {
    let mut writer = CleanWriter {
        out: String::with_capacity(capacity),
        end_newline: true,
        in_table_head: false,
    };
    for event in events {
        writer.event(event)?;
    }
    Some(writer.out)
}

/// The state of [`push_clean_html`], named after `push_html`'s.
struct CleanWriter {
    out: String,
    /// Whether the last write ended with a newline.
    end_newline: bool,
    /// Whether table cells are `<th>` (head) or `<td>` (body).
    in_table_head: bool,
}

const HEADING_START: [&str; 6] = ["<h1>", "<h2>", "<h3>", "<h4>", "<h5>", "<h6>"];
const HEADING_END: [&str; 6] = [
    "</h1>\n", "</h2>\n", "</h3>\n", "</h4>\n", "</h5>\n", "</h6>\n",
];

impl CleanWriter {
    fn write(&mut self, s: &str) {
        self.out.push_str(s);
        if !s.is_empty() {
            self.end_newline = s.ends_with('\n');
        }
    }

    /// Writes the start of a block, on a new line.
    fn block(&mut self, s: &str) {
        if !self.end_newline {
            self.out.push('\n');
        }
        self.write(s);
    }

    fn event(&mut self, event: &Event<'_>) -> Option<()> {
        match event {
            Event::Start(tag) => self.start(tag)?,
            Event::End(tag) => self.end(*tag)?,
            Event::Text(text) => {
                push_escaped(&mut self.out, text, false);
                self.end_newline = text.ends_with('\n');
            }
            Event::Code(text) => {
                self.write("<code>");
                push_escaped(&mut self.out, text, false);
                self.write("</code>");
            }
            Event::SoftBreak => self.write("\n"),
            Event::HardBreak => self.write("<br>\n"),
            Event::Rule => self.block("<hr>\n"),
            _ => return None,
        }
        Some(())
    }

    fn start(&mut self, tag: &Tag<'_>) -> Option<()> {
        match tag {
            Tag::Paragraph => self.block("<p>"),
            Tag::Heading {
                level,
                id: None,
                classes,
                attrs,
            } if classes.is_empty() && attrs.is_empty() => {
                self.block(HEADING_START[*level as usize - 1]);
            }
            Tag::Table(_) => self.write("<table>"),
            Tag::TableHead => {
                self.in_table_head = true;
                self.write("<thead><tr>");
            }
            Tag::TableRow => self.write("<tr>"),
            Tag::TableCell => self.write(if self.in_table_head { "<th>" } else { "<td>" }),
            Tag::BlockQuote(None) => self.block("<blockquote>\n"),
            Tag::CodeBlock(_) => self.block("<pre><code>"),
            Tag::List(Some(1)) => self.block("<ol>\n"),
            Tag::List(Some(start)) => {
                self.block("<ol start=\"");
                self.write(&start.to_string());
                self.write("\">\n");
            }
            Tag::List(None) => self.block("<ul>\n"),
            Tag::Item => self.block("<li>"),
            Tag::Emphasis => self.write("<em>"),
            Tag::Strong => self.write("<strong>"),
            Tag::Strikethrough => self.write("<del>"),
            Tag::Superscript => self.write("<sup>"),
            Tag::Subscript => self.write("<sub>"),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                push_clean_link_start(&mut self.out, *link_type, dest_url, title);
                self.end_newline = false;
            }
            _ => return None,
        }
        Some(())
    }

    fn end(&mut self, tag: TagEnd) -> Option<()> {
        match tag {
            TagEnd::Paragraph => self.write("</p>\n"),
            TagEnd::Heading(level) => self.write(HEADING_END[level as usize - 1]),
            TagEnd::Table => self.write("</tbody></table>\n"),
            TagEnd::TableHead => {
                self.write("</tr></thead><tbody>\n");
                self.in_table_head = false;
            }
            TagEnd::TableRow => self.write("</tr>\n"),
            TagEnd::TableCell => self.write(if self.in_table_head { "</th>" } else { "</td>" }),
            TagEnd::BlockQuote(_) => self.write("</blockquote>\n"),
            TagEnd::CodeBlock => self.write("</code></pre>\n"),
            TagEnd::List(true) => self.write("</ol>\n"),
            TagEnd::List(false) => self.write("</ul>\n"),
            TagEnd::Item => self.write("</li>\n"),
            TagEnd::Emphasis => self.write("</em>"),
            TagEnd::Strong => self.write("</strong>"),
            TagEnd::Strikethrough => self.write("</del>"),
            TagEnd::Superscript => self.write("</sup>"),
            TagEnd::Subscript => self.write("</sub>"),
            TagEnd::Link => self.write("</a>"),
            _ => return None,
        }
        Some(())
    }
}

/// URL schemes a link may have (the sanitiser's `url_schemes`).
const URL_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Writes the start tag the sanitiser makes of pulldown-cmark's `<a href title>`.
///
/// The sanitiser sees the destination as pulldown-cmark wrote it (percent-encoded,
/// see [`push_href`]) and, like ammonia 4:
///
/// 1. keeps `href` if it parses as a URL with a scheme in [`URL_SCHEMES`] or as
///    a relative URL (`url_relative` is pass-through), and drops it otherwise;
/// 2. appends `rel="noopener noreferrer"`;
/// 3. runs the attribute filter, which drops an `href` that fails
///    [`crate::urls::is_safe_link`] by swapping the last attribute into its
///    place, so that `rel` then comes before `title`.
fn push_clean_link_start(out: &mut String, link_type: LinkType, dest_url: &str, title: &str) {
    let mut href = String::with_capacity(dest_url.len() + 7);
    if link_type == LinkType::Email {
        href.push_str("mailto:");
    }
    push_href(&mut href, dest_url);
    let scheme_allowed = match ammonia::Url::parse(&href) {
        Ok(url) => URL_SCHEMES.contains(&url.scheme()),
        Err(error) => error == ammonia::url::ParseError::RelativeUrlWithoutBase,
    };
    let push_attr = |out: &mut String, name: &str, value: &str| {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        push_escaped(out, value, true);
        out.push('"');
    };
    out.push_str("<a");
    if scheme_allowed && crate::urls::is_safe_link(&href) {
        push_attr(out, "href", &href);
        if !title.is_empty() {
            push_attr(out, "title", title);
        }
        push_attr(out, "rel", LINK_REL);
    } else if scheme_allowed {
        push_attr(out, "rel", LINK_REL);
        if !title.is_empty() {
            push_attr(out, "title", title);
        }
    } else {
        if !title.is_empty() {
            push_attr(out, "title", title);
        }
        push_attr(out, "rel", LINK_REL);
    }
    out.push('>');
}

/// Appends `url` percent-encoded as pulldown-cmark's `escape_href` does, before
/// its HTML escaping of `&` and `'` (which the sanitiser's parser undoes).
fn push_href(out: &mut String, url: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut start = 0;
    for (i, byte) in url.bytes().enumerate() {
        let safe = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b'!' | b'#'..=b'/' | b':' | b';' | b'=' | b'?' | b'@' | b'^' | b'_' | b'~'
            );
        if !safe {
            // Bytes of a multi-byte character are all escaped, so a slice
            // between two escapes never splits one.
            if start < i {
                out.push_str(&url[start..i]);
            }
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
            start = i + 1;
        }
    }
    out.push_str(&url[start..]);
}

/// Appends `text` escaped as html5ever serialises text (`attribute` false) or
/// an attribute value (`attribute` true).
fn push_escaped(out: &mut String, text: &str, attribute: bool) {
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let (replacement, len) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' if attribute => ("&quot;", 1),
            // U+00A0 in UTF-8; 0xC2 only ever starts a character.
            0xC2 if bytes.get(i + 1) == Some(&0xA0) => ("&nbsp;", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[start..i]);
        out.push_str(replacement);
        i += len;
        start = i;
    }
    out.push_str(&text[start..]);
}

fn parser_options() -> Options {
    Options::ENABLE_TABLES
}

/// Applies the heading offset, CJK soft-break joining and image-to-alt-text rewriting.
fn transform_events<'a>(parser: Parser<'a>, offset: i32) -> Vec<Event<'a>> {
    let events: Vec<Event<'a>> = parser.collect();
    let mut out = Vec::with_capacity(events.len());
    for (index, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => out.push(Event::Start(Tag::Heading {
                level: shift_heading(*level, offset),
                id: id.clone(),
                classes: classes.clone(),
                attrs: attrs.clone(),
            })),
            Event::End(TagEnd::Heading(level)) => {
                out.push(Event::End(TagEnd::Heading(shift_heading(*level, offset))));
            }
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            Event::SoftBreak if joins_without_space(&events, index) => {}
            other => out.push(other.clone()),
        }
    }
    out
}

fn shift_heading(level: HeadingLevel, offset: i32) -> HeadingLevel {
    let shifted = (level as i32).saturating_add(offset).clamp(2, 6);
    HeadingLevel::try_from(shifted as usize).unwrap_or(HeadingLevel::H6)
}

/// True when the soft break at `index` sits between two CJK characters.
fn joins_without_space(events: &[Event<'_>], index: usize) -> bool {
    let before = events[..index]
        .iter()
        .rev()
        .find_map(|e| text_edge(e, true))
        .flatten();
    let after = events[index + 1..]
        .iter()
        .find_map(|e| text_edge(e, false))
        .flatten();
    matches!((before, after), (Some(b), Some(a)) if is_cjk(b) && is_cjk(a))
}

/// For the neighbour search: `Some(Some(c))` = text edge found, `Some(None)` = stop
/// searching, `None` = transparent inline markup, keep looking.
fn text_edge(event: &Event<'_>, last: bool) -> Option<Option<char>> {
    match event {
        Event::Text(t) | Event::Code(t) => Some(if last {
            t.chars().next_back()
        } else {
            t.chars().next()
        }),
        Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
        | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link) => {
            None
        }
        _ => Some(None),
    }
}

/// Chinese/Japanese characters and punctuation, across which a line break means no space.
///
/// Hangul is deliberately excluded: Korean separates words with spaces.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'   // CJK radicals, Kangxi radicals
        | '\u{3000}'..='\u{303F}' // CJK symbols and punctuation (、。「」々〜)
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{3190}'..='\u{31FF}' // Kanbun, CJK strokes, Katakana phonetic extensions
        | '\u{3200}'..='\u{33FF}' // Enclosed CJK, CJK compatibility (㈱ ㍻)
        | '\u{3400}'..='\u{4DBF}' // CJK Unified Ideographs Extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK Unified Ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK Compatibility Ideographs
        | '\u{FE30}'..='\u{FE4F}' // CJK compatibility forms
        | '\u{FF00}'..='\u{FFEF}' // Halfwidth and fullwidth forms (（）！ｱ)
        | '\u{20000}'..='\u{3FFFF}' // Supplementary ideographic planes
    )
}

/// Everything except inline formatting ends a block (paragraph, item, cell, …).
fn is_block_end(end: &TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
    )
}

#[cfg(test)]
mod fuzz;

#[cfg(test)]
mod tests;
