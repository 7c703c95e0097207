//! The equivalent Hugo site: the same pages and fields as front matter, with
//! the Hugo project of `bench/hugo/`.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use crate::emit::{block, opinions, q, revision, steps, write_file, year_texts};
use crate::site::*;

/// Always with a decimal point, so Hugo's template math sees floats.
fn float(v: f64) -> String {
    format!("{v:.6}")
}

fn ids(site: &Site, ds: &[usize]) -> String {
    let v: Vec<String> = ds.iter().map(|&d| q(&site.divisions[d].id)).collect();
    format!("[{}]", v.join(", "))
}

pub(crate) fn write(site: &Site, dir: &Path) -> io::Result<()> {
    for (path, text) in TEMPLATES {
        write_file(&dir.join(path), text)?;
    }
    let mut data = String::new();
    for d in &site.divisions {
        let _ = writeln!(
            data,
            "{}: {{name: {}, bureau: {}}}",
            d.id,
            q(&d.name),
            q(&d.bureau)
        );
    }
    write_file(&dir.join("data/divisions.yaml"), &data)?;
    let c = dir.join("content");
    write_file(
        &c.join("pages/about.md"),
        "---\ntitle: このサイトについて\nweight: 1\n---\n\n\
         ## このサイトは\n\nベンチマーク用に kohyo-synth が作った合成データです。実在の計画ではありません。\n",
    )?;
    write_file(
        &c.join("pages/how-to-read.md"),
        "---\ntitle: 見方\nweight: 2\n---\n\n## 評価の見方\n\n\
         - A：大きな成果あり\n- B：成果あり\n- C：実施\n- D：未実施\n",
    )?;
    for d in &site.divisions {
        write_file(
            &c.join(format!("divisions/{}/_index.md", d.id)),
            &format!(
                "---\ntitle: {}\nbureau: {}\n---\n",
                q(&d.name),
                q(&d.bureau)
            ),
        )?;
    }
    for plan in &site.plans {
        for g in &plan.goals {
            let mut s = format!(
                "---\ntitle: {}\nnumber: {}\nplan: {}\n---\n",
                q(&format!("目標{} {}", g.number, g.title)),
                g.number,
                plan.id
            );
            s.push_str(g.summary.as_deref().unwrap_or(""));
            write_file(
                &c.join(format!("goals/{}-g{}/_index.md", plan.id, g.number)),
                &s,
            )?;
            for p in &g.policies {
                let mut s = format!(
                    "---\ntitle: {}\nnumber: {}\nplan: {}\ngoal: {}\n---\n",
                    q(&format!("方針{} {}", p.number, p.title)),
                    p.number,
                    plan.id,
                    q(&format!("{}-g{}", plan.id, g.number))
                );
                s.push_str(p.summary.as_deref().unwrap_or(""));
                write_file(
                    &c.join(format!("policies/{}-p{}/_index.md", plan.id, p.number)),
                    &s,
                )?;
            }
        }
        write_file(
            &c.join(format!("dashboards/{}.md", plan.id)),
            &format!(
                "---\ntitle: {}\nplan: {}\n---\n",
                q(&format!("{}：指標の一覧", plan.title)),
                plan.id
            ),
        )?;
        for (k, cy) in plan.cycles.iter().enumerate() {
            write_file(
                &c.join(format!("cycles/{}-{}.md", plan.id, cy.year)),
                &cycle_md(plan, k, cy),
            )?;
        }
        for item in &plan.items {
            write_file(
                &c.join(format!("items/{}-{:05}.md", plan.id, item.number)),
                &item_md(site, plan, item),
            )?;
        }
    }
    Ok(())
}

fn cycle_md(plan: &Plan, k: usize, c: &CycleMeta) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "---\ntitle: {}", q(&format!("{}年度の評価結果", c.year)));
    let _ = writeln!(
        o,
        "plan: {}\nyear: {}\nindex: {k}\npublished_on: \"{}\"",
        plan.id, c.year, c.published
    );
    o.push_str("meetings:\n");
    for m in &c.meetings {
        let _ = writeln!(o, "  - date: \"{}\"\n    title: {}", m.date, q(&m.title));
        block(&mut o, 4, "summary", &m.summary);
        let _ = writeln!(o, "    minutes: {}", q(&m.minutes));
    }
    o.push_str("revisions:\n");
    for rev in &c.revisions {
        revision(&mut o, rev);
    }
    o.push_str("---\n");
    o.push_str(&c.summary);
    o
}

fn item_md(site: &Site, plan: &Plan, it: &Item) -> String {
    let mut o = String::with_capacity(12000);
    o.push_str("---\n");
    let _ = writeln!(o, "title: {}", q(&it.title));
    let _ = writeln!(o, "weight: {}\nnumber: {}", it.number, it.number);
    let _ = writeln!(o, "plan: {}\nplan_title: {}", plan.id, q(&plan.title));
    let _ = writeln!(o, "period: {{from: {}, to: {}}}", plan.from, plan.to);
    let _ = writeln!(o, "goals: [\"{}-g{}\"]", plan.id, it.goal);
    let _ = writeln!(o, "policies: [\"{}-p{}\"]", plan.id, it.policy);
    let mut all: Vec<usize> = it.divisions.clone();
    for p in &it.projects {
        for &d in p.divisions.iter().chain(&p.related) {
            if !all.contains(&d) {
                all.push(d);
            }
        }
    }
    let _ = writeln!(o, "divisions: {}", ids(site, &all));
    let _ = writeln!(o, "item_divisions: {}", ids(site, &it.divisions));
    if it.mark {
        o.push_str("marks: [\"★\"]\nmark_labels: データ活用推進計画の取組項目\n");
    }
    if it.inferred {
        o.push_str("placement: inferred\n");
    }
    if let Some(n) = &it.note {
        block(&mut o, 0, "note", n);
    }
    o.push_str("projects:\n");
    for p in &it.projects {
        let _ = writeln!(o, "  - title: {}", q(&p.title));
        let _ = writeln!(o, "    divisions: {}", ids(site, &p.divisions));
        let _ = writeln!(o, "    related_divisions: {}", ids(site, &p.related));
        block(&mut o, 4, "situation", &p.situation);
        block(&mut o, 4, "actions", &p.actions);
        o.push_str("    links:\n");
        for (title, url) in &p.links {
            let _ = writeln!(o, "      - title: {}", q(title));
            if let Some(u) = url {
                let _ = writeln!(o, "        url: {}", q(u));
            }
        }
        steps(&mut o, p);
    }
    o.push_str("indicators:\n");
    for i in &it.indicators {
        let kind = if i.target {
            "数値目標"
        } else {
            "参考指標"
        };
        let direction = match i.direction {
            "higher" => "高いほどよい",
            "lower" => "低いほどよい",
            _ => "どちらでもない",
        };
        let _ = writeln!(
            o,
            "  - id: {}\n    name: {}\n    kind: {kind}\n    unit: {}\n    direction: {direction}\n    places: {}",
            i.id,
            q(&i.name),
            q(i.unit),
            i.places
        );
        let _ = writeln!(
            o,
            "    baseline: {{year: {}, value: {}}}",
            i.baseline.0,
            float(i.baseline.1)
        );
        o.push_str("    targets:\n");
        for (y, v) in &i.targets {
            let _ = writeln!(o, "      - {{year: {y}, value: {}}}", float(*v));
        }
        o.push_str("    actuals:\n");
        for a in &i.actuals {
            match a.value {
                Some(v) => {
                    let _ = writeln!(o, "      - {{year: {}, value: {}}}", a.year, float(v));
                }
                None => {
                    let _ = writeln!(o, "      - {{year: {}, unavailable: \"集計中\"}}", a.year);
                }
            }
        }
        if let Some(s) = &i.source {
            let _ = writeln!(o, "    source: {}", q(s));
        }
        if let Some(n) = &i.notes {
            block(&mut o, 4, "notes", n);
        }
    }
    o.push_str("results:\n");
    for y in &it.results {
        let label = GRADES.iter().find(|g| g.0 == y.grade).map_or("", |g| g.1);
        let _ = writeln!(
            o,
            "  - year: {}\n    grade: {}\n    grade_label: {label}",
            y.year, y.grade
        );
        o.push_str("    achievements:\n");
        for (p, row, status, text) in &y.achievements {
            let status = match *status {
                "done" => "実施",
                "partial" => "一部実施",
                _ => "未実施",
            };
            let _ = writeln!(
                o,
                "      - {{project: {p}, row: {row}, status: {status}, text: {}}}",
                q(text)
            );
        }
        year_texts(&mut o, y);
        opinions(&mut o, &y.opinions);
    }
    o.push_str("---\n");
    o.push_str(&it.summary);
    o
}

/// The Hugo project: configuration, templates and style sheet.
const TEMPLATES: &[(&str, &str)] = &[
    ("hugo.toml", include_str!("../../hugo/hugo.toml")),
    (
        "layouts/baseof.html",
        include_str!("../../hugo/layouts/baseof.html"),
    ),
    (
        "layouts/home.html",
        include_str!("../../hugo/layouts/home.html"),
    ),
    (
        "layouts/page.html",
        include_str!("../../hugo/layouts/page.html"),
    ),
    (
        "layouts/section.html",
        include_str!("../../hugo/layouts/section.html"),
    ),
    (
        "layouts/taxonomy.html",
        include_str!("../../hugo/layouts/taxonomy.html"),
    ),
    (
        "layouts/term.html",
        include_str!("../../hugo/layouts/term.html"),
    ),
    (
        "layouts/404.html",
        include_str!("../../hugo/layouts/404.html"),
    ),
    (
        "layouts/items/page.html",
        include_str!("../../hugo/layouts/items/page.html"),
    ),
    (
        "layouts/cycles/page.html",
        include_str!("../../hugo/layouts/cycles/page.html"),
    ),
    (
        "layouts/home.json",
        include_str!("../../hugo/layouts/home.json"),
    ),
    (
        "layouts/dashboards/page.html",
        include_str!("../../hugo/layouts/dashboards/page.html"),
    ),
    (
        "layouts/_partials/chart.html",
        include_str!("../../hugo/layouts/_partials/chart.html"),
    ),
    (
        "layouts/_partials/itemrows.html",
        include_str!("../../hugo/layouts/_partials/itemrows.html"),
    ),
    (
        "static/style.css",
        include_str!("../../../themes/default/static/style.css"),
    ),
];
