//! The Japanese sentences of an assessment: an observed value as written,
//! the change since the baseline, and each target and how far it got.

use super::assess::{UNDATED, derived, inner_year};
use super::*;
use crate::years::fiscal_year;

/// How an observation is shown in a table or a line.
pub fn observed_text(o: &Observed, facts: &Facts) -> String {
    if let Some(v) = o.value {
        return with_unit(v, facts);
    }
    if let Some(t) = o.total {
        return format!("累計{}", with_unit(t, facts));
    }
    if let Some((label, _)) = o.judgement {
        return label.to_string();
    }
    match o.reason {
        Some(r) => format!("未公表（{r}）"),
        None => "未公表".into(),
    }
}

/// The sentence on the change since the baseline (or why there is none).
pub(super) fn baseline_sentence(facts: &Facts, latest: Option<&Observed>, st: Status) -> String {
    let fy = |y: i32| fiscal_year(y, facts.era);
    let note = match (facts.measure, facts.direction) {
        (Measure::Rank, _) => "",
        (_, Direction::Higher) => "（高いほどよい指標）",
        (_, Direction::Lower) => "（低いほどよい指標）",
        (_, Direction::Neither) => "",
    };
    let Some(o) = latest else {
        return match facts.baseline {
            Some((y, b)) => format!(
                "策定時（{}）の値は{}です。実績はまだありません。",
                inner_year(y, facts.era),
                with_unit(b, facts)
            ),
            None => "策定時の値は公表されていません。実績はまだありません。".into(),
        };
    };
    let year = if o.undated {
        UNDATED.to_string()
    } else {
        fy(o.year)
    };
    if let Some((label, _)) = o
        .judgement
        .filter(|_| o.value.is_none() && o.total.is_none())
    {
        return format!(
            "{year}の実績は「{label}」と判定されています（数値は公表されていません）。"
        );
    }
    let Some(v) = o.value else {
        // A cumulative series' sentence tells the running total itself.
        if facts
            .series
            .first()
            .is_some_and(|s| s.kind == SeriesKind::Cumulative)
        {
            return String::new();
        }
        let t = o.total.unwrap_or_default();
        return format!("{year}までの実績の累計は{}です。", with_unit(t, facts));
    };
    let Some((b_year, b)) = facts.baseline else {
        return format!(
            "{year}の実績は{}です。策定時の値は公表されていないため、策定時からの変化は示していません。",
            with_unit(v, facts)
        );
    };
    let (b, v) = (shown(b, facts.precision), shown(v, facts.precision));
    let since = format!("策定時（{}）", inner_year(b_year, facts.era));
    if facts.measure == Measure::Rank {
        let steps = derived((v - b).abs(), &[v, b], facts);
        let start = format!(
            "{since}の{}から{year}は{}",
            with_unit(b, facts),
            with_unit(v, facts)
        );
        return match st {
            Status::Improved => format!("{start}へ{steps}つ上がり、改善しています。"),
            Status::Worsened => format!("{start}へ{steps}つ下がり、悪化しています。"),
            _ => format!("{start}で、変わっていません。"),
        };
    }
    let start = format!(
        "{since}の{}から{year}は{}",
        with_unit(b, facts),
        with_unit(v, facts)
    );
    // A change of a percentage is in points ポイント, not percent.
    let diff_unit = if matches!(facts.unit, "%" | "％") {
        "ポイント"
    } else {
        facts.unit
    };
    let diff = derived((v - b).abs(), &[v, b], facts) + diff_unit;
    let verb = if v > b { "増加" } else { "減少" };
    match st {
        Status::Improved => format!("{start}へ{diff}{verb}し、改善しています{note}。"),
        Status::Worsened => format!("{start}へ{diff}{verb}し、悪化しています{note}。"),
        Status::Changed => format!("{start}へ{diff}{verb}しました。"),
        _ => format!("{start}で、横ばいです{note}。"),
    }
}

/// A target as written: 300者, 上限100人, 10位以内, 40～60%.
pub fn target_text(series: &TargetSeries, p: TargetPoint, facts: &Facts) -> String {
    let v = with_unit(p.value, facts);
    match (series.kind, facts.measure) {
        (SeriesKind::Range, _) => format!(
            "{}～{}",
            with_unit(p.value, facts),
            with_unit(p.high.unwrap_or(p.value), facts)
        ),
        (SeriesKind::Floor, Measure::Rank) => format!("{v}以下"),
        (_, Measure::Rank) => format!("{v}以内"),
        (SeriesKind::Cap, _) => format!("{v}以下"),
        (SeriesKind::Floor, _) => format!("{v}以上"),
        _ => v,
    }
}

/// The sentence comparing the actual of `year` with one target.
pub(super) fn target_sentence(
    facts: &Facts,
    series: &TargetSeries,
    p: TargetPoint,
    year: i32,
    actual: f64,
    c: Check,
    undated: bool,
) -> String {
    let fy = |y: i32| {
        if undated && y == year {
            UNDATED.to_string()
        } else {
            fiscal_year(y, facts.era)
        }
    };
    let t = target_text(series, p, facts);
    let ty = fiscal_year(p.year, facts.era);
    let ty_inner = inner_year(p.year, facts.era);
    let a = with_unit(actual, facts);
    let diff = |x: f64, y: f64| {
        let (x, y) = (shown(x, facts.precision), shown(y, facts.precision));
        derived((x - y).abs(), &[x, y], facts) + facts.unit
    };
    if facts.measure == Measure::Rank {
        return match c.met {
            Some(true) => format!(
                "{ty}の目標（{t}）に対し、{}は{a}で、目標に届いています。",
                fy(year)
            ),
            _ => format!(
                "{ty}の目標（{t}）に対し、{}は{a}で、まだ届いていません。",
                fy(year)
            ),
        };
    }
    match series.kind {
        SeriesKind::Yearly => match c.fraction {
            Some(f) if f < 0.0 && facts.baseline.is_some() => format!(
                "{ty}の目標（{t}）に対する進捗は{}で、策定時より目標から離れています。",
                percent(f)
            ),
            Some(f) => format!("{ty}の目標（{t}）に対する進捗は{}です。", percent(f)),
            None if facts.baseline.is_some() => {
                format!("{ty}の目標は{t}で、策定時の値を保つことです。")
            }
            None => format!("{ty}の目標は{t}です。"),
        },
        SeriesKind::Cumulative => match c.fraction {
            Some(f) => format!(
                "{ty}までの累計目標（{t}）に対する進捗は{}です（{}までの実績の累計は{a}）。",
                percent(f),
                fy(year)
            ),
            None => format!("{ty}までの累計目標は{t}です。"),
        },
        SeriesKind::Cap => {
            let pct = c.fraction.map(percent).unwrap_or_default();
            if c.met == Some(true) {
                format!(
                    "上限（{ty_inner}、{t}）に対し、{}は{a}で上限以内です（達成率{pct}）。",
                    fy(year)
                )
            } else {
                format!(
                    "上限（{ty_inner}、{t}）に対し、{}は{a}で上限を{}上回っています（達成率{pct}）。",
                    fy(year),
                    diff(actual, p.value)
                )
            }
        }
        SeriesKind::Floor => {
            let pct = c.fraction.map(percent).unwrap_or_default();
            if c.met == Some(true) {
                format!(
                    "下限（{ty_inner}、{t}）に対し、{}は{a}で下限を満たしています（達成率{pct}）。",
                    fy(year)
                )
            } else {
                format!(
                    "下限（{ty_inner}、{t}）に対し、{}は{a}で下限を{}下回っています（達成率{pct}）。",
                    fy(year),
                    diff(p.value, actual)
                )
            }
        }
        SeriesKind::Range => {
            let inside = if c.met == Some(true) {
                "範囲内です"
            } else {
                "範囲外です"
            };
            format!(
                "目標範囲（{ty_inner}、{t}）に対し、{}は{a}で{inside}。",
                fy(year)
            )
        }
    }
}
