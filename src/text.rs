//! Text normalised the one way kohyo compares words: NFKC (full-width Latin
//! and digits, half-width katakana and the ideographic space become their
//! ordinary forms), lower case, hiragana folded to katakana. The search
//! index, the search page (`search.js` implements the same steps) and the
//! check of `content/synonyms.yaml` all use it.

use unicode_normalization::UnicodeNormalization;

/// Normalises `text` as the index and the search page do: NFKC, lower
/// case, hiragana as katakana.
pub fn normalise(text: &str) -> String {
    fast_normalise(text).unwrap_or_else(|| slow_normalise(text))
}

/// [`normalise`] into `out` (cleared first), reusing its buffer.
pub fn normalise_into(text: &str, out: &mut String) {
    out.clear();
    if !fast_normalise_into(text, out) {
        out.clear();
        out.push_str(&slow_normalise(text));
    }
}

/// [`normalise`] by the book.
pub(crate) fn slow_normalise(text: &str) -> String {
    let nfkc: String = text.nfkc().collect();
    nfkc.to_lowercase().chars().map(fold_kana).collect()
}

/// [`normalise`] in one pass for text made only of characters whose NFKC
/// form is one character of their own that never combines with a neighbour
/// (ASCII, kana, common kanji, Japanese punctuation, full-width ASCII, the
/// ideographic space); `None` for anything else, which takes the slow way.
pub(crate) fn fast_normalise(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    fast_normalise_into(text, &mut out).then_some(out)
}

/// [`fast_normalise`] appending to `out`; false (with `out` partly
/// written) where the text needs the slow way.
fn fast_normalise_into(text: &str, out: &mut String) -> bool {
    out.reserve(text.len());
    for c in text.chars() {
        let n = c as u32;
        let mapped = match n {
            0x20..=0x7E => c.to_ascii_lowercase(),
            0x09 | 0x0A | 0x0D => c,
            0x3000 => ' ',
            0xFF01..=0xFF5E => match char::from_u32(n - 0xFEE0) {
                Some(c) => c.to_ascii_lowercase(),
                None => return false,
            },
            0x3041..=0x3096 | 0x309D | 0x309E => fold_kana(c),
            0x3001..=0x3012 | 0x3014..=0x301F | 0x30A1..=0x30FA | 0x30FB..=0x30FE => c,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => c,
            _ => return false,
        };
        out.push(mapped);
    }
    true
}

/// Hiragana as katakana (ぁ–ゖ and ゝゞ); other characters unchanged.
fn fold_kana(c: char) -> char {
    match c {
        '\u{3041}'..='\u{3096}' | '\u{309D}' | '\u{309E}' => {
            char::from_u32(c as u32 + 0x60).unwrap_or(c)
        }
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_width_case_and_kana() {
        assert_eq!(normalise("ＮＥＴＳＵＧＥＮ"), "netsugen");
        assert_eq!(normalise("ﾃﾚﾜｰｸ"), "テレワーク");
        assert_eq!(normalise("てれわーく"), "テレワーク");
        assert_eq!(normalise("９３．２％"), "93.2%");
        assert_eq!(normalise("２０２５年度"), "2025年度");
    }
}
