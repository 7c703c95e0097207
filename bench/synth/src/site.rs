//! The synthetic site: one model of divisions, plans, items and five fiscal
//! years of results, drawn from the seed, that both writers write out.

use crate::words::*;

pub(crate) struct Division {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) bureau: String,
    pub(crate) alias: Option<String>,
}

pub(crate) struct Site {
    pub(crate) divisions: Vec<Division>,
    pub(crate) plans: Vec<Plan>,
}

pub(crate) struct Plan {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) from: i32,
    pub(crate) to: i32,
    pub(crate) current: bool,
    pub(crate) summary: String,
    pub(crate) goals: Vec<Goal>,
    pub(crate) items: Vec<Item>,
    pub(crate) cycles: Vec<CycleMeta>,
}

pub(crate) struct Goal {
    pub(crate) number: u32,
    pub(crate) title: String,
    pub(crate) summary: Option<String>,
    pub(crate) policies: Vec<Policy>,
}

pub(crate) struct Policy {
    pub(crate) number: u32,
    pub(crate) title: String,
    pub(crate) summary: Option<String>,
}

pub(crate) struct Item {
    pub(crate) number: u32,
    pub(crate) title: String,
    pub(crate) policy: u32,
    pub(crate) goal: u32,
    pub(crate) mark: bool,
    pub(crate) divisions: Vec<usize>,
    pub(crate) inferred: bool,
    pub(crate) summary: String,
    pub(crate) note: Option<String>,
    pub(crate) projects: Vec<Project>,
    pub(crate) indicators: Vec<Indicator>,
    pub(crate) results: Vec<ItemYear>,
}

pub(crate) struct Project {
    pub(crate) title: String,
    pub(crate) divisions: Vec<usize>,
    pub(crate) related: Vec<usize>,
    pub(crate) situation: String,
    pub(crate) actions: String,
    pub(crate) links: Vec<(String, Option<String>)>,
    pub(crate) roadmap: Vec<Row>,
    pub(crate) evaluation: Vec<(String, Option<String>)>,
}

pub(crate) struct Row {
    pub(crate) label: String,
    pub(crate) from: i32,
    pub(crate) to: i32,
    pub(crate) detail: Option<String>,
}

pub(crate) struct Indicator {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) target: bool,
    pub(crate) unit: &'static str,
    pub(crate) direction: &'static str,
    pub(crate) places: u8,
    pub(crate) precision: Option<u8>,
    pub(crate) baseline: (i32, f64),
    pub(crate) targets: Vec<(i32, f64)>,
    pub(crate) actuals: Vec<Actual>,
    pub(crate) source: Option<String>,
    pub(crate) notes: Option<String>,
}

pub(crate) struct Actual {
    pub(crate) year: i32,
    pub(crate) value: Option<f64>,
    pub(crate) note: Option<String>,
}

pub(crate) struct ItemYear {
    pub(crate) year: i32,
    pub(crate) grade: &'static str,
    /// (project from 1, row from 1, status, text).
    pub(crate) achievements: Vec<(usize, usize, &'static str, String)>,
    pub(crate) self_evaluation: String,
    pub(crate) analysis: Option<String>,
    pub(crate) issues: Option<String>,
    pub(crate) next_response: Option<String>,
    pub(crate) opinions: Vec<(String, Option<String>)>,
}

pub(crate) struct CycleMeta {
    pub(crate) year: i32,
    pub(crate) published: String,
    pub(crate) summary: String,
    pub(crate) meetings: Vec<Meeting>,
    pub(crate) revisions: Vec<Revision>,
}

pub(crate) struct Meeting {
    pub(crate) date: String,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) minutes: String,
}

pub(crate) struct Revision {
    pub(crate) kind: &'static str,
    pub(crate) item: Option<u32>,
    pub(crate) indicator: Option<String>,
    pub(crate) from: i32,
    pub(crate) change: String,
    pub(crate) reason: String,
}

pub(crate) const GRADES: &[(&str, &str)] = &[
    ("A", "大きな成果あり"),
    ("B", "成果あり"),
    ("C", "実施"),
    ("D", "未実施"),
];

impl Site {
    pub(crate) fn new(items: usize, plans: usize, seed: u64) -> Site {
        let mut r = Rng(seed ^ 0x6B6F_6879_6F00_0000);
        let ndiv = (items / 10).clamp(12, BUREAUS.len() * STEMS.len());
        let divisions = (0..ndiv)
            .map(|k| {
                let bureau = BUREAUS[k % BUREAUS.len()];
                // Every (bureau, stem) pair once: names stay unique.
                let stem = STEMS[(k / BUREAUS.len() + (k % BUREAUS.len()) * 7) % STEMS.len()];
                Division {
                    id: format!("d{:03}", k + 1),
                    name: format!("{bureau}{stem}課"),
                    bureau: bureau.to_string(),
                    alias: (k % 5 == 0).then(|| format!("{stem}課（{bureau}）")),
                }
            })
            .collect();
        let mut site = Site {
            divisions,
            plans: Vec::new(),
        };
        for p in 0..plans {
            let n = items / plans + usize::from(p < items % plans);
            let plan = site.plan(&mut r, p, n);
            site.plans.push(plan);
        }
        site
    }

    pub(crate) fn plan(&self, r: &mut Rng, index: usize, n: usize) -> Plan {
        let from = 2025 - 5 * index as i32;
        let to = from + 4;
        let npol = (n / 2).min(17 + n / 100).max(4);
        let ngoal = (npol / 3).min(4 + n / 5000).max(2);
        let mut goals = Vec::new();
        let mut pol = 0;
        for g in 0..ngoal {
            let count = npol / ngoal + usize::from(g < npol % ngoal);
            let base = GOALS[g % GOALS.len()];
            let title = if g < GOALS.len() {
                base.to_string()
            } else {
                format!("{base}（{}）", g / GOALS.len() + 1)
            };
            let policies = (0..count)
                .map(|_| {
                    pol += 1;
                    Policy {
                        number: pol as u32,
                        title: format!(
                            "{}における{}{}",
                            r.pick(AREAS),
                            r.pick(METHODS),
                            r.pick(ACTIONS)
                        ),
                        summary: r.chance(50).then(|| para(r, 1, 3, to) + "\n"),
                    }
                })
                .collect();
            goals.push(Goal {
                number: g as u32 + 1,
                title,
                summary: r.chance(70).then(|| para(r, 2, 3, to) + "\n"),
                policies,
            });
        }
        let policy_goal: Vec<u32> = goals
            .iter()
            .flat_map(|g| g.policies.iter().map(|_| g.number))
            .collect();
        let id = format!("plan-{from}");
        let mut items: Vec<Item> = (0..n)
            .map(|i| {
                let policy = (i * npol / n) as u32 + 1;
                self.item(
                    r,
                    &id,
                    i as u32 + 1,
                    policy,
                    policy_goal[policy as usize - 1],
                    from,
                    to,
                )
            })
            .collect();
        let cycles = cycles(r, &mut items, from, to);
        Plan {
            title: format!("第{}次行財政改革 実施計画（合成データ）", 9 - index.min(8)),
            id,
            from,
            to,
            current: index == 0,
            summary: prose(r, to),
            goals,
            items,
            cycles,
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn item(
        &self,
        r: &mut Rng,
        plan: &str,
        number: u32,
        policy: u32,
        goal: u32,
        from: i32,
        to: i32,
    ) -> Item {
        let nd = self.divisions.len();
        let pick_divs = |r: &mut Rng, lo: usize, hi: usize| -> Vec<usize> {
            let mut v: Vec<usize> = Vec::new();
            for _ in 0..r.range(lo, hi) {
                let d = r.below(nd);
                if !v.contains(&d) {
                    v.push(d);
                }
            }
            v
        };
        let divisions = if r.chance(3) {
            Vec::new()
        } else {
            pick_divs(r, 1, 2)
        };
        let projects = (0..r.range(1, 3))
            .map(|_| {
                let roadmap = (0..r.range(1, 4))
                    .map(|_| {
                        let a = r.range(from as usize, to as usize) as i32;
                        let b = r.range(a as usize, to as usize) as i32;
                        let (a, b) = if r.chance(50) { (from, to) } else { (a, b) };
                        Row {
                            label: format!("{}の{}", r.pick(AREAS), r.pick(METHODS)),
                            from: a,
                            to: b,
                            detail: r.chance(60).then(|| {
                                format!(
                                    "{}に向けた{}の{}",
                                    r.pick(BENEFITS),
                                    r.pick(NOUNS),
                                    r.pick(METHODS)
                                )
                            }),
                        }
                    })
                    .collect();
                Project {
                    title: format!("{}の{}", r.pick(AREAS), r.pick(METHODS)),
                    divisions: pick_divs(r, 1, 2),
                    related: pick_divs(r, 0, 3),
                    situation: prose(r, to),
                    actions: prose(r, to),
                    links: (0..r.range(0, 2))
                        .map(|k| {
                            let title = format!("{}の取組", r.pick(AREAS));
                            let url = r
                                .chance(80)
                                .then(|| format!("https://example.org/{plan}/{number}/{k}.html"));
                            (title, url)
                        })
                        .collect(),
                    roadmap,
                    evaluation: (0..r.range(1, 2))
                        .map(|_| {
                            (
                                format!("{}の{}", r.pick(NOUNS), r.pick(PROBLEMS)),
                                r.chance(50)
                                    .then(|| format!("{}に資する取組", r.pick(BENEFITS))),
                            )
                        })
                        .collect(),
                }
            })
            .collect();
        let indicators = (0..r.range(1, 3))
            .map(|k| {
                let &(unit, places, size) = r.pick(UNITS);
                let target = r.chance(60);
                let direction = *r.pick(&["higher", "higher", "lower", "neither"]);
                let base = round(size * (0.5 + r.unit()), places);
                let sign = if direction == "lower" { -1.0 } else { 1.0 };
                let goal_value = round(base * (1.0 + sign * (0.05 + 0.2 * r.unit())), places);
                let mut targets = Vec::new();
                if target {
                    if r.chance(40) {
                        targets.push((from + 2, round((base + goal_value) / 2.0, places)));
                    }
                    targets.push((to, goal_value));
                }
                Indicator {
                    id: format!("i{number:05}-{}", k + 1),
                    name: format!("{}の{}", r.pick(AREAS), r.pick(METRICS)),
                    target,
                    unit,
                    direction,
                    places,
                    precision: r.chance(30).then_some(places),
                    baseline: (from - 1 - r.below(2) as i32, base),
                    targets,
                    actuals: Vec::new(),
                    source: r.chance(40).then(|| format!("{}調べ", r.pick(BUREAUS))),
                    notes: r.chance(15).then(|| para(r, 1, 2, to) + "\n"),
                }
            })
            .collect();
        Item {
            number,
            title: item_title(r),
            policy,
            goal,
            mark: r.chance(20),
            divisions,
            inferred: r.chance(40),
            summary: prose(r, to),
            note: r.chance(25).then(|| para(r, 1, 2, to) + "\n"),
            projects,
            indicators,
            results: Vec::new(),
        }
    }
}

/// Five fiscal years of results: grades, achievements, actuals, revisions.
pub(crate) fn cycles(r: &mut Rng, items: &mut [Item], from: i32, to: i32) -> Vec<CycleMeta> {
    let n = items.len();
    // One indicator is retired half-way through, as real plans do.
    let retire_year = from + 2;
    let retired = items
        .last()
        .and_then(|i| i.indicators.last())
        .map(|i| i.id.clone());
    let mut out = Vec::new();
    for year in from..=to {
        for item in items.iter_mut() {
            let grade = match r.below(100) {
                0..20 => "A",
                20..65 => "B",
                65..95 => "C",
                _ => "D",
            };
            let mut achievements = Vec::new();
            for (p, project) in item.projects.iter().enumerate() {
                for (k, row) in project.roadmap.iter().enumerate() {
                    if (row.from..=row.to).contains(&year) {
                        let status = match r.below(10) {
                            0..7 => "done",
                            7..9 => "partial",
                            _ => "not-done",
                        };
                        let text =
                            format!("{}の{}を{}。", r.pick(AREAS), r.pick(METHODS), r.pick(PAST));
                        achievements.push((p + 1, k + 1, status, text));
                    }
                }
            }
            item.results.push(ItemYear {
                year,
                grade,
                achievements,
                self_evaluation: para(r, 1, 2, year) + "\n",
                analysis: r.chance(60).then(|| para(r, 1, 1, year) + "\n"),
                issues: r.chance(50).then(|| para(r, 1, 1, year) + "\n"),
                next_response: r.chance(60).then(|| para(r, 1, 1, year + 1) + "\n"),
                opinions: if r.chance(10) {
                    vec![(
                        format!(
                            "{}の{}について検討してはどうか。",
                            r.pick(AREAS),
                            r.pick(METHODS)
                        ),
                        r.chance(80)
                            .then(|| format!("次年度から{}。", r.pick(VERBS))),
                    )]
                } else {
                    Vec::new()
                },
            });
            for ind in &mut item.indicators {
                if year >= retire_year && Some(&ind.id) == retired.as_ref() {
                    continue;
                }
                let last = ind.actuals.iter().rev().find_map(|a| a.value);
                let prev = last.unwrap_or(ind.baseline.1);
                let (value, note) = if r.chance(5) {
                    (None, Some("集計中".to_string()))
                } else {
                    let v = round(prev * (0.95 + 0.12 * r.unit()), ind.places);
                    let note = r.chance(5).then(|| "速報値".to_string());
                    (Some(v), note)
                };
                ind.actuals.push(Actual { year, value, note });
            }
        }
        let mut revisions = Vec::new();
        for _ in 0..(n / 500).max(1) {
            let item = r.range(1, n) as u32;
            revisions.push(Revision {
                kind: if r.chance(50) { "roadmap" } else { "item" },
                item: Some(item),
                indicator: None,
                from: (year + 1).min(to),
                change: format!("{}の{}を工程に加える。", r.pick(AREAS), r.pick(METHODS)),
                reason: format!("{}が見込まれるため。", r.pick(BENEFITS)),
            });
        }
        if let Some(first) = items.first().and_then(|i| i.indicators.first()) {
            revisions.push(Revision {
                kind: "indicator",
                item: Some(1),
                indicator: Some(first.id.clone()),
                from: (year + 1).min(to),
                change: "目標値を上方修正する。".into(),
                reason: "前年度の実績が目標を上回ったため。".into(),
            });
        }
        if year == retire_year
            && let Some(id) = &retired
        {
            revisions.push(Revision {
                kind: "indicator-retired",
                item: Some(n as u32),
                indicator: Some(id.clone()),
                from: retire_year,
                change: "この指標の測定をやめる。".into(),
                reason: "他の指標で把握できるため。".into(),
            });
        }
        out.push(CycleMeta {
            year,
            published: format!("{}-08-{:02}", year + 1, r.range(20, 31)),
            summary: prose(r, year),
            meetings: (1..=2)
                .map(|k| Meeting {
                    date: format!("{}-{:02}-{:02}", year + 1, 5 + k, r.range(1, 28)),
                    title: format!("第{k}回行財政改革評価・推進委員会"),
                    summary: para(r, 1, 2, year) + "\n",
                    minutes: format!("https://example.org/minutes/{year}-{k}.html"),
                })
                .collect(),
            revisions,
        });
    }
    out
}
