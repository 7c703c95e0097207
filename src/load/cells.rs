//! Reading values out of cells: whole numbers, decimals, fiscal years and
//! dates, written the ways Japanese spreadsheets write them (full-width
//! digits, `2024年度`, `令和6年度`, `1,234`).

/// Full-width ASCII (`１２Ａ`) and the ideographic space to their plain forms;
/// the minus sign `−` to `-`.
pub(crate) fn halfwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '\u{2212}' => '-',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// A whole number ≥ 1 such as an item number.
pub(crate) fn whole(s: &str) -> Option<u32> {
    let s = halfwidth(s);
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|n| *n >= 1)
}

/// A finite decimal number; `1,234` (thousands separators) is accepted.
pub(crate) fn decimal(s: &str) -> Option<f64> {
    let s = halfwidth(s).replace(',', "");
    let ok = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        && s.bytes().any(|b| b.is_ascii_digit());
    if !ok {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A fiscal year: `2024`, `2024年度`, `令和6年度`, `R6`, `平成30年度`, `H30`,
/// `昭和63年度`, `S63` (eras read by [`crate::years::western_year`]). Years
/// outside the range kohyo accepts ([`crate::years::plausible`]) are refused.
pub(crate) fn fiscal_year(s: &str) -> Option<i64> {
    let s = halfwidth(s);
    let s = s.strip_suffix("年度").unwrap_or(&s);
    let digits = s.trim_start_matches(|c: char| !c.is_ascii_digit() && c != '元');
    let era = &s[..s.len() - digits.len()];
    let year = if era.is_empty() {
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()?
    } else {
        let n = if digits == "元" {
            1
        } else if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            digits.parse().ok()?
        } else {
            return None;
        };
        i64::from(crate::years::western_year(era, n)?)
    };
    crate::years::plausible(year).then_some(year)
}

/// Whether `s` is a calendar date `YYYY-MM-DD` (with the month's real
/// length: `2025-02-31` is not one), by [`crate::years::Date`].
pub(crate) fn is_date(s: &str) -> bool {
    crate::years::Date::parse(s, false).is_ok()
}

/// The known name closest to `name`, if it is close enough to be a typo.
pub(crate) fn nearest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    known
        .map(|k| (strsim::levenshtein(name, k), k))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, k)| k)
}

/// A cell's text as Markdown: each line of the cell becomes a paragraph of
/// its own (a single line break inside a Japanese paragraph would show as a
/// space), except that consecutive list lines (`- `, `* `, `1. `) stay a list.
pub(crate) fn markdown(s: &str) -> String {
    let is_list = |l: &str| {
        l.starts_with("- ")
            || l.starts_with("* ")
            || l.starts_with("+ ")
            || l.split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let lines: Vec<&str> = s
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str(if is_list(line) && is_list(lines[i - 1]) {
                "\n"
            } else {
                "\n\n"
            });
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_years() {
        assert_eq!(whole("９"), Some(9));
        assert_eq!(whole("9.0"), None);
        assert_eq!(whole("0"), None);
        assert_eq!(decimal("1,234.5"), Some(1234.5));
        assert_eq!(decimal("－１２"), Some(-12.0));
        assert_eq!(decimal("−12"), Some(-12.0));
        assert_eq!(decimal("12.5%"), None);
        assert_eq!(decimal("nan"), None);
        assert_eq!(fiscal_year("2024年度"), Some(2024));
        assert_eq!(fiscal_year("令和6年度"), Some(2024));
        assert_eq!(fiscal_year("R11"), Some(2029));
        assert_eq!(fiscal_year("令和元年度"), Some(2019));
        assert_eq!(fiscal_year("H30"), Some(2018));
        assert_eq!(fiscal_year("24"), None);
        assert_eq!(fiscal_year("昭和63年度"), Some(1988));
        assert_eq!(fiscal_year("S63"), Some(1988));
        assert_eq!(fiscal_year("平成元年度"), Some(1989));
        assert_eq!(fiscal_year("Ｒ６"), Some(2024));
        assert_eq!(fiscal_year("X6"), None);
        assert_eq!(fiscal_year("令和"), None);
        assert!(is_date("2026-08-29"));
        assert!(!is_date("2026-8-29"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2025-02-31"), "February 2025 has 28 days");
        assert_eq!(
            nearest("人事科", ["人事課", "総務課"].into_iter()),
            Some("人事課")
        );
    }

    #[test]
    fn cell_lines_become_paragraphs_but_lists_stay() {
        assert_eq!(markdown("一行目\n二行目"), "一行目\n\n二行目");
        assert_eq!(markdown("前文\n- a\n- b\n\n後"), "前文\n\n- a\n- b\n\n後");
    }
}
