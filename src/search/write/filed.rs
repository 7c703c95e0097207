//! Postings as they wait while the rest of the site is tokenised: each
//! document's tokens filed compactly into buckets (varints, each token once
//! a chunk), and read back into the shard files' text when each shard is
//! written.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::{Fnv, push_num};
use crate::search::docs::{Doc, FIELDS};
use crate::search::text::{self, Tok};

/// A token as a sortable number: a character, a pair of characters, or
/// the index of a word in the document's word list.
pub(super) fn key(
    t: Tok<'_>,
    words: &mut Vec<String>,
    seen: &mut HashMap<String, u32, BuildHasherDefault<Fnv>>,
) -> u64 {
    match t {
        Tok::Char(c) => u64::from(c as u32),
        Tok::Pair(a, b) => 1 << 62 | u64::from(a as u32) << 21 | u64::from(b as u32),
        Tok::Word(w) => {
            let k = match seen.get(w) {
                Some(&k) => k,
                None => {
                    let k = words.len() as u32;
                    words.push(w.to_string());
                    seen.insert(w.to_string(), k);
                    k
                }
            };
            2 << 62 | u64::from(k)
        }
    }
}

/// The UTF-8 text of a token [`key`] made, appended to `out`.
pub(super) fn key_text(k: u64, words: &[String], out: &mut Vec<u8>) {
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

/// Bits of a token's field and position word that hold the position.
pub(super) const POS_BITS: u32 = 28;

/// Buffers one worker reuses from document to document, so tokenising
/// allocates only when a document is bigger than any before it.
#[derive(Default)]
pub(super) struct Scratch {
    /// (token key, field << [`POS_BITS`] | position) of every token.
    all: Vec<(u64, u32)>,
    /// The document's Latin words, by key, and their keys.
    words: Vec<String>,
    seen: HashMap<String, u32, BuildHasherDefault<Fnv>>,
    chars: Vec<char>,
    norm: String,
    token: Vec<u8>,
    entry: Vec<u8>,
}

/// Appends `n` as a variable-length number: seven bits a byte, the high
/// bit set on every byte but the last.
pub(super) fn push_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads a number [`push_varint`] wrote at the start of `bytes`; returns it
/// and the rest.
pub(super) fn read_varint(bytes: &[u8]) -> (u32, &[u8]) {
    let mut n = 0u32;
    for (i, &b) in bytes.iter().enumerate() {
        n |= u32::from(b & 0x7f) << (7 * i);
        if b < 0x80 {
            return (n, &bytes[i + 1..]);
        }
    }
    (n, &[])
}

/// Field byte of a filed entry whose positions are left out (a count only).
pub(super) const COUNT_ONLY: u8 = 0x80;

/// What one worker keeps from chunk to chunk while filing postings, so
/// that the buffers are allocated once, not once a chunk.
#[derive(Default)]
pub(super) struct Filing {
    pub(super) scratch: Scratch,
    /// The chunk's postings by bucket, as [`postings`] files them.
    pub(super) bufs: Vec<Vec<u8>>,
    /// The same, grouped by token (see [`group_by_token`]), bucket after bucket.
    pub(super) grouped: Vec<u8>,
}

/// Files the postings of document `id` (the `offset`-th of its chunk) into
/// the buckets `bufs` (a power of two of them), compactly, as they wait for
/// the rest of the site: for each token, its text, a 0 byte, the document's
/// offset in its chunk (one byte), the length of the entry (a varint) and
/// the entry: for each field, the field's number (with [`COUNT_ONLY`] for a
/// count without positions), the title's length for the title, the count
/// and the position gaps, all varints. Single Japanese characters get
/// counts instead of positions at once.
pub(super) fn postings(doc: &Doc, offset: u8, bufs: &mut [Vec<u8>], s: &mut Scratch) {
    s.all.clear();
    s.words.clear();
    s.seen.clear();
    let mut title_len = 0;
    let Scratch {
        all,
        words,
        seen,
        chars,
        norm,
        token,
        entry,
    } = s;
    for (f, texts) in doc.fields.iter().enumerate() {
        let mut pos = 0;
        let field = (f as u32) << POS_BITS;
        for t in texts {
            text::normalise_into(t, norm);
            let end = text::each_token(norm, pos, chars, |tok, p| {
                let p = p.min((1 << POS_BITS) - 1);
                all.push((key(tok, words, seen), field | p));
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
    let mask = bufs.len() - 1;
    let mut i = 0;
    while i < all.len() {
        let k = all[i].0;
        token.clear();
        key_text(k, words, token);
        let counts = k >> 62 == 0 && text::is_cjk(char::from_u32(k as u32).unwrap_or(' '));
        entry.clear();
        let mut j = i;
        while j < all.len() && all[j].0 == k {
            let field = all[j].1 >> POS_BITS;
            entry.push(field as u8 | if counts { COUNT_ONLY } else { 0 });
            if field == 0 {
                // The title's length, so a title that is the query wins.
                push_varint(entry, title_len);
            }
            let n = all[j..]
                .iter()
                .take_while(|a| a.0 == k && a.1 >> POS_BITS == field)
                .count();
            push_varint(entry, n as u32);
            let mut prev = 0;
            for a in &all[j..j + n] {
                let p = a.1 & ((1 << POS_BITS) - 1);
                if !counts {
                    push_varint(entry, p - prev);
                }
                prev = p;
            }
            j += n;
        }
        let buf = &mut bufs[text::hash_bytes(token) as usize & mask];
        buf.extend_from_slice(token);
        buf.push(0);
        buf.push(offset);
        push_varint(buf, entry.len() as u32);
        buf.extend_from_slice(entry);
        i = j;
    }
}

/// Appends a filed entry (see [`postings`]) as the shard files write it:
/// for each field its letter, the title's length and a colon for the
/// title, then the position gaps (`3,1,4`), or `*` and the count when the
/// entry or `counts_only` says so (`t3:*2b*1`).
pub(super) fn push_entry(out: &mut Vec<u8>, mut entry: &[u8], counts_only: bool) {
    while let Some((&head, rest)) = entry.split_first() {
        let field = head & !COUNT_ONLY;
        out.push(FIELDS[usize::from(field)] as u8);
        let mut rest = rest;
        if field == 0 {
            let (len, r) = read_varint(rest);
            push_num(out, len);
            out.push(b':');
            rest = r;
        }
        let (n, mut r) = read_varint(rest);
        if head & COUNT_ONLY != 0 || counts_only {
            if head & COUNT_ONLY == 0 {
                for _ in 0..n {
                    r = read_varint(r).1;
                }
            }
            out.push(b'*');
            push_num(out, n);
        } else {
            for k in 0..n {
                if k > 0 {
                    out.push(b',');
                }
                let (gap, after) = read_varint(r);
                push_num(out, gap);
                r = after;
            }
        }
        entry = r;
    }
}

/// One document's record in a bucket as [`postings`] filed it: the
/// token, the document's offset in its chunk and its entry.
pub(super) type Record<'a> = (&'a [u8], u8, &'a [u8]);

/// Reads the records [`postings`] filed into one bucket of a chunk.
pub(super) fn records<'a>(mut rest: &'a [u8], out: &mut Vec<Record<'a>>) {
    while !rest.is_empty() {
        let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        let token = &rest[..end];
        let offset = rest.get(end + 1).copied().unwrap_or_default();
        let (len, after) = read_varint(rest.get(end + 2..).unwrap_or_default());
        let len = (len as usize).min(after.len());
        out.push((token, offset, &after[..len]));
        rest = &after[len..];
    }
}

/// Appends the records of one bucket of a chunk (`filed`, as [`postings`]
/// wrote them, documents in order) to `out` grouped by token, each token
/// written once: the token, a 0 byte, the number of its documents (a
/// varint), then each document's offset (one byte), entry length (a
/// varint) and entry, documents in order. Tokens recur from document to
/// document, so this takes a good part less memory while the rest of the
/// site is tokenised.
pub(super) fn group_by_token<'a>(
    filed: &'a [u8],
    scratch: &mut Vec<Record<'a>>,
    out: &mut Vec<u8>,
) {
    scratch.clear();
    records(filed, scratch);
    // Stable: each token's documents stay in order.
    scratch.sort_by(|a, b| a.0.cmp(b.0));
    let mut i = 0;
    while i < scratch.len() {
        let token = scratch[i].0;
        let n = scratch[i..].iter().take_while(|r| r.0 == token).count();
        out.extend_from_slice(token);
        out.push(0);
        push_varint(out, n as u32);
        for &(_, offset, entry) in &scratch[i..i + n] {
            out.push(offset);
            push_varint(out, entry.len() as u32);
            out.extend_from_slice(entry);
        }
        i += n;
    }
}
