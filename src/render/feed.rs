//! The Atom feed: an entry per published evaluation cycle and per dated page.
//!
//! Entry ids are derived from what the entry is (plan id and year, page slug),
//! never from the build, so they stay the same across rebuilds.

use super::escape_xml;
use crate::model::{PlanStatus, Site};
use crate::urls;
use crate::urls::paths;
use crate::years::fiscal_year;

struct Entry {
    id: String,
    title: String,
    path: String,
    updated: String,
    summary: String,
}

fn timestamp(date: &str) -> String {
    format!("{date}T00:00:00+09:00")
}

/// The feed's id, unique to the site so that feed readers never merge two
/// sites' feeds: its absolute address with a base URL, otherwise a URN
/// made from the site's title and organisation (FNV-1a, stable across
/// builds and machines).
pub fn feed_id(site: &Site) -> String {
    match &site.settings.base_url {
        Some(base) => urls::join_base(base, paths::FEED),
        None => format!("urn:kohyo:site:{:016x}", site_key(site)),
    }
}

fn site_key(site: &Site) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let text = format!("{}\n{}", site.settings.title, site.settings.organisation);
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The feed as Atom XML.
pub fn atom(site: &Site) -> String {
    let era = site.settings.era_years;
    let feed_id = feed_id(site);
    // Entries are named inside the feed's id, so they too are unique to the site.
    let entry_id = |rest: String| match &site.settings.base_url {
        Some(_) => format!("{feed_id}#{rest}"),
        None => format!("{feed_id}:{rest}"),
    };
    let mut entries = Vec::new();
    for plan in &site.plans {
        for c in &plan.cycles {
            let Some(date) = &c.published else { continue };
            entries.push(Entry {
                id: entry_id(format!("{}:cycle:{}", plan.id, c.year)),
                title: format!(
                    "{} {}の評価結果を公表しました",
                    plan.title,
                    fiscal_year(c.year, era)
                ),
                path: paths::cycle(&plan.id, c.year),
                updated: timestamp(date),
                summary: format!(
                    "{}件の{}の評価、委員会の意見と見直しの内容。",
                    c.items.len(),
                    plan.item_level().name
                ),
            });
        }
    }
    for page in &site.pages {
        let Some(date) = &page.date else { continue };
        entries.push(Entry {
            id: entry_id(format!("page:{}", page.slug)),
            title: page.title.clone(),
            path: paths::page(&page.slug),
            updated: timestamp(date),
            summary: page.description.clone().unwrap_or_default(),
        });
    }
    entries.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.id.cmp(&b.id)));
    let updated = entries
        .first()
        .map(|e| e.updated.clone())
        .unwrap_or_else(|| {
            let adopted = site
                .plans
                .iter()
                .find(|p| p.status == PlanStatus::Current)
                .or(site.plans.first())
                .and_then(|p| p.adopted.clone())
                .unwrap_or_else(|| "2000-01".into());
            let day = if adopted.len() == 7 {
                format!("{adopted}-01")
            } else {
                adopted
            };
            timestamp(&day)
        });
    let link = |path: &str| match &site.settings.base_url {
        Some(base) => urls::join_base(base, path),
        None => path.to_string(),
    };
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">\n",
    );
    xml.push_str(&format!(
        "  <title>{}</title>\n",
        escape_xml(&site.settings.title)
    ));
    xml.push_str(&format!("  <id>{}</id>\n", escape_xml(&feed_id)));
    xml.push_str(&format!("  <updated>{updated}</updated>\n"));
    xml.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape_xml(&site.settings.organisation)
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" href=\"{}\"/>\n",
        escape_xml(&link(paths::HOME))
    ));
    if site.settings.base_url.is_some() {
        xml.push_str(&format!(
            "  <link rel=\"self\" href=\"{}\"/>\n",
            escape_xml(&link(paths::FEED))
        ));
    }
    for e in &entries {
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <id>{}</id>\n", escape_xml(&e.id)));
        xml.push_str(&format!("    <title>{}</title>\n", escape_xml(&e.title)));
        xml.push_str(&format!(
            "    <link rel=\"alternate\" href=\"{}\"/>\n",
            escape_xml(&link(&e.path))
        ));
        xml.push_str(&format!("    <updated>{}</updated>\n", e.updated));
        if !e.summary.is_empty() {
            xml.push_str(&format!(
                "    <summary>{}</summary>\n",
                escape_xml(&e.summary)
            ));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}
