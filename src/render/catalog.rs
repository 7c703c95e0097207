//! `data/catalog.jsonld`: a catalogue of the published data sets in
//! DCAT-AP, written as JSON-LD, so that data portals and harvesters can list
//! them without reading the data page.
//!
//! Each data set carries the fields of the report data model of the
//! government interoperability framework (GIF), mapped to DCAT and Dublin
//! Core terms: タイトル `dct:title`, 説明 `dct:description`, キーワード
//! `dcat:keyword`, 対象地域 `dct:spatial`, 対象期間 `dct:temporal`, 更新頻度
//! `dct:accrualPeriodicity`, フォーマット `dct:format` (per distribution), 作成者
//! `dct:creator`, 連絡先 `dcat:contactPoint`, ダウンロードURL
//! `dcat:downloadURL`, ライセンス `dct:license`, 発行日 `dct:issued`, 更新日
//! `dct:modified`, 言語 `dct:language`. Every value comes from the content
//! (dates from the plans and results, never the build time), so the file is
//! the same on every build.

use serde_json::{Value, json};

use super::data::DataSet;
use super::dates::data_date;
use crate::model::Site;
use crate::output::OutputFile;

use crate::urls::paths::CATALOG;

/// The EU vocabulary entry for Japanese, as DCAT-AP asks for `dct:language`.
const JAPANESE: &str = "http://publications.europa.eu/resource/authority/language/JPN";
/// Results are published once a fiscal year.
const ANNUAL: &str = "http://publications.europa.eu/resource/authority/frequency/ANNUAL";

/// A date as a typed literal: `xsd:date` for `YYYY-MM-DD`, `xsd:gYearMonth`
/// for `YYYY-MM`.
fn date(d: &str) -> Value {
    if d.is_empty() {
        return Value::Null;
    }
    let kind = if d.len() == 7 {
        "xsd:gYearMonth"
    } else {
        "xsd:date"
    };
    json!({"@value": d, "@type": kind})
}

fn ja(text: &str) -> Value {
    json!({"@value": text, "@language": "ja"})
}

/// The address of a file under `data/`: absolute with a base URL, else
/// relative to the catalogue (which sits in `data/` too).
fn address(site: &Site, file: &str) -> Value {
    match &site.settings.base_url {
        Some(base) => json!({"@id": format!("{base}data/{file}")}),
        None => json!({"@id": file}),
    }
}

/// The keywords of a data set: the common ones, then its own.
fn keywords(site: &Site, set: &DataSet) -> Vec<Value> {
    let own: &[&str] = match set.name {
        "structure" | "item-divisions" => &["計画の体系", "取組所属"],
        "indicators" => &["指標", "数値目標", "実績"],
        "evaluations" => &["評価結果"],
        _ => &["計画実施率", "評価結果"],
    };
    [
        "行財政改革",
        "実施計画",
        site.settings.organisation.as_str(),
    ]
    .iter()
    .chain(own)
    .map(|k| ja(k))
    .collect()
}

/// The catalogue of `sets`.
pub fn catalogue(site: &Site, sets: &[DataSet]) -> Result<OutputFile, String> {
    let s = &site.settings;
    let agent = json!({"@type": "foaf:Agent", "foaf:name": ja(&s.organisation)});
    let licence = match &s.licence.url {
        Some(url) => json!({"@id": url, "dct:title": s.licence.name}),
        None => json!({"dct:title": s.licence.name}),
    };
    let modified = data_date(site);
    // 発行日: the first publication of results, else the first adoption.
    let issued = site
        .plans
        .iter()
        .flat_map(|p| p.cycles.iter().filter_map(|c| c.published.clone()))
        .min()
        .or_else(|| site.plans.iter().filter_map(|p| p.adopted.clone()).min())
        .unwrap_or_else(|| modified.clone());
    let from = site.plans.iter().map(|p| p.period.from).min();
    let to = site.plans.iter().map(|p| p.period.to).max();
    let temporal = match (from, to) {
        (Some(from), Some(to)) => json!({
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": date(&format!("{from}-04-01")),
            "dcat:endDate": date(&format!("{}-03-31", to + 1)),
        }),
        _ => Value::Null,
    };
    let spatial = json!({"@type": "dct:Location", "skos:prefLabel": ja(&s.organisation)});
    let contact = {
        let mut c = json!({"@type": "vcard:Organization", "vcard:fn": s.organisation});
        c["vcard:hasURL"] = address(site, "index.html");
        c
    };
    let datasets: Vec<Value> = sets
        .iter()
        .map(|set| {
            let columns: Vec<String> = set
                .columns
                .iter()
                .map(|(c, meaning)| format!("{c}：{meaning}"))
                .collect();
            let distribution = |ext: &str, format: &str, media: &str, encoding: &str| {
                json!({
                    "@type": "dcat:Distribution",
                    "dct:title": format!("{}.{ext}", set.name),
                    "dct:format": {"@id": format!("http://publications.europa.eu/resource/authority/file-type/{format}")},
                    "dcat:mediaType": {"@id": format!("https://www.iana.org/assignments/media-types/{media}")},
                    "dcat:downloadURL": address(site, &format!("{}.{ext}", set.name)),
                    "dcat:accessURL": address(site, "index.html"),
                    "dct:description": ja(encoding),
                    "dct:license": licence,
                })
            };
            json!({
                "@id": format!("#{}", set.name),
                "@type": "dcat:Dataset",
                "dct:identifier": set.name,
                "dct:title": ja(&set.title),
                "dct:description": ja(&format!("1行＝{}。列：{}", set.row, columns.join("／"))),
                "dcat:keyword": keywords(site, set),
                "dct:spatial": spatial,
                "dct:temporal": temporal,
                "dct:accrualPeriodicity": {"@id": ANNUAL},
                "dct:creator": agent,
                "dct:publisher": agent,
                "dcat:contactPoint": contact,
                "dct:license": licence,
                "dct:issued": date(&issued),
                "dct:modified": date(&modified),
                "dct:language": {"@id": JAPANESE},
                "dcat:distribution": [
                    distribution("csv", "CSV", "text/csv", "文字コード UTF-8（BOM付き）、改行 CRLF、1行目が列名"),
                    distribution("json", "JSON", "application/json", "文字コード UTF-8（BOMなし）、列名をキーとするオブジェクトの配列"),
                ],
            })
        })
        .collect();
    let catalogue = json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "skos": "http://www.w3.org/2004/02/skos/core#",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": match &s.base_url {
            Some(base) => format!("{base}{CATALOG}"),
            None => "catalog.jsonld".to_string(),
        },
        "@type": "dcat:Catalog",
        "dct:title": ja(&format!("{}のオープンデータ", s.title)),
        "dct:description": ja(s.description.as_deref().unwrap_or("計画の体系、指標の値、評価結果のデータ。")),
        "dct:publisher": agent,
        "dct:language": {"@id": JAPANESE},
        "dct:license": licence,
        "dct:issued": date(&issued),
        "dct:modified": date(&modified),
        "dcat:dataset": datasets,
    });
    let mut bytes = serde_json::to_vec_pretty(&catalogue).map_err(|e| format!("{CATALOG}: {e}"))?;
    bytes.push(b'\n');
    Ok(OutputFile {
        path: CATALOG.into(),
        bytes,
    })
}
