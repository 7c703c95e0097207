//! Site-wide records: `site.yaml` settings and the Markdown pages.

use super::*;

pub(super) fn settings(src: &Sourced<RawSite>, diags: &mut Diagnostics) -> Settings {
    let raw = &src.value;
    let ck = &mut Checker::new(src.file.as_str(), diags);
    let language = match &raw.language {
        Some(l) if l.value != "ja" => {
            ck.error(
                l,
                "bad-value",
                format!("unsupported language `{}`", l.value),
                "only `ja` is supported for now",
            );
            l.value.clone()
        }
        Some(l) => l.value.clone(),
        None => "ja".to_string(),
    };
    let base_url = raw.base_url.as_ref().map(|b| {
        let v = b.value.trim();
        if !(v.starts_with("https://") || v.starts_with("http://")) || v.contains(char::is_whitespace) {
            ck.error(b,
                "bad-url",
                format!("base_url `{v}` is not an absolute http(s) address"),
                "write the address the site is published at, e.g. https://www.pref.example.jp/kaikaku/",
            );
        }
        if v.ends_with('/') { v.to_string() } else { format!("{v}/") }
    });
    let licence = match &raw.licence {
        Some(l) => Licence {
            name: l.name.clone(),
            url: l
                .url
                .as_ref()
                .map(|u| ck.link_url(u))
                .or_else(|| known_licence_url(&l.name).map(String::from)),
        },
        None => Licence {
            name: "CC BY 4.0".into(),
            url: known_licence_url("CC BY 4.0").map(String::from),
        },
    };
    Settings {
        title: raw.title.clone(),
        organisation: raw.organisation.clone(),
        base_url,
        language,
        era_years: raw.era_years,
        description: raw.description.clone(),
        contact: raw.contact.clone(),
        notice: raw.notice.clone(),
        official: raw.official,
        licence,
    }
}

pub(super) fn pages(raw: &[RawPage], diags: &mut Diagnostics) -> Vec<Page> {
    let mut out: Vec<Page> = Vec::new();
    for p in raw {
        let ck = &mut Checker::new(&p.file, diags);
        ck.file_name_id(
            Place::file(&p.file),
            "page file name",
            &p.slug,
            "the file name becomes the page address: use lowercase ASCII letters, digits and `-`, e.g. `about.md`",
        );
        if let Some(date) = &p.meta.date {
            ck.date_ok(
                ck.place(date).shifted(1),
                &date.value,
                false,
                "date",
                "write YYYY-MM-DD, e.g. 2026-04-01",
            );
        }
        out.push(Page {
            slug: p.slug.clone(),
            title: p.meta.title.clone(),
            order: p.meta.order.unwrap_or(0),
            date: p.meta.date.as_ref().map(|d| d.value.clone()),
            description: p.meta.description.clone(),
            body: p.body.clone(),
        });
    }
    out.sort_by(|a, b| (a.order, &a.slug).cmp(&(b.order, &b.slug)));
    out
}

/// The text of the two licences Japanese governments publish data under,
/// by the names sites write: CC BY 4.0, and 公共データ利用規約（第1.0版）
/// (PDL1.0, the government's standard terms, compatible with CC BY 4.0).
fn known_licence_url(name: &str) -> Option<&'static str> {
    let n: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if n == "ccby4.0" || n == "cc-by-4.0" || n == "クリエイティブ・コモンズ表示4.0国際"
    {
        Some("https://creativecommons.org/licenses/by/4.0/deed.ja")
    } else if n.contains("pdl1.0") || n.starts_with("公共データ利用規約") {
        Some("https://www.digital.go.jp/resources/open_data/public_data_license_v1.0")
    } else {
        None
    }
}
