//! Other governments' plans, as published, and what a reader sees of them:
//! level names, indicator sentences and statuses, per-year and final
//! progress, published figures and unknown values. Fixtures are in
//! `tests/fixtures/<gov>-<year>/`, each with a README naming its sources;
//! `example-2026` is illustrative (例) and says so.

use std::path::{Path, PathBuf};
use std::process::Command;

use kohyo::pipeline::{self, BuildOptions};

use crate::serve::harness::copy_dir;

pub(crate) fn fixture(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case)
}

/// Every page of a fixture rendered in memory, as the text of its `<main>`
/// with tags, the charts' markup and runs of white space taken out.
pub(crate) struct Site(pub(crate) pipeline::Rendered);

impl Site {
    pub(crate) fn of(case: &str) -> Site {
        let rendered = pipeline::render_site(&fixture(case), &BuildOptions::default())
            .unwrap_or_else(|d| panic!("fixture {case} does not build: {d:?}"));
        Site(rendered)
    }

    pub(crate) fn raw(&self, path: &str) -> String {
        let f = self
            .0
            .files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("no {path} in the output"));
        String::from_utf8(f.bytes.clone()).unwrap()
    }

    /// What a reader reads on the page: the text of `<main>`.
    pub(crate) fn text(&self, path: &str) -> String {
        let html = self.raw(path);
        let main = html
            .split_once("<main")
            .and_then(|(_, m)| m.split_once("</main>"))
            .map_or(html.as_str(), |(m, _)| m)
            .to_string();
        let mut out = String::new();
        let mut rest = main.as_str();
        // Drop inline SVG (its text is repeated in the page's sentences).
        while let Some((before, after)) = rest.split_once("<svg") {
            out.push_str(before);
            rest = after.split_once("</svg>").map_or("", |(_, a)| a);
        }
        out.push_str(rest);
        // Phrase breaks (<wbr>) and the spans that keep a number with its
        // characters (<span class="nobr">第7次</span>) are not word breaks.
        let mut out = out.replace("<wbr>", "");
        while let Some((before, after)) = out.split_once("<span class=\"nobr\">") {
            let (inner, rest) = after.split_once("</span>").unwrap_or((after, ""));
            out = format!("{before}{inner}{rest}");
        }
        let mut text = String::new();
        let mut in_tag = false;
        for c in out.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    text.push(' ');
                }
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = text
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#x27;", "'");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The `<title>` of the page.
    pub(crate) fn title(&self, path: &str) -> String {
        let html = self.raw(path);
        html.split_once("<title>")
            .and_then(|(_, t)| t.split_once("</title>"))
            .map(|(t, _)| t.to_string())
            .unwrap_or_default()
    }
}

pub(crate) fn has(text: &str, want: &str) {
    assert!(text.contains(want), "missing 「{want}」 in:\n{text}");
}

pub(crate) fn lacks(text: &str, unwanted: &str) {
    assert!(
        !text.contains(unwanted),
        "unexpected 「{unwanted}」 in:\n{text}"
    );
}

#[test]
fn okinawa_one_level_cumulative_effect_without_baseline() {
    let site = Site::of("okinawa-2014");
    let plan = site.text("plans/okinawa-2014/index.html");
    // One level: items only, no invented goals or policies, adoption unknown.
    has(&plan, "策定 不明");
    has(&plan, "構成 実施項目は6件");
    lacks(&plan, "方針");
    has(&plan, "資料に位置付けの記載がないものは6件");
    // The cumulative fiscal effect: no baseline, a published running total
    // (2015 not reported) against the four-year total, and 2016 against 2016.
    has(
        &plan,
        "2016年度の実績は3,145,000千円です。策定時の値は公表されていないため、策定時からの変化は示していません。",
    );
    has(
        &plan,
        "2017年度までの累計目標（5,787,000千円）に対する進捗は141%です（2016年度までの実績の累計は8,147,000千円）。",
    );
    has(
        &plan,
        "2016年度の目標（1,599,000千円）に対する進捗は197%です。",
    );
    has(
        &plan,
        "策定時と比べた状況： 策定時の値なし 目標に対する進捗：141%",
    );
    // The expenditure side fell short of its cumulative target.
    has(
        &plan,
        "2017年度までの累計目標（2,888,000千円）に対する進捗は78%です（2016年度までの実績の累計は2,245,000千円）。",
    );
    let item = site.text("plans/okinawa-2014/items/1.html");
    has(&item, "実施項目1 市町村への権限移譲の推進");
    has(
        &item,
        "この実施項目の体系への位置付けは、資料に記載がなく不明です",
    );
    has(&item, "2014年度の目標（500事務）に対する進捗は47%です。");
    has(&item, "2016年度 評価： やや遅れ");
    has(&item, "2014年度 評価： 大幅に遅れ");
    assert_eq!(
        site.title("plans/okinawa-2014/items/1.html"),
        "実施項目1 市町村への権限移譲の推進｜第7次沖縄県行財政改革プラン｜沖縄県行財政改革プランの進捗（テスト用）"
    );
    // Published figures, shown as published, apart from computed rates.
    let cycle = site.text("plans/okinawa-2014/cycles/2016.html");
    has(&cycle, "公表された集計値");
    has(&cycle, "「順調」と評価した実施項目 89.7% 29項目中26項目");
    has(&cycle, "「やや遅れ」と評価した実施項目 10.3% 29項目中3項目");
    has(&cycle, "財政効果額のうち歳入 計画全体 累計5,902,000千円");
    has(&cycle, "実施項目の一覧");
    let y2014 = site.text("plans/okinawa-2014/cycles/2014.html");
    has(
        &y2014,
        "「計画は順調」と評価した実施項目 29項目中23項目 報道では「約8割」",
    );
    // The dashboard counts indicators without a baseline apart.
    let dash = site.text("plans/okinawa-2014/indicators.html");
    has(&dash, "この計画の指標7件について");
    has(&dash, "策定時の値がなく比べられない 7");
    has(
        &dash,
        "財政効果額 計画全体 公表なし 3,145,000千円（2016年度） 5,787,000千円（2017年度）",
    );
}

#[test]
fn okinawa_open_data_carries_series_kinds_and_totals() {
    let site = Site::of("okinawa-2014");
    let csv = site.raw("data/indicators.csv");
    assert!(csv.contains(",fiscal-effect,"), "{csv}");
    for row in [
        ",2017,target-cumulative,4年間の財政効果額（累計）,5787000,",
        ",2016,target,各年度の財政効果額,1599000,",
        ",2016,actual-total,,8147000,",
    ] {
        assert!(csv.contains(row), "missing {row} in\n{csv}");
    }
    // No baseline row is invented for indicators without one.
    assert!(!csv.contains("fiscal-effect,財政効果額,千円,higher,2013,baseline"));
    assert!(
        !csv.lines()
            .any(|l| l.contains("fiscal-effect") && l.contains(",baseline,"))
    );
}

#[test]
fn shimotsuke_levels_named_by_the_plan() {
    let site = Site::of("shimotsuke-2015");
    let plan = site.text("plans/shimotsuke-2015/index.html");
    has(
        &plan,
        "基本方針は3つ、重点項目は3（実施項目はこのサイトに未収録）",
    );
    has(&plan, "基本方針1 さらなる協働の推進");
    has(&plan, "重点項目3 将来にわたり持続可能な財政運営の推進");
    has(&plan, "策定 不明");
    has(&plan, "計画以上");
    for word in ["目標1", " 方針", "目標で"] {
        lacks(&plan, word);
    }
    let goal = site.text("plans/shimotsuke-2015/goals/2.html");
    has(&goal, "基本方針2 質的側面の向上");
    has(&goal, "重点項目2 効率的・効果的な行政経営の推進");
    let policy = site.text("plans/shimotsuke-2015/policies/1.html");
    has(&policy, "重点項目1 市民との協働によるまちづくりの推進");
    assert_eq!(
        site.title("plans/shimotsuke-2015/policies/1.html"),
        "重点項目1 市民との協働によるまちづくりの推進｜第三次下野市行政改革大綱・実施計画｜下野市行政改革大綱の進捗（テスト用）"
    );
    // Breadcrumbs name the plan's own level.
    let html = site.raw("plans/shimotsuke-2015/policies/1.html");
    assert!(html.contains("基本方針1 さらなる協働の推進</a>"), "{html}");
}

#[test]
fn ohtawara_results_as_published_totals_without_item_grades() {
    let site = Site::of("ohtawara-2006");
    let cycle = site.text("plans/ohtawara-2006/cycles/2010.html");
    has(
        &cycle,
        "完了（A）・順調（B）の取り組み事項 76.8% 56項目中43項目",
    );
    has(&cycle, "5年間の財政効果額 19億円");
    has(&cycle, "このサイトが評価から計算した率ではありません");
    has(&cycle, "評価した項目 0項目");
    lacks(&cycle, "評価の分布");
    let plan = site.text("plans/ohtawara-2006/index.html");
    has(&plan, "取り組み事項は0件");
    has(&plan, "2006年3月");
}

#[test]
fn example_cap_floor_range_rank_judgement_and_unavailable() {
    let site = Site::of("example-2026");
    let one = site.text("plans/example-2026/items/1.html");
    // Cap: the sentence and the status line give the same percentage.
    has(
        &one,
        "上限（2030年度、1,200人以下）に対し、2026年度は1,260人で上限を60人上回っています（達成率95%）。",
    );
    has(&one, "策定時と比べた状況： 改善 目標に対する進捗：95%");
    lacks(&one, "105%");
    // Floor and range.
    has(
        &one,
        "下限（2026年度、5,000百万円以上）に対し、2026年度は4,800百万円で下限を200百万円下回っています（達成率96%）。",
    );
    has(
        &one,
        "目標範囲（2030年度、85.0%～90.0%）に対し、2026年度は88.4%で範囲内です。",
    );
    has(&one, "2030年度 目標 85.0%～90.0%");
    let two = site.text("plans/example-2026/items/2.html");
    // Rank, phrased as a rank.
    has(
        &two,
        "策定時（2025年度）の20位から2026年度は17位へ3つ上がり、改善しています。",
    );
    has(
        &two,
        "2030年度の目標（10位以内）に対し、2026年度は17位で、まだ届いていません。",
    );
    lacks(&two, "3位減少");
    // A judgement instead of a number, and an unavailable value with its reason.
    has(
        &two,
        "2026年度の実績は「概ね達成」と判定されています（数値は公表されていません）。",
    );
    has(&two, "策定時と比べた状況： 判定のみ");
    has(&two, "2026年度 実績 未公表（調査は隔年のため実施なし）");
    // An indicator continued from the earlier plan, with its change of definition.
    has(
        &two,
        "この指標は、前の計画「例市行財政改革プラン（前計画）」（2021年度〜2025年度）の指標「市民協働サポーターの登録者数」を引き継いでいます。",
    );
    has(&two, "2026年度から、オンライン登録者も数に含めます。");
    has(
        &two,
        "前の計画から通した数値（単位：人） 年度 計画 区分 値 2020年度 前の計画 策定時 1,200人 2025年度 前の計画 実績 1,850人",
    );
    // Two levels, roman numbering, items directly under the first level.
    let goal = site.text("plans/example-2026/goals/1.html");
    has(&goal, "Ⅰ 持続可能な財政");
    has(&goal, "この改革の方向性には重点取組が1件あります。");
    let home = site.text("index.html");
    has(&home, "改革の方向性は2つ、重点取組は2件、指標は7件");
    has(&home, "数値でなく判定で示されたもの1件");
}

/// Runs `kohyo check` on a copy of `case` with `file` replaced by `text`.
pub(crate) fn check_with(case: &str, file: &str, text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(case), dir.path());
    let path = dir.path().join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_kohyo"))
        .args(["check", "--root"])
        .arg(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn new_shapes_are_validated_with_place_and_hint() {
    let results = "content/plans/example-2026/results/2026.yaml";
    let err = check_with(
        "example-2026",
        results,
        "year: 2026\ncommittee:\n  - date: 2025-06-01\nindicators:\n  - indicator: convenience-rank\n    value: 17.5\n  - indicator: online-forms\n    judgement: ほぼ達成\n",
    );
    has(
        &err,
        "2026.yaml:3:11: error: meeting date 2025-06-01 is outside the evaluation of fiscal 2026 (2026-04-01 to 2028-03-31)",
    );
    has(
        &err,
        "2026.yaml:6:12: error: actual rank 17.5 is not a rank",
    );
    has(&err, "hint: a rank (順位) is a whole number from 1");
    has(
        &err,
        "2026.yaml:8:16: error: judgement `ほぼ達成` is not on the plan's list",
    );
    has(
        &err,
        "hint: the plan's judgements are: 達成, 概ね達成, 未達成",
    );
    let item = "content/plans/example-2026/items/02.yaml";
    let text = std::fs::read_to_string(fixture("example-2026").join(item)).unwrap();
    let err = check_with(
        "example-2026",
        item,
        &text.replace("plan: example-2021", "plan: example-2019"),
    );
    has(
        &err,
        "error: indicator `members` continues one of plan `example-2019`, which is not on this site",
    );
    has(&err, "hint: name another plan's folder: example-2021");
    let plan = "content/plans/okinawa-2014/plan.yaml";
    let original = std::fs::read_to_string(fixture("okinawa-2014").join(plan)).unwrap();
    let falling = original.replace(
        "{year: 2017, value: 5787000}",
        "{year: 2017, value: 900000}",
    );
    let err = check_with("okinawa-2014", plan, &falling);
    has(
        &err,
        "error: the cumulative target falls from 985000 in 2014 to 900000 in 2017",
    );
    has(&err, "hint: a running total never goes down");
    let items = "content/plans/okinawa-2014/items/01.yaml";
    let item = std::fs::read_to_string(fixture("okinawa-2014").join(items)).unwrap();
    let err = check_with(
        "okinawa-2014",
        items,
        &item.replace("value: 500}", "value: \"500\"}"),
    );
    has(
        &err,
        "01.yaml:13:29: error: the number \"500\" of `value` is in quotes",
    );
    has(&err, "hint: write `value: 500` without quotes");
}

#[test]
fn a_final_value_without_its_year_is_shown_without_one() {
    // Gunma's 2020 outline published its final results without their year.
    let rendered = pipeline::render_site(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &BuildOptions::default(),
    )
    .unwrap_or_else(|d| panic!("the sample does not build: {d:?}"));
    let page = Site(rendered).text("plans/gunma-2020/index.html");
    has(
        &page,
        "策定時（2020年度・令和2年度）の18者から年度の記載のない最新の実績は230者へ212者増加し、改善しています",
    );
    has(&page, "年度の記載なし 実績 230者");
    lacks(&page, "2024年度（令和6年度）は230者");
    // A value published with its year keeps it.
    has(&page, "2024年度（令和6年度）は100%へ93ポイント増加");
}
