//! Fiscal years 年度, calendar dates, the Japanese era names 和暦 of both,
//! the range of years kohyo accepts, and number display: the one owner of
//! these rules, for the checks and for the pages.

use std::fmt;

/// The first fiscal year kohyo accepts in content.
pub const FIRST_YEAR: i32 = 1900;
/// The last fiscal year kohyo accepts in content.
pub const LAST_YEAR: i32 = 2200;

/// Whether `year` lies in [`FIRST_YEAR`]`..=`[`LAST_YEAR`]: plausible for a
/// fiscal year written in the Western calendar (catches typos like 20255).
pub fn plausible(year: i64) -> bool {
    (i64::from(FIRST_YEAR)..=i64::from(LAST_YEAR)).contains(&year)
}

/// A Japanese era 元号: its name, its letter and the day it began.
struct Era {
    name: &'static str,
    /// The letter spreadsheets abbreviate it to: R6 for 令和6年.
    letter: char,
    /// (year, month, day) of the first day.
    start: (i32, u32, u32),
}

/// The eras kohyo shows and reads, newest first. A fiscal year runs April to
/// March, so the year an era begins (May 2019 for 令和, January 1989 for 平成)
/// is by custom called by the new era for the whole fiscal year: 令和元年度.
/// Calendar dates take the era of the day.
const ERAS: &[Era] = &[
    Era {
        name: "令和",
        letter: 'R',
        start: (2019, 5, 1),
    },
    Era {
        name: "平成",
        letter: 'H',
        start: (1989, 1, 8),
    },
    Era {
        name: "昭和",
        letter: 'S',
        start: (1926, 12, 25),
    },
];

/// `name` and the year `n` of the era: `令和7年`, or `令和元年` for the first.
fn era_label(name: &str, n: i32) -> String {
    if n == 1 {
        format!("{name}元年")
    } else {
        format!("{name}{n}年")
    }
}

/// The era form of a fiscal year, e.g. `令和7年度`, or `None` before 昭和.
pub fn era_year(year: i32) -> Option<String> {
    ERAS.iter()
        .find(|era| year >= era.start.0)
        .map(|era| format!("{}度", era_label(era.name, year - era.start.0 + 1)))
}

/// The Western year of year `n` of the era called `era` (令和, or its letter
/// R; 平成 H; 昭和 S): `western_year("令和", 6)` is 2024. `None` for another
/// name or a year before the first.
pub fn western_year(era: &str, n: i32) -> Option<i32> {
    let mut letter = era.chars();
    let one = letter.next().filter(|_| letter.next().is_none());
    ERAS.iter()
        .find(|e| e.name == era || Some(e.letter) == one)
        .filter(|_| n >= 1)
        .map(|e| e.start.0 + n - 1)
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

/// A calendar date `YYYY-MM-DD`, or a month `YYYY-MM` where a month is
/// enough, that exists: the month is 1 to 12 and the day is in the month
/// (2025-02-29 and 2025-04-31 are not dates).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year, four digits.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day of the month, or `None` for a month.
    pub day: Option<u32>,
}

/// Why a text is not a [`Date`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not written `YYYY-MM-DD` (or `YYYY-MM` where a month is allowed).
    Form,
    /// The month is not 1 to 12.
    Month,
    /// The day is past the month's last day, or 0.
    Day {
        /// The year.
        year: i32,
        /// The month, 1 to 12.
        month: u32,
        /// How many days the month has.
        days: u32,
    },
}

impl Date {
    /// Reads `YYYY-MM-DD`, or also `YYYY-MM` when `allow_month`.
    pub fn parse(text: &str, allow_month: bool) -> Result<Date, DateError> {
        let digits = |p: &str, len: usize| {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u32>().ok())
                .flatten()
        };
        let parts: Vec<&str> = text.split('-').collect();
        let (y, m, d) = match parts.as_slice() {
            [y, m] if allow_month => (digits(y, 4), digits(m, 2), None),
            [y, m, d] => (digits(y, 4), digits(m, 2), Some(digits(d, 2))),
            _ => return Err(DateError::Form),
        };
        let (Some(year), Some(month)) = (y, m) else {
            return Err(DateError::Form);
        };
        let day = match d {
            Some(None) => return Err(DateError::Form),
            Some(Some(d)) => Some(d),
            None => None,
        };
        if !(1..=12).contains(&month) {
            return Err(DateError::Month);
        }
        let year = year as i32;
        if let Some(d) = day {
            let days = days_in_month(year, month);
            if d == 0 || d > days {
                return Err(DateError::Day { year, month, days });
            }
        }
        Ok(Date { year, month, day })
    }

    /// The era of the date's day (of the month's first day for a month), as
    /// `令和7年`; `None` before 昭和.
    fn era(&self) -> Option<String> {
        let day = (self.year, self.month, self.day.unwrap_or(1));
        ERAS.iter()
            .find(|era| day >= era.start)
            .map(|era| era_label(era.name, self.year - era.start.0 + 1))
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD` or `YYYY-MM`, as in content.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)?;
        match self.day {
            Some(d) => write!(f, "-{d:02}"),
            None => Ok(()),
        }
    }
}

/// How many days `month` (1 to 12) of `year` has, leap years counted.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// A `YYYY-MM-DD` or `YYYY-MM` date as Japanese readers write it:
/// `2025年3月31日` or `2025年3月`, with the era after the year when eras are
/// on (`2025年（令和7年）3月31日`). `None` when `date` is not such a date.
pub fn date(date: &str, with_era: bool) -> Option<String> {
    let d = Date::parse(date, true).ok()?;
    let month = month_of(&d, with_era);
    Some(match d.day {
        Some(day) => format!("{month}{day}日"),
        None => month,
    })
}

/// A `YYYY-MM-DD` (or `YYYY-MM`) date's month as Japanese readers write it:
/// `2025年3月`, or `2025年（令和7年）3月` with eras on. `None` when `date` is
/// not such a date.
pub fn month(date: &str, with_era: bool) -> Option<String> {
    Date::parse(date, true).ok().map(|d| month_of(&d, with_era))
}

fn month_of(d: &Date, with_era: bool) -> String {
    let (year, m) = (d.year, d.month);
    match d.era() {
        Some(e) if with_era => format!("{year}年（{e}）{m}月"),
        _ => format!("{year}年{m}月"),
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
        assert_eq!(era_year(1988).as_deref(), Some("昭和63年度"));
        assert_eq!(era_year(1926).as_deref(), Some("昭和元年度"));
        assert_eq!(era_year(1900), None);
        assert_eq!(western_year("令和", 6), Some(2024));
        assert_eq!(western_year("R", 1), Some(2019));
        assert_eq!(western_year("平成", 30), Some(2018));
        assert_eq!(western_year("S", 64), Some(1989));
        assert_eq!(western_year("大正", 1), None);
        assert_eq!(western_year("令和", 0), None);
        assert_eq!(western_year("RR", 1), None);
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
        assert_eq!(date("2025-02-31", false), None);
        assert_eq!(
            date("1989-01-07", true).as_deref(),
            Some("1989年（昭和64年）1月7日")
        );
    }

    #[test]
    fn dates_know_month_lengths() {
        assert_eq!(
            Date::parse("2025-02-31", false),
            Err(DateError::Day {
                year: 2025,
                month: 2,
                days: 28
            })
        );
        assert_eq!(
            Date::parse("2025-04-31", false),
            Err(DateError::Day {
                year: 2025,
                month: 4,
                days: 30
            })
        );
        assert_eq!(
            Date::parse("2025-01-00", false),
            Err(DateError::Day {
                year: 2025,
                month: 1,
                days: 31
            })
        );
        assert!(Date::parse("2024-02-29", false).is_ok());
        assert!(Date::parse("2000-02-29", false).is_ok());
        assert_eq!(
            Date::parse("2100-02-29", false),
            Err(DateError::Day {
                year: 2100,
                month: 2,
                days: 28
            })
        );
        assert_eq!(Date::parse("2025-13-01", false), Err(DateError::Month));
        assert_eq!(Date::parse("2025-03", false), Err(DateError::Form));
        assert_eq!(Date::parse("2025-3-01", false), Err(DateError::Form));
        assert_eq!(Date::parse("R7-03", true), Err(DateError::Form));
        let month = Date::parse("2025-03", true).unwrap();
        assert_eq!(
            (month.day, month.to_string()),
            (None, "2025-03".to_string())
        );
        assert_eq!(
            Date::parse("2025-03-31", false).unwrap().to_string(),
            "2025-03-31"
        );
    }

    #[test]
    fn plausible_years() {
        assert!(plausible(1900) && plausible(2200) && plausible(2025));
        assert!(!plausible(1899) && !plausible(2201) && !plausible(7));
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
