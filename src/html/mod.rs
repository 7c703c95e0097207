//! HTML text: Markdown to safe HTML, escaping for hand-written XML and HTML,
//! and Japanese phrase breaks (`<wbr>`) for headings and titles.

pub mod escape;
pub mod markdown;
pub mod phrases;
