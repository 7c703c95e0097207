//! The index writer: documents in, the static files of `search/` out
//! (format in `docs/search-index.md`), built in parallel and the same bytes
//! on every run.
//!
//! Documents are made from the model and tokenised in parallel, a chunk at
//! a time; each chunk's postings are filed compactly into buckets (chosen by
//! the token's hash, see [`filed`]) and its documents' files handed on at
//! once, so memory holds about one copy of the index and never every
//! document. Each shard is then written from its buckets on its own, in
//! parallel, and handed on.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Value, json};

use super::docs::{Doc, FIELDS};
use crate::output::OutputFile;
use filed::{Filing, group_by_token, postings, push_entry, read_varint};

/// Version of the format, in `meta.json`; bumped when a reader must change.
pub const FORMAT_VERSION: u32 = 1;

/// Documents tokenised at once before their postings are filed.
const CHUNK: usize = 256;
// A document's offset in its chunk is filed as one byte.
const _: () = assert!(CHUNK <= 256);

/// Buckets tokens are filed into, and so most shards (files) the postings
/// are split into: the shards are these buckets, joined (see
/// [`SHARD_BYTES`]).
const MAX_SHARDS: usize = 8192;

/// Bytes of filed postings per shard, about: fewer, larger files, each
/// still small enough that a query's shards stay a small download. Filed
/// postings (see [`postings`] and [`group_by_token`]) take about the bytes
/// of the shard files, so shards come out at about 16 KiB.
const SHARD_BYTES: usize = 16 * 1024;

/// How many documents make a pair common: from then on its postings keep
/// counts, not positions (a sixteenth of the site, at least 64 documents).
pub fn common_df(docs: usize) -> usize {
    (docs / 16).max(64)
}

/// The number of shards for `bytes` of filed postings: a power of two,
/// at most [`MAX_SHARDS`].
pub fn shard_count(bytes: usize) -> usize {
    bytes
        .div_ceil(SHARD_BYTES)
        .max(1)
        .next_power_of_two()
        .min(MAX_SHARDS)
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

/// A token of a bucket and its member of a shard's JSON object
/// (`"token":"postings"`).
type Member<'a> = (&'a [u8], Vec<u8>);

/// A token's rows in one bucket: (document, its entry), documents ascending.
type Rows<'a> = Vec<(u32, &'a [u8])>;

/// The members of one bucket from its buffers (one per chunk of documents,
/// in document order, with the id of the chunk's first document; grouped
/// by [`group_by_token`]):
/// documents ascending, tokens in no order.
fn bucket_members<'a>(
    bufs: impl Iterator<Item = (u32, &'a [u8])>,
    common: usize,
) -> Vec<Member<'a>> {
    let mut groups: Vec<(&[u8], Rows<'_>)> = Vec::new();
    let mut at: HashMap<&[u8], usize, BuildHasherDefault<Fnv>> = HashMap::default();
    for (base, buf) in bufs {
        let mut rest = buf;
        while !rest.is_empty() {
            let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            let token = &rest[..end];
            let (n, mut after) = read_varint(rest.get(end + 1..).unwrap_or_default());
            let g = *at.entry(token).or_insert_with(|| {
                groups.push((token, Vec::new()));
                groups.len() - 1
            });
            for _ in 0..n {
                let doc = base + u32::from(after.first().copied().unwrap_or_default());
                let (len, entry) = read_varint(after.get(1..).unwrap_or_default());
                let len = (len as usize).min(entry.len());
                groups[g].1.push((doc, &entry[..len]));
                after = &entry[len..];
            }
            rest = after;
        }
    }
    groups
        .into_iter()
        .map(|(token, rows)| {
            let size: usize = rows.iter().map(|r| 3 * r.1.len() + 4).sum();
            let mut out = Vec::with_capacity(token.len() + size + 8);
            let text = std::str::from_utf8(token).unwrap_or_default();
            serde_json::to_writer(&mut out, text).unwrap_or_default();
            out.extend_from_slice(b":\"");
            // Pairs in many documents keep counts only (single characters
            // came with counts already).
            let counts_only = rows.len() >= common;
            let mut prev = 0;
            for (j, (doc, entry)) in rows.iter().enumerate() {
                if j > 0 {
                    out.push(b';');
                }
                push_num(&mut out, doc - prev);
                push_entry(&mut out, entry, counts_only);
                prev = *doc;
            }
            out.push(b'"');
            (token, out)
        })
        .collect()
}

/// The JSON object of one shard: its buckets' members, tokens sorted by
/// code point (as their UTF-8 bytes sort).
fn shard_file(mut members: Vec<&Member<'_>>) -> Vec<u8> {
    members.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let size: usize = members.iter().map(|m| m.1.len() + 1).sum();
    let mut out = Vec::with_capacity(size + 2);
    out.push(b'{');
    for (n, m) in members.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        out.extend_from_slice(&m.1);
    }
    out.push(b'}');
    out
}

/// FNV-1a, 64 bits: a fast hash for short tokens (the map is not exposed
/// to input chosen against it in any way that matters: a slow build).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
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

/// The fields of a document's file, in the order they are written.
#[derive(Serialize)]
struct DocFile<'a> {
    c: &'a str,
    t: &'a str,
    u: &'a str,
    x: String,
}

/// What one chunk of documents gives: its postings, bucket after bucket
/// in one buffer, its documents' filter values and ranks.
struct Filed {
    /// The chunk's postings, bucket 0 first.
    data: Vec<u8>,
    /// Where each bucket's postings start in `data`; one more entry than
    /// there are buckets, the last is `data`'s length.
    starts: Vec<u32>,
    filters: Vec<Vec<(&'static str, String)>>,
    priors: Vec<u8>,
}

impl Filed {
    fn bucket(&self, b: usize) -> &[u8] {
        &self.data[self.starts[b] as usize..self.starts[b + 1] as usize]
    }
}

/// Writes the index of `docs` under `dir` (e.g. `search`), with the
/// synonym groups the search page expands queries with, all in memory:
/// the files sorted by path.
pub fn write(docs: Vec<Doc>, synonyms: &[Vec<String>], dir: &str) -> Written {
    let files = std::sync::Mutex::new(Vec::new());
    let shards = write_each(docs.len(), &|i| docs[i].clone(), synonyms, dir, &|batch| {
        files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(batch)
    });
    let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Written { files, shards }
}

/// Writes the index of the `count` documents `doc` makes (document `i` when
/// asked for `i`) under `dir`, handing each batch of files to `out` as soon
/// as it is made, and returns the number of postings shards. Documents are
/// made a chunk at a time and let go once filed, each document's file goes
/// out with its chunk, and each shard is written from the filed postings
/// and goes out on its own: memory holds the filed postings (about the size
/// of the shards) and little else. The files are the same, whatever the
/// order they come in.
pub fn write_each(
    count: usize,
    doc: &(dyn Fn(usize) -> Doc + Sync),
    synonyms: &[Vec<String>],
    dir: &str,
    out: &(dyn Fn(Vec<OutputFile>) + Sync),
) -> usize {
    // Each chunk of documents files its postings into buckets of its own,
    // in parallel; each shard then joins its buckets' buffers in chunk order.
    let filed: Vec<Filed> = (0..count.div_ceil(CHUNK))
        .into_par_iter()
        .map_init(Filing::default, |filing, c| {
            let Filing {
                scratch,
                bufs,
                grouped,
            } = filing;
            if bufs.is_empty() {
                bufs.resize(MAX_SHARDS, Vec::new());
            }
            let ids = c * CHUNK..((c + 1) * CHUNK).min(count);
            let mut files = Vec::with_capacity(ids.len());
            let mut filters = Vec::with_capacity(ids.len());
            let mut priors = Vec::with_capacity(ids.len());
            for id in ids {
                let d = doc(id);
                postings(&d, (id % CHUNK) as u8, bufs, scratch);
                let file = DocFile {
                    c: &d.context,
                    t: &d.title,
                    u: &d.url,
                    x: d.excerpt_text(),
                };
                let bytes = serde_json::to_vec(&file).unwrap_or_default();
                files.push(OutputFile::new(format!("{dir}/d/{id}.json"), bytes));
                filters.push(d.filters);
                priors.push(d.prior);
            }
            out(files);
            grouped.clear();
            let mut starts = Vec::with_capacity(MAX_SHARDS + 1);
            let mut records = Vec::new();
            for b in bufs.iter() {
                starts.push(grouped.len() as u32);
                group_by_token(b, &mut records, grouped);
            }
            starts.push(grouped.len() as u32);
            drop(records);
            bufs.iter_mut().for_each(Vec::clear);
            Filed {
                // Exactly as big as it needs to be, for the rest of the site.
                data: grouped.to_vec(),
                starts,
                filters,
                priors,
            }
        })
        .collect();
    // The shards: bucket b goes to shard b mod shards, which is the token's
    // hash mod shards too. Each is made and handed on by itself.
    let common = common_df(count);
    let shards = shard_count(filed.iter().map(|f| f.data.len()).sum());
    (0..shards).into_par_iter().for_each(|n| {
        let members: Vec<Member<'_>> = (n..MAX_SHARDS)
            .step_by(shards)
            .flat_map(|b| {
                let chunks = filed.iter().enumerate();
                bucket_members(
                    chunks.map(|(c, f)| ((c * CHUNK) as u32, f.bucket(b))),
                    common,
                )
            })
            .collect();
        let bytes = shard_file(members.iter().collect());
        out(vec![OutputFile::new(format!("{dir}/p/{n}.json"), bytes)]);
    });
    let mut filters = Vec::with_capacity(count);
    let mut ranks = Vec::with_capacity(count);
    for f in filed {
        filters.extend(f.filters);
        ranks.extend(f.priors);
    }
    let mut files = Vec::new();
    // Filters: value → documents, each name in its own file; values and
    // their counts also go in meta.json for the search page's menus.
    let mut by_filter: std::collections::BTreeMap<
        &str,
        std::collections::BTreeMap<&str, Vec<u32>>,
    > = Default::default();
    for (id, values) in filters.iter().enumerate() {
        for (name, value) in values {
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
    for (id, &p) in ranks.iter().enumerate() {
        let (id, p) = (id as u64, u64::from(p));
        match priors.last_mut() {
            Some(run) if run[1] + 1 == id && run[2] == p => run[1] = id,
            _ if p != 100 => priors.push([id, id, p]),
            _ => {}
        }
    }
    let meta = json!({
        "version": FORMAT_VERSION,
        "docs": count,
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
    out(files);
    shards
}

mod filed;

#[cfg(test)]
mod tests;
