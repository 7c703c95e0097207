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
use super::text::{self, Tok};
use crate::output::OutputFile;

/// Version of the format, in `meta.json`; bumped when a reader must change.
pub const FORMAT_VERSION: u32 = 1;

/// Documents tokenised at once before their postings are filed.
const CHUNK: usize = 256;

/// Characters of text per postings shard, about: the shard count is the
/// next power of two of the site's characters divided by this.
const CHARS_PER_SHARD: usize = 500;

/// Most shards (and so files) the postings are split into.
const MAX_SHARDS: usize = 8192;

/// How many documents make a pair common: from then on its postings keep
/// counts, not positions (a sixteenth of the site, at least 64 documents).
pub fn common_df(docs: usize) -> usize {
    (docs / 16).max(64)
}

/// The number of postings shards for `chars` characters of text.
pub fn shard_count(chars: usize) -> usize {
    (chars / CHARS_PER_SHARD)
        .max(1)
        .next_power_of_two()
        .min(MAX_SHARDS)
}

/// A token as a sortable number: a character, a pair of characters, or
/// the index of a word in the document's word list.
fn key(t: Tok<'_>, words: &mut Vec<String>) -> u64 {
    match t {
        Tok::Char(c) => u64::from(c as u32),
        Tok::Pair(a, b) => 1 << 62 | u64::from(a as u32) << 21 | u64::from(b as u32),
        Tok::Word(w) => {
            let k = words.iter().position(|x| x == w).unwrap_or_else(|| {
                words.push(w.to_string());
                words.len() - 1
            });
            2 << 62 | k as u64
        }
    }
}

/// The UTF-8 text of a token [`key`] made, appended to `out`.
fn key_text(k: u64, words: &[String], out: &mut Vec<u8>) {
    let ch = |n: u64| char::from_u32((n & 0x1f_ffff) as u32).unwrap_or('\u{fffd}');
    let mut b = [0u8; 4];
    match k >> 62 {
        0 => out.extend_from_slice(ch(k).encode_utf8(&mut b).as_bytes()),
        1 => {
            out.extend_from_slice(ch(k >> 21).encode_utf8(&mut b).as_bytes());
            out.extend_from_slice(ch(k).encode_utf8(&mut b).as_bytes());
        }
        _ => out.extend_from_slice(words[(k & 0xffff_ffff) as usize].as_bytes()),
    }
}

/// Appends `n` in decimal.
fn push_num(out: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// Files the postings of document `id` into the shard buffers `bufs`: for
/// each token, its text, a 0 byte, the id (4 bytes, little-endian), the
/// encoded positions by field and a 0 byte.
fn postings(doc: &Doc, id: u32, bufs: &mut [Vec<u8>]) {
    let mut all: Vec<(u64, u8, u32)> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut chars = Vec::new();
    let mut title_len = 0;
    for (f, texts) in doc.fields.iter().enumerate() {
        let mut pos = 0;
        for t in texts {
            let end = text::each_token(&text::normalise(t), pos, &mut chars, |tok, p| {
                all.push((key(tok, &mut words), f as u8, p));
            });
            if f == 0 {
                title_len = end;
            }
            // Each text of a field is separated from the next.
            pos = end + 1;
        }
    }
    all.sort_unstable();
    all.dedup();
    let mut token = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let k = all[i].0;
        token.clear();
        key_text(k, &words, &mut token);
        let buf = &mut bufs[(text::hash_bytes(&token) % bufs.len() as u32) as usize];
        buf.extend_from_slice(&token);
        buf.push(0);
        buf.extend_from_slice(&id.to_le_bytes());
        let mut j = i;
        while j < all.len() && all[j].0 == k {
            let field = all[j].1;
            buf.push(FIELDS[field as usize] as u8);
            if field == 0 {
                // The title's length, so a title that is the query wins.
                push_num(buf, title_len);
                buf.push(b':');
            }
            let mut prev = 0;
            let mut first = true;
            while j < all.len() && all[j].0 == k && all[j].1 == field {
                if !first {
                    buf.push(b',');
                }
                push_num(buf, all[j].2 - prev);
                prev = all[j].2;
                first = false;
                j += 1;
            }
        }
        buf.push(0);
        i = j;
    }
}

/// The JSON object of one shard from its buffers (one per chunk of
/// documents, in document order): token → postings string, tokens sorted,
/// documents ascending.
fn shard_file<'a>(bufs: impl Iterator<Item = &'a [u8]>, common: usize) -> Vec<u8> {
    let mut rows: Vec<(&str, u32, &str)> = Vec::new();
    let mut size = 0;
    for buf in bufs {
        size += buf.len();
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
    }
    // Stable: documents stay in the ascending order they were filed in.
    rows.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = String::with_capacity(size + size / 4);
    out.push('{');
    let mut i = 0;
    while i < rows.len() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(rows[i].0).unwrap_or_default());
        out.push_str(":\"");
        let mut end = i;
        while end < rows.len() && rows[end].0 == rows[i].0 {
            end += 1;
        }
        // Single characters, and pairs in many documents, keep counts only.
        let counts_only = rows[i].0.chars().count() == 1
            && text::is_cjk(rows[i].0.chars().next().unwrap_or(' '))
            || end - i >= common;
        let mut prev = 0;
        for (j, row) in rows[i..end].iter().enumerate() {
            if j > 0 {
                out.push(';');
            }
            out.push_str(&(row.1 - prev).to_string());
            if counts_only {
                push_counts(&mut out, row.2);
            } else {
                out.push_str(row.2);
            }
            prev = row.1;
        }
        let j = end;
        out.push('"');
        i = j;
    }
    out.push('}');
    out.into_bytes()
}

/// Appends an entry's field groups with each field's positions replaced by
/// `*` and their count (`t3:0,4b5` becomes `t3:*2b*1`).
fn push_counts(out: &mut String, entry: &str) {
    let mut groups = entry
        .split_inclusive(|c: char| c.is_ascii_lowercase())
        .peekable();
    // split_inclusive ends each piece with the next letter: regroup.
    let mut letter = None;
    for piece in groups.by_ref() {
        let (body, next) = match piece.chars().last() {
            Some(c) if c.is_ascii_lowercase() => (&piece[..piece.len() - 1], Some(c)),
            _ => (piece, None),
        };
        if let Some(l) = letter {
            out.push(l);
            let positions = match body.split_once(':') {
                Some((length, positions)) => {
                    out.push_str(length);
                    out.push(':');
                    positions
                }
                None => body,
            };
            out.push('*');
            out.push_str(&positions.split(',').count().to_string());
        }
        letter = next;
    }
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
    // Each chunk of documents files its postings into shard buffers of its
    // own, in parallel; each shard then joins its buffers in chunk order.
    let chunks: Vec<Vec<Vec<u8>>> = docs
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(c, chunk)| {
            let mut bufs = vec![Vec::new(); shards];
            for (k, d) in chunk.iter().enumerate() {
                postings(d, (c * CHUNK + k) as u32, &mut bufs);
            }
            bufs
        })
        .collect();
    let common = common_df(docs.len());
    let mut files: Vec<OutputFile> = (0..shards)
        .into_par_iter()
        .map(|n| {
            let bytes = shard_file(chunks.iter().map(|c| c[n].as_slice()), common);
            OutputFile::new(format!("{dir}/p/{n}.json"), bytes)
        })
        .collect();
    drop(chunks);
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
