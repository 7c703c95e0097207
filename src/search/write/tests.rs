//! Tests of the index writer: postings, determinism across thread counts.

use super::filed::{COUNT_ONLY, push_varint};
use super::*;
use crate::search::docs::Field;
use crate::search::text;

fn doc(url: &str, title: &str, body: &str) -> Doc {
    let mut d = Doc {
        url: url.into(),
        title: title.into(),
        ..Doc::default()
    };
    d.fields[Field::Title as usize].push(title.into());
    d.fields[Field::Body as usize].push(body.into());
    d.filters.push(("plan", "計画".into()));
    d.prior = 100;
    d
}

fn file<'a>(w: &'a Written, path: &str) -> &'a str {
    let f = w.files.iter().find(|f| f.path == path).expect(path);
    std::str::from_utf8(&f.bytes).unwrap()
}

#[test]
fn postings_hold_fields_and_position_gaps() {
    let docs = vec![
        doc("a.html", "人事課", "人事課と人事委員会"),
        doc("b.html", "財政課", "人事"),
    ];
    let w = write(docs, &[], "search");
    let shard = text::hash("人事") as usize % w.shards;
    let p: serde_json::Value =
        serde_json::from_str(file(&w, &format!("search/p/{shard}.json"))).unwrap();
    // Doc 0: title (3 long) at 0; body at 0 and 4 (gap 4). Doc 1 (gap 1): body at 0.
    assert_eq!(p["人事"], "0t3:0b0,4;1b0");
    // Single characters keep counts only.
    let shard = text::hash("事") as usize % w.shards;
    let p: serde_json::Value =
        serde_json::from_str(file(&w, &format!("search/p/{shard}.json"))).unwrap();
    assert_eq!(p["事"], "0t3:*1b*2;1b*1");
    let meta: serde_json::Value = serde_json::from_str(file(&w, "search/meta.json")).unwrap();
    assert_eq!(meta["docs"], 2);
    assert_eq!(meta["filters"]["plan"], json!([["計画", 2]]));
    assert_eq!(file(&w, "search/f/plan.json"), r#"{"計画":"0,1"}"#);
    let d: serde_json::Value = serde_json::from_str(file(&w, "search/d/1.json")).unwrap();
    assert_eq!(d["u"], "b.html");
    assert_eq!(d["x"], "人事");
}

#[test]
fn same_documents_give_identical_files_on_any_number_of_threads() {
    // Enough varied documents for several chunks, buckets and shards.
    let words = [
        "時間外勤務",
        "年次有給休暇",
        "電子申請",
        "窓口",
        "デジタル化",
        "EBPM",
        "２０２５年度",
    ];
    let docs: Vec<Doc> = (0..3000)
        .map(|i| {
            let body: String = (0..40)
                .map(|k| words[(i * 7 + k * 3) % words.len()])
                .collect::<Vec<_>>()
                .join(format!("の{i}と").as_str());
            doc(&format!("{i}.html"), &format!("実施項目{i}"), &body)
        })
        .collect();
    let on = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| write(docs.clone(), &[], "search"))
    };
    let a = on(1);
    let b = on(4);
    assert!(a.shards > 1, "{} shards", a.shards);
    assert_eq!(a.files.len(), b.files.len());
    for (x, y) in a.files.iter().zip(&b.files) {
        assert!(x == y, "{} differs", x.path);
    }
}

#[test]
fn filed_numbers_and_entries_read_back_as_written() {
    for n in [0, 1, 127, 128, 300, 16_383, 16_384, (1 << 28) - 1, u32::MAX] {
        let mut b = Vec::new();
        push_varint(&mut b, n);
        b.push(9);
        assert_eq!(read_varint(&b), (n, &[9u8][..]), "{n}");
    }
    // Title (field 0) of 4 characters at 0 and 3, body (field 2) at 200,
    // and a single character counted once in the list (field 5).
    let mut entry = vec![0];
    for n in [4, 2, 0, 3] {
        push_varint(&mut entry, n);
    }
    entry.push(2);
    for n in [1, 200] {
        push_varint(&mut entry, n);
    }
    entry.push(5 | COUNT_ONLY);
    push_varint(&mut entry, 1);
    let mut out = Vec::new();
    push_entry(&mut out, &entry, false);
    assert_eq!(String::from_utf8(out).unwrap(), "t4:0,3b200l*1");
    let mut out = Vec::new();
    push_entry(&mut out, &entry, true);
    assert_eq!(String::from_utf8(out).unwrap(), "t4:*2b*1l*1");
}
