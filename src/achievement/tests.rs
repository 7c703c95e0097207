//! Unit tests of the progress arithmetic.

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
