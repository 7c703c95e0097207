//! Validation of indicator definitions: kind, measure, direction, the
//! optional baseline and every target series.
//!
//! Rules: ids unique in the plan; a quantity names its direction, a rank is
//! better when lower and its values are positive whole numbers; target years
//! lie in the period (a baseline may precede it); a cumulative series never
//! falls; a range has an upper end at or above its lower end, and only a
//! range has one; `targets` (the shorthand) and `target_series` are not both
//! given.

use std::collections::HashMap;

use serde_saphyr::Spanned;

use super::Checker;
use crate::achievement::TargetKind;
use crate::diagnostics::Diagnostics;
use crate::load::raw::*;
use crate::model::*;

/// Checks a list of indicators; `ids` holds every id used so far in the plan.
pub(super) fn indicators(
    period: Period,
    list: &[RawIndicator],
    ids: &mut HashMap<String, String>,
    ck: &mut Checker<'_>,
) -> Vec<Indicator> {
    let mut out = Vec::new();
    for ind in list {
        ck.check_id(&ind.id, "indicator");
        if let Some(first) = ids.get(&ind.id.value) {
            ck.error(
                &ind.id,
                "duplicate-id",
                format!("duplicate indicator id `{}`", ind.id.value),
                format!("it is already used in {first}; indicator ids must be unique in the plan"),
            );
        } else {
            ids.insert(ind.id.value.clone(), ck.file().to_string());
        }
        out.push(indicator(period, ind, ck));
    }
    out
}

/// A value that must be a rank: a whole number from 1.
pub(super) fn check_rank(v: &Spanned<f64>, what: &str, ck: &mut Checker<'_>) {
    if v.value.is_finite() && (v.value < 1.0 || v.value.fract() != 0.0) {
        ck.error(
            v,
            "bad-rank",
            format!("{what} {} is not a rank", v.value),
            "a rank (順位) is a whole number from 1, e.g. `17` for 17位",
        );
    }
}

fn indicator(period: Period, r: &RawIndicator, ck: &mut Checker<'_>) -> Indicator {
    let kind = match ck.one_of(&r.kind, "indicator kind", &["target", "reference"]) {
        Some("target") => IndicatorKind::Target,
        _ => IndicatorKind::Reference,
    };
    let measure = r
        .measure
        .as_ref()
        .and_then(|m| ck.one_of_named(m, "measure", &Measure::NAMES))
        .unwrap_or(Measure::Quantity);
    let direction = match &r.direction {
        Some(d) => ck
            .one_of_named(d, "direction", &Direction::NAMES)
            .unwrap_or(Direction::Neither),
        None if measure == Measure::Quantity => {
            ck.error(
                &r.id,
                "missing-field",
                format!("indicator `{}` has no `direction`", r.id.value),
                "write `direction: higher` (higher is better), `lower` or `neither`",
            );
            Direction::Neither
        }
        None if measure == Measure::Rank => Direction::Lower,
        None => Direction::Neither,
    };
    if measure == Measure::Rank
        && let Some(d) = &r.direction
        && d.value != "lower"
    {
        ck.error(
            d,
            "bad-value",
            format!(
                "a rank is better when lower, but direction is `{}`",
                d.value
            ),
            "write `direction: lower` or leave `direction` out for `measure: rank`",
        );
    }
    let baseline = r.baseline.as_ref().map(|b| {
        let by = ck.year_in_range(&b.year, "baseline year");
        if by > period.to {
            ck.error(&b.year,
                "year-out-of-period",
                format!("baseline year {by} is after the plan period {}–{}", period.from, period.to),
                "the baseline is the value when the plan was made; it may precede the period but not follow it",
            );
        }
        if measure == Measure::Rank {
            check_rank(&b.value, "baseline", ck);
        }
        YearValue {
            year: by,
            value: ck.finite(&b.value, "baseline value"),
        }
    });
    if let Some(p) = &r.precision
        && p.value > 6
    {
        ck.error(
            p,
            "bad-value",
            format!("precision {} is too large", p.value),
            "use 0 to 6 decimal places",
        );
    }
    let mut series = Vec::new();
    if !r.targets.is_empty() || r.target_kind.is_some() {
        if let Some(first) = r.target_series.first() {
            ck.error(&first.kind,
                "targets-twice",
                format!("indicator `{}` has both `targets` and `target_series`", r.id.value),
                "keep one: move the `targets` into a series of `target_series`, or remove `target_series`",
            );
        }
        let kind = r
            .target_kind
            .as_ref()
            .and_then(|k| ck.one_of_named(k, "target kind", &TargetKind::NAMES))
            .map_or(SeriesKind::Yearly, |k| {
                SeriesKind::of_target_kind(k, direction)
            });
        let points = r
            .targets
            .iter()
            .map(|t| RawTargetPoint {
                year: t.year.clone(),
                value: t.value.clone(),
                high: None,
            })
            .collect::<Vec<_>>();
        series.push(target_series(period, measure, kind, None, &points, &[], ck));
    } else {
        for s in &r.target_series {
            let kind = ck
                .one_of_named(&s.kind, "target series kind", &SeriesKind::NAMES)
                .unwrap_or(SeriesKind::Yearly);
            if kind != SeriesKind::Cumulative
                && let Some(a) = s.amounts.first()
            {
                ck.error(
                    &a.year,
                    "bad-value",
                    "`amounts` belong to a cumulative series only",
                    "remove `amounts`, or write `kind: cumulative`",
                );
            }
            series.push(target_series(
                period,
                measure,
                kind,
                s.label.clone(),
                &s.targets,
                &s.amounts,
                ck,
            ));
        }
    }
    Indicator {
        id: IndicatorId::new(r.id.value.clone()),
        name: r.name.clone(),
        kind,
        measure,
        unit: r.unit.clone(),
        direction,
        baseline,
        series,
        precision: r.precision.as_ref().map(|p| p.value),
        source: r.source.clone(),
        notes: r.notes.clone(),
        continues: r.continues.as_ref().map(|c| Continues {
            plan: c.plan.value.clone(),
            indicator: c.indicator.value.clone(),
            note: c.note.clone(),
            place: ck.place(&c.plan),
        }),
    }
}

/// Every `continues` resolves to an indicator of another plan of the site.
pub(super) fn check_continues(plans: &[Plan], diags: &mut Diagnostics) {
    for plan in plans {
        for (_, ind) in plan.all_indicators() {
            let Some(c) = &ind.continues else { continue };
            let earlier = plans.iter().find(|p| p.id == c.plan && p.id != plan.id);
            match earlier {
                None => diags.error_hint(
                    c.place.clone(),
                    "unknown-plan",
                    format!(
                        "indicator `{}` continues one of plan `{}`, which is not on this site",
                        ind.id, c.plan
                    ),
                    format!(
                        "name another plan's folder: {}",
                        plans
                            .iter()
                            .filter(|p| p.id != plan.id)
                            .map(|p| p.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
                Some(p) if p.indicator(&c.indicator).is_none() => diags.error_hint(
                    c.place.clone(),
                    "unknown-indicator",
                    format!("plan `{}` has no indicator `{}`", c.plan, c.indicator),
                    "use an indicator id of that plan's plan.yaml or item files",
                ),
                Some(_) => {}
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn target_series(
    period: Period,
    measure: Measure,
    kind: SeriesKind,
    label: Option<String>,
    raw: &[RawTargetPoint],
    amounts: &[RawYearValue],
    ck: &mut Checker<'_>,
) -> TargetSeries {
    let mut points: Vec<TargetPoint> = Vec::new();
    for t in raw {
        let year = ck.year_in_period(&t.year, "target year", period);
        if points.iter().any(|x| x.year == year) {
            ck.error(
                &t.year,
                "duplicate-year",
                format!("two targets for {year}"),
                "give at most one target per fiscal year in a series",
            );
        }
        if measure == Measure::Rank {
            check_rank(&t.value, "target", ck);
        }
        let value = ck.finite(&t.value, "target value");
        let high = match (&t.high, kind) {
            (Some(h), SeriesKind::Range) => {
                let high = ck.finite(h, "upper end of the range");
                if high < value {
                    ck.error(
                        h,
                        "bad-range",
                        format!("the range's upper end {high} is below its lower end {value}"),
                        "write the lower end as `value` and the upper end as `high`",
                    );
                }
                Some(high)
            }
            (Some(h), _) => {
                ck.error(
                    h,
                    "bad-value",
                    "only a range has an upper end `high`",
                    "remove `high`, or write `kind: range`",
                );
                None
            }
            (None, SeriesKind::Range) => {
                ck.error(
                    &t.value,
                    "missing-field",
                    "a range target needs its upper end `high`",
                    "write e.g. `{year: 2027, value: 40, high: 60}` for 40 to 60",
                );
                None
            }
            (None, _) => None,
        };
        points.push(TargetPoint { year, value, high });
    }
    points.sort_by_key(|p| p.year);
    if kind == SeriesKind::Cumulative {
        for (pair, raw_point) in points.windows(2).zip(raw.iter().skip(1)) {
            if pair[1].value < pair[0].value {
                let at = raw
                    .iter()
                    .find(|r| r.year.value == i64::from(pair[1].year))
                    .unwrap_or(raw_point);
                ck.error(&at.value,
                    "cumulative-falls",
                    format!(
                        "the cumulative target falls from {} in {} to {} in {}",
                        pair[0].value, pair[0].year, pair[1].value, pair[1].year
                    ),
                    "a running total never goes down: write each year's total so far, not that year's amount (put yearly amounts under `amounts`)",
                );
            }
        }
    }
    let mut amounts: Vec<(i32, f64)> = amounts
        .iter()
        .map(|a| {
            (
                ck.year_in_period(&a.year, "amount year", period),
                ck.finite(&a.value, "amount"),
            )
        })
        .collect();
    amounts.sort_by_key(|a| a.0);
    TargetSeries {
        kind,
        label,
        points,
        amounts,
    }
}
