//! One indicator assessed as a whole: its status against the baseline, its
//! progress in each year against that year's target and toward the final
//! target, and the Japanese sentences that say so (written in `sentences`).
//!
//! Charts, item pages, the dashboard and the home page tallies all read an
//! [`Assessment`]; none of them computes a status, a percentage or a
//! sentence of its own, so the chart sentence and the status line under it
//! cannot disagree.

use super::sentences::{baseline_sentence, observed_text, target_sentence, target_text};
use super::{Direction, Status, TargetKind, percent, progress, status};
use crate::years::{fiscal_year, number};

/// What an indicator measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    /// A quantity: a count, an amount, a ratio.
    Quantity,
    /// A rank such as 全国順位: a positive whole number, lower is better.
    Rank,
    /// A judgement in words (達成, 概ね達成 …) rather than a number.
    Judgement,
}

impl Measure {
    /// Each measure with the word content files write for it (`measure:`),
    /// in the order the schema and the error messages list them.
    pub const NAMES: [(&'static str, Measure); 3] = [
        ("quantity", Measure::Quantity),
        ("rank", Measure::Rank),
        ("judgement", Measure::Judgement),
    ];
}

/// How a target series is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SeriesKind {
    /// A value to reach in each year 単年度目標.
    Yearly,
    /// A running total 累計 to reach by each year.
    Cumulative,
    /// A limit to stay at or below 上限（以下）.
    Cap,
    /// A limit to stay at or above 下限（以上）.
    Floor,
    /// A band to stay within 範囲.
    Range,
}

impl SeriesKind {
    /// Each kind with the word content files write for it (a series' `kind:`),
    /// in the order the schema and the error messages list them.
    pub const NAMES: [(&'static str, SeriesKind); 5] = [
        ("yearly", SeriesKind::Yearly),
        ("cumulative", SeriesKind::Cumulative),
        ("cap", SeriesKind::Cap),
        ("floor", SeriesKind::Floor),
        ("range", SeriesKind::Range),
    ];

    /// The series an indicator's `targets` make under the older
    /// `target_kind`: a ceiling is a floor when higher is better.
    pub fn of_target_kind(kind: TargetKind, direction: Direction) -> SeriesKind {
        match kind {
            TargetKind::Reach => SeriesKind::Yearly,
            TargetKind::Ceiling if direction == Direction::Higher => SeriesKind::Floor,
            TargetKind::Ceiling => SeriesKind::Cap,
            TargetKind::Cumulative => SeriesKind::Cumulative,
        }
    }
}

/// What a judgement says about the target, when the plan tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Met 達成.
    Met,
    /// Partly met 概ね達成, 一部達成.
    Partly,
    /// Not met 未達成.
    NotMet,
}

/// One target of a series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetPoint {
    /// Fiscal year.
    pub year: i32,
    /// The target; for a range its lower end.
    pub value: f64,
    /// For a range, its upper end.
    pub high: Option<f64>,
}

/// A series of targets of one kind.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetSeries {
    /// How it is read.
    pub kind: SeriesKind,
    /// The plan's own name for it, e.g. 財政効果額（累計）.
    pub label: Option<String>,
    /// Targets in year order.
    pub points: Vec<TargetPoint>,
    /// For a cumulative series, the yearly amounts it was built from, if published.
    pub amounts: Vec<(i32, f64)>,
}

/// What was observed in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observed<'a> {
    /// Fiscal year.
    pub year: i32,
    /// The value of that year (for a cumulative series, that year's amount).
    pub value: Option<f64>,
    /// A running total published by the source, when it gives one.
    pub total: Option<f64>,
    /// A judgement in words and what it says about the target.
    pub judgement: Option<(&'a str, Option<Outcome>)>,
    /// Why there is nothing to show, when unavailable.
    pub reason: Option<&'a str>,
    /// Whether the source gives no fiscal year for it (`year` is only where
    /// it is filed).
    pub undated: bool,
}

/// Words for the year of an observation the source gives no year for.
pub(super) const UNDATED: &str = "年度の記載のない最新の実績";

/// Everything an assessment needs to know about an indicator.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// Unit, e.g. 時間, 千円, 位.
    pub unit: &'a str,
    /// Decimal places shown; `None` is as short as exact.
    pub precision: Option<u8>,
    /// Which way is better.
    pub direction: Direction,
    /// Quantity, rank or judgement.
    pub measure: Measure,
    /// Fiscal year and value when the plan was made, if published.
    pub baseline: Option<(i32, f64)>,
    /// Target series, the main one first.
    pub series: &'a [TargetSeries],
    /// Observations in year order.
    pub observed: &'a [Observed<'a>],
    /// Whether fiscal years are written with their era.
    pub era: bool,
}

/// One comparison of an actual with a target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Check {
    /// The year of the actual.
    pub year: i32,
    /// The year of the target.
    pub target_year: i32,
    /// Kind of the series.
    pub kind: SeriesKind,
    /// Progress as a fraction (1.0 is 100%) when it has a meaning.
    pub fraction: Option<f64>,
    /// Whether the target is met, when that can be said.
    pub met: Option<bool>,
}

impl Check {
    /// The check as a status line shows it: `40%`, else 達成 or 未達成.
    pub fn text(&self) -> String {
        match (self.fraction, self.met) {
            (Some(f), _) => percent(f),
            (None, Some(true)) => "達成".into(),
            (None, Some(false)) => "未達成".into(),
            (None, None) => String::new(),
        }
    }
}

/// An indicator assessed.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// Status of the latest observation against the baseline.
    pub status: Status,
    /// The latest observation: year and how it is shown.
    pub latest: Option<(i32, String)>,
    /// Whether the source gives no year for the latest observation.
    pub latest_undated: bool,
    /// The latest actual against the main series' target of the same year.
    pub year_check: Option<Check>,
    /// The latest actual against the main series' final target.
    pub final_check: Option<Check>,
    /// Running totals by year, for cumulative series.
    pub totals: Vec<(i32, f64)>,
    /// The sentences: change since the baseline, then each target.
    pub summary: String,
}

impl Assessment {
    /// The progress shown on a status line: against the final target.
    pub fn progress_text(&self) -> String {
        self.final_check.map(|c| c.text()).unwrap_or_default()
    }

    /// The progress in the latest year against that year's own target, when
    /// that year has one and it is not the final target.
    pub fn year_progress_text(&self) -> String {
        match (self.year_check, self.final_check) {
            (Some(y), Some(f)) if y.target_year != f.target_year => y.text(),
            _ => String::new(),
        }
    }
}

/// A fiscal year to be written inside parentheses: 2024年度, or with the
/// era 2024年度・令和6年度 (never nested parentheses).
pub(super) fn inner_year(year: i32, era: bool) -> String {
    match crate::years::era_year(year) {
        Some(e) if era => format!("{year}年度・{e}"),
        _ => format!("{year}年度"),
    }
}

/// A value as written: thousands separated, the indicator's decimals, its unit.
pub fn with_unit(value: f64, facts: &Facts) -> String {
    format!(
        "{}{}",
        number(shown(value, facts.precision), facts.precision),
        facts.unit
    )
}

/// The value as the reader sees it, so comparisons agree with the text.
pub fn shown(value: f64, precision: Option<u8>) -> f64 {
    let v = match precision {
        Some(p) => format!("{:.*}", usize::from(p), value)
            .parse()
            .unwrap_or(value),
        None => value,
    };
    v + 0.0
}

/// A difference of shown values, without float noise.
pub(super) fn derived(value: f64, parts: &[f64], facts: &Facts) -> String {
    let places = |v: f64| {
        let s = number(v, facts.precision);
        s.split_once('.').map_or(0, |(_, f)| f.len())
    };
    let p = parts.iter().map(|&v| places(v)).max().unwrap_or(0);
    let p = u8::try_from(p.min(12)).unwrap_or(12);
    number(value + 0.0, Some(p))
}

/// Running totals of a cumulative indicator: a published total wins, else
/// the previous total plus the year's amount; a year with neither breaks
/// the run until a published total starts it again.
pub fn running_totals(observed: &[Observed]) -> Vec<(i32, f64)> {
    let mut out = Vec::new();
    let mut total: Option<f64> = Some(0.0);
    for o in observed {
        total = match (o.total, o.value, total) {
            (Some(t), _, _) => Some(t),
            (None, Some(v), Some(t)) => Some(t + v),
            _ => None,
        };
        if let Some(t) = total
            && (o.total.is_some() || o.value.is_some())
        {
            out.push((o.year, t));
        }
    }
    out
}

/// The target of `series` that applies in `year`: that year's own, else for
/// a limit the latest one set before it.
fn target_for(series: &TargetSeries, year: i32) -> Option<TargetPoint> {
    let own = series.points.iter().find(|p| p.year == year).copied();
    match series.kind {
        SeriesKind::Cap | SeriesKind::Floor | SeriesKind::Range => {
            own.or_else(|| series.points.iter().rev().find(|p| p.year <= year).copied())
        }
        _ => own,
    }
}

/// Compares `actual` (a running total for cumulative series) with `target`.
fn check(
    facts: &Facts,
    kind: SeriesKind,
    actual: f64,
    target: TargetPoint,
) -> (Option<f64>, Option<bool>) {
    let d = facts.direction;
    let (a, t) = (
        shown(actual, facts.precision),
        shown(target.value, facts.precision),
    );
    if facts.measure == Measure::Rank {
        // A rank target is a place to reach or beat: 10位以内.
        let met = match kind {
            SeriesKind::Floor => a >= t,
            SeriesKind::Range => a >= t && target.high.is_none_or(|h| a <= h),
            _ => a <= t,
        };
        return (None, Some(met));
    }
    match kind {
        SeriesKind::Yearly => {
            let fraction = match facts.baseline {
                Some((_, b)) => progress(TargetKind::Reach, d, shown(b, facts.precision), t, a),
                None if d == Direction::Lower => (a != 0.0).then(|| t / a),
                None => (t != 0.0).then(|| a / t),
            }
            .filter(|f| f.is_finite())
            .map(|f| f + 0.0);
            let met = match d {
                Direction::Higher => Some(a >= t),
                Direction::Lower => Some(a <= t),
                Direction::Neither => None,
            };
            (fraction, met)
        }
        SeriesKind::Cumulative => {
            let fraction = progress(TargetKind::Cumulative, d, 0.0, t, a);
            let met = if d == Direction::Lower {
                a <= t
            } else {
                a >= t
            };
            (fraction, Some(met))
        }
        SeriesKind::Cap => (
            progress(TargetKind::Ceiling, Direction::Lower, 0.0, t, a),
            Some(a <= t),
        ),
        SeriesKind::Floor => (
            progress(TargetKind::Ceiling, Direction::Higher, 0.0, t, a),
            Some(a >= t),
        ),
        SeriesKind::Range => {
            let high = target.high.map_or(t, |h| shown(h, facts.precision));
            (None, Some(a >= t && a <= high))
        }
    }
}

/// Assesses one indicator.
pub fn assess(facts: &Facts) -> Assessment {
    let fy = |y: i32| fiscal_year(y, facts.era);
    let totals = if facts
        .series
        .first()
        .is_some_and(|s| s.kind == SeriesKind::Cumulative)
    {
        running_totals(facts.observed)
    } else {
        Vec::new()
    };
    let latest_value = facts
        .observed
        .iter()
        .rev()
        .find(|o| o.value.is_some() || o.judgement.is_some() || o.total.is_some());
    let latest = latest_value.map(|o| (o.year, observed_text(o, facts)));
    let numeric = latest_value.and_then(|o| o.value.or(o.total).map(|v| (o.year, v)));
    let status_now = match latest_value {
        None => Status::NoData,
        Some(o) if o.value.is_none() && o.total.is_none() => Status::Judged,
        Some(o) => match (facts.baseline, o.value) {
            (None, _) => Status::NotApplicable,
            (Some(_), None) => Status::NotApplicable,
            (Some((_, b)), Some(v)) => status(
                facts.direction,
                shown(b, facts.precision),
                Some(shown(v, facts.precision)),
            ),
        },
    };
    let undated = latest_value.is_some_and(|o| o.undated);
    let mut summary = baseline_sentence(facts, latest_value, status_now);
    let mut year_check = None;
    let mut final_check = None;
    for (i, series) in facts.series.iter().enumerate() {
        let Some(last) = series.points.last().copied() else {
            continue;
        };
        // The actual compared: the running total for cumulative series.
        let actual = if series.kind == SeriesKind::Cumulative {
            totals.last().copied()
        } else {
            numeric
        };
        let Some((year, a)) = actual else {
            let outcome = latest_value
                .filter(|o| o.value.is_none() && o.total.is_none())
                .and_then(|o| o.judgement.map(|j| (o.year, j.1)));
            if i == 0
                && let Some((year, Some(outcome))) = outcome
            {
                final_check = Some(Check {
                    year,
                    target_year: last.year,
                    kind: series.kind,
                    fraction: None,
                    met: Some(outcome == Outcome::Met),
                });
            }
            summary += &format!(
                "{}の目標は{}です。",
                fy(last.year),
                target_text(series, last, facts)
            );
            continue;
        };
        // This year's own target, when it is not the final one.
        let per_year = matches!(series.kind, SeriesKind::Yearly | SeriesKind::Cumulative);
        if per_year
            && year != last.year
            && let Some(own) = series.points.iter().find(|p| p.year == year).copied()
        {
            let (fraction, met) = check(facts, series.kind, a, own);
            let c = Check {
                year,
                target_year: own.year,
                kind: series.kind,
                fraction,
                met,
            };
            if i == 0 {
                year_check = Some(c);
            }
            summary += &target_sentence(facts, series, own, year, a, c, undated);
        }
        let applies = match series.kind {
            SeriesKind::Cap | SeriesKind::Floor | SeriesKind::Range => {
                target_for(series, year).unwrap_or(last)
            }
            _ => last,
        };
        let (fraction, met) = check(facts, series.kind, a, applies);
        let c = Check {
            year,
            target_year: applies.year,
            kind: series.kind,
            fraction,
            met,
        };
        if i == 0 {
            final_check = Some(c);
            if year_check.is_none() && applies.year == year {
                year_check = Some(c);
            }
        }
        summary += &target_sentence(facts, series, applies, year, a, c, undated);
    }
    Assessment {
        status: status_now,
        latest,
        latest_undated: undated,
        year_check,
        final_check,
        totals,
        summary,
    }
}
