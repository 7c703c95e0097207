//! Implementation items 実施項目: numbers unique, policy and divisions
//! resolved, projects with their roadmap rows, links and indicators.

use super::*;

pub(super) fn items(
    plan: &Plan,
    raw: &[std::sync::Arc<Sourced<RawItem>>],
    divisions: &DivisionLookup,
    indicator_ids: &mut HashMap<String, String>,
    diags: &mut Diagnostics,
) -> Vec<Item> {
    let mut numbers: BTreeMap<u32, &str> = BTreeMap::new();
    let mut out = Vec::new();
    for src in raw {
        let (file, r) = (src.file.as_str(), &src.value);
        let ck = &mut Checker::new(file, diags);
        if let Some(first) = numbers.get(&r.number.value) {
            ck.error(
                &r.number,
                "duplicate-number",
                format!("duplicate item number {}", r.number.value),
                format!(
                    "item {} is already defined in {first}; give each item its own number",
                    r.number.value
                ),
            );
            continue;
        }
        numbers.insert(r.number.value, file);
        if let Some(item) = item(plan, r, divisions, indicator_ids, ck) {
            out.push(item);
        }
    }
    out.sort_by_key(|i| i.number);
    out
}

pub(super) fn item(
    plan: &Plan,
    r: &RawItem,
    divisions: &DivisionLookup,
    indicator_ids: &mut HashMap<String, String>,
    ck: &mut Checker<'_>,
) -> Option<Item> {
    let parent = levels::placement(plan, &r.number, r.parent.as_ref(), r.policy.as_ref(), ck);
    for m in &r.marks {
        if plan.mark(&m.value).is_none() {
            let known: Vec<&str> = plan.marks.iter().map(|m| m.id.as_str()).collect();
            ck.error(
                m,
                "unknown-mark",
                format!("unknown mark `{}`", m.value),
                if known.is_empty() {
                    "the plan defines no marks; add them under `marks:` in plan.yaml".to_string()
                } else {
                    format!("the plan's marks are: {}", known.join(", "))
                },
            );
        }
    }
    let placement = match r.placement.as_ref().map(|p| {
        ck.one_of(
            p,
            "placement",
            &["confirmed", "documented", "inferred", "unknown"],
        )
    }) {
        Some(Some("inferred")) => Placement::Inferred,
        Some(Some("unknown")) => Placement::Unknown,
        _ => Placement::Documented,
    };
    let projects = r
        .projects
        .iter()
        .map(|p| project(plan, p, divisions, ck))
        .collect();
    let indicators = indicators(plan.period, &r.indicators, indicator_ids, ck);
    Some(Item {
        number: ItemNumber::new(r.number.value),
        title: r.title.clone(),
        parent,
        marks: r.marks.iter().map(|m| m.value.clone()).collect(),
        divisions: divisions.resolve(&r.divisions, ck),
        placement,
        summary: r.summary.clone(),
        note: r.note.clone(),
        projects,
        indicators,
        source_file: ck.file().to_string(),
    })
}

pub(super) fn project(
    plan: &Plan,
    p: &RawProject,
    divisions: &DivisionLookup,
    ck: &mut Checker<'_>,
) -> Project {
    let roadmap = p
        .roadmap
        .iter()
        .map(|row| RoadmapRow {
            label: row.label.value.clone(),
            years: roadmap::years(plan, row, ck),
            detail: row.detail.clone(),
        })
        .collect();
    Project {
        title: p.title.clone(),
        divisions: divisions.resolve(&p.divisions, ck),
        related_divisions: divisions.resolve(&p.related_divisions, ck),
        situation: p.situation.clone(),
        actions: p.actions.clone(),
        links: p
            .links
            .iter()
            .map(|l| Link {
                title: l.title.clone(),
                url: l.url.as_ref().map(|u| ck.link_url(u)),
            })
            .collect(),
        roadmap,
        evaluation: p
            .evaluation
            .iter()
            .map(|e| EvaluationRow {
                label: e.label.clone(),
                detail: e.detail.clone(),
            })
            .collect(),
    }
}
