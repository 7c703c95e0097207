//! Property tests of [`super`]: on any text, what [`super::render`] gives
//! (through the writer used for Markdown without `<`, or the sanitiser) is
//! exactly what the sanitiser makes of pulldown-cmark's HTML, and the writer
//! is used for every text without `<`, carriage return or NUL.
//! `PROPTEST_CASES=N cargo test --lib markdown::fuzz` runs longer.

use proptest::prelude::*;

use super::*;

/// Pieces of Markdown syntax, HTML and Japanese text that random text seldom
/// hits by itself; a case is a random sequence of them.
const TOKENS: &[&str] = &[
    "*",
    "**",
    "_",
    "__",
    "`",
    "```\n",
    "~~~\n",
    "#",
    "## ",
    "###### ",
    "\n",
    "\n\n",
    "- ",
    "* ",
    "1. ",
    "3) ",
    "> ",
    "[",
    "]",
    "(",
    ")",
    "](https://example.org/a?b=1&c=2)",
    "](javascript:alert(1))",
    "](mailto:a@example.org)",
    "](../x.html \"題\")",
    "[a]: /b\n",
    "!",
    "|",
    "| a | b |\n",
    "| --- | :-: |\n",
    "\\",
    "&",
    "&amp;",
    "&#x3c;",
    "&nbsp;",
    "\"",
    "'",
    "\u{a0}",
    "    ",
    "\t",
    "行の",
    "続き",
    "「重要」",
    "：",
    "、",
    "~",
    "---",
    "===",
    "  \n",
    "http://example.org",
    "www.example.org",
    "１２３",
    " ",
    "a",
    "1",
    "{#id}",
    "-->",
    "<",
    "<b>",
    "</p>",
    "<https://a.example>",
    "\r",
    "\0",
];

/// Case count: 256, or `PROPTEST_CASES` when set.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

fn markdown() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(TOKENS), 0..48).prop_map(|t| t.concat()),
        any::<String>(),
        "[ -~\n]{0,120}",
    ]
}

proptest! {
    // Failing cases are printed; nothing is written into the repository.
    #![proptest_config(ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn rendering_equals_the_sanitiser(markdown in markdown()) {
        for shift in [0, 2, -1] {
            let events = transform_events(Parser::new_ext(&markdown, parser_options()), shift);
            if !needs_sanitizer(&markdown) {
                prop_assert!(
                    push_clean_html(&events, 0).is_some(),
                    "the writer gave up on {:?}", markdown
                );
            }
            let sanitised = sanitized_html(events, 0);
            prop_assert_eq!(render_shifted(&markdown, shift), sanitised, "shift {}", shift);
        }
    }
}
