//! Indicator cards: each indicator's answer (latest value, target, status)
//! in a small box that fits a phone, made from the indicator views.

use serde::Serialize;

use super::indicator::{self, Series};
use super::paths;
use crate::achievement::{self, Status};
use crate::charts;
use crate::model::*;
use crate::years::{fiscal_year, month, number};

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
    /// 目標 or 累計目標.
    pub target_label: &'static str,
    /// Status word: 改善, 悪化, 横ばい, 変化, データなし.
    pub status: &'static str,
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
    pub sparkline: String,
    /// When the latest actual was published, e.g. 2025年9月; empty if unknown.
    pub published: String,
}

/// The non-colour cue of a status.
fn status_mark(s: Status) -> &'static str {
    match s {
        Status::Improved => "○",
        Status::Worsened => "×",
        Status::Unchanged | Status::Changed => "△",
        Status::NoData => "－",
    }
}

/// The card of `ind` of `plan`; `owner` and `url` say where it belongs and
/// where its figure is (empty: on the same page).
pub fn card(plan: &Plan, ind: &Indicator, era: bool, owner: String, url: String) -> CardView {
    let series = Series::new(plan, ind);
    let fmt = |v: f64| format!("{}{}", number(v, ind.precision), ind.unit);
    let status = indicator::status(ind, &series);
    let progress = indicator::progress(ind, &series).unwrap_or_default();
    let points = 1 + series.actuals.iter().filter(|(_, v)| v.is_some()).count();
    let latest = series.latest();
    let published = latest
        .and_then(|(year, _)| plan.cycles.iter().find(|c| c.year == year))
        .and_then(|c| c.published.as_deref())
        .and_then(|d| month(d, era))
        .unwrap_or_default();
    CardView {
        id: ind.id.clone(),
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
        latest: latest.map(|(y, v)| Latest {
            value: number(v, ind.precision),
            unit: ind.unit.clone(),
            year: fiscal_year(y, era),
        }),
        baseline: format!(
            "{}（{}）",
            fmt(ind.baseline.value),
            fiscal_year(ind.baseline.year, era)
        ),
        targets: ind
            .targets
            .iter()
            .map(|t| format!("{}（{}）", fmt(t.value), fiscal_year(t.year, era)))
            .collect(),
        target_label: if ind.target_kind == TargetKind::Cumulative {
            "累計目標"
        } else {
            "目標"
        },
        status: achievement::status_label(status),
        status_class: indicator::status_class(status),
        status_mark: status_mark(status),
        progress_width: progress
            .trim_end_matches('%')
            .parse::<f64>()
            .map(|p| p.clamp(0.0, 100.0) as u32)
            .unwrap_or(0),
        progress,
        sparkline: if points >= 2 {
            // Its own ids, apart from the dashboard table's sparkline.
            charts::sparkline(&series.input(plan, ind)).replace(
                &format!("\"spark-{}-title\"", ind.id),
                &format!("\"card-spark-{}-title\"", ind.id),
            )
        } else {
            String::new()
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
        let (url, name) = match owner {
            Owner::Plan => (paths::plan(&plan.id), "計画全体".to_string()),
            Owner::Goal(n) => (paths::goal(&plan.id, n), format!("目標{n}")),
            Owner::Item(n) => (paths::item(&plan.id, n), format!("実施項目{n}")),
        };
        card(plan, ind, era, name, format!("{url}#chart-{}", ind.id))
    };
    let mut groups = Vec::new();
    if !plan.indicators.is_empty() {
        groups.push(CardGroup {
            title: "計画全体".into(),
            cards: plan
                .indicators
                .iter()
                .map(|i| one(Owner::Plan, i))
                .collect(),
        });
    }
    for g in &plan.goals {
        let mut cards: Vec<CardView> = g
            .indicators
            .iter()
            .map(|i| one(Owner::Goal(g.number), i))
            .collect();
        for item in plan.items.iter().filter(|i| i.goal == g.number) {
            cards.extend(
                item.indicators
                    .iter()
                    .map(|i| one(Owner::Item(item.number), i)),
            );
        }
        if !cards.is_empty() {
            groups.push(CardGroup {
                title: format!("目標{} {}", g.number, g.title),
                cards,
            });
        }
    }
    groups
}
