//! Tests of Markdown to safe HTML: both paths (the writer for text without `<` and the sanitiser) give the same HTML.

use super::*;

/// `markdown` rendered by the writer used without `<` (`None` if it gave
/// up) and through the sanitiser, with headings moved by `shift`.
fn both_paths(markdown: &str, shift: i32) -> (Option<String>, String) {
    let events = transform_events(Parser::new_ext(markdown, parser_options()), shift);
    (push_clean_html(&events, 0), sanitized_html(events, 0))
}

/// Asserts that both paths agree on `markdown`; returns whether the writer
/// handled it (it must whenever `render` would use it).
fn assert_paths_agree(markdown: &str) -> bool {
    let mut handled = false;
    for shift in [0, 2, -1] {
        let (fast, slow) = both_paths(markdown, shift);
        if !needs_sanitizer(markdown) {
            assert!(fast.is_some(), "writer gave up on {markdown:?}");
        }
        // With a carriage return or NUL the sanitiser's parser rewrites the
        // text; `render` never uses the writer for those.
        if let Some(fast) = fast
            && !markdown.contains(['\r', '\0'])
        {
            assert_eq!(fast, slow, "shift {shift}, markdown {markdown:?}");
            handled = true;
        }
    }
    handled
}

/// Every string in a YAML document.
fn yaml_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(values) => values.iter().for_each(|v| yaml_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| yaml_strings(v, out)),
        _ => {}
    }
}

#[test]
fn writer_matches_sanitiser_on_the_sample_content() {
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut texts = Vec::new();
    for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        match entry.path().extension().and_then(|e| e.to_str()) {
            Some("yaml") => {
                let value: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
                yaml_strings(&value, &mut texts);
            }
            Some("md") => {
                let (_, body) = crate::load::parse_page(&text, "page.md").unwrap();
                texts.push(body);
                texts.push(text);
            }
            _ => {}
        }
    }
    assert!(texts.len() > 400, "{}", texts.len());
    let handled = texts.iter().filter(|t| assert_paths_agree(t)).count();
    // Nearly all of the sample content has no `<`.
    assert!(
        handled * 10 > texts.len() * 9,
        "{handled} of {}",
        texts.len()
    );
}

#[test]
fn writer_matches_sanitiser_on_edge_cases() {
    let mut cases: Vec<String> = [
        "",
        " ",
        "\n\n",
        "plain",
        "a\u{a0}b &nbsp;c",
        "&amp; &copy; &#x27; &#0; &quot; \"double\" 'single' a & b > c",
        "\\*not emphasis\\* \\[not a link\\] a\tb",
        "\u{0B}\u{0C}\u{1F}\u{7F}\u{FEFF}\u{FFFE}\u{FFFF}\u{10FFFF}\u{200B}",
        "# 一\n## 二\n### 三\n#### 四\n##### 五\n###### 六\n####### 七",
        "見出し\n===\n\n見出し\n---",
        "#\n\n# \n\n# 見出し {#id .class}",
        "- ***\n- ---\n- a\n\n  b\n- c\n  - d\n    1. e",
        "1. a\n2. b\n\n3. x\n\n0. zero\n\n999999999. big",
        "- [ ] task\n- [x] done",
        "> 引用\n> - list\n>\n> ```\n> code\n> ```\n>\n> > nested",
        "```rust\nfn x() {}\n```\n\n```\n\n\nx\n```\n\n~~~ a b\nc\n~~~",
        "    indented\n    code & <that>\n\ntext",
        "***\n---\n___\n\ntext\n***",
        "| 項目 | 状況 | 中 |\n|:---|---:|:-:|\n| 一 | 完了 | |\n| `a\\|b` | **強** | [l](u) |",
        "| only | head |\n|---|---|",
        "a | b\n--|--\n1 | 2",
        "- | a |\n  |---|\n  | b |",
        "行の  \n続き\\\n次",
        "行の\n続き\n\nline one\nline two\n\n**強調**\n続き\n\n`コード`\n続き",
        "*****x***** ***a** b* **a *b*** _a_ __b__",
        "~x~ ~~y~~ 1~3月 x^2^ H~2~O $x$ $$y$$",
        "a[^1]\n\n[^1]: b",
        "![地図](map.png) ![alt *em* `c` [l](u)](img.png \"t\")",
        "[![img](i.png) text](https://example.jp)",
        "[![[inner](u1)](img)](u2)",
        "**[a](b)** *[c](d 'e')* [`code`](x)",
        "[x][r] [y][] [r]\n\n[r]: https://example.jp \"T&\\\"\"\n[y]: javascript:alert(1)",
        "https://example.jp www.example.jp mail@example.jp",
        "`` a ` b `` ` `` `",
        "Term\n: definition",
        "---\ntitle: x\n---\nbody",
    ]
    .map(String::from)
    .to_vec();
    for dest in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java\\tscript:x",
        "%6Aavascript:alert(1)",
        "vbscript:msgbox",
        "data:text/html,x",
        "file:///etc/passwd",
        "//evil.example/",
        "///x",
        "https://example.jp/a?b=1&c=2",
        "HTTPS://EXAMPLE.JP/",
        "https:/example.jp",
        "https:///x",
        "http://",
        "http:example",
        "https://例え.jp/パス?q=値#見出し",
        "https://example.jp/%ZZ",
        "https://[::1]/",
        "https://[bad/",
        "https://exa%20mple.jp/",
        "https://user:pw@example.jp:8080/",
        "https://example.jp:99999/",
        "../pages/about.html#top",
        "./rel",
        "/absolute/path",
        "#fragment",
        "?q=1",
        "",
        "a\\b",
        "c:/x",
        "C:\\path",
        "mailto:a@example.jp",
        "mailto:",
        "MAILTO:a@b",
        "tel:0123",
        "ftp://example.jp",
        "\u{200B}https://example.jp",
        "https://x\u{a0}y",
        "x&amp;y&#39;z",
    ] {
        for title in ["", " \"t\"", " 'ti\"tle &amp; > x'", " (\u{a0})"] {
            cases.push(format!("[x]({dest}{title}) and [y](<{dest}>{title})"));
            cases.push(format!("[x]({dest}{title})"));
        }
    }
    for byte in 0x20u8..0x7F {
        let c = char::from(byte);
        cases.push(format!("[x](https://example.jp/a{c}b) [y](a{c}b) {c}"));
    }
    for c in ['é', 'ё', '値', '😀', '\u{a0}', '\u{85}', '\u{2028}'] {
        cases.push(format!("[x](https://example.jp/a{c}b) [y](a{c}b) {c}"));
    }
    let handled = cases.iter().filter(|c| assert_paths_agree(c)).count();
    assert!(handled > 400, "{handled} of {}", cases.len());
}

#[test]
fn dangerous_links_render_the_same_with_and_without_sanitiser() {
    // `<` in the text sends it through the sanitiser, `&lt;` does not.
    for (markdown, want) in [
        (
            "[x](javascript:alert(1))",
            "<a rel=\"noopener noreferrer\">x</a>",
        ),
        (
            "[x](javascript:alert(1) \"t\")",
            "<a title=\"t\" rel=\"noopener noreferrer\">x</a>",
        ),
        (
            "[x](//evil.example/ \"t\")",
            "<a rel=\"noopener noreferrer\" title=\"t\">x</a>",
        ),
        (
            "[x](vbscript:msgbox)",
            "<a rel=\"noopener noreferrer\">x</a>",
        ),
        (
            "[x](https://example.jp/a?b=1&c=2 \"t\")",
            "<a href=\"https://example.jp/a?b=1&amp;c=2\" title=\"t\" rel=\"noopener noreferrer\">x</a>",
        ),
        (
            "[概要](../pages/about.html#top)",
            "<a href=\"../pages/about.html#top\" rel=\"noopener noreferrer\">概要</a>",
        ),
    ] {
        let fast = render(&format!("{markdown} a &lt; b"));
        let slow = render(&format!("{markdown} a < b"));
        assert_eq!(fast, format!("<p>{want} a &lt; b</p>\n"), "{markdown}");
        assert_eq!(fast, slow, "{markdown}");
    }
}

#[test]
fn only_texts_with_a_less_than_sign_need_the_sanitiser() {
    assert!(!needs_sanitizer(
        "# 見出し\n\n[x](https://example.jp) a &lt; b"
    ));
    assert!(needs_sanitizer("a < b"));
    assert!(needs_sanitizer("<https://example.jp>"));
    assert!(needs_sanitizer("a\r\nb"));
    assert!(needs_sanitizer("a\0b"));
    // The sanitiser's HTML parser drops NUL, which pulldown-cmark keeps.
    assert_eq!(render("a\0b"), "<p>ab</p>\n");
}

#[test]
fn script_is_removed_with_its_content() {
    let out = render("before\n\n<script>alert(1)</script>\n\nafter <script>alert(2)</script>");
    assert!(!out.contains("script"), "{out}");
    assert!(!out.contains("alert"), "{out}");
    assert!(out.contains("before") && out.contains("after"), "{out}");
}

#[test]
fn img_onerror_is_removed() {
    let out = render("<img src=x onerror=alert(1)>");
    assert!(!out.contains("onerror"), "{out}");
    assert!(!out.contains("alert"), "{out}");
}

#[test]
fn markdown_image_becomes_alt_text() {
    let out = render("![地図](map.png)");
    assert_eq!(out.trim(), "<p>地図</p>");
}

#[test]
fn dangerous_link_schemes_lose_href() {
    for input in [
        "[x](javascript:alert(1))",
        "[x](JavaScript:alert(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[x](vbscript:msgbox)",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"  javascript:alert(1)\">x</a>",
        "<a href=\"file:///etc/passwd\">x</a>",
        "<a href=\"//evil.example/\">x</a>",
    ] {
        let out = render(input);
        assert!(!out.contains("href"), "{input:?} -> {out}");
        assert!(out.contains('x'), "{input:?} -> {out}");
    }
}

#[test]
fn iframe_and_friends_are_removed() {
    for input in [
        "text <iframe src=\"https://evil.example/\">inner</iframe> end",
        "<svg><script>alert(1)</script></svg>",
        "<math><mi>x</mi></math>",
        "<style>p{color:red}</style>",
        "<p style=\"color:red\" onclick=\"alert(1)\">x</p>",
    ] {
        let out = render(input);
        for bad in [
            "iframe", "svg", "math", "style", "onclick", "alert", "inner",
        ] {
            assert!(!out.contains(bad), "{input:?} -> {out}");
        }
    }
}

#[test]
fn id_and_class_are_stripped() {
    let out = render("<p id=\"x\" class=\"y\">本文</p>\n\n```rust\nfn x() {}\n```");
    assert!(!out.contains("id="), "{out}");
    assert!(!out.contains("class="), "{out}");
    assert!(out.contains("<pre><code>fn x() {}"), "{out}");
}

#[test]
fn normal_links_keep_href_and_get_rel() {
    let out = render(
        "[サイト](https://example.go.jp/a?b=1&c=2) [概要](../pages/about.html#top) <mail@example.jp>",
    );
    assert!(
        out.contains(
            "<a href=\"https://example.go.jp/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">サイト</a>"
        ),
        "{out}"
    );
    assert!(
        out.contains("<a href=\"../pages/about.html#top\" rel=\"noopener noreferrer\">概要</a>"),
        "{out}"
    );
    assert!(out.contains("href=\"mailto:mail@example.jp\""), "{out}");
}

#[test]
fn headings_are_shifted_and_clamped() {
    assert_eq!(render("# 見出し").trim(), "<h3>見出し</h3>");
    assert_eq!(render("見出し\n---").trim(), "<h4>見出し</h4>");
    assert_eq!(render("#### 四").trim(), "<h6>四</h6>");
    assert_eq!(render("###### 六").trim(), "<h6>六</h6>");
    assert_eq!(render_with_heading_offset("# 一", 0).trim(), "<h2>一</h2>");
    assert_eq!(render_with_heading_offset("## 二", 0).trim(), "<h2>二</h2>");
    assert_eq!(
        render_with_heading_offset("# 一", 255).trim(),
        "<h6>一</h6>"
    );
}

#[test]
fn page_headings_start_at_h2() {
    let out = render_under_title("## 一\n\n### 二\n\n## 三");
    assert_eq!(out.trim(), "<h2>一</h2>\n<h3>二</h3>\n<h2>三</h2>");
    let out = render_under_title("# 一\n\n## 二");
    assert_eq!(out.trim(), "<h2>一</h2>\n<h3>二</h3>");
    let out = render_under_title("### 一\n\n本文");
    assert_eq!(out.trim(), "<h2>一</h2>\n<p>本文</p>");
    assert_eq!(render_under_title("本文").trim(), "<p>本文</p>");
}

#[test]
fn japanese_soft_break_joins_without_space() {
    assert_eq!(render("行の\n続き").trim(), "<p>行の続き</p>");
    assert_eq!(render("終わり。\n「次」").trim(), "<p>終わり。「次」</p>");
    assert_eq!(
        render("**強調**\n続き").trim(),
        "<p><strong>強調</strong>続き</p>"
    );
    assert_eq!(
        render("`コード`\n続き").trim(),
        "<p><code>コード</code>続き</p>"
    );
}

#[test]
fn other_soft_breaks_keep_a_separator() {
    assert_eq!(
        render("line one\nline two").trim(),
        "<p>line one\nline two</p>"
    );
    assert_eq!(render("日本語\nEnglish").trim(), "<p>日本語\nEnglish</p>");
    assert_eq!(render("DX\n推進").trim(), "<p>DX\n推進</p>");
    assert_eq!(render("한국어\n문장").trim(), "<p>한국어\n문장</p>");
}

#[test]
fn hard_break_is_kept() {
    assert_eq!(render("行の  \n続き").trim(), "<p>行の<br>\n続き</p>");
}

#[test]
fn emphasis_next_to_japanese_brackets_is_literal_upstream_limitation() {
    // Pins pulldown-cmark 0.13 behaviour: the closing `**` after `」` followed
    // by `で` is not right-flanking. If this starts failing, upstream changed
    // and the limitation note on `render` can go.
    assert_eq!(render("**「重要」**です").trim(), "<p>**「重要」**です</p>");
    // Documented workarounds.
    assert_eq!(
        render("**「重要」** です").trim(),
        "<p><strong>「重要」</strong> です</p>"
    );
    assert_eq!(
        render("<strong>「重要」</strong>です").trim(),
        "<p><strong>「重要」</strong>です</p>"
    );
    // Without brackets it works.
    assert_eq!(
        render("**重要**です").trim(),
        "<p><strong>重要</strong>です</p>"
    );
}

#[test]
fn table_renders() {
    let out = render("| 項目 | 状況 |\n|:---|---:|\n| 一 | 完了 |\n");
    assert!(out.contains("<table>"), "{out}");
    assert!(
        out.contains("<thead><tr><th>項目</th><th>状況</th></tr></thead>"),
        "{out}"
    );
    assert!(
        out.contains("<tbody>\n<tr><td>一</td><td>完了</td></tr>"),
        "{out}"
    );
    assert!(!out.contains("style"), "{out}");
}

#[test]
fn lists_and_quotes_render() {
    let out = render("3. 三\n4. 四\n\n> 引用\n\n---\n\n- a");
    assert!(out.contains("<ol start=\"3\">"), "{out}");
    assert!(out.contains("<blockquote>"), "{out}");
    assert!(out.contains("<hr>"), "{out}");
    assert!(out.contains("<ul>\n<li>a</li>"), "{out}");
}

#[test]
fn strikethrough_and_footnotes_are_off() {
    assert_eq!(render("1~3月と5~6月").trim(), "<p>1~3月と5~6月</p>");
    assert_eq!(render("~~x~~").trim(), "<p>~~x~~</p>");
    assert!(!render("a[^1]\n\n[^1]: b").contains("<sup"));
}

#[test]
fn plain_text_strips_markup_and_collapses() {
    let md = "# 概要\n\n本計画は**行政**の\n効率化を[目指す](https://example.jp)。\n\n- line one\n- line two\n\n<div>raw</div>\n\n`a < b`";
    assert_eq!(
        plain_text(md),
        "概要 本計画は行政の効率化を目指す。 line one line two a < b"
    );
    assert_eq!(plain_text("   "), "");
    assert_eq!(plain_text("<script>x</script>"), "");
    assert_eq!(plain_text("A &amp; B"), "A & B");
}
