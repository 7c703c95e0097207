//! Synonyms: groups of words a search treats as one, so a visitor who types
//! an everyday word (在宅勤務) finds the pages that use the administrative
//! term (テレワーク). Built-in groups plus the site's own in
//! `content/synonyms.yaml`, checked with file:line errors.

use super::Checker;
use crate::diagnostics::{Diagnostics, Place};
use crate::load::raw::RawSynonyms;
use crate::text::normalise;

/// Longest word of a group, in characters.
const MAX_WORD: usize = 40;

/// The built-in groups: everyday words next to the terms plans use.
pub const DEFAULTS: &[&[&str]] = &[
    &["テレワーク", "在宅勤務", "リモートワーク", "在宅ワーク"],
    &[
        "オンライン申請",
        "電子申請",
        "ネット申請",
        "インターネット申請",
    ],
    &["時間外勤務", "残業"],
    &["年次有給休暇", "有給休暇", "有休", "年休"],
    &["DX", "デジタルトランスフォーメーション", "デジタル化"],
    &["AI", "人工知能"],
    &["ペーパーレス", "紙の削減"],
    &["キャッシュレス", "電子決済"],
    &["ハラスメント", "パワハラ", "セクハラ"],
    &["メンタルヘルス", "心の健康"],
    &["公用車", "庁用車"],
];

/// The groups a site searches with: the built-in ones (unless `defaults:
/// false`) merged with the site's, where a site group that shares a word
/// with a built-in one joins it. Words are kept as written, each once;
/// problems in the file go to `diags`.
pub fn groups(raw: Option<(&str, &RawSynonyms)>, diags: &mut Diagnostics) -> Vec<Vec<String>> {
    let use_defaults = raw.and_then(|(_, r)| r.defaults).unwrap_or(true);
    let mut groups: Vec<Vec<String>> = if use_defaults {
        DEFAULTS
            .iter()
            .map(|g| g.iter().map(|w| w.to_string()).collect())
            .collect()
    } else {
        Vec::new()
    };
    let Some((file, raw)) = raw else {
        return groups;
    };
    let ck = &mut Checker::new(file, diags);
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (n, group) in raw.groups.iter().enumerate() {
        if group.len() < 2 {
            let place = group
                .first()
                .map(|w| ck.place(w))
                .unwrap_or_else(|| Place::file(file));
            ck.error_at(
                place,
                "synonyms",
                format!("synonym group {} has fewer than two words", n + 1),
                "write each group as a list of two or more words, e.g. `- [在宅勤務, テレワーク]`",
            );
            continue;
        }
        let mut words = Vec::new();
        for w in group {
            let key = normalise(w.value.trim());
            if key.is_empty() || key.chars().count() > MAX_WORD {
                ck.error(
                    w,
                    "synonyms",
                    format!(
                        "synonym `{}` is empty or longer than {MAX_WORD} characters",
                        w.value
                    ),
                    "write a word or short phrase a visitor would type",
                );
                continue;
            }
            if let Some((_, other)) = seen.iter().find(|(k, g)| *k == key && *g != n) {
                ck.error(
                    w,
                    "synonyms",
                    format!("`{}` is already in synonym group {}", w.value, other + 1),
                    "put each word in one group only; merge the two groups if they mean the same",
                );
                continue;
            }
            seen.push((key, n));
            words.push(w.value.trim().to_string());
        }
        merge(&mut groups, words);
    }
    groups
}

/// Adds `words` to `groups`, joining every group that shares a word with it.
fn merge(groups: &mut Vec<Vec<String>>, words: Vec<String>) {
    let keys: Vec<String> = words.iter().map(|w| normalise(w)).collect();
    let mut merged = Vec::new();
    let mut k = 0;
    while k < groups.len() {
        if groups[k].iter().any(|w| keys.contains(&normalise(w))) {
            merged.extend(groups.remove(k));
        } else {
            k += 1;
        }
    }
    for w in words {
        if !merged.iter().any(|m| normalise(m) == normalise(&w)) {
            merged.push(w);
        }
    }
    if merged.len() >= 2 {
        groups.push(merged);
    }
}

#[cfg(test)]
mod tests {
    /// The file a site sets its synonyms in, relative to the site root.
    const FILE: &str = "content/synonyms.yaml";
    use super::*;

    fn parse(yaml: &str) -> RawSynonyms {
        crate::load::parse_yaml(yaml, FILE).unwrap()
    }

    #[test]
    fn site_groups_join_the_defaults() {
        let raw = parse("groups:\n  - [ネツゲン, NETSUGEN]\n  - [在宅勤務, テレワーク勤務]\n");
        let mut diags = Diagnostics::new();
        let g = groups(Some((FILE, &raw)), &mut diags);
        assert!(!diags.has_errors());
        assert!(g.contains(&vec!["ネツゲン".to_string(), "NETSUGEN".to_string()]));
        let telework = g
            .iter()
            .find(|g| g.contains(&"テレワーク勤務".to_string()))
            .unwrap();
        assert!(telework.contains(&"テレワーク".to_string()), "{telework:?}");
        assert_eq!(
            g.iter()
                .filter(|g| g.contains(&"在宅勤務".to_string()))
                .count(),
            1
        );
    }

    #[test]
    fn bad_groups_are_errors_at_their_line() {
        let raw = parse("defaults: false\ngroups:\n  - [ひとつ]\n  - [Ａ, b]\n  - [a, c]\n");
        let mut diags = Diagnostics::new();
        let g = groups(Some((FILE, &raw)), &mut diags);
        let errors = diags.sorted();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(errors[0].place.line, 3);
        assert!(
            errors[1].message.contains("already in synonym group 2"),
            "{}",
            errors[1].message
        );
        assert_eq!(errors[1].place.line, 5);
        assert_eq!(g, vec![vec!["Ａ".to_string(), "b".to_string()]]);
    }
}
