//! One chart per indicator, drawn as inline SVG, with a sentence that says
//! what it shows and the same numbers as table rows.
//!
//! We write the SVG ourselves rather than use plotters. Its SVG backend
//! estimates text width from UTF-8 bytes, so Japanese labels come out about
//! twice too wide; it has no API for `<title>`, `<desc>`, `role` or CSS
//! classes; and with default features it needs system fonts. The small
//! writer here is deterministic, needs no fonts, and emits exactly the
//! accessible markup we need (JIS X 8341-3 / WCAG 2 AA):
//!
//! - `role="img"` with `<title>` (the indicator) and `<desc>` (the summary
//!   and every number) as first children, joined by `aria-labelledby`;
//! - series told apart by more than colour: the actual values are a solid
//!   line with filled circles, the targets a dashed line with hollow
//!   diamonds, the baseline a hollow square, each with a direct label
//!   (実績, 目標, 策定時); a missing or unpublished year is a gap, never 0;
//! - colours with at least 3:1 against white for lines and 4.5:1 for text,
//!   given both as CSS classes and as attributes, so it reads without CSS;
//! - text inherits the page's font (`font-family="inherit"`); label layout
//!   estimates widths as 1em for CJK and full-width characters and 0.55em
//!   for others;
//! - sizes only through `viewBox`, so CSS can scale it (`width: 100%`);
//! - coordinates with at most one decimal place and values through one
//!   formatter, so the same input always gives the same bytes.
//!
//! The x axis has every fiscal year from the earlier of the baseline year
//! and the period start to the period end, widened to any year that has
//! data, labelled `2025` under the title 年度 (every 2nd, 5th … year when
//! they would not fit). The y axis includes 0 when every value is at least
//! 0 and the smallest is at most half the largest, so the data still fills
//! at least half the height; otherwise it starts at a round number a
//! quarter step or more below the data, so no marker sits on the x axis as
//! if it were 0, and the tick labels show where it starts (mirrored for
//! negative values).
//!
//! [`Direction`] is the one in [`crate::achievement`], re-exported here.

use crate::achievement::{self, Facts, Measure, Observed, TargetPoint, TargetSeries};
pub use crate::achievement::{Direction, SeriesKind};

/// What one chart shows: an indicator's numbers, converted from the model.
#[derive(Debug, Clone, Copy)]
pub struct ChartInput<'a> {
    /// URL-safe indicator id; element ids are `chart-<id>-title` and so on.
    pub id: &'a str,
    /// Indicator name 指標名.
    pub name: &'a str,
    /// Unit, e.g. 時間, %, 者.
    pub unit: &'a str,
    /// Which way is better.
    pub direction: Direction,
    /// Decimal places to show; `None` shows values as short as exact.
    pub precision: Option<u8>,
    /// Plan fiscal years, inclusive, e.g. `(2025, 2029)`.
    pub period: (i32, i32),
    /// Fiscal year and value when the plan was made, if published; may
    /// precede the period.
    pub baseline: Option<(i32, f64)>,
    /// Actual values by fiscal year; `None` is not available, drawn as a gap.
    /// For a cumulative target these are the yearly amounts.
    pub actuals: &'a [(i32, Option<f64>)],
    /// For a cumulative target, the running totals drawn instead of the
    /// yearly amounts; left empty, they are summed from `actuals`.
    pub totals: &'a [(i32, f64)],
    /// Targets of the main series by fiscal year.
    pub targets: &'a [(i32, f64)],
    /// How the targets are read: a cumulative series is drawn against
    /// running totals, a cap or floor as a limit line.
    pub kind: SeriesKind,
    /// Fiscal years in which the indicator was revised 見直し.
    pub revisions: &'a [i32],
    /// First fiscal years of later plans, for a series that runs across
    /// plans (an indicator continuing an earlier plan's): each is drawn as
    /// a break labelled 計画の切替 and named in the description.
    pub breaks: &'a [i32],
    /// Years of `actuals` whose value is a later plan's baseline 策定時,
    /// drawn on the actual line of a series across plans: named 策定時 in
    /// the description and the table rows, as the plan's table names it.
    pub later_baselines: &'a [i32],
    /// The sentences from [`crate::achievement::assess`] for the indicator
    /// as a whole; when `None` they are assessed from this input alone.
    pub summary: Option<&'a str>,
    /// Whether fiscal years in sentences carry their era.
    pub era: bool,
}

impl ChartInput<'_> {
    /// Whether the drawn actual line is a running total.
    fn cumulative(&self) -> bool {
        self.kind == SeriesKind::Cumulative
    }

    /// Whether the targets are a limit drawn as a line (cap or floor).
    fn limit(&self) -> bool {
        matches!(self.kind, SeriesKind::Cap | SeriesKind::Floor)
    }

    /// The name of the target series as labelled.
    fn target_label(&self) -> &'static str {
        match self.kind {
            SeriesKind::Cumulative => "累計目標",
            SeriesKind::Cap => "上限",
            SeriesKind::Floor => "下限",
            _ => "目標",
        }
    }
}

/// A drawn chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// The `<svg>` element, ready to inline in a page.
    pub svg: String,
    /// What the chart shows, in Japanese sentences, for the page text.
    pub summary: String,
}

/// One row of the data table shown beside a chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// Fiscal year.
    pub year: i32,
    /// The year as shown, e.g. `2025年度`.
    pub label: String,
    /// Series: 策定時, 実績 or 目標.
    pub series: &'static str,
    /// Value with its unit, e.g. `11.8時間`; `None` is shown as 未公表.
    pub value: Option<String>,
}

/// A fiscal year as labelled in charts and tables: `2025年度`.
pub fn fiscal_year_label(year: i32) -> String {
    format!("{year}年度")
}

/// The chart's numbers as table rows, in year order; within a year the
/// baseline comes first, then the actual value, then the target.
pub fn data_table_rows(input: &ChartInput) -> Vec<TableRow> {
    let data = Data::new(input);
    let row = |year, series, value: Option<f64>| TableRow {
        year,
        label: fiscal_year_label(year),
        series,
        value: value.map(|v| with_unit(v, input)),
    };
    let mut rows: Vec<TableRow> = data
        .baseline
        .map(|(y, v)| row(y, SERIES[0], Some(v)))
        .into_iter()
        .collect();
    rows.extend(input.actuals.iter().map(|&(y, v)| {
        let series = if input.later_baselines.contains(&y) {
            SERIES[0]
        } else {
            SERIES[1]
        };
        row(y, series, v)
    }));
    if input.cumulative() {
        rows.extend(data.actuals.iter().map(|&(y, v)| row(y, SERIES[3], v)));
    }
    rows.extend(
        data.targets
            .iter()
            .map(|&(y, v)| row(y, input.target_label(), Some(v))),
    );
    let rank = |s: &str| {
        SERIES
            .iter()
            .position(|&x| x == s)
            .or((s == input.target_label()).then_some(2))
    };
    rows.sort_by_key(|r| (r.year, rank(r.series)));
    rows
}

/// A full chart of one indicator with its summary sentence.
pub fn chart(input: &ChartInput) -> Chart {
    let data = Data::new(input);
    let summary = match input.summary {
        Some(s) => s.to_string(),
        None => summary(input),
    };
    let svg = draw::chart(input, &data, &describe(input, &summary));
    Chart { svg, summary }
}

/// A small chart (120×32) for a dashboard row: the actual line, the
/// baseline and the final target, titled with the numbers it shows.
pub fn sparkline(input: &ChartInput) -> String {
    let data = Data::new(input);
    let mut title = match data.baseline {
        Some((year, value)) => format!(
            "{}の推移：策定時（{}）{}",
            input.name,
            fiscal_year_label(year),
            with_unit(value, input)
        ),
        None => format!("{}の推移：策定時の値なし", input.name),
    };
    if let Some((year, value)) = data.latest() {
        title += &format!(
            "、最新（{}）{}",
            fiscal_year_label(year),
            with_unit(value, input)
        );
    }
    if let Some(&(year, value)) = data.targets.last() {
        let kind = input.target_label();
        title += &format!(
            "、{kind}（{}）{}",
            fiscal_year_label(year),
            with_unit(value, input)
        );
    }
    draw::sparkline(input, &data, &title)
}

/// Series names, in the order rows of one year are listed.
const SERIES: [&str; 4] = ["策定時", "実績", "目標", "実績の累計"];

/// The input cleaned up: sorted by year, non-finite values dropped (the
/// model lets none through; a non-finite baseline becomes 0 only so the
/// output stays well-formed).
struct Data {
    baseline: Option<(i32, f64)>,
    actuals: Vec<(i32, Option<f64>)>,
    targets: Vec<(i32, f64)>,
    revisions: Vec<i32>,
    breaks: Vec<i32>,
    /// First and last fiscal year on the x axis.
    years: (i32, i32),
}

impl Data {
    fn new(input: &ChartInput) -> Data {
        let mut actuals: Vec<_> = if !input.cumulative() {
            input
                .actuals
                .iter()
                .map(|&(y, v)| (y, v.filter(|v| v.is_finite())))
                .collect()
        } else if input.totals.is_empty() {
            achievement::running_totals(&observed(input))
                .into_iter()
                .map(|(y, v)| (y, Some(v)))
                .collect()
        } else {
            input
                .totals
                .iter()
                .filter(|t| t.1.is_finite())
                .map(|&(y, v)| (y, Some(v)))
                .collect()
        };
        actuals.sort_by_key(|a| a.0);
        let mut targets: Vec<_> = input
            .targets
            .iter()
            .copied()
            .filter(|t| t.1.is_finite())
            .collect();
        targets.sort_by_key(|t| t.0);
        let mut revisions = input.revisions.to_vec();
        revisions.sort_unstable();
        revisions.dedup();
        let mut breaks = input.breaks.to_vec();
        breaks.sort_unstable();
        breaks.dedup();
        let baseline = input
            .baseline
            .map(|(y, v)| (y, if v.is_finite() { v } else { 0.0 }));
        // Every year of the plan and every year with something to draw.
        let all = [input.period.0, input.period.1]
            .into_iter()
            .chain(baseline.map(|b| b.0))
            .chain(actuals.iter().map(|a| a.0))
            .chain(targets.iter().map(|t| t.0))
            .chain(revisions.iter().copied())
            .chain(breaks.iter().copied());
        let (lo, hi) = all.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
        Data {
            baseline,
            actuals,
            targets,
            revisions,
            breaks,
            years: (lo, hi),
        }
    }

    /// The latest year with an actual value.
    fn latest(&self) -> Option<(i32, f64)> {
        self.actuals
            .iter()
            .rev()
            .find_map(|&(y, v)| v.map(|v| (y, v)))
    }

    /// Runs of consecutive years with values; a `None` or a missing year ends a run.
    fn segments(&self) -> Vec<Vec<(i32, f64)>> {
        let mut runs: Vec<Vec<(i32, f64)>> = Vec::new();
        let mut last_year = None;
        for &(year, value) in &self.actuals {
            let Some(value) = value else {
                last_year = None;
                continue;
            };
            match runs.last_mut() {
                Some(run) if last_year.is_some_and(|y: i32| y.checked_add(1) == Some(year)) => {
                    run.push((year, value));
                }
                _ => runs.push(vec![(year, value)]),
            }
            last_year = Some(year);
        }
        runs
    }

    /// Every value drawn.
    fn values(&self) -> Vec<f64> {
        let actual = self.actuals.iter().filter_map(|a| a.1);
        let target = self.targets.iter().map(|t| t.1);
        self.baseline
            .map(|b| b.1)
            .into_iter()
            .chain(actual)
            .chain(target)
            .collect()
    }
}

/// A value as shown: `precision` decimals, or as short as exact; never `-0`.
fn format_value(value: f64, precision: Option<u8>) -> String {
    let s = match precision {
        Some(p) => format!("{:.*}", usize::from(p), value + 0.0),
        None => format!("{}", value + 0.0),
    };
    match s.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_string(),
        _ => s,
    }
}

/// A value with the indicator's unit and thousands separated, e.g. `12.5時間`, `8,030者`.
fn with_unit(value: f64, input: &ChartInput) -> String {
    let shown = format_value(value, input.precision);
    let grouped = crate::years::number(shown.parse().unwrap_or(value), input.precision);
    format!("{grouped}{}", input.unit)
}

/// Round y ticks covering `values`, with the decimals they need.
///
/// 0 is included when all values are at least 0 and the smallest is at
/// most half the largest (mirrored for values at most 0).
fn y_ticks(values: &[f64]) -> (Vec<f64>, u8) {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (mut lo, mut hi) = if lo.is_finite() { (lo, hi) } else { (0.0, 1.0) };
    if lo >= 0.0 && lo <= hi / 2.0 {
        lo = 0.0;
    }
    if hi <= 0.0 && hi >= lo / 2.0 {
        hi = 0.0;
    }
    if lo == hi {
        match lo.partial_cmp(&0.0) {
            Some(std::cmp::Ordering::Greater) => lo = 0.0,
            Some(std::cmp::Ordering::Less) => hi = 0.0,
            _ => hi = 1.0,
        }
    }
    let raw = (hi - lo) / 4.0;
    if !raw.is_finite() || raw <= 0.0 {
        return (vec![lo, hi], 0);
    }
    let mut exp = raw.log10().floor();
    let mut m = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .find(|m| m * 10f64.powf(exp) >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0);
    if m == 10.0 {
        m = 1.0;
        exp += 1.0;
    }
    let step = m * 10f64.powf(exp);
    // A lower bound other than 0 keeps a quarter step clear, so markers
    // never sit on the x axis as if they were 0.
    let first = (lo / step - if lo == 0.0 { -1e-9 } else { 0.25 }).floor();
    let last = (hi / step - 1e-9).ceil();
    let count = ((last - first) as usize).min(20);
    let ticks = (0..=count).map(|i| (first + i as f64) * step).collect();
    let places = if exp < 0.0 { (-exp).min(12.0) as u8 } else { 0 };
    (ticks, places)
}

/// The chart's actuals as the achievement module reads them (a value that
/// is not finite is a gap).
fn observed<'a>(input: &ChartInput) -> Vec<Observed<'a>> {
    input
        .actuals
        .iter()
        .map(|&(year, value)| Observed {
            year,
            value: value.filter(|v| v.is_finite()),
            total: None,
            judgement: None,
            reason: None,
            undated: false,
        })
        .collect()
}

/// The sentences for this input alone, from [`achievement::assess`].
fn summary(input: &ChartInput) -> String {
    let observed = observed(input);
    let series = (!input.targets.is_empty()).then(|| TargetSeries {
        kind: input.kind,
        label: None,
        points: input
            .targets
            .iter()
            .map(|&(year, value)| TargetPoint {
                year,
                value,
                high: None,
            })
            .collect(),
        amounts: Vec::new(),
    });
    let facts = Facts {
        unit: input.unit,
        precision: input.precision,
        direction: input.direction,
        measure: Measure::Quantity,
        baseline: input.baseline,
        series: series.as_slice(),
        observed: &observed,
        era: input.era,
    };
    achievement::assess(&facts).summary
}

/// The `<desc>` text: the summary, then every number in the chart.
fn describe(input: &ChartInput, summary: &str) -> String {
    let rows = data_table_rows(input);
    let mut out = format!("{summary}数値：");
    for series in SERIES {
        let items: Vec<String> = rows
            .iter()
            .filter(|r| r.series == series)
            .map(|r| format!("{} {}", r.label, r.value.as_deref().unwrap_or("未公表")))
            .collect();
        if !items.is_empty() {
            out += &format!("{series} {}。", items.join("、"));
        }
    }
    let data = Data::new(input);
    if !data.revisions.is_empty() {
        let years: Vec<String> = data
            .revisions
            .iter()
            .map(|&y| fiscal_year_label(y))
            .collect();
        out += &format!("見直し {}。", years.join("、"));
    }
    if !data.breaks.is_empty() {
        let years: Vec<String> = data.breaks.iter().map(|&y| fiscal_year_label(y)).collect();
        out += &format!(
            "計画の切り替わり（新しい計画の最初の年度） {}。",
            years.join("、")
        );
    }
    out
}

mod draw;

#[cfg(test)]
mod tests;
