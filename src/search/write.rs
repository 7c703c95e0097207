//! The index writer: documents in, the static files of `search/` out
//! (format in `docs/search-index.md`), built in parallel and the same bytes
//! on every run.
//!
//! Documents are tokenised in parallel, a chunk at a time; each document's
//! postings are appended, in document order, to the buffer of their shard
//! (chosen by the token's hash), so memory holds about one copy of the index.
//! Each shard is then sorted and written on its own, in parallel.

use rayon::prelude::*;
use serde_json::{Value, json};

use super::docs::{Doc, FIELDS};
use super::text::{self, Token};
use crate::output::OutputFile;

/// Version of the format, in `meta.json`; bumped when a reader must change.
pub const FORMAT_VERSION: u32 = 1;

/// Documents tokenised at once before their postings are filed.
const CHUNK: usize = 512;

/// Characters of text per postings shard, about: the shard count is the
/// power of two nearest the site's characters divided by this.
const CHARS_PER_SHARD: usize = 1500;

/// Most shards (and so files) the postings are split into.
const MAX_SHARDS: usize = 8192;

/// The number of postings shards for `chars` characters of text.
pub fn shard_count(chars: usize) -> usize {
    (chars / CHARS_PER_SHARD)
        .max(1)
        .next_power_of_two()
        .min(MAX_SHARDS)
}

/// One document's postings: (shard, token, encoded positions by field).
fn postings(doc: &Doc, shards: usize) -> Vec<(u32, String, String)> {
    let mut all: Vec<(String, u8, u32)> = Vec::new();
    let mut tokens: Vec<Token> = Vec::new();
    let mut title_len = 0;
    for (f, texts) in doc.fields.iter().enumerate() {
        let mut pos = 0;
        for t in texts {
            tokens.clear();
            let end = text::tokens_from(&text::normalise(t), pos, &mut tokens);
            if f == 0 {
                title_len = end;
            }
            // Each text of a field is separated from the next.
            pos = end + 1;
            all.extend(tokens.drain(..).map(|t| (t.text, f as u8, t.pos)));
        }
    }
    all.sort_unstable();
    all.dedup();
    let mut out: Vec<(u32, String, String)> = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let token = &all[i].0;
        let mut entry = String::new();
        let mut j = i;
        while j < all.len() && all[j].0 == *token {
            let field = all[j].1;
            entry.push(FIELDS[field as usize]);
            if field == 0 {
                // The title's length, so a title that is the query wins.
                entry.push_str(&title_len.to_string());
                entry.push(':');
            }
            let mut prev = 0;
            let mut first = true;
            while j < all.len() && all[j].0 == *token && all[j].1 == field {
                if !first {
                    entry.push(',');
                }
                entry.push_str(&(all[j].2 - prev).to_string());
                prev = all[j].2;
                first = false;
                j += 1;
            }
        }
        let shard = text::hash(token) % shards as u32;
        out.push((shard, all[i].0.clone(), entry));
        i = j;
    }
    out
}

/// Appends one posting (token, document, entry) to a shard buffer.
fn file_posting(buf: &mut Vec<u8>, token: &str, doc: u32, entry: &str) {
    buf.extend_from_slice(token.as_bytes());
    buf.push(0);
    buf.extend_from_slice(&doc.to_le_bytes());
    buf.extend_from_slice(entry.as_bytes());
    buf.push(0);
}

/// The JSON object of one shard from its buffer: token → postings string,
/// tokens sorted, documents ascending.
fn shard_file(buf: &[u8]) -> Vec<u8> {
    let mut rows: Vec<(&str, u32, &str)> = Vec::new();
    let mut rest = buf;
    while !rest.is_empty() {
        let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        let token = std::str::from_utf8(&rest[..end]).unwrap_or_default();
        let doc = u32::from_le_bytes(rest[end + 1..end + 5].try_into().unwrap_or_default());
        let after = &rest[end + 5..];
        let stop = after.iter().position(|&b| b == 0).unwrap_or(after.len());
        let entry = std::str::from_utf8(&after[..stop]).unwrap_or_default();
        rows.push((token, doc, entry));
        rest = &after[(stop + 1).min(after.len())..];
    }
    // Stable: documents stay in the ascending order they were filed in.
    rows.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = String::with_capacity(buf.len() + buf.len() / 4);
    out.push('{');
    let mut i = 0;
    while i < rows.len() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(rows[i].0).unwrap_or_default());
        out.push_str(":\"");
        let mut prev = 0;
        let mut j = i;
        while j < rows.len() && rows[j].0 == rows[i].0 {
            if j > i {
                out.push(';');
            }
            out.push_str(&(rows[j].1 - prev).to_string());
            out.push_str(rows[j].2);
            prev = rows[j].1;
            j += 1;
        }
        out.push('"');
        i = j;
    }
    out.push('}');
    out.into_bytes()
}

/// Document ids as a string of gaps: `3,1,4` is documents 3, 4 and 8.
fn gaps(ids: &[u32]) -> String {
    let mut s = String::new();
    let mut prev = 0;
    for (k, id) in ids.iter().enumerate() {
        if k > 0 {
            s.push(',');
        }
        s.push_str(&(id - prev).to_string());
        prev = *id;
    }
    s
}

/// What [`write`] made: the files (paths under `search/`) and the counts.
pub struct Written {
    /// The files, sorted by path.
    pub files: Vec<OutputFile>,
    /// Postings shards.
    pub shards: usize,
}

/// Writes the index of `docs` under `dir` (e.g. `search`), with the
/// synonym groups the search page expands queries with.
pub fn write(docs: &[Doc], synonyms: &[Vec<String>], dir: &str) -> Written {
    let chars: usize = docs
        .iter()
        .flat_map(|d| d.fields.iter().flatten())
        .map(|t| t.chars().count())
        .sum();
    let shards = shard_count(chars);
    let mut buffers: Vec<Vec<u8>> = vec![Vec::new(); shards];
    for (c, chunk) in docs.chunks(CHUNK).enumerate() {
        let lists: Vec<Vec<(u32, String, String)>> =
            chunk.par_iter().map(|d| postings(d, shards)).collect();
        for (k, list) in lists.into_iter().enumerate() {
            let id = (c * CHUNK + k) as u32;
            for (shard, token, entry) in list {
                file_posting(&mut buffers[shard as usize], &token, id, &entry);
            }
        }
    }
    let mut files: Vec<OutputFile> = buffers
        .into_par_iter()
        .enumerate()
        .map(|(n, buf)| OutputFile::new(format!("{dir}/p/{n}.json"), shard_file(&buf)))
        .collect();
    files.par_extend(docs.par_iter().enumerate().map(|(id, d)| {
        let value = json!({"u": d.url, "t": d.title, "c": d.context, "x": d.excerpt_text()});
        OutputFile::new(format!("{dir}/d/{id}.json"), value.to_string())
    }));
    // Filters: value → documents, each name in its own file; values and
    // their counts also go in meta.json for the search page's menus.
    let mut by_filter: std::collections::BTreeMap<
        &str,
        std::collections::BTreeMap<&str, Vec<u32>>,
    > = Default::default();
    for (id, d) in docs.iter().enumerate() {
        for (name, value) in &d.filters {
            by_filter
                .entry(name)
                .or_default()
                .entry(value)
                .or_default()
                .push(id as u32);
        }
    }
    let mut filter_meta = serde_json::Map::new();
    for (name, values) in &by_filter {
        let lists: serde_json::Map<String, Value> = values
            .iter()
            .map(|(v, ids)| (v.to_string(), Value::String(gaps(ids))))
            .collect();
        files.push(OutputFile::new(
            format!("{dir}/f/{name}.json"),
            Value::Object(lists).to_string(),
        ));
        filter_meta.insert(
            name.to_string(),
            Value::Array(
                values
                    .iter()
                    .map(|(v, ids)| json!([v, ids.len()]))
                    .collect(),
            ),
        );
    }
    // Ranks other than 100 %, as runs of document ids: [first, last, percent].
    let mut priors: Vec<[u64; 3]> = Vec::new();
    for (id, d) in docs.iter().enumerate() {
        let (id, p) = (id as u64, u64::from(d.prior));
        match priors.last_mut() {
            Some(run) if run[1] + 1 == id && run[2] == p => run[1] = id,
            _ if p != 100 => priors.push([id, id, p]),
            _ => {}
        }
    }
    let meta = json!({
        "version": FORMAT_VERSION,
        "docs": docs.len(),
        "shards": shards,
        "fields": FIELDS.iter().collect::<String>(),
        "filters": filter_meta,
        "priors": priors,
        "synonyms": synonyms,
    });
    files.push(OutputFile::new(
        format!("{dir}/meta.json"),
        meta.to_string(),
    ));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Written { files, shards }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::docs::Field;

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
        let w = write(&docs, &[], "search");
        let shard = text::hash("人事") as usize % w.shards;
        let p: serde_json::Value =
            serde_json::from_str(file(&w, &format!("search/p/{shard}.json"))).unwrap();
        // Doc 0: title (3 long) at 0; body at 0 and 4 (gap 4). Doc 1 (gap 1): body at 0.
        assert_eq!(p["人事"], "0t3:0b0,4;1b0");
        let meta: serde_json::Value = serde_json::from_str(file(&w, "search/meta.json")).unwrap();
        assert_eq!(meta["docs"], 2);
        assert_eq!(meta["filters"]["plan"], json!([["計画", 2]]));
        assert_eq!(file(&w, "search/f/plan.json"), r#"{"計画":"0,1"}"#);
        let d: serde_json::Value = serde_json::from_str(file(&w, "search/d/1.json")).unwrap();
        assert_eq!(d["u"], "b.html");
        assert_eq!(d["x"], "人事");
    }

    #[test]
    fn same_documents_give_identical_files() {
        let docs: Vec<Doc> = (0..2000)
            .map(|i| {
                doc(
                    &format!("{i}.html"),
                    &format!("実施項目{i}"),
                    "時間外勤務の縮減と年次有給休暇の取得促進",
                )
            })
            .collect();
        let a = write(&docs, &[], "search");
        let b = write(&docs, &[], "search");
        assert!(a.files == b.files);
    }
}
