//! Evaluation cycles: results files, the PDCA thread, cycle pages, changes,
//! the feed, and the exact messages for bad results files.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use kohyo::pipeline::{self, BuildOptions};

use crate::serve::harness::copy_dir;

fn fixture(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case)
}

fn pages(root: &Path) -> BTreeMap<String, String> {
    pipeline::render_site(root, &BuildOptions::default())
        .unwrap_or_else(|d| panic!("{d}"))
        .files
        .into_iter()
        // The search index (under search/) is rebuilt from the model.
        .filter(|f| !f.path.starts_with("search/"))
        .map(|f| (f.path, String::from_utf8(f.bytes).unwrap()))
        .collect()
}

/// The text of `html` with tags removed and whitespace collapsed, for assertions on what readers see.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn cycle_page_counts_grades_and_computes_rates() {
    let pages = pages(&fixture("cycles"));
    let page = text(&pages["plans/demo/cycles/2026.html"]);
    assert!(page.contains("A 大きな成果あり 1 50.0%"), "{page}");
    assert!(page.contains("C 実施 1 50.0%"));
    assert!(page.contains("D 未実施 0 0.0%"));
    assert!(
        page.contains(
            "計画実施率 50.0% 1 ÷ 2 計画実施率 ＝（評価がA・Bの項目数）÷ 評価した項目数 × 100"
        ),
        "{page}"
    );
    assert!(page.contains("数値目標等達成率 50.0% 1 ÷ 2"));
    let first = text(&pages["plans/demo/cycles/2025.html"]);
    assert!(first.contains("計画実施率 50.0% 1 ÷ 2"), "2025: B and C");
    assert!(first.contains("数値目標等達成率 0.0% 0 ÷ 2"));
    assert!(
        first.contains("所属ごとの差を公表してはどうか。 次年度から所属別の値を公表する。"),
        "opinion with its response"
    );
    assert!(first.contains("このサイトに収録された、この計画の最初の評価結果です。"));
}

#[test]
fn changes_since_the_previous_cycle_are_computed() {
    let pages = pages(&fixture("cycles"));
    let page = text(&pages["plans/demo/cycles/2026.html"]);
    assert!(
        page.contains("比較の対象： 2025年度（令和7年度）の評価結果"),
        "{page}"
    );
    assert!(
        page.contains("実施項目1 働きやすい職場環境づくり ：B（成果あり） → A（大きな成果あり）"),
        "{page}"
    );
    assert!(
        !page.contains("実施項目2 年次休暇の取得促進 ：C"),
        "item 2 kept its grade"
    );
    assert!(
        page.contains("時間外勤務時間数：11.8時間 → 11時間（改善）"),
        "lower is better: a fall is an improvement"
    );
    assert!(page.contains("廃止された指標 廃止予定の指標"));
    assert!(
        page.contains(
            "工程表の見直し 実施項目1 働きやすい職場環境づくり ：周知啓発に研修を加える。"
        )
    );
    assert!(
        page.contains("年次有給休暇取得日数 実施項目2 年次休暇の取得促進 未公表 集計中"),
        "an unavailable value says why"
    );
}

#[test]
fn item_page_shows_the_pdca_thread_newest_first() {
    let pages = pages(&fixture("cycles"));
    let page = text(&pages["plans/demo/items/1.html"]);
    let newer = page
        .find("2026年度（令和8年度） 評価： A 大きな成果あり")
        .expect("2026 entry");
    let older = page
        .find("2025年度（令和7年度） 評価： B 成果あり")
        .expect("2025 entry");
    assert!(newer < older, "newest first");
    for part in [
        "自己評価 周知は進んだ。",
        "要因分析 繁忙期の業務が集中した。",
        "課題 特定の所属に時間外勤務が偏っている。",
        "次年度に向けた対応 偏りのある所属に個別に働きかける。",
        "意見：所属ごとの差を公表してはどうか。 対応：次年度から所属別の値を公表する。",
        "工程表の見直し （2027年度（令和9年度）から）周知啓発に研修を加える。 理由：周知だけでは偏りが解消しないため。",
    ] {
        assert!(page.contains(part), "missing `{part}` in {page}");
    }
    let html = &pages["plans/demo/items/1.html"];
    let list = html
        .find("<ul class=\"roadmap-list\"")
        .expect("the 工程表 as a list");
    assert_eq!(
        html[..list].matches(">実績：実施").count(),
        2,
        "the roadmap table shows the actual status in 2025 and 2026"
    );
    assert_eq!(
        html[list..]
            .matches("2025年度（令和7年度）の実績：実施")
            .count()
            + html[list..]
                .matches("2026年度（令和8年度）の実績：実施")
                .count(),
        2,
        "so does its list for phones, with the years"
    );
    let item2 = &pages["plans/demo/items/2.html"];
    assert!(item2.contains("実績：一部実施"));
    assert!(
        text(item2).contains("指標の廃止 （2026年度（令和8年度）から）指標「廃止予定の指標」"),
        "revisions of an item's indicators show on its page"
    );
}

#[test]
fn home_shows_the_latest_cycle_and_news() {
    let pages = pages(&fixture("cycles"));
    let home = text(&pages["index.html"]);
    assert!(
        home.contains("最新の評価結果 例示計画 の2026年度（令和8年度）の評価結果（2項目）"),
        "{home}"
    );
    assert!(home.contains("お知らせ 2026-08-29 2025年度の評価結果を公表しました"));
    assert!(
        home.contains("更新日： 2027年（令和9年）8月30日"),
        "the home page dates from the newest results"
    );
    assert!(
        text(&pages["plans/demo/cycles/2025.html"]).contains("更新日： 2026年（令和8年）8月29日"),
        "a cycle page dates from its own publication"
    );
    assert!(
        text(&pages["plans/demo/policies/1.html"]).contains("更新日： 2025年（令和7年）3月"),
        "a policy page shows no results: the adoption date"
    );
    assert!(!pages["404.html"].contains("更新日"));
}

#[test]
fn feed_has_an_entry_per_cycle_and_news_page_with_stable_ids() {
    let feed = pages(&fixture("cycles"))["feed.xml"].clone();
    let ids: Vec<&str> = feed
        .split("<id>")
        .skip(1)
        .map(|s| &s[..s.find("</id>").unwrap()])
        .collect();
    assert_eq!(
        ids,
        [
            // Unique to this site (its title and organisation), never the
            // same id for every kohyo site.
            "urn:kohyo:site:a47588a4e0e4c58b",
            "urn:kohyo:site:a47588a4e0e4c58b:demo:cycle:2026",
            "urn:kohyo:site:a47588a4e0e4c58b:demo:cycle:2025",
            "urn:kohyo:site:a47588a4e0e4c58b:page:news"
        ]
    );
    assert!(feed.contains("<updated>2027-08-30T00:00:00+09:00</updated>"));
    assert!(feed.contains("<link rel=\"alternate\" href=\"plans/demo/cycles/2025.html\"/>"));
    let again = pages(&fixture("cycles"))["feed.xml"].clone();
    assert_eq!(feed, again);
}

fn check(case: &str) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kohyo"))
        .args(["check", "--root"])
        .arg(fixture(case))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn bad_results_files_give_exact_messages() {
    let cases = [
        (
            "results-unknown-item",
            "content/plans/demo/results/2026.yaml:11:11: error: unknown item 12\n  11 |   - item: 12\n     |           ^\n  hint: the plan's items are numbered 1–2\n",
        ),
        (
            "results-unknown-indicator",
            "content/plans/demo/results/2026.yaml:14:16: error: unknown indicator `overtime-hour`\n  14 |   - indicator: overtime-hour\n     |                ^\n  hint: use an indicator id defined in an item file (or in plan.yaml for plan and goal indicators)\n",
        ),
        (
            "results-unknown-grade",
            "content/plans/demo/results/2026.yaml:6:12: error: grade `S` is not on the plan's scale\n  6 |     grade: S\n    |            ^\n  hint: the plan's grades (in plan.yaml) are: A, B, C, D\n",
        ),
        (
            "results-year-out-of-period",
            "content/plans/demo/results/2026.yaml:2:7: error: results year 2030 is outside the plan period 2025–2029\n  2 | year: 2030\n    |       ^\n  hint: use a fiscal year from 2025 to 2029\n",
        ),
        (
            "results-retired-indicator",
            "content/plans/demo/results/2026.yaml:18:16: error: indicator `old-metric` was retired from 2026 and has no actuals for 2026\n  18 |   - indicator: old-metric\n     |                ^\n  hint: remove this entry, or correct the `indicator-retired` revision's `from` year\n",
        ),
        (
            "results-duplicate-entry",
            "content/plans/demo/results/2026.yaml:11:11: error: item 1 is evaluated twice in this file\n  11 |   - item: 1\n     |           ^\n  hint: it is already evaluated on line 5; keep one entry per item\n",
        ),
    ];
    for (case, expected) in cases {
        let (code, stderr) = check(case);
        assert_eq!(code, 1, "{case}");
        assert!(stderr.starts_with(expected), "{case}: got\n{stderr}");
    }
}

#[test]
fn adding_a_results_file_changes_exactly_the_pages_it_should() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &root.join("content"),
    );
    let before = pages(root);
    let results = root.join("content/plans/gunma-2025/results");
    fs::create_dir_all(&results).unwrap();
    fs::write(
        results.join("2025.yaml"),
        "# Illustrative results for this test only: not the prefecture's data.\n\
         year: 2025\npublished: 2026-08-31\nitems:\n  - item: 9\n    grade: B\n  - item: 25\n    grade: C\n\
         indicators:\n  - indicator: netsugen-members\n    value: 220\n",
    )
    .unwrap();
    let after = pages(root);
    let mut changed: Vec<&str> = after
        .iter()
        .filter(|(path, html)| before.get(*path) != Some(html))
        .map(|(p, _)| p.as_str())
        .collect();
    changed.sort_unstable();
    assert_eq!(
        changed,
        [
            // The accessibility statement: its 試験日 is the data date and it counts the pages.
            "accessibility.html",
            // The catalogue's 発行日 and 更新日 are the results' dates.
            "data/catalog.jsonld",
            "data/evaluations.csv",
            "data/evaluations.json",
            "data/index.html",
            "data/indicators.csv",
            "data/indicators.json",
            // The year's computed rates.
            "data/rates.csv",
            "data/rates.json",
            "feed.xml",
            "index.html",
            "plans/gunma-2025/cycles/2025.html",
            "plans/gunma-2025/index.html",
            "plans/gunma-2025/indicators.html",
            "plans/gunma-2025/items/25.html",
            "plans/gunma-2025/items/9.html",
        ]
    );
    assert!(
        before.keys().all(|k| after.contains_key(k)),
        "no page disappears"
    );
}
