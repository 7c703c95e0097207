//! A plan folder's `plan.yaml`: id, period, status, grades, rates and the
//! goals and policies; then its items and results in their own modules.

use super::*;

pub(super) fn plan(
    dir: &RawPlanDir,
    divisions: &DivisionLookup,
    diags: &mut Diagnostics,
) -> Option<Plan> {
    let src = dir.plan.as_ref()?;
    let (file, raw) = (src.file.as_str(), &src.value);
    if !is_url_safe_id(&dir.id) {
        diags.error_hint(
            Place::file(&dir.dir),
            "bad-id",
            format!("plan folder name `{}` is not URL-safe", dir.id),
            "the folder name is the plan id: use lowercase ASCII letters, digits and `-`, e.g. `gunma-2025`",
        );
    }
    reserved_name(Place::file(&dir.dir), "plan folder name", &dir.id, diags);
    let period = period(file, &raw.period, diags);
    if let Some(adopted) = &raw.adopted {
        date_ok(
            Place::of(file, adopted),
            &adopted.value,
            true,
            "adoption date",
            "write YYYY-MM or YYYY-MM-DD, e.g. 2025-03; leave `adopted` out when the date is not known",
            diags,
        );
    }
    let status = match one_of(file, &raw.status, "status", &["current", "archived"], diags) {
        Some("archived") => PlanStatus::Archived,
        _ => PlanStatus::Current,
    };
    let marks = unique_by_id(file, &raw.marks, |m| &m.id, "mark", diags)
        .into_iter()
        .map(|m| Mark {
            id: m.id.value.clone(),
            symbol: m.symbol.clone(),
            label: m.label.clone(),
        })
        .collect::<Vec<_>>();
    let grades = grades(file, raw, diags);
    let rates = rates(file, raw, &grades, diags);
    let mut indicator_ids = HashMap::new();
    let plan_indicators = indicators(period, file, &raw.indicators, &mut indicator_ids, diags);
    let goals = goals(file, raw, period, &mut indicator_ids, diags);
    let mut plan = Plan {
        id: PlanId::new(dir.id.clone()),
        title: raw.title.clone(),
        subtitle: raw.subtitle.clone(),
        period,
        adopted: raw.adopted.as_ref().map(|a| a.value.clone()),
        status,
        summary: raw.summary.clone(),
        source: raw.source.clone(),
        structure_note: raw.structure_note.clone(),
        summarised: raw.summarised,
        marks,
        grades,
        grades_note: raw.grades_note.clone(),
        rates,
        levels: levels::levels(file, raw, diags),
        judgements: levels::judgements(file, raw, diags),
        goals,
        indicators: plan_indicators,
        items: Vec::new(),
        cycles: Vec::new(),
        events: events::events(file, raw, diags),
        indicator_index: BTreeMap::new(),
    };
    plan.items = items(&plan, &dir.items, divisions, &mut indicator_ids, diags);
    plan.index_indicators();
    plan.cycles = results::cycles(&plan, &dir.results, diags);
    Some(plan)
}

pub(super) fn period(file: &str, raw: &Spanned<RawPeriod>, diags: &mut Diagnostics) -> Period {
    let (from, to) = (raw.value.from, raw.value.to);
    if !years::plausible(from) || !years::plausible(to) || from > to {
        diags.error_hint(
            Place::of(file, raw),
            "bad-period",
            format!("plan period {from}–{to} is not a valid span of fiscal years"),
            "write `period: {from: 2025, to: 2029}` with Western-calendar fiscal years, `from` not after `to`",
        );
        return Period {
            from: 2000,
            to: 2000,
        };
    }
    Period {
        from: from as i32,
        to: to as i32,
    }
}

pub(super) fn grades(file: &str, raw: &RawPlan, diags: &mut Diagnostics) -> Vec<Grade> {
    let mut seen: HashMap<&str, u64> = HashMap::new();
    let mut out = Vec::new();
    for g in &raw.grades {
        if g.key.value.trim().is_empty() {
            diags.error(Place::of(file, &g.key), "bad-value", "grade key is empty");
        }
        if let Some(line) = seen.insert(&g.key.value, g.key.referenced.line()) {
            diags.error_hint(
                Place::of(file, &g.key),
                "duplicate-id",
                format!("duplicate grade `{}`", g.key.value),
                format!("it is already defined on line {line}"),
            );
        }
        out.push(Grade {
            key: g.key.value.clone(),
            label: g.label.clone(),
            meaning: g.meaning.clone(),
        });
    }
    out
}

pub(super) fn rates(
    file: &str,
    raw: &RawPlan,
    grades: &[Grade],
    diags: &mut Diagnostics,
) -> Vec<Rate> {
    raw.rates
        .iter()
        .map(|r| {
            for g in &r.grades {
                if !grades.iter().any(|x| x.key == g.value) {
                    diags.error_hint(
                        Place::of(file, g),
                        "unknown-grade",
                        format!(
                            "rate `{}` counts grade `{}`, which is not on the scale",
                            r.name, g.value
                        ),
                        grade_hint(grades),
                    );
                }
            }
            Rate {
                name: r.name.clone(),
                grades: r.grades.iter().map(|g| g.value.clone()).collect(),
                meaning: r.meaning.clone(),
            }
        })
        .collect()
}

pub(super) fn goals(
    file: &str,
    raw: &RawPlan,
    period: Period,
    ids: &mut HashMap<String, String>,
    diags: &mut Diagnostics,
) -> Vec<Goal> {
    let mut goal_seen: HashMap<u32, u64> = HashMap::new();
    let mut policy_seen: HashMap<u32, u64> = HashMap::new();
    let mut node_seen: HashMap<u32, u64> = HashMap::new();
    let mut goals = Vec::new();
    for g in &raw.goals {
        if let Some(line) = goal_seen.insert(g.number.value, g.number.referenced.line()) {
            diags.error_hint(
                Place::of(file, &g.number),
                "duplicate-number",
                format!("duplicate goal number {}", g.number.value),
                format!("goal {} is already defined on line {line}", g.number.value),
            );
        }
        let mut policies = Vec::new();
        for p in &g.policies {
            if let Some(line) = policy_seen.insert(p.number.value, p.number.referenced.line()) {
                diags.error_hint(
                    Place::of(file, &p.number),
                    "duplicate-number",
                    format!("duplicate policy number {}", p.number.value),
                    format!("policy {} is already defined on line {line}; policies are numbered across the whole plan", p.number.value),
                );
            }
            let mut nodes = Vec::new();
            for n in &p.nodes {
                if let Some(line) = node_seen.insert(n.number.value, n.number.referenced.line()) {
                    diags.error_hint(
                        Place::of(file, &n.number),
                        "duplicate-number",
                        format!("duplicate node number {} under `nodes`", n.number.value),
                        format!("number {} is already used on line {line}; the third level is numbered across the whole plan", n.number.value),
                    );
                }
                nodes.push(Node {
                    number: n.number.value,
                    title: n.title.clone(),
                    summary: n.summary.clone(),
                });
            }
            nodes.sort_by_key(|n| n.number);
            policies.push(Policy {
                number: p.number.value,
                title: p.title.clone(),
                summary: p.summary.clone(),
                nodes,
            });
        }
        policies.sort_by_key(|p| p.number);
        goals.push(Goal {
            number: g.number.value,
            title: g.title.clone(),
            summary: g.summary.clone(),
            policies,
            indicators: indicators(period, file, &g.indicators, ids, diags),
        });
    }
    goals.sort_by_key(|g| g.number);
    goals
}
