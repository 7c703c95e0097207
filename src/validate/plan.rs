//! A plan folder's `plan.yaml`: id, period, status, grades, rates and the
//! goals and policies; then its items and results in their own modules.

use super::*;

pub(super) fn plan(
    dir: &RawPlanDir,
    divisions: &DivisionLookup,
    diags: &mut Diagnostics,
) -> Option<Plan> {
    let src = dir.plan.as_ref()?;
    let raw = &src.value;
    let ck = &mut Checker::new(src.file.as_str(), diags);
    ck.file_name_id(
        Place::file(&dir.dir),
        "plan folder name",
        &dir.id,
        "the folder name is the plan id: use lowercase ASCII letters, digits and `-`, e.g. `gunma-2025`",
    );
    let period = period(&raw.period, ck);
    if let Some(adopted) = &raw.adopted {
        ck.date_ok(ck.place(adopted), &adopted.value, true, "adoption date", "write YYYY-MM or YYYY-MM-DD, e.g. 2025-03; leave `adopted` out when the date is not known");
    }
    let status = match ck.one_of(&raw.status, "status", &["current", "archived"]) {
        Some("archived") => PlanStatus::Archived,
        _ => PlanStatus::Current,
    };
    let marks = ck
        .unique_by_id(&raw.marks, |m| &m.id, "mark")
        .into_iter()
        .map(|m| Mark {
            id: m.id.value.clone(),
            symbol: m.symbol.clone(),
            label: m.label.clone(),
        })
        .collect::<Vec<_>>();
    let grades = grades(raw, ck);
    let rates = rates(raw, &grades, ck);
    let mut indicator_ids = HashMap::new();
    let plan_indicators = indicators(period, &raw.indicators, &mut indicator_ids, ck);
    let goals = goals(raw, period, &mut indicator_ids, ck);
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
        levels: levels::levels(raw, ck),
        judgements: levels::judgements(raw, ck),
        goals,
        indicators: plan_indicators,
        items: Vec::new(),
        cycles: Vec::new(),
        events: events::events(raw, ck),
        indicator_index: Index::default(),
    };
    plan.items = items(&plan, &dir.items, divisions, &mut indicator_ids, ck.diags());
    plan.index_indicators();
    plan.cycles = results::cycles(&plan, &dir.results, ck.diags());
    Some(plan)
}

pub(super) fn period(raw: &Spanned<RawPeriod>, ck: &mut Checker<'_>) -> Period {
    let (from, to) = (raw.value.from, raw.value.to);
    if !years::plausible(from) || !years::plausible(to) || from > to {
        ck.error(raw,
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

pub(super) fn grades(raw: &RawPlan, ck: &mut Checker<'_>) -> Vec<Grade> {
    let mut seen: HashMap<&str, u64> = HashMap::new();
    let mut out = Vec::new();
    for g in &raw.grades {
        if g.key.value.trim().is_empty() {
            ck.error_plain(&g.key, "bad-value", "grade key is empty");
        }
        if let Some(line) = seen.insert(&g.key.value, g.key.referenced.line()) {
            ck.error(
                &g.key,
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

pub(super) fn rates(raw: &RawPlan, grades: &[Grade], ck: &mut Checker<'_>) -> Vec<Rate> {
    raw.rates
        .iter()
        .map(|r| {
            for g in &r.grades {
                if !grades.iter().any(|x| x.key == g.value) {
                    ck.error(
                        g,
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
    raw: &RawPlan,
    period: Period,
    ids: &mut HashMap<String, String>,
    ck: &mut Checker<'_>,
) -> Vec<Goal> {
    let mut goal_seen: HashMap<u32, u64> = HashMap::new();
    let mut policy_seen: HashMap<u32, u64> = HashMap::new();
    let mut node_seen: HashMap<u32, u64> = HashMap::new();
    let mut goals = Vec::new();
    for g in &raw.goals {
        if let Some(line) = goal_seen.insert(g.number.value, g.number.referenced.line()) {
            ck.error(
                &g.number,
                "duplicate-number",
                format!("duplicate goal number {}", g.number.value),
                format!("goal {} is already defined on line {line}", g.number.value),
            );
        }
        let mut policies = Vec::new();
        for p in &g.policies {
            if let Some(line) = policy_seen.insert(p.number.value, p.number.referenced.line()) {
                ck.error(&p.number,
                    "duplicate-number",
                    format!("duplicate policy number {}", p.number.value),
                    format!("policy {} is already defined on line {line}; policies are numbered across the whole plan", p.number.value),
                );
            }
            let mut nodes = Vec::new();
            for n in &p.nodes {
                if let Some(line) = node_seen.insert(n.number.value, n.number.referenced.line()) {
                    ck.error(&n.number,
                        "duplicate-number",
                        format!("duplicate node number {} under `nodes`", n.number.value),
                        format!("number {} is already used on line {line}; the third level is numbered across the whole plan", n.number.value),
                    );
                }
                nodes.push(Node {
                    number: NodeNumber::new(n.number.value),
                    title: n.title.clone(),
                    summary: n.summary.clone(),
                });
            }
            nodes.sort_by_key(|n| n.number);
            policies.push(Policy {
                number: PolicyNumber::new(p.number.value),
                title: p.title.clone(),
                summary: p.summary.clone(),
                nodes,
            });
        }
        policies.sort_by_key(|p| p.number);
        goals.push(Goal {
            number: GoalNumber::new(g.number.value),
            title: g.title.clone(),
            summary: g.summary.clone(),
            policies,
            indicators: indicators(period, &g.indicators, ids, ck),
        });
    }
    goals.sort_by_key(|g| g.number);
    goals
}
