//! kohyo's content format (docs/content-format.md): the synthetic site
//! written as `content/` YAML and Markdown files.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use crate::emit::{block, num, opinions, q, revision, steps, write_file, year_texts};
use crate::site::*;

pub(crate) fn write(site: &Site, content: &Path) -> io::Result<()> {
    write_file(
        &content.join("site.yaml"),
        "# Synthetic site written by kohyo-synth for the speed benchmark.\n\
         title: 行財政改革 実施計画 公表サイト（合成データ）\n\
         organisation: 合成県\n\
         era_years: true\n\
         description: ベンチマーク用に機械的に作った計画と評価結果です。\n\
         contact: |\n  このサイトの内容はすべて合成データです。\n",
    )?;
    let mut d = String::from("# Synthetic divisions (kohyo-synth).\ndivisions:\n");
    for div in &site.divisions {
        let _ = writeln!(d, "  - id: {}\n    name: {}", div.id, q(&div.name));
        let _ = writeln!(d, "    bureau: {}", q(&div.bureau));
        if let Some(a) = &div.alias {
            let _ = writeln!(d, "    aliases: [{}]", q(a));
        }
    }
    write_file(&content.join("divisions.yaml"), &d)?;
    write_file(
        &content.join("pages/about.md"),
        "---\ntitle: このサイトについて\norder: 1\ndescription: 合成データのサイトです。\n---\n\n\
         ## このサイトは\n\nベンチマーク用に kohyo-synth が作った合成データです。実在の計画ではありません。\n",
    )?;
    write_file(
        &content.join("pages/how-to-read.md"),
        "---\ntitle: 見方\norder: 2\n---\n\n## 評価の見方\n\n\
         - A：大きな成果あり\n- B：成果あり\n- C：実施\n- D：未実施\n",
    )?;
    for plan in &site.plans {
        let dir = content.join("plans").join(&plan.id);
        write_file(&dir.join("plan.yaml"), &plan_yaml(plan))?;
        for item in &plan.items {
            let path = dir.join(format!("items/{:05}.yaml", item.number));
            write_file(&path, &item_yaml(site, plan, item))?;
        }
        for (k, c) in plan.cycles.iter().enumerate() {
            let path = dir.join(format!("results/{}.yaml", c.year));
            write_file(&path, &results_yaml(plan, k, c))?;
        }
    }
    Ok(())
}

fn plan_yaml(p: &Plan) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Synthetic plan (kohyo-synth).");
    let _ = writeln!(o, "title: {}", q(&p.title));
    let _ = writeln!(o, "period: {{from: {}, to: {}}}", p.from, p.to);
    let _ = writeln!(o, "adopted: \"{}-03\"", p.from);
    let status = if p.current { "current" } else { "archived" };
    let _ = writeln!(o, "status: {status}");
    block(&mut o, 0, "summary", &p.summary);
    o.push_str("marks:\n  - id: data\n    symbol: ★\n    label: データ活用推進計画の取組項目\n");
    o.push_str("grades:\n");
    for (k, l) in GRADES {
        let _ = writeln!(o, "  - key: {k}\n    label: {l}");
    }
    o.push_str("rates:\n  - name: 計画実施率\n    grades: [A, B]\n  - name: 数値目標等達成率\n    grades: [A]\n");
    o.push_str("goals:\n");
    for g in &p.goals {
        let _ = writeln!(o, "  - number: {}\n    title: {}", g.number, q(&g.title));
        if let Some(s) = &g.summary {
            block(&mut o, 4, "summary", s);
        }
        o.push_str("    policies:\n");
        for pol in &g.policies {
            let _ = writeln!(
                o,
                "      - number: {}\n        title: {}",
                pol.number,
                q(&pol.title)
            );
            if let Some(s) = &pol.summary {
                block(&mut o, 8, "summary", s);
            }
        }
    }
    o
}

/// How an item file names division `d`: by id, name or alias, in turn.
fn div_ref(site: &Site, d: usize, salt: usize) -> String {
    let div = &site.divisions[d];
    match (salt + d) % 10 {
        0..6 => div.id.clone(),
        6..9 => q(&div.name),
        _ => q(div.alias.as_ref().unwrap_or(&div.name)),
    }
}

fn div_list(site: &Site, ds: &[usize], salt: usize) -> String {
    let refs: Vec<String> = ds.iter().map(|&d| div_ref(site, d, salt)).collect();
    format!("[{}]", refs.join(", "))
}

fn item_yaml(site: &Site, plan: &Plan, it: &Item) -> String {
    let mut o = String::with_capacity(6000);
    let salt = it.number as usize;
    let _ = writeln!(
        o,
        "# Synthetic item {} of {} (kohyo-synth).",
        it.number, plan.id
    );
    let _ = writeln!(o, "number: {}", it.number);
    let _ = writeln!(o, "title: {}", q(&it.title));
    let _ = writeln!(o, "policy: {}", it.policy);
    if it.mark {
        o.push_str("marks: [data]\n");
    }
    let _ = writeln!(o, "divisions: {}", div_list(site, &it.divisions, salt));
    if it.inferred {
        o.push_str("placement: inferred\n");
    }
    block(&mut o, 0, "summary", &it.summary);
    if let Some(n) = &it.note {
        block(&mut o, 0, "note", n);
    }
    o.push_str("projects:\n");
    for (k, p) in it.projects.iter().enumerate() {
        let _ = writeln!(o, "  - title: {}", q(&p.title));
        let _ = writeln!(
            o,
            "    divisions: {}",
            div_list(site, &p.divisions, salt + k)
        );
        let _ = writeln!(
            o,
            "    related_divisions: {}",
            div_list(site, &p.related, salt + k + 1)
        );
        block(&mut o, 4, "situation", &p.situation);
        block(&mut o, 4, "actions", &p.actions);
        if !p.links.is_empty() {
            o.push_str("    links:\n");
            for (title, url) in &p.links {
                let _ = writeln!(o, "      - title: {}", q(title));
                if let Some(u) = url {
                    let _ = writeln!(o, "        url: {u}");
                }
            }
        }
        steps(&mut o, p);
    }
    o.push_str("indicators:\n");
    for i in &it.indicators {
        let kind = if i.target { "target" } else { "reference" };
        let _ = writeln!(
            o,
            "  - id: {}\n    name: {}\n    kind: {kind}\n    unit: {}\n    direction: {}",
            i.id,
            q(&i.name),
            q(i.unit),
            i.direction
        );
        let _ = writeln!(
            o,
            "    baseline: {{year: {}, value: {}}}",
            i.baseline.0,
            num(i.baseline.1, i.places)
        );
        if !i.targets.is_empty() {
            o.push_str("    targets:\n");
            for (y, v) in &i.targets {
                let _ = writeln!(o, "      - {{year: {y}, value: {}}}", num(*v, i.places));
            }
        }
        if let Some(p) = i.precision {
            let _ = writeln!(o, "    precision: {p}");
        }
        if let Some(s) = &i.source {
            let _ = writeln!(o, "    source: {}", q(s));
        }
        if let Some(n) = &i.notes {
            block(&mut o, 4, "notes", n);
        }
    }
    o
}

fn results_yaml(plan: &Plan, k: usize, c: &CycleMeta) -> String {
    let mut o = String::with_capacity(plan.items.len() * 900);
    let _ = writeln!(
        o,
        "# Synthetic results of {} for {} (kohyo-synth).",
        plan.id, c.year
    );
    let _ = writeln!(o, "year: {}\npublished: \"{}\"", c.year, c.published);
    block(&mut o, 0, "summary", &c.summary);
    o.push_str("committee:\n");
    for m in &c.meetings {
        let _ = writeln!(o, "  - date: \"{}\"\n    title: {}", m.date, q(&m.title));
        block(&mut o, 4, "summary", &m.summary);
        let _ = writeln!(o, "    minutes: {}", m.minutes);
    }
    o.push_str("items:\n");
    for it in &plan.items {
        let y = &it.results[k];
        let _ = writeln!(o, "  - item: {}\n    grade: {}", it.number, y.grade);
        if !y.achievements.is_empty() {
            o.push_str("    achievements:\n");
            for (p, row, status, text) in &y.achievements {
                let _ = writeln!(
                    o,
                    "      - project: {p}\n        row: {row}\n        status: {status}\n        text: {}",
                    q(text)
                );
            }
        }
        year_texts(&mut o, y);
        if !y.opinions.is_empty() {
            opinions(&mut o, &y.opinions);
        }
    }
    o.push_str("indicators:\n");
    for it in &plan.items {
        for i in &it.indicators {
            let Some(a) = i.actuals.iter().find(|a| a.year == c.year) else {
                continue;
            };
            let _ = writeln!(o, "  - indicator: {}", i.id);
            match a.value {
                Some(v) => {
                    let _ = writeln!(o, "    value: {}", num(v, i.places));
                    if let Some(n) = &a.note {
                        let _ = writeln!(o, "    note: {}", q(n));
                    }
                }
                None => {
                    let why = a.note.as_deref().unwrap_or("集計中");
                    let _ = writeln!(o, "    unavailable: {}", q(why));
                }
            }
        }
    }
    if !c.revisions.is_empty() {
        o.push_str("revisions:\n");
        for rev in &c.revisions {
            revision(&mut o, rev);
        }
    }
    o
}
