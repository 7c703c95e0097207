//! Open data that carries the content model: what the CSV and JSON say of
//! indicator kinds, target series, judgements, undated values and rates;
//! the byte-order mark; the DCAT-AP catalogue with the GIF report fields;
//! and the licence as a site setting.

use std::path::PathBuf;

use serde_json::Value;

use crate::harness::DATA_SETS;
use crate::plans::{Site, has};

fn csv_lines(site: &Site, name: &str) -> Vec<String> {
    let bytes = site.raw(&format!("data/{name}.csv"));
    let text = bytes
        .strip_prefix('\u{feff}')
        .expect("CSV starts with the UTF-8 byte-order mark");
    text.lines().map(String::from).collect()
}

#[test]
fn csv_has_a_byte_order_mark_and_json_has_none() {
    let site = Site::of("example-2026");
    for name in DATA_SETS {
        let f = site
            .0
            .files
            .iter()
            .find(|f| f.path == format!("data/{name}.csv"))
            .unwrap();
        assert!(f.bytes.starts_with(b"\xEF\xBB\xBF"), "{name}.csv");
        let j = site
            .0
            .files
            .iter()
            .find(|f| f.path == format!("data/{name}.json"))
            .unwrap();
        assert_eq!(j.bytes[0], b'[', "{name}.json");
    }
    let page = site.text("data/index.html");
    has(&page, "CSV は文字コード UTF-8（BOM付き");
    has(&page, "JSON は UTF-8（BOMなし）");
}

#[test]
fn indicator_rows_carry_kind_measure_series_and_judgement() {
    let site = Site::of("example-2026");
    let lines = csv_lines(&site, "indicators");
    assert_eq!(
        lines[0],
        "plan,goal,item,indicator,name,kind,measure,unit,direction,fiscal_year,series,series_label,value,judgement,outcome,year_given,note"
    );
    for row in [
        "example-2026,1,1,staff-cap,職員数,target,quantity,人,lower,2030,target-cap,,1200,,,true,",
        "example-2026,2,2,convenience-rank,行政サービスの利便性の全国順位,target,rank,位,lower,2026,actual,,17,,,true,",
        "example-2026,2,2,online-forms,手続のオンライン化,target,judgement,,neither,2026,actual,,,概ね達成,partly,true,判定：概ね達成（対象手続の8割をオンライン化）",
        "example-2026,2,2,survey-satisfaction,窓口の満足度,reference,quantity,%,higher,2026,actual,,,,,true,調査は隔年のため実施なし",
    ] {
        assert!(lines.iter().any(|l| l == row), "missing {row}");
    }
    // Okinawa's cumulative series keeps the plan's name for it.
    let okinawa = csv_lines(&Site::of("okinawa-2014"), "indicators");
    assert!(
        okinawa
            .iter()
            .any(|l| l.contains(",2017,target-cumulative,") && l.contains(",5787000,")),
        "{okinawa:?}"
    );
    // A value the source gives without its year says so.
    let sample = Site(
        kohyo::pipeline::render_site(
            &PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            &kohyo::pipeline::BuildOptions::default(),
        )
        .unwrap(),
    );
    let json: Value = serde_json::from_str(&sample.raw("data/indicators.json")).unwrap();
    let undated: Vec<&Value> = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["year_given"] == Value::Bool(false))
        .collect();
    assert!(!undated.is_empty());
    assert!(undated.iter().all(|r| r["series"] == "actual"));
}

#[test]
fn rates_computed_and_published_are_kept_apart() {
    let ohtawara = csv_lines(&Site::of("ohtawara-2006"), "rates");
    assert_eq!(
        ohtawara[0],
        "plan,fiscal_year,name,origin,count,of,value,unit,counter,note"
    );
    assert!(
        ohtawara.contains(
            &"ohtawara-2006,2010,完了（A）・順調（B）の取り組み事項,published,43,56,76.8,%,項目,"
                .to_string()
        )
    );
    let example = csv_lines(&Site::of("example-2026"), "rates");
    // example-2026 publishes no figures and defines no rates: header only.
    assert_eq!(example.len(), 1);
    let cycles = Site(
        kohyo::pipeline::render_site(
            &crate::plans::fixture("cycles"),
            &kohyo::pipeline::BuildOptions::default(),
        )
        .unwrap(),
    );
    let lines = csv_lines(&cycles, "rates");
    assert!(
        lines.iter().skip(1).all(|l| l.contains(",computed,")),
        "{lines:?}"
    );
}

/// The value of a language-tagged literal, or the literal itself.
fn text(v: &Value) -> &str {
    v.get("@value")
        .and_then(Value::as_str)
        .or(v.as_str())
        .unwrap_or("")
}

#[test]
fn the_catalogue_lists_every_data_set_with_the_gif_fields() {
    let site = Site::of("example-four-levels");
    let raw = site.raw("data/catalog.jsonld");
    let cat: Value = serde_json::from_str(&raw).expect("the catalogue is JSON");
    assert_eq!(cat["@type"], "dcat:Catalog");
    assert_eq!(cat["@context"]["dcat"], "http://www.w3.org/ns/dcat#");
    assert_eq!(cat["@context"]["dct"], "http://purl.org/dc/terms/");
    assert_eq!(cat["@id"], "https://example.jp/kaikaku/data/catalog.jsonld");
    let sets = cat["dcat:dataset"].as_array().unwrap();
    let names: Vec<&str> = sets
        .iter()
        .map(|d| d["dct:identifier"].as_str().unwrap())
        .collect();
    assert_eq!(names, DATA_SETS);
    let pdl = "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0";
    for d in sets {
        assert_eq!(d["@type"], "dcat:Dataset");
        // タイトル, 説明, キーワード
        assert!(!text(&d["dct:title"]).is_empty());
        assert!(text(&d["dct:description"]).starts_with("1行＝"));
        let keywords: Vec<&str> = d["dcat:keyword"]
            .as_array()
            .unwrap()
            .iter()
            .map(text)
            .collect();
        assert!(
            keywords.contains(&"行財政改革") && keywords.contains(&"例町"),
            "{keywords:?}"
        );
        // 対象地域, 対象期間 (fiscal 2027 to 2030), 更新頻度
        assert_eq!(text(&d["dct:spatial"]["skos:prefLabel"]), "例町");
        assert_eq!(text(&d["dct:temporal"]["dcat:startDate"]), "2027-04-01");
        assert_eq!(text(&d["dct:temporal"]["dcat:endDate"]), "2031-03-31");
        assert_eq!(
            d["dct:accrualPeriodicity"]["@id"],
            "http://publications.europa.eu/resource/authority/frequency/ANNUAL"
        );
        // 作成者, 連絡先
        assert_eq!(text(&d["dct:creator"]["foaf:name"]), "例町");
        assert_eq!(d["dcat:contactPoint"]["vcard:fn"], "例町");
        assert_eq!(
            d["dcat:contactPoint"]["vcard:hasURL"]["@id"],
            "https://example.jp/kaikaku/data/index.html"
        );
        // ライセンス (the site's setting), 発行日, 更新日, 言語
        assert_eq!(d["dct:license"]["@id"], pdl);
        assert_eq!(
            d["dct:license"]["dct:title"],
            "公共データ利用規約（第1.0版）"
        );
        assert_eq!(d["dct:issued"]["@value"], "2027-03");
        assert_eq!(d["dct:issued"]["@type"], "xsd:gYearMonth");
        assert_eq!(d["dct:modified"]["@value"], "2027-03");
        assert_eq!(
            d["dct:language"]["@id"],
            "http://publications.europa.eu/resource/authority/language/JPN"
        );
        // フォーマット, ダウンロードURL
        let id = d["dct:identifier"].as_str().unwrap();
        let dist = d["dcat:distribution"].as_array().unwrap();
        let formats: Vec<&str> = dist
            .iter()
            .map(|x| x["dct:format"]["@id"].as_str().unwrap())
            .collect();
        assert_eq!(
            formats,
            [
                "http://publications.europa.eu/resource/authority/file-type/CSV",
                "http://publications.europa.eu/resource/authority/file-type/JSON"
            ]
        );
        assert_eq!(
            dist[0]["dcat:downloadURL"]["@id"],
            format!("https://example.jp/kaikaku/data/{id}.csv")
        );
        assert!(text(&dist[0]["dct:description"]).contains("BOM付き"));
        // Every download in the catalogue is a file of the build.
        assert!(
            site.0
                .files
                .iter()
                .any(|f| f.path == format!("data/{id}.json"))
        );
    }
    // The same content gives the same catalogue.
    assert_eq!(
        raw,
        Site::of("example-four-levels").raw("data/catalog.jsonld")
    );
}

#[test]
fn the_licence_is_a_site_setting_shown_on_the_data_page_and_every_page() {
    let site = Site::of("example-four-levels");
    let pdl = "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0";
    let data = site.raw("data/index.html");
    has(
        &data,
        &format!("利用条件：<a href=\"{pdl}\" rel=\"license\">公共データ利用規約（第1.0版）</a>"),
    );
    has(&data, "href=\"../data/catalog.jsonld\"");
    has(
        &site.raw("index.html"),
        &format!("<a href=\"{pdl}\" rel=\"license\">"),
    );
    // Left out, the licence is CC BY 4.0 with its link.
    let cat: Value =
        serde_json::from_str(&Site::of("example-2026").raw("data/catalog.jsonld")).unwrap();
    assert_eq!(
        cat["dct:license"]["@id"],
        "https://creativecommons.org/licenses/by/4.0/deed.ja"
    );
    // Without a base URL the downloads are relative to the catalogue.
    assert_eq!(
        cat["dcat:dataset"][0]["dcat:distribution"][0]["dcat:downloadURL"]["@id"],
        "structure.csv"
    );
}
