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

impl Direction {
    /// Each direction with the word content files write for it (`direction:`),
    /// in the order the schema and the error messages list them.
    pub const NAMES: [(&'static str, Direction); 3] = [
        ("higher", Direction::Higher),
        ("lower", Direction::Lower),
        ("neither", Direction::Neither),
    ];
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

impl TargetKind {
    /// Each kind with the word content files write for it (`target_kind:`),
    /// in the order the schema and the error messages list them.
    pub const NAMES: [(&'static str, TargetKind); 3] = [
        ("reach", TargetKind::Reach),
        ("ceiling", TargetKind::Ceiling),
        ("cumulative", TargetKind::Cumulative),
    ];
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
    /// There is an actual, but no baseline to compare it with 策定時の値なし.
    NotApplicable,
    /// The latest actual is a judgement in words, not a number 判定のみ.
    Judged,
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

/// The Japanese label of a status: 改善, 悪化, 横ばい, 変化, データなし,
/// 策定時の値なし or 判定のみ.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Improved => "改善",
        Status::Worsened => "悪化",
        Status::Unchanged => "横ばい",
        Status::Changed => "変化",
        Status::NoData => "データなし",
        Status::NotApplicable => "策定時の値なし",
        Status::Judged => "判定のみ",
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

mod assess;
mod sentences;
pub use assess::*;
pub use sentences::{observed_text, target_text};

#[cfg(test)]
mod tests;

#[cfg(test)]
mod table_tests;
