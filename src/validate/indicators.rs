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

use super::{check_id, finite, one_of, one_of_named, year_in_period, year_in_range};
use crate::achievement::TargetKind;
use crate::diagnostics::{Diagnostics, Place};
use crate::load::raw::*;
use crate::model::*;

/// Checks a list of indicators; `ids` holds every id used so far in the plan.
pub(super) fn indicators(
    period: Period,
    file: &str,
    list: &[RawIndicator],
    ids: &mut HashMap<String, String>,
    diags: &mut Diagnostics,
) -> Vec<Indicator> {
    let mut out = Vec::new();
    for ind in list {
        check_id(file, &ind.id, "indicator", diags);
        if let Some(first) = ids.get(&ind.id.value) {
            diags.error_hint(
                Place::of(file, &ind.id),
                "duplicate-id",
                format!("duplicate indicator id `{}`", ind.id.value),
                format!("it is already used in {first}; indicator ids must be unique in the plan"),
            );
        } else {
            ids.insert(ind.id.value.clone(), file.to_string());
        }
        out.push(indicator(period, file, ind, diags));
    }
    out
}

/// A value that must be a rank: a whole number from 1.
pub(super) fn check_rank(file: &str, v: &Spanned<f64>, what: &str, diags: &mut Diagnostics) {
    if v.value.is_finite() && (v.value < 1.0 || v.value.fract() != 0.0) {
        diags.error_hint(
            Place::of(file, v),
            "bad-rank",
            format!("{what} {} is not a rank", v.value),
            "a rank (順位) is a whole number from 1, e.g. `17` for 17位",
        );
    }
}

fn indicator(period: Period, file: &str, r: &RawIndicator, diags: &mut Diagnostics) -> Indicator {
    let kind = match one_of(
        file,
        &r.kind,
        "indicator kind",
        &["target", "reference"],
        diags,
    ) {
        Some("target") => IndicatorKind::Target,
        _ => IndicatorKind::Reference,
    };
    let measure = r
        .measure
        .as_ref()
        .and_then(|m| one_of_named(file, m, "measure", &Measure::NAMES, diags))
        .unwrap_or(Measure::Quantity);
    let direction = match &r.direction {
        Some(d) => one_of_named(file, d, "direction", &Direction::NAMES, diags)
            .unwrap_or(Direction::Neither),
        None if measure == Measure::Quantity => {
            diags.error_hint(
                Place::of(file, &r.id),
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
        diags.error_hint(
            Place::of(file, d),
            "bad-value",
            format!(
                "a rank is better when lower, but direction is `{}`",
                d.value
            ),
            "write `direction: lower` or leave `direction` out for `measure: rank`",
        );
    }
    let baseline = r.baseline.as_ref().map(|b| {
        let by = year_in_range(file, &b.year, "baseline year", diags);
        if by > period.to {
            diags.error_hint(
                Place::of(file, &b.year),
                "year-out-of-period",
                format!("baseline year {by} is after the plan period {}–{}", period.from, period.to),
                "the baseline is the value when the plan was made; it may precede the period but not follow it",
            );
        }
        if measure == Measure::Rank {
            check_rank(file, &b.value, "baseline", diags);
        }
        YearValue {
            year: by,
            value: finite(file, &b.value, "baseline value", diags),
        }
    });
    if let Some(p) = &r.precision
        && p.value > 6
    {
        diags.error_hint(
            Place::of(file, p),
            "bad-value",
            format!("precision {} is too large", p.value),
            "use 0 to 6 decimal places",
        );
    }
    let mut series = Vec::new();
    if !r.targets.is_empty() || r.target_kind.is_some() {
        if let Some(first) = r.target_series.first() {
            diags.error_hint(
                Place::of(file, &first.kind),
                "targets-twice",
                format!("indicator `{}` has both `targets` and `target_series`", r.id.value),
                "keep one: move the `targets` into a series of `target_series`, or remove `target_series`",
            );
        }
        let kind = r
            .target_kind
            .as_ref()
            .and_then(|k| one_of_named(file, k, "target kind", &TargetKind::NAMES, diags))
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
        series.push(target_series(
            period,
            file,
            measure,
            kind,
            None,
            &points,
            &[],
            diags,
        ));
    } else {
        for s in &r.target_series {
            let kind = one_of_named(
                file,
                &s.kind,
                "target series kind",
                &SeriesKind::NAMES,
                diags,
            )
            .unwrap_or(SeriesKind::Yearly);
            if kind != SeriesKind::Cumulative
                && let Some(a) = s.amounts.first()
            {
                diags.error_hint(
                    Place::of(file, &a.year),
                    "bad-value",
                    "`amounts` belong to a cumulative series only",
                    "remove `amounts`, or write `kind: cumulative`",
                );
            }
            series.push(target_series(
                period,
                file,
                measure,
                kind,
                s.label.clone(),
                &s.targets,
                &s.amounts,
                diags,
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
            place: Place::of(file, &c.plan),
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
    file: &str,
    measure: Measure,
    kind: SeriesKind,
    label: Option<String>,
    raw: &[RawTargetPoint],
    amounts: &[RawYearValue],
    diags: &mut Diagnostics,
) -> TargetSeries {
    let mut points: Vec<TargetPoint> = Vec::new();
    for t in raw {
        let year = year_in_period(file, &t.year, "target year", period, diags);
        if points.iter().any(|x| x.year == year) {
            diags.error_hint(
                Place::of(file, &t.year),
                "duplicate-year",
                format!("two targets for {year}"),
                "give at most one target per fiscal year in a series",
            );
        }
        if measure == Measure::Rank {
            check_rank(file, &t.value, "target", diags);
        }
        let value = finite(file, &t.value, "target value", diags);
        let high = match (&t.high, kind) {
            (Some(h), SeriesKind::Range) => {
                let high = finite(file, h, "upper end of the range", diags);
                if high < value {
                    diags.error_hint(
                        Place::of(file, h),
                        "bad-range",
                        format!("the range's upper end {high} is below its lower end {value}"),
                        "write the lower end as `value` and the upper end as `high`",
                    );
                }
                Some(high)
            }
            (Some(h), _) => {
                diags.error_hint(
                    Place::of(file, h),
                    "bad-value",
                    "only a range has an upper end `high`",
                    "remove `high`, or write `kind: range`",
                );
                None
            }
            (None, SeriesKind::Range) => {
                diags.error_hint(
                    Place::of(file, &t.value),
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
                diags.error_hint(
                    Place::of(file, &at.value),
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
                year_in_period(file, &a.year, "amount year", period, diags),
                finite(file, &a.value, "amount", diags),
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
