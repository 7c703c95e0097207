//! Progress toward targets 達成率 and change since the plan was made.
//!
//! Every number the dashboard prints about progress comes from here, and so
//! does the Japanese text of the formula printed beside it, so the number
//! and its explanation cannot drift apart.
//!
//! Inputs are finite numbers (the model rejects anything else); every
//! function here still returns `None` rather than NaN or infinity, whatever
//! it is given, so nothing downstream has to check again.

/// Which way is better for an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Higher values are better 高いほどよい.
    Higher,
    /// Lower values are better 低いほどよい.
    Lower,
    /// Neither way is better; changes are reported without judgement.
    Neither,
}

/// How a target is to be met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetKind {
    /// Reach the target value, from below or above as the baseline lies.
    Reach,
    /// Stay at or under a cap; with [`Direction::Higher`], at or over a floor.
    Ceiling,
    /// The sum of the yearly actual values against a cumulative target.
    Cumulative,
}

/// How the latest value compares with the baseline 策定時の値.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Moved the better way 改善.
    Improved,
    /// Moved the worse way 悪化.
    Worsened,
    /// Equal to the baseline 横ばい.
    Unchanged,
    /// Moved, for an indicator where neither way is better 変化.
    Changed,
    /// No actual value yet データなし.
    NoData,
}

/// The status of `latest` against `baseline`, respecting `direction`.
///
/// Values are compared exactly: round both to the precision shown first if
/// the status must agree with the printed numbers.
///
/// Baseline 12.5 and latest 11.8 is [`Status::Improved`] for
/// [`Direction::Lower`], [`Status::Worsened`] for [`Direction::Higher`] and
/// [`Status::Changed`] for [`Direction::Neither`]; no latest value is
/// [`Status::NoData`].
pub fn status(direction: Direction, baseline: f64, latest: Option<f64>) -> Status {
    let Some(latest) = latest else {
        return Status::NoData;
    };
    if latest == baseline {
        return Status::Unchanged;
    }
    match direction {
        Direction::Neither => Status::Changed,
        Direction::Higher if latest > baseline => Status::Improved,
        Direction::Lower if latest < baseline => Status::Improved,
        _ => Status::Worsened,
    }
}

/// Progress toward `target` as a fraction: 1.0 is 100%.
///
/// - [`TargetKind::Reach`]: `(actual − baseline) ÷ (target − baseline)`,
///   whichever side the target lies on, so it serves lower-is-better
///   indicators unchanged. Baseline 210, target 300, actual 246 → 0.4;
///   baseline 12.5, target 10, actual 11.8 → 0.28; overshoot gives more
///   than 1 (actual 330 → 1.333…), moving away gives less than 0
///   (actual 192 → −0.2). `None` when the target equals the baseline.
/// - [`TargetKind::Ceiling`]: a cap: 1.0 while `actual ≤ target`, else
///   `target ÷ actual` (cap 100, actual 125 → 0.8). With
///   [`Direction::Higher`] it is a floor instead: 1.0 while
///   `actual ≥ target`, else `actual ÷ target` (floor 90, actual 72 → 0.8).
///   Always within 0..=1; `None` for a cap below zero or a floor at or
///   below zero, which have no meaningful ratio.
/// - [`TargetKind::Cumulative`]: `actual ÷ target`, where `actual` is the
///   sum of the yearly actual values so far (400 of 1000 → 0.4). `None`
///   when the target is zero. `baseline` is not used.
///
/// Never returns NaN or infinity, and never −0.
pub fn progress(
    kind: TargetKind,
    direction: Direction,
    baseline: f64,
    target: f64,
    actual: f64,
) -> Option<f64> {
    let fraction = match kind {
        TargetKind::Reach => {
            if target == baseline {
                return None;
            }
            (actual - baseline) / (target - baseline)
        }
        TargetKind::Ceiling if direction == Direction::Higher => {
            if actual >= target {
                1.0
            } else if target > 0.0 {
                (actual / target).max(0.0)
            } else {
                return None;
            }
        }
        TargetKind::Ceiling => {
            if actual <= target {
                1.0
            } else if target >= 0.0 {
                target / actual
            } else {
                return None;
            }
        }
        TargetKind::Cumulative => {
            if target == 0.0 {
                return None;
            }
            actual / target
        }
    };
    // Adding 0.0 turns −0 into 0.
    Some(fraction + 0.0).filter(|f| f.is_finite())
}

/// The formula of [`progress`] in Japanese, to print beside the number.
pub fn formula(kind: TargetKind, direction: Direction) -> &'static str {
    match kind {
        TargetKind::Reach => "達成率 ＝（実績値 − 策定時の値）÷（目標値 − 策定時の値）",
        TargetKind::Ceiling if direction == Direction::Higher => {
            "達成率 ＝ 実績値が目標値以上なら100%、下回る場合は 実績値 ÷ 目標値"
        }
        TargetKind::Ceiling => "達成率 ＝ 実績値が目標値以下なら100%、上回る場合は 目標値 ÷ 実績値",
        TargetKind::Cumulative => "達成率 ＝ 各年度の実績値の累計 ÷ 累計の目標値",
    }
}

/// The Japanese label of a status: 改善, 悪化, 横ばい, 変化 or データなし.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Improved => "改善",
        Status::Worsened => "悪化",
        Status::Unchanged => "横ばい",
        Status::Changed => "変化",
        Status::NoData => "データなし",
    }
}

/// A fraction as a whole percentage, e.g. 0.284 → `28%`, −0.2 → `-20%`.
///
/// Rounds half away from zero and never prints `-0%`.
pub fn percent(fraction: f64) -> String {
    let p = (fraction * 100.0).round() + 0.0;
    if p.is_finite() {
        format!("{p:.0}%")
    } else {
        String::from("-")
    }
}

#[cfg(test)]
mod tests {
    use super::Direction::{Higher, Lower, Neither};
    use super::TargetKind::{Ceiling, Cumulative, Reach};
    use super::*;

    fn close(a: Option<f64>, b: Option<f64>) -> bool {
        match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            (None, None) => true,
            _ => false,
        }
    }

    #[test]
    fn statuses() {
        let cases = [
            (Higher, 10.0, Some(12.0), Status::Improved),
            (Higher, 10.0, Some(8.0), Status::Worsened),
            (Higher, 10.0, Some(10.0), Status::Unchanged),
            (Lower, 10.0, Some(8.0), Status::Improved),
            (Lower, 10.0, Some(12.0), Status::Worsened),
            (Lower, 10.0, Some(10.0), Status::Unchanged),
            (Neither, 10.0, Some(12.0), Status::Changed),
            (Neither, 10.0, Some(8.0), Status::Changed),
            (Neither, 10.0, Some(10.0), Status::Unchanged),
            (Higher, 10.0, None, Status::NoData),
            (Lower, 0.0, Some(-0.0), Status::Unchanged),
        ];
        for (direction, baseline, latest, want) in cases {
            assert_eq!(
                status(direction, baseline, latest),
                want,
                "{direction:?} {baseline} {latest:?}"
            );
        }
    }

    #[test]
    fn progress_table() {
        let cases = [
            // Reach, higher is better.
            (Reach, Higher, 210.0, 300.0, 246.0, Some(0.4)),
            (Reach, Higher, 210.0, 300.0, 300.0, Some(1.0)),
            (Reach, Higher, 210.0, 300.0, 330.0, Some(4.0 / 3.0)),
            (Reach, Higher, 210.0, 300.0, 192.0, Some(-0.2)),
            (Reach, Higher, 210.0, 300.0, 210.0, Some(0.0)),
            // Reach, lower is better: target below baseline.
            (Reach, Lower, 12.5, 10.0, 11.8, Some(0.28)),
            (Reach, Lower, 12.5, 10.0, 9.0, Some(1.4)),
            (Reach, Lower, 12.5, 10.0, 13.0, Some(-0.2)),
            (Reach, Lower, 12.5, 10.0, 12.5, Some(0.0)),
            // Reach, neither: the same arithmetic.
            (Reach, Neither, 50.0, 40.0, 45.0, Some(0.5)),
            // Equal target and baseline: no ratio.
            (Reach, Higher, 100.0, 100.0, 120.0, None),
            (Reach, Lower, 0.0, 0.0, 0.0, None),
            // Ceiling: a cap.
            (Ceiling, Lower, 130.0, 100.0, 90.0, Some(1.0)),
            (Ceiling, Lower, 130.0, 100.0, 100.0, Some(1.0)),
            (Ceiling, Lower, 130.0, 100.0, 125.0, Some(0.8)),
            (Ceiling, Neither, 130.0, 100.0, 200.0, Some(0.5)),
            (Ceiling, Lower, 5.0, 0.0, 4.0, Some(0.0)),
            (Ceiling, Lower, 5.0, -1.0, 0.0, None),
            // Ceiling with higher is better: a floor.
            (Ceiling, Higher, 80.0, 90.0, 95.0, Some(1.0)),
            (Ceiling, Higher, 80.0, 90.0, 72.0, Some(0.8)),
            (Ceiling, Higher, 80.0, 90.0, -9.0, Some(0.0)),
            (Ceiling, Higher, 80.0, 0.0, -1.0, None),
            // Cumulative.
            (Cumulative, Higher, 0.0, 1000.0, 400.0, Some(0.4)),
            (Cumulative, Higher, 0.0, 1000.0, 1200.0, Some(1.2)),
            (Cumulative, Lower, 0.0, 50.0, 0.0, Some(0.0)),
            (Cumulative, Higher, 0.0, 0.0, 10.0, None),
        ];
        for (kind, direction, baseline, target, actual, want) in cases {
            let got = progress(kind, direction, baseline, target, actual);
            assert!(
                close(got, want),
                "{kind:?} {direction:?} {baseline} {target} {actual}: {got:?} != {want:?}"
            );
        }
    }

    #[test]
    fn progress_is_never_nan_infinite_or_negative_zero() {
        let values = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            1e-300,
            -1e-300,
            1e300,
            -1e300,
            f64::MAX,
            f64::MIN,
        ];
        for kind in [Reach, Ceiling, Cumulative] {
            for direction in [Higher, Lower, Neither] {
                for &b in &values {
                    for &t in &values {
                        for &a in &values {
                            if let Some(p) = progress(kind, direction, b, t, a) {
                                assert!(p.is_finite(), "{kind:?} {direction:?} {b} {t} {a}");
                                assert!(!(p == 0.0 && p.is_sign_negative()));
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn ceiling_stays_within_zero_and_one() {
        for direction in [Higher, Lower] {
            for actual in [-50.0, 0.0, 20.0, 90.0, 100.0, 150.0, 1e9] {
                let p = progress(Ceiling, direction, 0.0, 100.0, actual).unwrap();
                assert!((0.0..=1.0).contains(&p), "{direction:?} {actual}: {p}");
            }
        }
    }

    #[test]
    fn formulas_and_labels() {
        assert_eq!(
            formula(Reach, Lower),
            "達成率 ＝（実績値 − 策定時の値）÷（目標値 − 策定時の値）"
        );
        assert_eq!(formula(Reach, Higher), formula(Reach, Lower));
        assert!(formula(Ceiling, Lower).contains("以下なら100%"));
        assert!(formula(Ceiling, Higher).contains("以上なら100%"));
        assert!(formula(Cumulative, Neither).contains("累計"));
        let labels = [
            (Status::Improved, "改善"),
            (Status::Worsened, "悪化"),
            (Status::Unchanged, "横ばい"),
            (Status::Changed, "変化"),
            (Status::NoData, "データなし"),
        ];
        for (s, want) in labels {
            assert_eq!(status_label(s), want);
        }
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(0.4), "40%");
        assert_eq!(percent(0.284), "28%");
        assert_eq!(percent(0.125), "13%");
        assert_eq!(percent(4.0 / 3.0), "133%");
        assert_eq!(percent(-0.2), "-20%");
        assert_eq!(percent(-0.001), "0%");
        assert_eq!(percent(f64::INFINITY), "-");
    }
}
