use super::*;

/// The chart pinned in `src/charts/snapshots/chart_overtime.svg`.
fn overtime() -> ChartInput<'static> {
    ChartInput {
        id: "overtime",
        name: "職員一人当たりの月平均時間外勤務時間",
        unit: "時間",
        direction: Direction::Lower,
        precision: Some(1),
        period: (2025, 2029),
        baseline: Some((2023, 12.5)),
        actuals: &[(2025, Some(11.8)), (2026, None), (2027, Some(11.0))],
        targets: &[(2027, 11.0), (2029, 10.0)],
        revisions: &[2026],
        breaks: &[],
        later_baselines: &[],
        totals: &[],
        kind: SeriesKind::Yearly,
        summary: None,
        era: false,
    }
}

/// A higher-is-better count with one target and no actual values.
fn farmers() -> ChartInput<'static> {
    ChartInput {
        id: "farmers",
        name: "新規就農者数",
        unit: "者",
        direction: Direction::Higher,
        precision: None,
        period: (2025, 2029),
        baseline: Some((2024, 210.0)),
        actuals: &[],
        targets: &[],
        revisions: &[],
        breaks: &[],
        later_baselines: &[],
        totals: &[],
        kind: SeriesKind::Yearly,
        summary: None,
        era: false,
    }
}

/// `base` changed by `change`.
fn with<'a>(mut base: ChartInput<'a>, change: impl FnOnce(&mut ChartInput<'a>)) -> ChartInput<'a> {
    change(&mut base);
    base
}

fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{svg}"))
}

/// Elements named `tag` whose class list holds every class in `class`.
fn find<'a>(doc: &'a roxmltree::Document, tag: &str, class: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name(tag))
        .filter(|n| {
            let have: Vec<&str> = n.attribute("class").unwrap_or("").split(' ').collect();
            class.split(' ').all(|c| have.contains(&c))
        })
        .collect()
}

/// Whether a `<text>` element says exactly `text`.
fn has_text(doc: &roxmltree::Document, text: &str) -> bool {
    doc.descendants()
        .any(|n| n.has_tag_name("text") && n.text() == Some(text))
}

fn attr(node: &roxmltree::Node, name: &str) -> f64 {
    node.attribute(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN)
}

/// The x of a year's tick label.
fn year_x(doc: &roxmltree::Document, year: i32) -> f64 {
    let label = find(doc, "text", "tick-label")
        .into_iter()
        .find(|n| n.text() == Some(&year.to_string()));
    attr(&label.expect("year label"), "x")
}

#[test]
fn svg_root_and_accessible_name() {
    let c = chart(&overtime());
    let doc = parse(&c.svg);
    let root = doc.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let labelled = "chart-overtime-title chart-overtime-desc";
    let want = [
        ("role", "img"),
        ("class", "kpi-chart"),
        ("viewBox", "0 0 560 320"),
        ("aria-labelledby", labelled),
    ];
    for (name, value) in want {
        assert_eq!(root.attribute(name), Some(value), "{name}");
    }
    assert!(root.attribute("width").is_none() && root.attribute("height").is_none());
    let children: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    assert_eq!(children[0].tag_name().name(), "title");
    assert_eq!(children[0].attribute("id"), Some("chart-overtime-title"));
    assert_eq!(children[0].text(), Some(overtime().name));
    assert_eq!(children[1].tag_name().name(), "desc");
    let desc = children[1].text().unwrap();
    assert!(desc.starts_with(&c.summary), "{desc}");
    assert!(
        desc.contains("実績 2025年度 11.8時間、2026年度 未公表、2027年度 11.0時間。"),
        "{desc}"
    );
    assert!(desc.contains("見直し 2026年度。"), "{desc}");
}

#[test]
fn no_external_references_or_scripts() {
    for input in [overtime(), farmers()] {
        for svg in [chart(&input).svg, sparkline(&input)] {
            for bad in ["href", "url(", "<script", "style=", "NaN", "inf"] {
                assert!(!svg.contains(bad), "{bad} in {svg}");
            }
        }
    }
}

#[test]
fn baseline_only() {
    let c = chart(&farmers());
    let doc = parse(&c.svg);
    assert_eq!(find(&doc, "rect", "series-baseline marker").len(), 1);
    assert!(find(&doc, "polyline", "series-actual").is_empty());
    assert!(find(&doc, "circle", "series-actual").is_empty());
    assert!(has_text(&doc, "策定時"));
    assert!(!has_text(&doc, "実績"));
    assert_eq!(
        c.summary,
        "策定時（2024年度）の値は210者です。実績はまだありません。"
    );
    // A single positive value puts 0 on the axis.
    assert!(has_text(&doc, "0") && has_text(&doc, "300"), "{}", c.svg);
}

#[test]
fn a_missing_year_is_a_gap_never_zero() {
    let input = with(overtime(), |c| (c.targets, c.revisions) = (&[], &[]));
    let doc_text = chart(&input).svg;
    let doc = parse(&doc_text);
    // 2025 and 2027 are each alone: nothing joins them across 2026.
    assert!(find(&doc, "polyline", "series-actual").is_empty());
    let circles = find(&doc, "circle", "series-actual marker");
    assert_eq!(circles.len(), 2);
    let axis_y = attr(&find(&doc, "line", "axis")[0], "y1");
    assert!(circles.iter().all(|c| attr(c, "cy") < axis_y - 10.0));
    assert!(
        circles
            .iter()
            .all(|c| (attr(c, "cx") - year_x(&doc, 2026)).abs() > 1.0)
    );

    // Runs of two or more years are lines; a None and a missing year both break them.
    let actuals = [
        (2024, Some(12.0)),
        (2025, Some(11.8)),
        (2026, None),
        (2027, Some(11.0)),
        (2028, Some(10.5)),
        (2030, Some(10.0)),
        (2031, Some(9.5)),
    ];
    let input = with(input, |c| (c.actuals, c.period) = (&actuals, (2025, 2031)));
    let svg = chart(&input).svg;
    let doc = parse(&svg);
    let lines = find(&doc, "polyline", "series-actual line");
    assert_eq!(lines.len(), 3);
    let pairs = |l: &roxmltree::Node| l.attribute("points").unwrap().split(' ').count();
    assert!(lines.iter().all(|l| pairs(l) == 2));
    assert_eq!(find(&doc, "circle", "series-actual marker").len(), 6);
    let unpublished = data_table_rows(&input)
        .into_iter()
        .filter(|r| r.value.is_none());
    assert_eq!(unpublished.count(), 1);
}

#[test]
fn direction_decides_improved_or_worsened() {
    let falling = [(2025, Some(11.8))];
    let rising = [(2025, Some(13.0))];
    let same = [(2025, Some(12.5))];
    let base = with(overtime(), |c| (c.targets, c.precision) = (&[], None));
    let summary = |d, a| chart(&with(base, |c| (c.direction, c.actuals) = (d, a))).summary;
    assert_eq!(
        summary(Direction::Lower, &falling[..]),
        "策定時（2023年度）の12.5時間から2025年度は11.8時間へ0.7時間減少し、改善しています（低いほどよい指標）。"
    );
    assert!(
        summary(Direction::Lower, &rising[..])
            .contains("0.5時間増加し、悪化しています（低いほどよい指標）")
    );
    assert!(
        summary(Direction::Higher, &rising[..])
            .contains("増加し、改善しています（高いほどよい指標）")
    );
    assert!(summary(Direction::Higher, &falling[..]).contains("減少し、悪化しています"));
    let neither = summary(Direction::Neither, &rising[..]);
    assert!(neither.ends_with("0.5時間増加しました。"), "{neither}");
    assert!(!neither.contains("改善") && !neither.contains("悪化"));
    assert!(summary(Direction::Lower, &same[..]).contains("12.5時間で、横ばいです"));
    // Equal as shown is equal: 12.54 at one decimal is 12.5.
    let close = [(2025, Some(12.54))];
    let shown_same = chart(&with(base, |c| {
        (c.precision, c.actuals) = (Some(1), &close)
    }))
    .summary;
    assert!(shown_same.contains("横ばい"), "{shown_same}");
}

#[test]
fn direction_cue_in_the_corner() {
    let cue = |direction| {
        let svg = chart(&with(overtime(), |c| c.direction = direction)).svg;
        let doc = parse(&svg);
        find(&doc, "text", "direction-cue")
            .first()
            .and_then(|n| n.text())
            .map(str::to_string)
    };
    assert_eq!(cue(Direction::Higher).as_deref(), Some("↑ 高いほどよい"));
    assert_eq!(cue(Direction::Lower).as_deref(), Some("↓ 低いほどよい"));
    assert_eq!(cue(Direction::Neither), None);
}

#[test]
fn revision_mark_at_its_year() {
    let svg = chart(&overtime()).svg;
    let doc = parse(&svg);
    let lines = find(&doc, "line", "revision");
    assert_eq!(lines.len(), 1);
    let x = year_x(&doc, 2026);
    assert_eq!(attr(&lines[0], "x1"), x);
    assert_eq!(attr(&lines[0], "x2"), x);
    assert!(lines[0].attribute("stroke-dasharray").is_some());
    let label = find(&doc, "text", "revision label");
    assert_eq!(label[0].text(), Some("見直し"));
    assert!((attr(&label[0], "x") - x).abs() <= 4.0);
}

#[test]
fn target_series_is_dashed_and_labelled() {
    let actuals = [(2025, Some(230.0)), (2026, Some(246.0))];
    let targets = [(2029, 300.0)];
    let input = with(farmers(), |c| (c.actuals, c.targets) = (&actuals, &targets));
    let c = chart(&input);
    let doc = parse(&c.svg);
    let line = find(&doc, "polyline", "series-target line");
    assert_eq!(line.len(), 1);
    assert!(line[0].attribute("stroke-dasharray").is_some());
    assert!(
        find(&doc, "polyline", "series-actual line")[0]
            .attribute("stroke-dasharray")
            .is_none()
    );
    assert_eq!(find(&doc, "polygon", "series-target marker").len(), 1);
    assert!(has_text(&doc, "目標") && has_text(&doc, "実績") && has_text(&doc, "策定時"));
    assert_eq!(
        c.summary,
        "策定時（2024年度）の210者から2026年度は246者へ36者増加し、改善しています（高いほどよい指標）。\
         2029年度の目標（300者）に対する進捗は40%です。"
    );
}

#[test]
fn target_wording() {
    // The farmers' chart summary with these targets and actuals.
    let summary = |targets: &[(i32, f64)], actuals: &[(i32, Option<f64>)]| {
        chart(&with(farmers(), |c| {
            (c.targets, c.actuals) = (targets, actuals)
        }))
        .summary
    };
    let targets = [(2029, 300.0)];
    let no_actuals = summary(&targets, &[]);
    assert!(
        no_actuals.ends_with("実績はまだありません。2029年度の目標は300者です。"),
        "{no_actuals}"
    );

    let falling = [(2025, Some(192.0))];
    let away = summary(&targets, &falling);
    assert!(
        away.contains("進捗は-20%で、策定時より目標から離れています。"),
        "{away}"
    );

    let keep = [(2029, 210.0)];
    let kept = summary(&keep, &falling);
    assert!(
        kept.ends_with("2029年度の目標は210者で、策定時の値を保つことです。"),
        "{kept}"
    );

    // 2026 is unpublished, so the running total is known only to 2025: it
    // is never summed across the gap as if 2026 were 0.
    let yearly = [(2025, Some(180.5)), (2026, None), (2027, Some(220.25))];
    let total = [(2029, 1000.0)];
    let input = with(farmers(), |c| {
        (c.targets, c.actuals, c.kind) = (&total, &yearly, SeriesKind::Cumulative)
    });
    let c = chart(&input);
    assert!(
        c.summary.ends_with(
            "2029年度までの累計目標（1,000者）に対する進捗は18%です（2025年度までの実績の累計は180.5者）。"
        ),
        "{}",
        c.summary
    );
    let doc = parse(&c.svg);
    assert!(has_text(&doc, "累計目標"));
    // The line drawn is the running total, labelled as such.
    assert!(has_text(&doc, "実績の累計"));
}

#[test]
fn a_cap_is_a_limit_line_not_a_path_from_the_baseline() {
    let caps = [(2027, 100.0)];
    let actuals = [(2025, Some(115.0))];
    let input = with(overtime(), |c| {
        (c.targets, c.actuals, c.kind) = (&caps, &actuals, SeriesKind::Cap)
    });
    let c = chart(&input);
    let doc = parse(&c.svg);
    assert!(has_text(&doc, "上限"));
    let line = find(&doc, "polyline", "series-target line");
    let points = line[0].attribute("points").unwrap();
    let ys: Vec<&str> = points
        .split(' ')
        .map(|p| p.split(',').nth(1).unwrap())
        .collect();
    // Level across the whole axis: every point at the cap's height.
    assert!(ys.len() >= 2 && ys.iter().all(|y| *y == ys[0]), "{points}");
    assert!(c.summary.contains("達成率87%"), "{}", c.summary);
    assert!(!c.summary.contains("115%"), "{}", c.summary);
}

#[test]
fn percentages_change_by_points() {
    let actuals = [(2025, Some(45.5))];
    let input = with(farmers(), |c| {
        (c.unit, c.actuals, c.baseline) = ("%", &actuals, Some((2024, 40.0)))
    });
    let summary = chart(&input).summary;
    assert!(
        summary.contains("40%から2025年度は45.5%へ5.5ポイント増加"),
        "{summary}"
    );
}

#[test]
fn table_rows_in_year_order() {
    let rows = data_table_rows(&overtime());
    let seen: Vec<(i32, &str, Option<&str>)> = rows
        .iter()
        .map(|r| (r.year, r.series, r.value.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [
            (2023, "策定時", Some("12.5時間")),
            (2025, "実績", Some("11.8時間")),
            (2026, "実績", None),
            (2027, "実績", Some("11.0時間")),
            (2027, "目標", Some("11.0時間")),
            (2029, "目標", Some("10.0時間")),
        ]
    );
    assert_eq!(rows[0].label, "2023年度");
    assert_eq!(fiscal_year_label(2025), "2025年度");
}

#[test]
fn markup_in_text_is_escaped() {
    let input = with(overtime(), |c| {
        (c.id, c.name, c.unit) = ("a\"b", "<&>\"' 指標\u{1}", "<件>")
    });
    let c = chart(&input);
    assert!(
        c.svg
            .contains("<title id=\"chart-a&quot;b-title\">&lt;&amp;&gt;&quot;&apos; 指標</title>")
    );
    let doc = parse(&c.svg);
    assert!(has_text(&doc, "（<件>）"));
    let spark = sparkline(&input);
    assert!(
        parse(&spark)
            .descendants()
            .any(|n| n.text().is_some_and(|t| t.starts_with("<&>\"' 指標の推移")))
    );
}

#[test]
fn same_input_same_bytes() {
    assert_eq!(chart(&overtime()), chart(&overtime()));
    assert_eq!(sparkline(&overtime()), sparkline(&overtime()));
}

#[test]
fn coordinates_have_at_most_one_decimal() {
    let actuals = [
        (2025, Some(1.0 / 3.0)),
        (2026, Some(0.1 + 0.2)),
        (2027, Some(2.0 / 7.0)),
    ];
    let input = with(overtime(), |c| (c.actuals, c.precision) = (&actuals, None));
    for svg in [chart(&input).svg, sparkline(&input)] {
        let doc = parse(&svg);
        for node in doc.descendants().filter(|n| n.is_element()) {
            for a in node.attributes() {
                if matches!(
                    a.name(),
                    "x" | "y" | "cx" | "cy" | "x1" | "x2" | "y1" | "y2" | "points"
                ) {
                    for number in a.value().split([' ', ',']) {
                        assert!(number.parse::<f64>().is_ok(), "{number}");
                        assert!(
                            number.split_once('.').is_none_or(|(_, f)| f.len() == 1),
                            "{number}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn y_axis_zero_rule() {
    // Smallest at most half the largest: from 0.
    assert_eq!(y_ticks(&[40.0, 80.0]).0.first(), Some(&0.0));
    // 12.5 to 10 would be squashed: start below the data, a quarter step clear.
    assert_eq!(
        y_ticks(&[12.5, 11.8, 10.0]),
        (vec![9.0, 10.0, 11.0, 12.0, 13.0], 0)
    );
    // Negative values mirror the rule; mixed signs span 0.
    assert_eq!(y_ticks(&[-40.0, -80.0]).0.last(), Some(&0.0));
    assert!(y_ticks(&[-5.0, 5.0]).0.contains(&0.0));
    // One value, or all zero, still gives a range.
    assert_eq!(y_ticks(&[0.0]).0, [0.0, 0.5, 1.0]);
    assert_eq!(y_ticks(&[0.3, 0.35]).1, 2);
}

#[test]
fn crowded_years_are_thinned() {
    let input = with(overtime(), |c| c.baseline = Some((1990, 12.0)));
    let doc_text = chart(&input).svg;
    let doc = parse(&doc_text);
    let years: Vec<String> = find(&doc, "text", "tick-label")
        .iter()
        .filter_map(|n| {
            n.text()
                .filter(|t| t.parse::<i32>().is_ok_and(|y| y > 1900))
                .map(str::to_string)
        })
        .collect();
    assert!(years.len() < 20 && years[0] == "1990", "{years:?}");
}

#[test]
fn sparkline_is_small_and_titled() {
    let svg = sparkline(&overtime());
    let doc = parse(&svg);
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    assert_eq!(root.attribute("viewBox"), Some("0 0 120 32"));
    assert_eq!(
        root.attribute("aria-labelledby"),
        Some("spark-overtime-title")
    );
    let title = root.first_element_child().unwrap();
    assert_eq!(
        title.text(),
        Some(
            "職員一人当たりの月平均時間外勤務時間の推移：策定時（2023年度）12.5時間、\
             最新（2027年度）11.0時間、目標（2029年度）10.0時間"
        )
    );
    assert_eq!(find(&doc, "circle", "series-actual").len(), 1);
}

#[test]
fn colours_meet_contrast() {
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }
    let ratio = |hex| 1.05 / (luminance(hex) + 0.05);
    let want = [
        (draw::ACTUAL, 8.6),
        (draw::TARGET, 6.6),
        (draw::BASELINE, 12.6),
        (draw::MUTED, 7.0),
        (draw::TEXT, 17.4),
    ];
    for (colour, documented) in want {
        let r = ratio(colour);
        assert!(r >= 4.5, "{colour}: {r:.2}");
        assert!(
            (r - documented).abs() < 0.05,
            "{colour}: {r:.2} documented as {documented}"
        );
    }
}

#[test]
fn text_width_estimate() {
    assert_eq!(draw::text_em("目標"), 2.0);
    assert_eq!(draw::text_em("（％）"), 3.0);
    assert!((draw::text_em("2025") - 2.2).abs() < 1e-9);
    assert_eq!(draw::escape("a&b\u{0}"), "a&amp;b");
}

#[test]
fn numbers_are_formatted_once() {
    assert_eq!(format_value(210.0, None), "210");
    assert_eq!(format_value(12.5, None), "12.5");
    assert_eq!(format_value(1.9, Some(2)), "1.90");
    assert_eq!(format_value(-0.04, Some(1)), "0.0");
    assert_eq!(format_value(-0.0, None), "0");
}

#[test]
fn snapshot() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/charts/snapshots/chart_overtime.svg"
    );
    let svg = chart(&overtime()).svg;
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(path, &svg).expect("write snapshot");
        return;
    }
    let pinned = std::fs::read_to_string(path)
        .expect("no snapshot: run `UPDATE_SNAPSHOTS=1 cargo test` and review the file");
    assert!(
        pinned == svg,
        "chart changed; review, then UPDATE_SNAPSHOTS=1\n{svg}"
    );
}
