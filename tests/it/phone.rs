//! What the phone-first pages put in the HTML for a citizen: indicator
//! cards with their answers, the 工程表 as a list, phrase breaks in headings,
//! the site's notice on every page, what an item page without content says,
//! and the division pages by 部局 with each division's part in an item.
//! (How it looks at 320 and 375 px is the browser gate's job.)

use std::collections::BTreeMap;
use std::path::PathBuf;

use kohyo::pipeline::{self, BuildOptions};

fn pages(root: &std::path::Path) -> BTreeMap<String, String> {
    pipeline::render_site(root, &BuildOptions::default())
        .unwrap()
        .files
        .into_iter()
        .filter(|f| f.path.ends_with(".html"))
        .map(|f| (f.path, String::from_utf8(f.bytes).unwrap()))
        .collect()
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The part of `html` from the element starting with `start` to the first `end` after it.
fn part<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("no {start}"));
    let to = html[from..].find(end).expect("end") + from;
    &html[from..to]
}

#[test]
fn cards_answer_first_on_dashboard_plan_and_item_pages() {
    let pages = pages(&repo());
    let dashboard = &pages["plans/gunma-2025/indicators.html"];
    let card = part(
        dashboard,
        "<li class=\"kpi-card\" id=\"card-overtime-hours\"",
        "</li>",
    );
    assert!(card.contains("data-answer=\"latest\""), "{card}");
    assert!(card.contains("実績なし"), "no result published yet: {card}");
    assert!(
        card.contains("<span class=\"status-no-data\">実績はまだ公表されていません</span>"),
        "{card}"
    );
    assert!(
        card.replace("<wbr>", "")
            .replace("<span class=\"nobr\">", "")
            .replace("</span>", "")
            .contains("12.5時間（2023年度（令和5年度））"),
        "baseline: {card}"
    );
    assert!(card.contains("実施項目25"), "its owner: {card}");
    assert!(!card.contains("<svg"), "one point, no sparkline: {card}");
    assert!(card.contains("href=\"../../plans/gunma-2025/items/25.html#chart-overtime-hours\""));
    assert!(card.contains("data/indicators.csv"));
    // The archived plan's results: the latest value large, a shape beside the word.
    let archive = &pages["plans/gunma-2020/index.html"];
    let card = part(
        archive,
        "<li class=\"kpi-card\" id=\"card-netsugen-members-2020\"",
        "</li>",
    );
    assert!(
        card.contains("<span class=\"kpi-value\">230</span><span class=\"kpi-unit\">者</span>"),
        "{card}"
    );
    // The outline gives the final value without its year: none is invented,
    // and a value without a year is not drawn on a year axis.
    assert!(card.contains("最新の実績（年度の記載なし）"), "{card}");
    assert!(card.contains("aria-hidden=\"true\">○</span>"), "{card}");
    assert!(
        !card.contains("<svg"),
        "one dated point, no sparkline: {card}"
    );
    // The item page keeps its full table beside the cards.
    let item = &pages["plans/gunma-2025/items/25.html"];
    assert!(
        item.find("class=\"kpi-cards\"").unwrap()
            < item.find("<table class=\"indicators reflow\">").unwrap()
    );
}

#[test]
fn roadmap_reads_as_a_list_of_its_rows() {
    let pages = pages(&repo());
    let list = part(
        &pages["plans/gunma-2025/items/25.html"],
        "<ul class=\"roadmap-list\"",
        "</ul>",
    );
    assert!(
        list.contains("<span class=\"roadmap-label\">総労働時間の縮減に係る周知啓発</span>"),
        "{list}"
    );
    assert!(
        list.contains("計画：2025年度（令和7年度）〜2029年度（令和11年度）"),
        "{list}"
    );
}

#[test]
fn headings_break_between_phrases() {
    let pages = pages(&repo());
    let goal = &pages["plans/gunma-2025/goals/3.html"];
    let h1 = part(goal, "<h1>", "</h1>");
    assert!(h1.contains("<wbr>"), "{h1}");
    assert!(h1.contains("組織風土改革"), "a word is never split: {h1}");
    let plain = h1.replace("<wbr>", "");
    assert!(plain.contains("県民の期待に応え、未来を切り拓く職員の育成と組織風土改革"));
}

#[test]
fn the_notice_is_on_every_page_and_the_publisher_only_when_official() {
    let pages = pages(&repo());
    for (path, html) in &pages {
        assert!(
            html.contains("<div class=\"site-notice wrap\" role=\"note\""),
            "{path}"
        );
        assert!(
            html.contains("<strong>これはサンプルです</strong>"),
            "{path}"
        );
        assert!(
            !html.contains("発行：群馬県"),
            "{path}: the sample is not the prefecture's"
        );
    }
    assert!(pages["index.html"].contains("群馬県の計画を掲載"));
}

#[test]
fn the_sites_own_summaries_are_labelled_with_their_source() {
    let pages = pages(&repo());
    let label = "<p class=\"summary-label\"><span class=\"summary-tag\">要約</span>資料の文章ではなく、このサイトが資料をもとにまとめた説明です（<a href=\"../../../plans/gunma-2025/index.html#source-heading\">出典</a>）。</p>";
    // Item 25: once for its four projects' 現状・課題 and 取組内容 each.
    let item = &pages["plans/gunma-2025/items/25.html"];
    assert_eq!(item.matches(label).count(), 4, "{item}");
    assert!(part(item, "<section class=\"project\"", "<h3>現状・課題</h3>").contains(label));
    // The plan's, a goal's and a policy's summaries.
    for path in [
        "plans/gunma-2025/index.html",
        "plans/gunma-2025/goals/2.html",
        "plans/gunma-2025/policies/11.html",
        "plans/gunma-2020/index.html",
    ] {
        assert_eq!(
            pages[path]
                .matches("<span class=\"summary-tag\">要約</span>")
                .count(),
            1,
            "{path}"
        );
    }
    // A plan that does not say its prose is summarised gets no label.
    let cycles = self::pages(&repo().join("tests/fixtures/cycles"));
    assert!(cycles.values().all(|html| !html.contains("summary-label")));
}

#[test]
fn an_item_without_content_says_what_is_missing_and_why() {
    let pages = pages(&repo());
    let item = &pages["plans/gunma-2025/items/1.html"];
    let note = part(item, "<div class=\"notice missing\"", "</div>");
    assert!(
        note.contains("このサイトが用いた資料に含まれていないため"),
        "{note}"
    );
    assert!(
        note.contains("href=\"../../../plans/gunma-2025/index.html#source-heading\""),
        "{note}"
    );
    // An item with projects has no such note.
    assert!(!pages["plans/gunma-2025/items/25.html"].contains("notice missing"));
}

#[test]
fn divisions_are_grouped_by_bureau_with_their_part_in_each_item() {
    let pages = pages(&repo());
    let index = &pages["divisions/index.html"];
    let bureaus: Vec<&str> = index
        .split("<h2 id=\"bureau-")
        .skip(1)
        .map(|s| &s[s.find('>').unwrap() + 1..s.find("</h2>").unwrap()])
        .collect();
    assert!(bureaus.contains(&"総務部"), "{bureaus:?}");
    assert_eq!(bureaus.last(), Some(&"部局の<wbr>記載なし"), "{bureaus:?}");
    let somu = part(index, "<h2 id=\"bureau-1\">", "</section>");
    assert!(somu.contains("総務部の所属"), "{somu}");
    let dx = &pages["divisions/dx.html"];
    assert!(dx.contains("<th scope=\"col\">この所属の役割</th>"));
    assert!(dx.contains("<td>取組所属</td>"));
    // Only division pages show the part.
    assert!(!pages["plans/gunma-2025/goals/1.html"].contains("この所属の役割"));
}
