//! How a roadmap row's years are written: a span of fiscal years, or the
//! words for a row whose source gives no years.

use crate::model::Period;
use crate::years::fiscal_year;

/// What a row without years says where its span would be.
pub const UNDATED: &str = "年度の記載なし";

/// The span of a roadmap row: 2025年度, 2025年度〜2029年度, or
/// [`UNDATED`] when the source gives no years.
pub fn span(years: Option<Period>, era: bool) -> String {
    match years {
        None => UNDATED.to_string(),
        Some(p) if p.from == p.to => fiscal_year(p.from, era),
        Some(p) => format!("{}〜{}", fiscal_year(p.from, era), fiscal_year(p.to, era)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_rows_without_years() {
        assert_eq!(span(None, false), "年度の記載なし");
        assert_eq!(
            span(
                Some(Period {
                    from: 2026,
                    to: 2026
                }),
                false
            ),
            "2026年度"
        );
        assert_eq!(
            span(
                Some(Period {
                    from: 2026,
                    to: 2028
                }),
                false
            ),
            "2026年度〜2028年度"
        );
    }
}
