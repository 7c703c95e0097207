//! Fiscal years 年度 and their Japanese era names 和暦, and number display.

/// Japanese eras by first Western year, newest first. A fiscal year runs
/// April to March, so the year an era begins (May 2019 for 令和, January 1989
/// for 平成) is by custom called by the new era for the whole fiscal year: 令和元年度.
const ERAS: &[(i32, &str)] = &[(2019, "令和"), (1989, "平成"), (1926, "昭和")];

/// The era form of a fiscal year, e.g. `令和7年度`, or `None` before 昭和.
pub fn era_year(year: i32) -> Option<String> {
    ERAS.iter()
        .find(|(start, _)| year >= *start)
        .map(|(start, name)| {
            let n = year - start + 1;
            if n == 1 {
                format!("{name}元年度")
            } else {
                format!("{name}{n}年度")
            }
        })
}

/// A fiscal year as shown on pages: `2025年度`, or `2025年度（令和7年度）` with eras on.
pub fn fiscal_year(year: i32, with_era: bool) -> String {
    match era_year(year) {
        Some(era) if with_era => format!("{year}年度（{era}）"),
        _ => format!("{year}年度"),
    }
}

/// A number with `precision` decimal places, or as short as it can be
/// exactly shown, with thousands separated by commas as Japanese
/// publications print them (8,030).
pub fn number(value: f64, precision: Option<u8>) -> String {
    let plain = match precision {
        Some(p) => format!("{value:.*}", usize::from(p)),
        None => format!("{value}"),
    };
    let (sign, rest) = plain
        .strip_prefix('-')
        .map_or(("", plain.as_str()), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn era_years() {
        assert_eq!(era_year(2025).as_deref(), Some("令和7年度"));
        assert_eq!(era_year(2019).as_deref(), Some("令和元年度"));
        assert_eq!(era_year(2018).as_deref(), Some("平成30年度"));
        assert_eq!(era_year(1989).as_deref(), Some("平成元年度"));
        assert_eq!(era_year(1900), None);
    }

    #[test]
    fn fiscal_year_labels() {
        assert_eq!(fiscal_year(2025, false), "2025年度");
        assert_eq!(fiscal_year(2025, true), "2025年度（令和7年度）");
        assert_eq!(fiscal_year(1900, true), "1900年度");
    }

    #[test]
    fn numbers() {
        assert_eq!(number(210.0, None), "210");
        assert_eq!(number(12.5, None), "12.5");
        assert_eq!(number(1.9, Some(2)), "1.90");
        assert_eq!(number(65.05, Some(0)), "65");
        assert_eq!(number(8030.0, None), "8,030");
        assert_eq!(number(-1234567.25, None), "-1,234,567.25");
        assert_eq!(number(999.0, None), "999");
    }
}
