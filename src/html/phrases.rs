//! Japanese line breaking decided at build time: headings, titles, captions
//! and table cells get `<wbr>` at phrase boundaries (文節), so that with the
//! theme's `word-break: keep-all` a line breaks between phrases
//! (「実施計画の/推進」), never inside a word (「実施計/画」), in every browser
//! and without JavaScript.
//!
//! Phrases come from BudouX (Google's phrase model, Apache-2.0) through the
//! `budouy` crate, with rules of our own: a phrase too long for a phone's
//! line (a plan's title such as 「第7次沖縄県行財政改革プラン」 is one phrase to
//! BudouX) may also break after an ordinal 第N次 and where kanji meet
//! katakana; a phrase of a single character (a mark such as ★, a lone
//! particle) is joined to its neighbour, so no line is left holding one
//! character; and numbers stay on the line of the characters they are
//! written with (「第7次」, 「2025年」), where browsers would break.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use budouy::Parser;
use budouy::model::load_default_japanese_parser;

use crate::html::escape::xml as html;

static PARSER: LazyLock<Parser> = LazyLock::new(load_default_japanese_parser);

/// Texts already marked: the same titles recur on many pages (the site's
/// title on every one). Emptied when it grows past [`CACHE_LIMIT`], so a
/// long preview session never holds more than that.
static CACHE: LazyLock<Mutex<HashMap<String, String>>> = LazyLock::new(Default::default);
const CACHE_LIMIT: usize = 50_000;

/// The character offsets (from 1 to the text's length less 1) where a line
/// may break between phrases of `text`.
pub fn boundaries(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() < 4 || !chars.iter().any(|c| is_cjk(*c)) {
        return Vec::new();
    }
    let mut cuts: Vec<usize> = PARSER
        .parse_boundaries(text)
        .into_iter()
        .filter(|&i| i > 0 && i < chars.len())
        // A space already lets the line break there.
        .filter(|&i| !chars[i - 1].is_whitespace() && !chars[i].is_whitespace())
        .collect();
    cuts = within_long_phrases(&chars, cuts);
    // No phrase of one character: drop the cut that leaves it alone.
    loop {
        let mut edges = vec![0];
        edges.extend(&cuts);
        edges.push(chars.len());
        let Some(k) = edges.windows(2).position(|w| w[1] - w[0] == 1) else {
            break;
        };
        // The phrase edges[k]..edges[k+1] has one character: join it to the
        // following phrase, or to the previous one when it is the last.
        if k < cuts.len() {
            cuts.remove(k);
        } else {
            cuts.remove(k - 1);
        }
    }
    cuts
}

/// A phrase longer than this many characters may break inside (see
/// [`within_long_phrases`]).
const LONG_PHRASE: usize = 7;

/// `cuts` with breaks added inside phrases longer than [`LONG_PHRASE`]:
/// after a number's counter (第7次 / 沖縄県…) and where kanji and katakana
/// meet (行財政改革 / プラン), so a long title does not overflow a phone's line
/// and get broken at any character.
fn within_long_phrases(chars: &[char], cuts: Vec<usize>) -> Vec<usize> {
    let mut edges = vec![0];
    edges.extend(&cuts);
    edges.push(chars.len());
    let mut out = cuts.clone();
    for w in edges.windows(2) {
        if w[1] - w[0] <= LONG_PHRASE {
            continue;
        }
        for i in w[0] + 2..w[1] {
            let (a, b) = (chars[i - 1], chars[i]);
            let after_counter = chars[i - 2].is_ascii_digit() && is_kanji(a) && !b.is_ascii_digit();
            let script_change = (is_kanji(a) && is_katakana(b)) || (is_katakana(a) && is_kanji(b));
            if after_counter || script_change {
                out.push(i);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The ranges to keep on one line (`<span class="nobr">`): a character and
/// the opening bracket after it, and a number with the characters it is
/// written between (「第7次」), unless a phrase boundary lies there.
fn glued(chars: &[char], cuts: &[usize]) -> Vec<(usize, usize)> {
    let cut = |i: usize| cuts.binary_search(&i).is_ok();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let mut end = i;
            while end < chars.len()
                && (chars[end].is_ascii_digit()
                    || (matches!(chars[end], '.' | ',')
                        && chars.get(end + 1).is_some_and(char::is_ascii_digit)))
            {
                end += 1;
            }
            let start = if i > 0 && is_cjk(chars[i - 1]) && !cut(i) {
                i - 1
            } else {
                i
            };
            let stop = if end < chars.len() && is_cjk(chars[end]) && !cut(end) {
                end + 1
            } else {
                end
            };
            if stop - start > end - i && !(start + 1..stop).any(cut) {
                out.push((start, stop));
            }
            i = end;
        } else if i + 1 < chars.len() && is_opening(chars[i + 1]) && !cut(i + 1) {
            out.push((i, i + 2));
            i += 2;
        } else {
            i += 1;
        }
    }
    // Overlapping ranges become one.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in out {
        match merged.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// `text` escaped for HTML, with `<wbr>` at its phrase boundaries. Inside
/// a phrase, an opening bracket is kept on the line of the character before
/// it (`<span class="nobr">★（</span>`): browsers may otherwise break there.
pub fn wbr(text: &str) -> String {
    if let Some(done) = CACHE.lock().ok().and_then(|c| c.get(text).cloned()) {
        return done;
    }
    let out = mark(text);
    if let Ok(mut cache) = CACHE.lock() {
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(text.to_string(), out.clone());
    }
    out
}

/// [`wbr`] without the cache.
fn mark(text: &str) -> String {
    let cuts = boundaries(text);
    if cuts.is_empty() {
        return html(text);
    }
    let chars: Vec<char> = text.chars().collect();
    // Sorted and apart, so they are met in order.
    let mut glue = glued(&chars, &cuts).into_iter().peekable();
    let mut out = String::with_capacity(text.len() + cuts.len() * 5);
    let mut i = 0;
    while i < chars.len() {
        if cuts.binary_search(&i).is_ok() {
            out.push_str("<wbr>");
        }
        if let Some((_, end)) = glue.next_if(|(s, _)| *s == i) {
            out.push_str("<span class=\"nobr\">");
            out.push_str(&html(&chars[i..end].iter().collect::<String>()));
            out.push_str("</span>");
            i = end;
        } else {
            out.push_str(&html(&chars[i].to_string()));
            i += 1;
        }
    }
    out
}

/// Opening brackets, before which a line may break (UAX #14 class OP).
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '（' | '「' | '『' | '【' | '〔' | '［' | '｛' | '〈' | '《' | '(' | '['
    )
}

fn is_kanji(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー')
}

/// Whether `c` is Japanese (or other CJK) script, where lines break between
/// characters unless told otherwise.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF   // punctuation, hiragana, katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFF00..=0xFFEF // full-width forms
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut edges = vec![0];
        edges.extend(boundaries(text));
        edges.push(chars.len());
        edges
            .windows(2)
            .map(|w| chars[w[0]..w[1]].iter().collect())
            .collect()
    }

    #[test]
    fn words_are_kept_whole() {
        let p = phrases("組織風土改革の推進");
        assert!(p.iter().any(|s| s.contains("組織風土改革")), "{p:?}");
        let p = phrases("職員の育成と組織風土改革");
        assert!(
            p.iter().all(|s| !s.ends_with("風") && !s.ends_with("計")),
            "{p:?}"
        );
        let p = phrases("群馬県行財政改革大綱 実施計画");
        assert!(p.iter().any(|s| s.ends_with("実施計画")), "{p:?}");
    }

    #[test]
    fn no_phrase_of_one_character() {
        for text in [
            "★（群馬県官民データ活用推進計画の取組項目）",
            "職員一人当たり時間外勤務時間数（月平均）",
            "今日は天気です。",
        ] {
            let p = phrases(text);
            assert!(p.iter().all(|s| s.chars().count() > 1), "{text}: {p:?}");
            assert_eq!(p.concat(), text);
        }
    }

    #[test]
    fn html_is_escaped_and_marked() {
        assert_eq!(wbr("今日は天気です。"), "今日は<wbr>天気です。");
        assert_eq!(wbr("A&B <b>"), "A&amp;B &lt;b&gt;");
        let text = "「実施」の<計画>と&推進に関する取組";
        let plain = wbr(text)
            .replace("<wbr>", "")
            .replace("<span class=\"nobr\">", "")
            .replace("</span>", "");
        assert_eq!(plain, crate::html::escape::xml(text));
        assert_eq!(wbr("短い"), "短い");
        assert_eq!(
            wbr("★（群馬県官民データ活用推進計画の取組項目）"),
            "<span class=\"nobr\">★（</span>群馬県官民<wbr>データ<wbr>活用推進計画の<wbr>取組項目）"
        );
        assert_eq!(wbr(""), "");
        // A plan's title that BudouX keeps as one phrase, too long for a phone.
        assert_eq!(
            wbr("第7次沖縄県行財政改革プラン"),
            "<span class=\"nobr\">第7次</span><wbr>沖縄県行財政改革<wbr>プラン"
        );
        assert_eq!(
            wbr("第1次新大田原市行政改革大綱"),
            "<span class=\"nobr\">第1次</span><wbr>新大田原市行政改革大綱"
        );
        assert!(wbr("2025年度の実績").starts_with("<span class=\"nobr\">2025年</span>"));
        let out = wbr("<script>の実施計画");
        assert!(!out.contains("<script>"), "{out}");
    }
}
