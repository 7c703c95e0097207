//! The search tokeniser: text normalised and cut into tokens with positions,
//! the same way at index time (here) and at query time (`search.js`, which
//! implements the same steps; `docs/search-index.md` states them).
//!
//! Steps: NFKC (full-width Latin and digits, half-width katakana and the
//! ideographic space become their ordinary forms), lower case, hiragana
//! folded to katakana. Then runs of Japanese characters (kanji, katakana,
//! 々 〆 ー) give every single character and every pair of adjacent
//! characters (character bigrams, as Lucene's CJK analyser does); runs of
//! other letters and digits give whole words (a `.` between digits stays in
//! the word, a `,` between digits is dropped, so `1,000` is `1000` and
//! `93.2` one word). Anything else separates, and a run of separators
//! advances the position by one, so a phrase never matches across it.

/// A token and its position in its field: a single character and the pair
/// that starts with it share the character's position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The token text (normalised).
    pub text: String,
    /// Position in the field.
    pub pos: u32,
}

pub use crate::text::{normalise, normalise_into};

/// Whether `c` (normalised) is written as Japanese: kanji, katakana
/// (without the middle dot ・), 々, 〆, 〇 and ー.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3006}' | '\u{3007}'
        | '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// A token as [`each_token`] hands it over, without allocating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok<'a> {
    /// One Japanese character.
    Char(char),
    /// Two adjacent Japanese characters.
    Pair(char, char),
    /// A word of other letters and digits.
    Word(&'a str),
}

impl Tok<'_> {
    /// The token's text.
    pub fn text(&self) -> String {
        match self {
            Tok::Char(c) => c.to_string(),
            Tok::Pair(a, b) => [*a, *b].iter().collect(),
            Tok::Word(w) => w.to_string(),
        }
    }
}

/// The tokens of already normalised `text`, positions counted from `start`;
/// returns them and the position after the last one.
pub fn tokens_from(text: &str, start: u32, out: &mut Vec<Token>) -> u32 {
    let mut chars = Vec::new();
    each_token(text, start, &mut chars, |t, pos| {
        out.push(Token {
            text: t.text(),
            pos,
        })
    })
}

/// Calls `f` with every token of already normalised `text` and its
/// position, counted from `start`; returns the position after the last one.
/// `chars` is scratch space, reused between calls.
pub fn each_token(
    text: &str,
    start: u32,
    chars: &mut Vec<char>,
    mut f: impl FnMut(Tok<'_>, u32),
) -> u32 {
    chars.clear();
    chars.extend(text.chars());
    let mut word = String::new();
    let mut pos = start;
    let mut i = 0;
    let mut after_separator = true;
    while i < chars.len() {
        let c = chars[i];
        if is_cjk(c) {
            let begin = i;
            while i < chars.len() && is_cjk(chars[i]) {
                i += 1;
            }
            let run = &chars[begin..i];
            for (k, &ch) in run.iter().enumerate() {
                let p = pos + k as u32;
                f(Tok::Char(ch), p);
                if let Some(&next) = run.get(k + 1) {
                    f(Tok::Pair(ch, next), p);
                }
            }
            pos += run.len() as u32;
            after_separator = false;
        } else if is_word(c) {
            word.clear();
            while i < chars.len() {
                let ch = chars[i];
                if is_word(ch) && !is_cjk(ch) {
                    word.push(ch);
                    i += 1;
                } else if (ch == '.' || ch == ',')
                    && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())
                    && word.chars().last().is_some_and(|p| p.is_ascii_digit())
                {
                    if ch == '.' {
                        word.push('.');
                    }
                    i += 1;
                } else {
                    break;
                }
            }
            f(Tok::Word(&word), pos);
            pos += 1;
            after_separator = false;
        } else {
            if !after_separator {
                pos += 1;
            }
            after_separator = true;
            i += 1;
        }
    }
    pos
}

/// The tokens of `text` (normalised first), from position 0.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokens_from(&normalise(text), 0, &mut out);
    out
}

/// FNV-1a (32 bits) of the token's UTF-8 bytes: picks its postings shard.
pub fn hash(token: &str) -> u32 {
    hash_bytes(token.as_bytes())
}

/// [`hash`] of UTF-8 bytes.
pub fn hash_bytes(token: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in token {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{fast_normalise, slow_normalise};

    fn texts(s: &str) -> Vec<(String, u32)> {
        tokens(s).into_iter().map(|t| (t.text, t.pos)).collect()
    }

    #[test]
    fn the_fast_way_normalises_as_the_slow_way() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let site = crate::pipeline::load_site(root).expect("the sample site loads");
        let mut checked = 0;
        for d in crate::search::docs::documents(&site) {
            for t in d.fields.iter().flatten() {
                assert_eq!(normalise(t), slow_normalise(t), "{t}");
                checked += usize::from(fast_normalise(t).is_some());
            }
        }
        assert!(checked > 100, "the fast way is taken: {checked}");
        let every: String = (0x20u32..0x3_0000).filter_map(char::from_u32).collect();
        for c in every.chars() {
            let s = c.to_string();
            if let Some(fast) = fast_normalise(&s) {
                assert_eq!(fast, slow_normalise(&s), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn japanese_runs_give_characters_and_pairs() {
        assert_eq!(
            texts("人事課"),
            [("人", 0), ("人事", 0), ("事", 1), ("事課", 1), ("課", 2)]
                .map(|(t, p)| (t.to_string(), p))
        );
        // A separator breaks the run; a run of them counts once.
        let t = texts("官民、、共創");
        assert!(t.contains(&("共".into(), 3)), "{t:?}");
        assert!(!t.iter().any(|(s, _)| s == "民共"));
    }

    #[test]
    fn words_and_numbers() {
        let t = texts("EBPM推進 1,000件 93.2% ver2.0");
        let words: Vec<&str> = t
            .iter()
            .map(|(s, _)| s.as_str())
            .filter(|s| s.is_ascii())
            .collect();
        assert_eq!(words, ["ebpm", "1000", "93.2", "ver2.0"]);
    }

    #[test]
    fn hash_is_fnv1a() {
        assert_eq!(hash(""), 0x811c_9dc5);
        assert_eq!(hash("a"), 0xe40c_292c);
    }
}
