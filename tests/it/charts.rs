//! Indicator charts on the built site: one per indicator with at least two
//! points (the baseline and an actual) on its page, a sparkline per indicator
//! on the dashboard's table (and on its card when there are two points), each
//! well-formed SVG with a text alternative and a data table; identical with no
//! fonts installed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use kohyo::pipeline::{self, BuildOptions};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn pages(root: &Path) -> BTreeMap<String, String> {
    pipeline::render_site(root, &BuildOptions::default())
        .unwrap()
        .files
        .into_iter()
        .filter(|f| !f.path.starts_with("search/"))
        .map(|f| (f.path, String::from_utf8(f.bytes).unwrap()))
        .collect()
}

/// Every `<svg …>…</svg>` element in `html`.
fn svgs(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..].find("</svg>").expect("closed svg") + start + "</svg>".len();
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

/// `html` without the line-break hints of src/phrases.rs (`<wbr>` and the
/// `nobr` spans), as a reader sees its text.
fn unhinted(html: &str) -> String {
    let mut out = html.replace("<wbr>", "");
    while let Some(start) = out.find("<span class=\"nobr\">") {
        out.replace_range(start..start + "<span class=\"nobr\">".len(), "");
        let end = out[start..].find("</span>").expect("closed nobr span") + start;
        out.replace_range(end..end + "</span>".len(), "");
    }
    out
}

fn check_svg(svg: &str, context: &str) {
    let doc = roxmltree::Document::parse(svg)
        .unwrap_or_else(|e| panic!("{context}: SVG does not parse: {e}"));
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"), "{context}");
    let children: Vec<&str> = root
        .children()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .collect();
    assert_eq!(
        children.first(),
        Some(&"title"),
        "{context}: <title> comes first"
    );
    let title = root.children().find(|n| n.has_tag_name("title")).unwrap();
    assert!(
        !title.text().unwrap_or("").trim().is_empty(),
        "{context}: empty title"
    );
}

#[test]
fn every_indicator_has_a_chart_with_a_description_and_a_table() {
    let site = pipeline::load_site(&repo()).unwrap();
    let pages = pages(&repo());
    let mut charts = 0;
    let mut figures = 0;
    for plan in &site.plans {
        let dashboard = &pages[&format!("plans/{}/indicators.html", plan.id)];
        let sparks = svgs(dashboard);
        let drawn = plan
            .all_indicators()
            .filter(|(_, i)| {
                // A card draws a sparkline from two points: the baseline and
                // the actuals with a value and a year.
                let dated = plan
                    .actuals(&i.id)
                    .iter()
                    .filter(|(_, a)| a.value.is_some() && !a.undated)
                    .count();
                usize::from(i.baseline.is_some()) + dated >= 2
            })
            .count();
        assert_eq!(
            sparks.len(),
            plan.indicator_count() + drawn,
            "one sparkline per indicator of {} in the table, and one per card with two points",
            plan.id
        );
        for s in sparks {
            check_svg(s, "dashboard");
        }
        for (owner, ind) in plan.all_indicators() {
            let path = match owner {
                kohyo::model::Owner::Item(n) => format!("plans/{}/items/{n}.html", plan.id),
                kohyo::model::Owner::Goal(n) => format!("plans/{}/goals/{n}.html", plan.id),
                kohyo::model::Owner::Plan => format!("plans/{}/index.html", plan.id),
            };
            let html = &pages[&path];
            let figure_start = html
                .find(&format!(
                    "<figure class=\"indicator\" id=\"chart-{}\"",
                    ind.id
                ))
                .unwrap_or_else(|| panic!("no chart for {} on {path}", ind.id));
            let figure = unhinted(
                &html[figure_start..figure_start + html[figure_start..].find("</figure>").unwrap()],
            );
            let figure = figure.as_str();
            // The chart of this plan's series; one across plans (for an
            // indicator that continues an earlier plan's) follows it apart.
            let (own, across) = figure
                .split_once("<div class=\"indicator-earlier\">")
                .unwrap_or((figure, ""));
            let svg = svgs(own);
            if ind.continues.is_some() {
                assert!(
                    across.contains(&format!("chart-{}-across-title", ind.id)),
                    "{}: a chart across plans",
                    ind.id
                );
            }
            // The baseline, if published, and the actuals with a value and a year.
            let points = plan
                .actuals(&ind.id)
                .iter()
                .filter(|(_, a)| a.value.is_some() && !a.undated)
                .count()
                + usize::from(ind.baseline.is_some());
            if points < 2 {
                // One point is a figure, not a chart over empty years.
                assert!(svg.is_empty(), "{}: no chart for a single point", ind.id);
                assert!(figure.contains("グラフは描いていません"), "{}", ind.id);
                assert!(
                    figure.contains("<table class=\"chart-data\">"),
                    "{}",
                    ind.id
                );
                figures += 1;
                continue;
            }
            assert_eq!(svg.len(), 1, "{}", ind.id);
            check_svg(svg[0], &ind.id);
            assert!(svg[0].contains("<desc"), "{}: chart has a <desc>", ind.id);
            assert!(
                figure.contains("<table class=\"chart-data\">"),
                "{}: chart has its table",
                ind.id
            );
            assert!(
                figure.contains(&format!(
                    "<caption>{}の数値（単位：{}）</caption>",
                    ind.name, ind.unit
                )),
                "{}",
                ind.id
            );
            charts += 1;
            figures += 1;
        }
    }
    assert_eq!(
        figures, 11,
        "6 indicators of the 2025 plan and 5 of the 2020 outline"
    );
    assert_eq!(
        charts, 1,
        "of the 2020 outline's 5 indicators, one has two dated points; the other \
         four have a final value whose year the outline does not give (shown as a \
         figure, not drawn on a year axis); the 2025 plan has no results yet"
    );
}

#[test]
fn chart_descriptions_are_honest_about_direction() {
    let pages = pages(&repo());
    let archive = &pages["plans/gunma-2020/index.html"];
    assert!(archive.contains("策定時（2019年度・令和元年度）の7%から2024年度（令和6年度）は100%へ93ポイント増加し、改善しています（高いほどよい指標）。"), "{}", &archive[..0]);
    let item25 = &pages["plans/gunma-2025/items/25.html"];
    assert!(
        item25.contains("実績はまだありません"),
        "no results yet for the current plan"
    );
    let cycles = pages_of("cycles");
    let item1 = &cycles["plans/demo/items/1.html"];
    assert!(
        item1.contains("減少し、改善しています（低いほどよい指標）"),
        "a fall in overtime hours is an improvement"
    );
}

fn pages_of(case: &str) -> BTreeMap<String, String> {
    pages(&repo().join("tests/fixtures").join(case))
}

#[test]
fn charts_are_identical_without_any_fonts() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("fonts.conf");
    std::fs::write(
        &empty,
        "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n",
    )
    .unwrap();
    let build = |out: &Path, no_fonts: bool| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kohyo"));
        cmd.args(["build", "--quiet", "--root"])
            .arg(repo())
            .arg("--out")
            .arg(out);
        if no_fonts {
            cmd.env("FONTCONFIG_FILE", &empty)
                .env("FONTCONFIG_PATH", tmp.path())
                .env("XDG_DATA_HOME", tmp.path());
        }
        assert!(cmd.status().unwrap().success());
    };
    let (a, b) = (tmp.path().join("with"), tmp.path().join("without"));
    build(&a, false);
    build(&b, true);
    // Item 25's indicators have no results yet, so no chart (see above).
    for page in [
        "plans/gunma-2020/index.html",
        "plans/gunma-2025/indicators.html",
    ] {
        let x = std::fs::read_to_string(a.join(page)).unwrap();
        let y = std::fs::read_to_string(b.join(page)).unwrap();
        assert!(!svgs(&x).is_empty());
        assert_eq!(svgs(&x), svgs(&y), "{page}");
    }
}
