//! Indicator cards: each indicator's answer (latest value, target, status)
//! in a small box that fits a phone, made from the indicator views.

use serde::Serialize;

use super::indicator::{self, Series};
use crate::achievement::{self, Status};
use crate::charts;
use crate::model::*;
use crate::urls::paths;
use crate::years::{fiscal_year, month};

/// The latest actual, split so the value can be shown large.
#[derive(Debug, Serialize)]
pub struct Latest {
    /// The number as printed, e.g. `8,030`.
    pub value: String,
    /// Unit, e.g. 時間.
    pub unit: String,
    /// Fiscal year label, e.g. 2024年度.
    pub year: String,
}

/// One indicator as a card.
#[derive(Debug, Serialize)]
pub struct CardView {
    /// Indicator id.
    pub id: String,
    /// Name.
    pub name: String,
    /// 数値目標 or 参考指標.
    pub kind: &'static str,
    /// Which way is better, in words.
    pub direction: &'static str,
    /// What it belongs to (dashboard cards only), e.g. 実施項目25.
    pub owner: String,
    /// Where the indicator's figure is, site-relative; empty when it is on
    /// the same page (at `#chart-{id}`).
    pub url: String,
    /// The latest actual, if any.
    pub latest: Option<Latest>,
    /// Baseline with unit and year.
    pub baseline: String,
    /// Targets with unit and year, last one last.
    pub targets: Vec<String>,
    /// 目標, 累計目標, 上限, 下限 or 目標範囲.
    pub target_label: &'static str,
    /// Status word: 改善, 悪化, 横ばい, 変化, データなし, 策定時の値なし, 判定のみ.
    pub status: &'static str,
    /// The status in a short sentence, e.g. 策定時と比べて改善.
    pub status_line: &'static str,
    /// CSS class of the status.
    pub status_class: &'static str,
    /// A shape that tells the status without colour (○ △ × －).
    pub status_mark: &'static str,
    /// Progress toward the last target, e.g. 40%, or empty.
    pub progress: String,
    /// The same progress, clamped to 0–100, for the bar's width.
    pub progress_width: u32,
    /// Points there are to draw (baseline and published actuals).
    pub points: usize,
    /// Sparkline SVG, only when there are at least two points.
    pub sparkline: super::Html,
    /// When the latest actual was published, e.g. 2025年9月; empty if unknown.
    pub published: String,
}

/// The non-colour cue of a status.
fn status_mark(s: Status) -> &'static str {
    match s {
        Status::Improved => "○",
        Status::Worsened => "×",
        Status::Unchanged | Status::Changed => "△",
        Status::NoData | Status::NotApplicable | Status::Judged => "－",
    }
}

/// The status in a short sentence; what cannot be compared says why.
fn status_line(s: Status) -> &'static str {
    match s {
        Status::Improved => "策定時と比べて改善",
        Status::Worsened => "策定時と比べて悪化",
        Status::Unchanged => "策定時と比べて横ばい",
        Status::Changed => "策定時と比べて変化",
        Status::NoData => "実績はまだ公表されていません",
        Status::NotApplicable => "策定時の値が公表されていないため、比べられません",
        Status::Judged => "数値ではなく判定で公表されています",
    }
}

/// What the targets of the main series are called on a card.
fn target_label(ind: &Indicator) -> &'static str {
    match ind.main_series().map(|s| s.kind) {
        Some(SeriesKind::Cumulative) => "累計目標",
        Some(SeriesKind::Cap) => "上限",
        Some(SeriesKind::Floor) => "下限",
        Some(SeriesKind::Range) => "目標範囲",
        Some(SeriesKind::Yearly) | None => "目標",
    }
}

/// The card of `ind` of `plan`; `owner` and `url` say where it belongs and
/// where its figure is (empty: on the same page). Every figure and word of
/// progress comes from the achievement module's assessment.
pub fn card(plan: &Plan, ind: &Indicator, era: bool, owner: String, url: String) -> CardView {
    let series = Series::new(plan, ind, era);
    let facts = indicator::facts(ind, &series.observed, era);
    let a = &series.assessment;
    let status = a.status;
    let progress = a.progress_text();
    let progress_width = a
        .final_check
        .and_then(|c| c.fraction)
        .map(|f| (f * 100.0).clamp(0.0, 100.0) as u32)
        .unwrap_or(0);
    let points = usize::from(ind.baseline.is_some())
        + series.actuals.iter().filter(|(_, v)| v.is_some()).count();
    let published = a
        .latest
        .as_ref()
        .and_then(|(year, _)| plan.cycles.iter().find(|c| c.year == *year))
        .and_then(|c| c.published.as_deref())
        .and_then(|d| month(d, era))
        .unwrap_or_default();
    let targets = ind
        .series
        .iter()
        .flat_map(|s| {
            let facts = &facts;
            s.points.iter().map(move |p| {
                format!(
                    "{}（{}）",
                    achievement::target_text(s, *p, facts),
                    fiscal_year(p.year, era)
                )
            })
        })
        .collect();
    CardView {
        id: ind.id.to_string(),
        name: ind.name.clone(),
        kind: match ind.kind {
            IndicatorKind::Target => "数値目標",
            IndicatorKind::Reference => "参考指標",
        },
        direction: match ind.direction {
            Direction::Higher => "高いほどよい",
            Direction::Lower => "低いほどよい",
            Direction::Neither => "方向なし",
        },
        owner,
        url,
        latest: a.latest.as_ref().map(|(y, shown)| Latest {
            value: shown
                .strip_suffix(ind.unit.as_str())
                .filter(|_| !ind.unit.is_empty())
                .unwrap_or(shown)
                .to_string(),
            unit: if shown.ends_with(ind.unit.as_str()) {
                ind.unit.clone()
            } else {
                String::new()
            },
            year: if a.latest_undated {
                "年度の記載なし".into()
            } else {
                fiscal_year(*y, era)
            },
        }),
        baseline: match ind.baseline {
            Some(b) => format!(
                "{}（{}）",
                achievement::with_unit(b.value, &facts),
                fiscal_year(b.year, era)
            ),
            None => "公表されていません".into(),
        },
        targets,
        target_label: target_label(ind),
        status: achievement::status_label(status),
        status_line: status_line(status),
        status_class: indicator::status_class(status),
        status_mark: status_mark(status),
        progress_width,
        progress,
        sparkline: if points >= 2 {
            // Its own ids, apart from the dashboard table's sparkline.
            super::Html::chart(charts::sparkline(&series.input(plan, ind)).replace(
                &format!("\"spark-{}-title\"", ind.id),
                &format!("\"card-spark-{}-title\"", ind.id),
            ))
        } else {
            super::Html::default()
        },
        points,
        published,
    }
}

/// A group of dashboard cards: the plan as a whole, or one goal.
#[derive(Debug, Serialize)]
pub struct CardGroup {
    /// Heading.
    pub title: String,
    /// Cards.
    pub cards: Vec<CardView>,
}

/// The dashboard's cards, grouped as its tables are: the plan's own
/// indicators, then each goal's with its items'.
pub fn dashboard(plan: &Plan, era: bool) -> Vec<CardGroup> {
    let one = |owner: Owner, ind: &Indicator| {
        let (url, name) = indicator::owner_place(plan, owner);
        card(plan, ind, era, name, paths::chart(&url, &ind.id))
    };
    indicator::grouped(plan, one)
        .into_iter()
        .map(|(title, cards)| CardGroup { title, cards })
        .collect()
}
