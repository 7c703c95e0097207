//! The view of an indicator (指標) as a section of a plan, goal or item
//! page: its facts, targets, actuals, chart and card, and the values of the
//! earlier plan's indicator it continues.

use serde::Serialize;

use super::{Html, card, indicator, md};
use crate::model::*;
use crate::urls::paths;
use crate::years::{fiscal_year, number};

/// An indicator ready to print.
#[derive(Debug, Serialize)]
pub struct IndicatorView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// 数値目標 or 参考指標.
    pub kind: &'static str,
    /// Unit.
    pub unit: String,
    /// Which way is better, in words.
    pub direction: &'static str,
    /// Baseline year label.
    pub baseline_year: String,
    /// Baseline value with unit.
    pub baseline: String,
    /// Targets by year.
    pub targets: Vec<YearValueView>,
    /// Source.
    pub source: String,
    /// Notes HTML.
    pub notes: Html,
    /// Published actuals by year; unavailable ones say why.
    pub actuals: Vec<YearValueView>,
    /// The latest published value with its year, or 「実績なし」.
    pub latest: String,
    /// Chart, summary and data table.
    pub chart: indicator::ChartView,
    /// The indicator of an earlier plan this one continues, with its values.
    pub earlier: Option<EarlierView>,
    /// The indicator as a card (its answer at a glance).
    pub card: card::CardView,
    /// What this indicator continues, resolved by [`IndicatorView::with_earlier`].
    #[serde(skip)]
    continues: Option<Continues>,
    /// The plan the indicator belongs to, to draw it across plans.
    #[serde(skip)]
    plan_id: String,
}

/// The values of the earlier plan's indicator an indicator continues.
#[derive(Debug, Serialize)]
pub struct EarlierView {
    /// What is continued, in a sentence.
    pub text: String,
    /// What changed between the plans, if the content says.
    pub note: String,
    /// The earlier plan's page.
    pub url: String,
    /// Its values: year, series (策定時, 実績, 目標) and value.
    pub rows: Vec<EarlierRow>,
    /// The whole series across both plans, the break marked.
    pub across: super::across::AcrossView,
}

/// A value of the earlier plan's indicator.
#[derive(Debug, Serialize)]
pub struct EarlierRow {
    /// Fiscal year label.
    pub year: String,
    /// 策定時, 実績 or 目標.
    pub series: &'static str,
    /// Value with unit, or why there is none.
    pub value: String,
}

impl IndicatorView {
    /// The view of `indicator` of `plan`, with its actuals from the plan's cycles.
    pub fn new(plan: &Plan, indicator: &Indicator, era: bool) -> Self {
        let fmt = |v: f64| format!("{}{}", number(v, indicator.precision), indicator.unit);
        let series = indicator::Series::new(plan, indicator, era);
        let facts = indicator::facts(indicator, &series.observed, era);
        let latest = indicator::latest_text(&series.assessment, era);
        IndicatorView {
            actuals: series
                .observed
                .iter()
                .map(|o| YearValueView {
                    year: fiscal_year(o.year, era),
                    value: crate::achievement::observed_text(o, &facts),
                })
                .collect(),
            latest,
            chart: indicator::chart(plan, indicator, era),
            earlier: None,
            card: card::card(plan, indicator, era, String::new(), String::new()),
            continues: indicator.continues.clone(),
            plan_id: plan.id.to_string(),
            id: indicator.id.to_string(),
            name: indicator.name.clone(),
            kind: match indicator.kind {
                IndicatorKind::Target => "数値目標",
                IndicatorKind::Reference => "参考指標",
            },
            unit: indicator.unit.clone(),
            direction: match (indicator.measure, indicator.direction) {
                (Measure::Rank, _) => "順位が上がる（数が小さくなる）ほどよい",
                (Measure::Judgement, _) => "判定",
                (_, Direction::Higher) => "高いほどよい",
                (_, Direction::Lower) => "低いほどよい",
                (_, Direction::Neither) => "方向なし",
            },
            baseline_year: indicator
                .baseline
                .map(|b| fiscal_year(b.year, era))
                .unwrap_or_default(),
            baseline: indicator
                .baseline
                .map(|b| fmt(b.value))
                .unwrap_or_else(|| "公表なし".into()),
            targets: indicator
                .series
                .iter()
                .flat_map(|s| {
                    let facts = &facts;
                    s.points.iter().map(move |t| YearValueView {
                        year: fiscal_year(t.year, era),
                        value: match &s.label {
                            Some(l) => {
                                format!("{l}：{}", crate::achievement::target_text(s, *t, facts))
                            }
                            None => crate::achievement::target_text(s, *t, facts),
                        },
                    })
                })
                .collect(),
            source: indicator.source.clone().unwrap_or_default(),
            notes: md(&indicator.notes),
        }
    }
}

impl IndicatorView {
    /// Adds the values of the earlier plan's indicator this one continues.
    pub fn with_earlier(mut self, site: &Site) -> Self {
        let era = site.settings.era_years;
        let Some(c) = self.continues.take() else {
            return self;
        };
        let Some((plan, ind)) = site
            .plans
            .iter()
            .find(|p| p.id == c.plan)
            .and_then(|p| p.indicator(&c.indicator).map(|(_, i)| (p, i)))
        else {
            return self;
        };
        let series = indicator::Series::new(plan, ind, era);
        let facts = indicator::facts(ind, &series.observed, era);
        let fmt = |v: f64| crate::achievement::with_unit(v, &facts);
        let mut rows: Vec<(i32, u8, EarlierRow)> = Vec::new();
        if let Some(b) = ind.baseline {
            rows.push((
                b.year,
                0,
                EarlierRow {
                    year: fiscal_year(b.year, era),
                    series: "策定時",
                    value: fmt(b.value),
                },
            ));
        }
        for o in &series.observed {
            rows.push((
                o.year,
                1,
                EarlierRow {
                    year: fiscal_year(o.year, era),
                    series: "実績",
                    value: crate::achievement::observed_text(o, &facts),
                },
            ));
        }
        for s in &ind.series {
            for t in &s.points {
                rows.push((
                    t.year,
                    2,
                    EarlierRow {
                        year: fiscal_year(t.year, era),
                        series: "目標",
                        value: crate::achievement::target_text(s, *t, &facts),
                    },
                ));
            }
        }
        rows.sort_by_key(|r| (r.0, r.1));
        let note = c
            .note
            .map(|n| format!("定義などの変更：{n}"))
            .unwrap_or_default();
        let Some((now_plan, now)) = site
            .plans
            .iter()
            .find(|p| p.id == self.plan_id)
            .and_then(|p| p.indicator(&self.id).map(|(_, i)| (p, i)))
        else {
            return self;
        };
        self.earlier = Some(EarlierView {
            text: format!(
                "この指標は、前の計画「{}」（{}〜{}）の指標「{}」を引き継いでいます。",
                plan.title,
                fiscal_year(plan.period.from, era),
                fiscal_year(plan.period.to, era),
                ind.name
            ),
            note,
            url: paths::plan(&plan.id),
            rows: rows.into_iter().map(|r| r.2).collect(),
            across: super::across::across(plan, ind, now_plan, now, era),
        });
        self
    }
}

/// A value for a fiscal year, both ready to print.
#[derive(Debug, Serialize)]
pub struct YearValueView {
    /// Fiscal year label.
    pub year: String,
    /// Value with unit.
    pub value: String,
}
