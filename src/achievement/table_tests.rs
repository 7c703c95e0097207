//! Table-driven tests of [`assess`]: every target kind × direction × with
//! and without a baseline × a judgement instead of a number.

use super::*;

fn series(kind: SeriesKind, points: &[(i32, f64)], high: Option<f64>) -> Vec<TargetSeries> {
    vec![TargetSeries {
        kind,
        label: None,
        points: points
            .iter()
            .map(|&(year, value)| TargetPoint { year, value, high })
            .collect(),
        amounts: Vec::new(),
    }]
}

fn value(year: i32, v: f64) -> Observed<'static> {
    Observed {
        year,
        value: Some(v),
        total: None,
        judgement: None,
        reason: None,
        undated: false,
    }
}

/// An indicator as the tests see it: direction, measure, baseline, unit.
struct Ind(Direction, Measure, Option<(i32, f64)>, &'static str);

impl Ind {
    /// Its assessment against `series` with `observed` values.
    fn assess(&self, series: &[TargetSeries], observed: &[Observed]) -> Assessment {
        let Ind(direction, measure, baseline, unit) = *self;
        assess(&Facts {
            unit,
            precision: None,
            direction,
            measure,
            baseline,
            series,
            observed,
            era: false,
        })
    }
}

/// (kind, direction, baseline, targets, actual, progress shown, met, status)
type Case = (
    SeriesKind,
    Direction,
    Option<(i32, f64)>,
    &'static [(i32, f64)],
    f64,
    &'static str,
    Option<bool>,
    Status,
);

#[test]
fn every_kind_direction_and_baseline() {
    use Direction::{Higher, Lower, Neither};
    use SeriesKind::*;
    let b = Some((2024, 210.0));
    #[rustfmt::skip]
    let cases: &[Case] = &[
        (Yearly, Higher, b, &[(2029, 300.0)], 246.0, "40%", Some(false), Status::Improved),
        (Yearly, Higher, None, &[(2029, 300.0)], 246.0, "82%", Some(false), Status::NotApplicable),
        (Yearly, Lower, Some((2023, 12.5)), &[(2029, 10.0)], 11.8, "28%", Some(false), Status::Improved),
        (Yearly, Lower, None, &[(2029, 10.0)], 12.5, "80%", Some(false), Status::NotApplicable),
        (Yearly, Neither, b, &[(2029, 300.0)], 246.0, "40%", None, Status::Changed),
        (Yearly, Neither, None, &[(2029, 300.0)], 300.0, "100%", None, Status::NotApplicable),
        (Cumulative, Higher, None, &[(2029, 1000.0)], 400.0, "40%", Some(false), Status::NotApplicable),
        (Cumulative, Higher, b, &[(2029, 1000.0)], 400.0, "40%", Some(false), Status::Improved),
        (Cumulative, Lower, None, &[(2029, 50.0)], 40.0, "80%", Some(true), Status::NotApplicable),
        (Cap, Lower, Some((2023, 130.0)), &[(2029, 100.0)], 115.0, "87%", Some(false), Status::Improved),
        (Cap, Lower, None, &[(2029, 100.0)], 90.0, "100%", Some(true), Status::NotApplicable),
        (Cap, Neither, None, &[(2029, 100.0)], 125.0, "80%", Some(false), Status::NotApplicable),
        (Floor, Higher, Some((2023, 80.0)), &[(2029, 90.0)], 72.0, "80%", Some(false), Status::Worsened),
        (Floor, Higher, None, &[(2029, 90.0)], 95.0, "100%", Some(true), Status::NotApplicable),
        (Floor, Lower, None, &[(2029, 90.0)], 95.0, "100%", Some(true), Status::NotApplicable),
        (Range, Neither, None, &[(2029, 40.0)], 50.0, "達成", Some(true), Status::NotApplicable),
        (Range, Higher, Some((2023, 30.0)), &[(2029, 40.0)], 70.0, "未達成", Some(false), Status::Improved),
    ];
    for &(kind, direction, baseline, targets, actual, shown, met, status) in cases {
        let s = series(kind, targets, (kind == Range).then_some(60.0));
        let obs = [value(2025, actual)];
        let a = Ind(direction, Measure::Quantity, baseline, "件").assess(&s, &obs);
        let label = format!("{kind:?} {direction:?} {baseline:?} {actual}: {a:?}");
        assert_eq!(a.progress_text(), shown, "{label}");
        assert_eq!(a.final_check.and_then(|c| c.met), met, "{label}");
        assert_eq!(a.status, status, "{label}");
        // The sentence carries the very percentage of the status line.
        if shown.ends_with('%') {
            assert!(a.summary.contains(shown), "{label}");
        }
        if baseline.is_none() {
            assert!(
                a.summary.contains("策定時の値は公表されていない"),
                "{label}"
            );
        }
    }
}

#[test]
fn a_cap_sentence_and_status_line_agree() {
    // Cap 100, actual 115: 100 ÷ 115 = 87%, never 115% nor 100%.
    let s = series(SeriesKind::Cap, &[(2029, 100.0)], None);
    let obs = [value(2025, 115.0)];
    let a = Ind(
        Direction::Lower,
        Measure::Quantity,
        Some((2023, 130.0)),
        "人",
    )
    .assess(&s, &obs);
    assert_eq!(a.progress_text(), "87%");
    assert!(
        a.summary.contains("上限（2029年度、100人以下）に対し、2025年度は115人で上限を15人上回っています（達成率87%）。"),
        "{}",
        a.summary
    );
    assert!(!a.summary.contains("115%"));
}

#[test]
fn per_year_and_final_progress() {
    // Yearly targets 100, 200, 300; the 2026 actual 150 meets 75% of its own
    // year's target and 50% of the final one.
    let s = series(
        SeriesKind::Yearly,
        &[(2025, 100.0), (2026, 200.0), (2027, 300.0)],
        None,
    );
    let obs = [value(2025, 90.0), value(2026, 150.0)];
    let a = Ind(Direction::Higher, Measure::Quantity, None, "件").assess(&s, &obs);
    assert_eq!(a.year_progress_text(), "75%");
    assert_eq!(a.progress_text(), "50%");
    assert!(
        a.summary
            .contains("2026年度の目標（200件）に対する進捗は75%です。"),
        "{}",
        a.summary
    );
    assert!(
        a.summary
            .contains("2027年度の目標（300件）に対する進捗は50%です。"),
        "{}",
        a.summary
    );
}

#[test]
fn cumulative_runs_on_totals_published_or_summed() {
    let s = vec![TargetSeries {
        kind: SeriesKind::Cumulative,
        label: None,
        points: vec![
            TargetPoint {
                year: 2014,
                value: 985_000.0,
                high: None,
            },
            TargetPoint {
                year: 2017,
                value: 5_787_000.0,
                high: None,
            },
        ],
        amounts: Vec::new(),
    }];
    let obs = [
        value(2014, 1_467_153.0),
        Observed {
            year: 2015,
            value: None,
            total: None,
            judgement: None,
            reason: Some("未確認"),
            undated: false,
        },
        Observed {
            year: 2016,
            value: Some(3_145_000.0),
            total: Some(8_147_000.0),
            judgement: None,
            reason: None,
            undated: false,
        },
    ];
    let a = Ind(Direction::Higher, Measure::Quantity, None, "千円").assess(&s, &obs);
    assert_eq!(a.totals, vec![(2014, 1_467_153.0), (2016, 8_147_000.0)]);
    assert_eq!(a.progress_text(), "141%");
    assert_eq!(a.final_check.and_then(|c| c.met), Some(true));
    assert!(a.summary.contains("2017年度までの累計目標（5,787,000千円）に対する進捗は141%です（2016年度までの実績の累計は8,147,000千円）。"), "{}", a.summary);
}

#[test]
fn ranks_are_phrased_as_ranks() {
    let obs = [value(2024, 17.0)];
    let none: Vec<TargetSeries> = Vec::new();
    let rank = Ind(Direction::Lower, Measure::Rank, Some((2020, 20.0)), "位");
    let a = rank.assess(&none, &obs);
    assert_eq!(a.status, Status::Improved);
    assert_eq!(
        a.summary,
        "策定時（2020年度）の20位から2024年度は17位へ3つ上がり、改善しています。"
    );
    let worse = [value(2024, 22.0)];
    let a = rank.assess(&none, &worse);
    assert!(
        a.summary.contains("22位へ2つ下がり、悪化しています"),
        "{}",
        a.summary
    );
    let s = series(SeriesKind::Yearly, &[(2027, 10.0)], None);
    let a = rank.assess(&s, &obs);
    assert_eq!(a.progress_text(), "未達成");
    assert!(
        a.summary
            .contains("2027年度の目標（10位以内）に対し、2024年度は17位で、まだ届いていません。"),
        "{}",
        a.summary
    );
}

#[test]
fn judgements_are_shown_not_counted_as_numbers() {
    for (outcome, shown) in [
        (Some(Outcome::Met), "達成"),
        (Some(Outcome::NotMet), "未達成"),
        (Some(Outcome::Partly), "未達成"),
        (None, ""),
    ] {
        for baseline in [None, Some((2023, 5.0))] {
            let s = series(SeriesKind::Cap, &[(2028, 6000.0)], None);
            let obs = [Observed {
                year: 2023,
                value: None,
                total: None,
                judgement: Some(("目標を維持", outcome)),
                reason: None,
                undated: false,
            }];
            let a = Ind(Direction::Lower, Measure::Quantity, baseline, "億円").assess(&s, &obs);
            assert_eq!(a.status, Status::Judged);
            assert_eq!(a.latest, Some((2023, "目標を維持".to_string())));
            assert_eq!(a.progress_text(), shown, "{outcome:?}");
            assert!(
                a.summary
                    .starts_with("2023年度の実績は「目標を維持」と判定されています"),
                "{}",
                a.summary
            );
            assert!(
                a.summary.contains("2028年度の目標は6,000億円以下です。"),
                "{}",
                a.summary
            );
        }
    }
}

#[test]
fn nothing_observed_yet() {
    let s = series(SeriesKind::Yearly, &[(2029, 300.0)], None);
    let a = Ind(Direction::Higher, Measure::Quantity, None, "者").assess(&s, &[]);
    assert_eq!(a.status, Status::NoData);
    assert_eq!(
        a.summary,
        "策定時の値は公表されていません。実績はまだありません。2029年度の目標は300者です。"
    );
    let a = Ind(
        Direction::Higher,
        Measure::Quantity,
        Some((2024, 210.0)),
        "者",
    )
    .assess(&s, &[]);
    assert_eq!(
        a.summary,
        "策定時（2024年度）の値は210者です。実績はまだありません。2029年度の目標は300者です。"
    );
}

#[test]
fn a_value_without_its_year_gets_no_invented_year() {
    let obs = [Observed {
        year: 2024,
        value: Some(230.0),
        total: None,
        judgement: None,
        reason: None,
        undated: true,
    }];
    let none: Vec<TargetSeries> = Vec::new();
    let a = Ind(
        Direction::Higher,
        Measure::Quantity,
        Some((2020, 18.0)),
        "者",
    )
    .assess(&none, &obs);
    assert_eq!(
        a.summary,
        "策定時（2020年度）の18者から年度の記載のない最新の実績は230者へ212者増加し、改善しています（高いほどよい指標）。"
    );
    assert!(a.latest_undated);
    assert!(!a.summary.contains("2024"));
}
