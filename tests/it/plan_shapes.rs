//! Plan shapes the real-plan fixtures do not have, built from the
//! illustrative fixture `example-four-levels` (例): four levels with the
//! plan's names on every page, roadmap rows without years, and meetings,
//! proposals and news that belong to the plan rather than to one year.

use crate::plans::{Site, check_with, has, lacks};

const PLAN: &str = "plans/rei-2027";

#[test]
fn four_levels_use_the_plans_names_on_every_page() {
    let site = Site::of("example-four-levels");
    let plan = site.text(&format!("{PLAN}/index.html"));
    has(&plan, "構成 柱は2つ、施策は2、事業は3、取組は3件");
    has(
        &plan,
        "Ⅰ 効率的な行政運営 施策1 デジタル化の推進 事業1 窓口手続のオンライン化 事業1の取組",
    );
    has(&plan, "取組を絞り込む");
    has(&plan, "取組の評価区分");
    // The level above the items is 事業, so the placement note says so.
    has(&plan, "2 文書管理の電子化 事業への位置付けは推定 総務課");
    lacks(&plan, "方針");
    lacks(&plan, "実施項目");

    let goal = site.text(&format!("{PLAN}/goals/1.html"));
    has(&goal, "この柱には施策が1つ、事業が2つ、取組が2件あります。");
    has(&goal, "事業2 庁内業務の効率化 事業2の取組");

    let policy = site.text(&format!("{PLAN}/policies/1.html"));
    has(&policy, "この施策には事業が2つ、取組が2件あります。");

    let node = site.text(&format!("{PLAN}/nodes/1.html"));
    has(
        &node,
        "事業1 窓口手続のオンライン化 この事業には取組が1件あります。",
    );
    has(&node, "1 電子申請の対象手続の拡大 情報政策課");

    // The item page: title and breadcrumbs through all three levels above it.
    let item_path = format!("{PLAN}/items/1.html");
    assert!(
        site.title(&item_path)
            .starts_with("取組1 電子申請の対象手続の拡大｜事業1 窓口手続のオンライン化｜"),
        "{}",
        site.title(&item_path)
    );
    let html = site.raw(&item_path);
    let crumbs = html
        .split_once("aria-label=\"現在位置\"")
        .and_then(|(_, b)| b.split_once("</nav>"))
        .map(|(b, _)| b)
        .unwrap();
    let order = [
        "Ⅰ 効率的な行政運営",
        "施策1 デジタル化の推進",
        "事業1 窓口手続のオンライン化",
    ];
    let at: Vec<usize> = order.iter().map(|c| crumbs.find(c).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{crumbs}");
    assert!(crumbs.contains("nodes/1.html"), "{crumbs}");

    // Site-wide pages take the plan's words too.
    let search = site.raw("search.html");
    has(&search, "<label for=\"filter-goal\">柱</label>");
    has(&search, "<label for=\"filter-policy\">施策</label>");
    has(&site.text("divisions/index.html"), "取組の数");
    has(&site.text("divisions/somu.html"), "総務課が担当する取組");
}

#[test]
fn four_level_open_data_and_search_name_the_third_level() {
    let site = Site::of("example-four-levels");
    let csv = site.raw("data/structure.csv");
    let header = csv.lines().next().unwrap().trim_start_matches('\u{feff}');
    assert_eq!(
        header,
        "plan,goal,goal_title,policy,policy_title,node,node_title,item,title,divisions,marks,placement"
    );
    has(
        &csv,
        "rei-2027,1,効率的な行政運営,1,デジタル化の推進,2,庁内業務の効率化,2,文書管理の電子化,総務課,,inferred",
    );
    let data = site.text("data/index.html");
    has(&data, "node 事業の番号");
    has(&data, "goal 柱の番号");
    // A search document for each page of the third level.
    let docs: String = site
        .0
        .files
        .iter()
        .filter(|f| f.path.starts_with("search/d/"))
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
        .collect();
    has(&docs, "事業3 町税の収納率向上");
}

#[test]
fn a_roadmap_row_without_years_says_so_instead_of_drawing_bars() {
    let site = Site::of("example-four-levels");
    let html = site
        .raw(&format!("{PLAN}/items/1.html"))
        .replace("<wbr>", "");
    let row = html
        .split("<tr>")
        .find(|r| r.contains("対象手続の順次拡大"))
        .unwrap();
    assert!(row.contains("年度の記載なし"), "{row}");
    assert!(!row.contains("class=\"bar\""), "{row}");
    assert!(!row.contains("計画あり"), "{row}");
    let dated = html
        .split("<tr>")
        .find(|r| r.contains("対象手続の洗い出し"))
        .unwrap();
    assert_eq!(dated.matches("class=\"bar\"").count(), 1, "{dated}");
    has(
        &site.text(&format!("{PLAN}/items/1.html")),
        "対象手続の順次拡大 工程表に年度の記載がない行 計画：年度の記載なし",
    );
}

#[test]
fn a_roadmap_row_needs_years_or_undated() {
    let file = "content/plans/rei-2027/items/03.yaml";
    let err = check_with(
        "example-four-levels",
        file,
        "number: 3\ntitle: t\nparent: 3\ndivisions: [somu]\nprojects:\n  - title: p\n    roadmap:\n      - label: 年度なし\n        from: 2027\n      - label: 両方\n        from: 2027\n        to: 2028\n        undated: true\n",
    );
    has(
        &err,
        "03.yaml:9:15: error: the roadmap row 「年度なし」 has no `to` year",
    );
    has(
        &err,
        "or `undated: true` when the source gives the row without years",
    );
    has(
        &err,
        "03.yaml:11:15: error: the roadmap row is marked `undated: true` but also gives years",
    );
}

#[test]
fn meetings_proposals_and_news_of_the_plan_sit_on_its_page() {
    let site = Site::of("example-four-levels");
    let plan = site.text(&format!("{PLAN}/index.html"));
    has(&plan, "計画の会議・提言・お知らせ");
    has(
        &plan,
        "2026年8月20日 会議 第1回行財政改革推進委員会（計画案の審議）（計画期間の前） 計画案の柱と施策を審議しました。",
    );
    has(
        &plan,
        "2028年5月10日 お知らせ 計画の一部見直しについて（計画期間中）",
    );
    has(
        &plan,
        "2031年6月 提言 次期計画に向けた提言 （計画期間の後）",
    );
    // Date order, whatever the file order.
    let a = plan.find("2026年8月20日").unwrap();
    let b = plan.find("2028年5月10日").unwrap();
    let c = plan.find("2031年6月").unwrap();
    assert!(a < b && b < c);
    has(
        &site.raw(&format!("{PLAN}/index.html")),
        "<a href=\"https://example.jp/teigen.pdf\">次期計画に向けた提言</a>",
    );
}

#[test]
fn plan_events_are_validated_and_results_meetings_still_keep_their_year() {
    let file = "content/plans/rei-2027/plan.yaml";
    let plan =
        std::fs::read_to_string(crate::plans::fixture("example-four-levels").join(file)).unwrap();
    let bad = plan
        .replace("kind: news", "kind: notice")
        .replace("date: 2031-06", "date: 2031-6");
    let err = check_with("example-four-levels", file, &bad);
    has(&err, "error: event date `2031-6` is not a date");
    has(&err, "`notice`");
    // A results file's meeting outside its year is still an error, and the
    // hint now points at the plan's events.
    let err = check_with(
        "example-four-levels",
        "content/plans/rei-2027/results/2027.yaml",
        "year: 2027\ncommittee:\n  - date: 2026-08-20\n",
    );
    has(
        &err,
        "2027.yaml:3:11: error: meeting date 2026-08-20 is outside the evaluation of fiscal 2027",
    );
    has(&err, "list it under `events:` in plan.yaml");
}

#[test]
fn an_indicator_continued_from_an_earlier_plan_is_drawn_across_both() {
    // example-2026 is illustrative (例): its member count continues the
    // earlier plan's, with a change of definition.
    let site = Site::of("example-2026");
    let path = "plans/example-2026/items/2.html";
    let text = site.text(path);
    has(
        &text,
        "この指標は、前の計画「例市行財政改革プラン（前計画）」（2021年度〜2025年度）の指標「市民協働サポーターの登録者数」を引き継いでいます。",
    );
    has(
        &text,
        "定義などの変更：2026年度から、オンライン登録者も数に含めます。",
    );
    has(
        &text,
        "前の計画（2021年度〜2025年度）から通した推移です。2026年度から新しい計画で、グラフの縦の破線が計画の切り替わりです。",
    );
    has(
        &text,
        "年度 計画 区分 値 2020年度 前の計画 策定時 1,200人 2025年度 前の計画 実績 1,850人 2025年度 この計画 策定時 1,850人",
    );
    // The chart spans both periods and marks the break before 2026.
    let html = site.raw(path);
    let svg = html
        .split("<svg")
        .find(|s| s.contains("chart-members-across-title"))
        .and_then(|s| s.split_once("</svg>"))
        .map(|(s, _)| s)
        .expect("a chart across plans");
    assert!(svg.contains("class=\"plan-break\""), "{svg}");
    assert!(svg.contains(">計画の切替</text>"), "{svg}");
    assert!(
        svg.contains(">2021</text>") && svg.contains(">2030</text>"),
        "{svg}"
    );
    assert!(
        svg.contains("計画の切り替わり（新しい計画の最初の年度） 2026年度。"),
        "{svg}"
    );
}

#[test]
fn the_schema_covers_the_new_keys() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kohyo"))
        .arg("schema")
        .output()
        .unwrap();
    assert!(out.status.success());
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = |kind: &str| all[kind].to_string();
    let plan = text("plan");
    for want in [
        "\"events\"",
        "\"nodes\"",
        "\"proposal\"",
        "1 to 4 levels",
        "柱 → 施策 → 事業 → 取組",
    ] {
        assert!(plan.contains(want), "plan schema lacks {want}");
    }
    let item = text("item");
    assert!(item.contains("\"undated\""), "item schema lacks undated");
    assert!(text("site").contains("公共データ利用規約"));
}

#[test]
fn four_level_structures_are_validated_with_the_plans_names() {
    let err = check_with(
        "example-four-levels",
        "content/plans/rei-2027/items/03.yaml",
        "number: 3\ntitle: t\nparent: 9\ndivisions: [somu]\n",
    );
    has(&err, "03.yaml:3:9: error: unknown 事業 9");
    has(
        &err,
        "hint: the plan's 事業 are numbered 1, 2, 3; see plan.yaml",
    );
    let file = "content/plans/rei-2027/plan.yaml";
    let plan =
        std::fs::read_to_string(crate::plans::fixture("example-four-levels").join(file)).unwrap();
    // Three levels declared, but `nodes` still given: one error, with a hint.
    let three = plan.replace("  - name: 事業\n", "");
    let err = check_with("example-four-levels", file, &three);
    has(
        &err,
        "error: the plan declares three levels (柱, 施策 and its items), but `nodes` gives a fourth",
    );
    has(
        &err,
        "hint: remove `nodes`, or declare four levels in `levels`",
    );
}

#[test]
fn site_wide_pages_use_the_level_names_of_real_plans() {
    // 下野市 (shimotsuke-2015): 基本方針 → 重点項目 → 実施項目.
    let site = Site::of("shimotsuke-2015");
    let search = site.raw("search.html");
    has(&search, "<label for=\"filter-goal\">基本方針</label>");
    has(&search, "<label for=\"filter-policy\">重点項目</label>");
    lacks(&search, ">目標</label>");
    lacks(&search, ">方針</label>");
    // 大田原市 (ohtawara-2006): one level, 取り組み事項.
    let site = Site::of("ohtawara-2006");
    let divisions = site.text("divisions/index.html");
    has(
        &divisions,
        "所属名を選ぶと、その所属が担当する取り組み事項を計画ごとに",
    );
    lacks(&divisions, "実施項目");
    let data = site.text("data/index.html");
    has(&data, "計画の体系（取り組み事項の一覧）");
    has(&data, "item 取り組み事項の番号");
}

#[test]
fn the_samples_netsugen_count_is_drawn_across_the_2020_outline_and_the_2025_plan() {
    let site = Site(
        kohyo::pipeline::render_site(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
            &kohyo::pipeline::BuildOptions::default(),
        )
        .unwrap(),
    );
    let text = site.text("plans/gunma-2025/items/9.html");
    has(
        &text,
        "前の計画（2020年度（令和2年度）〜2024年度（令和6年度））から通した推移です。2025年度（令和7年度）から新しい計画で、グラフの縦の破線が計画の切り替わりです。この計画の策定時の値（2024年度（令和6年度） 210者）も、実績の線に含めています。",
    );
    // Published values only: the outline's baseline, the plan's baseline and
    // the outline's final result, which the source gives without its year.
    has(
        &text,
        "2020年度（令和2年度） 前の計画 策定時 18者 2024年度（令和6年度） この計画 策定時 210者 年度の記載なし 前の計画 実績 230者",
    );
    let html = site.raw("plans/gunma-2025/items/9.html");
    assert!(html.contains("class=\"plan-break\""));
    // The plan's baseline is drawn on the actual line, but the chart's text
    // alternative names it 策定時, as the table does, never 実績.
    let desc = html
        .split("<desc id=\"chart-netsugen-members-across-desc\">")
        .nth(1)
        .and_then(|s| s.split_once("</desc>"))
        .map(|(s, _)| s)
        .expect("the chart across plans has a description");
    assert!(
        desc.contains("数値：策定時 2020年度 18者、2024年度 210者。"),
        "{desc}"
    );
    assert!(!desc.contains("実績 2024年度"), "{desc}");
}
