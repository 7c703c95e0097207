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

/// Era start dates (year, month, day), newest first, for calendar dates.
const ERA_DAYS: &[((i32, u32, u32), &str)] = &[
    ((2019, 5, 1), "令和"),
    ((1989, 1, 8), "平成"),
    ((1926, 12, 25), "昭和"),
];

/// A `YYYY-MM-DD` or `YYYY-MM` date as Japanese readers write it:
/// `2025年3月31日` or `2025年3月`, with the era after the year when eras are
/// on (`2025年（令和7年）3月31日`). `None` when `date` is not such a date.
pub fn date(date: &str, with_era: bool) -> Option<String> {
    let day = date
        .get(8..)
        .filter(|_| date.len() == 10)
        .and_then(|d| d.parse::<u32>().ok())
        .filter(|d| (1..=31).contains(d));
    let month = month(date, with_era)?;
    match (date.len(), day) {
        (7, _) => Some(month),
        (10, Some(d)) => Some(format!("{month}{d}日")),
        _ => None,
    }
}

/// A `YYYY-MM-DD` (or `YYYY-MM`) date's month as Japanese readers write it:
/// `2025年3月`, or `2025年（令和7年）3月` with eras on. `None` when `date` is
/// not such a date.
pub fn month(date: &str, with_era: bool) -> Option<String> {
    let mut parts = date.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts
        .next()
        .unwrap_or("1")
        .get(..2)
        .unwrap_or("1")
        .parse()
        .ok()?;
    if !(1..=12).contains(&m) {
        return None;
    }
    let era = ERA_DAYS
        .iter()
        .find(|(start, _)| (year, m, d) >= *start)
        .map(|((start, _, _), name)| match year - start + 1 {
            1 => format!("{name}元年"),
            n => format!("{name}{n}年"),
        });
    Some(match era {
        Some(e) if with_era => format!("{year}年（{e}）{m}月"),
        _ => format!("{year}年{m}月"),
    })
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
    fn months() {
        assert_eq!(month("2025-03-31", false).as_deref(), Some("2025年3月"));
        assert_eq!(
            month("2025-03-31", true).as_deref(),
            Some("2025年（令和7年）3月")
        );
        assert_eq!(
            month("2019-04-30", true).as_deref(),
            Some("2019年（平成31年）4月")
        );
        assert_eq!(
            month("2019-05-01", true).as_deref(),
            Some("2019年（令和元年）5月")
        );
        assert_eq!(month("2025-13-01", false), None);
        assert_eq!(month("令和7年", false), None);
    }

    #[test]
    fn dates() {
        assert_eq!(date("2025-03-31", false).as_deref(), Some("2025年3月31日"));
        assert_eq!(date("2025-03", false).as_deref(), Some("2025年3月"));
        assert_eq!(
            date("2026-08-01", true).as_deref(),
            Some("2026年（令和8年）8月1日")
        );
        assert_eq!(date("2025-03-xx", false), None);
        assert_eq!(date("2025", false), None);
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
